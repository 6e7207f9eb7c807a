package io.turso4j.jcstress;

import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.ZZI_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * jcstress tests for the races {@link Completion} promises to survive. {@link JcstressTest}
 * runs them in jcstress's sanity mode as part of {@code mvn test}; {@code -Pjcstress} runs
 * them for real (see completion/pom.xml).
 */
public final class CompletionRaces {
    private CompletionRaces() {}

    /** A callback registered while another thread completes runs exactly once and sees the result. */
    @JCStressTest
    @Description("complete() vs onComplete(): the callback runs once, with the result")
    @Outcome(id = "1, 7", expect = ACCEPTABLE, desc = "callback ran once and saw the result")
    @Outcome(expect = FORBIDDEN, desc = "callback lost, doubled, or saw no result")
    @State
    public static class CompleteVsCallback {
        final Completion c = new Completion();
        final AtomicInteger runs = new AtomicInteger();
        volatile long seen = -1;

        @Actor
        public void completer() {
            c.complete(7);
        }

        @Actor
        public void registrar() {
            c.onComplete(x -> {
                runs.incrementAndGet();
                seen = x.result();
            });
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = runs.get();
            r.r2 = (int) seen;
        }
    }

    /**
     * Registrations from two threads race each other and the completion: every callback runs
     * exactly once (the callback stack must lose no push to the completing CAS).
     */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "each callback ran exactly once")
    @Outcome(expect = FORBIDDEN, desc = "a callback was lost or ran twice")
    @State
    public static class CallbacksFromTwoThreadsVsComplete {
        final Completion c = new Completion();
        final AtomicInteger a = new AtomicInteger();
        final AtomicInteger b = new AtomicInteger();
        final AtomicInteger d = new AtomicInteger();

        @Actor
        public void registerTwo() {
            c.onComplete(x -> a.incrementAndGet());
            c.onComplete(x -> b.incrementAndGet());
        }

        @Actor
        public void registerThenComplete() {
            c.onComplete(x -> d.incrementAndGet());
            c.complete(1);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = a.get();
            r.r2 = b.get();
            r.r3 = d.get();
        }
    }

    /** complete() and abort() race: exactly one wins and the state says which. */
    @JCStressTest
    @Outcome(id = "true, false, 1", expect = ACCEPTABLE, desc = "completed first")
    @Outcome(id = "false, true, 2", expect = ACCEPTABLE, desc = "aborted first")
    @Outcome(expect = FORBIDDEN, desc = "both or neither won, or the state disagrees")
    @State
    public static class CompleteVsAbort {
        final Completion c = new Completion();

        @Actor
        public void completer(ZZI_Result r) {
            r.r1 = c.complete(1);
        }

        @Actor
        public void aborter(ZZI_Result r) {
            r.r2 = c.abort();
        }

        @Arbiter
        public void arbiter(ZZI_Result r) {
            r.r3 = c.isSucceeded() ? 1 : c.isAborted() ? 2 : 0;
        }
    }

    /** Two completers (a success and a failure): one wins (1 = won), a callback sees the winner once. */
    @JCStressTest
    @Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE, desc = "success won")
    @Outcome(id = "0, 1, 1, 5", expect = ACCEPTABLE, desc = "failure won")
    @Outcome(expect = FORBIDDEN, desc = "both or neither won, or the callback disagrees")
    @State
    public static class TwoCompleters {
        final Completion c = new Completion();
        final AtomicInteger runs = new AtomicInteger();
        volatile int seen;

        public TwoCompleters() {
            c.onComplete(x -> {
                runs.incrementAndGet();
                seen = x.isSucceeded() ? (int) x.result() : x.failure().errno();
            });
        }

        @Actor
        public void succeed(IIII_Result r) {
            r.r1 = c.complete(1) ? 1 : 0;
        }

        @Actor
        public void fail(IIII_Result r) {
            r.r2 = c.fail(new IoFailure("injected", IoFailure.EIO)) ? 1 : 0;
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r3 = runs.get();
            r.r4 = seen;
        }
    }

    /** Whatever the completer wrote before completing is visible to whoever sees it done. */
    @JCStressTest
    @Outcome(id = "0, -1", expect = ACCEPTABLE, desc = "not done yet")
    @Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "done, and the data is visible")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "done but the data is not published")
    @State
    public static class CompletePublishesData {
        final Completion c = new Completion();
        int data; // plain field: the buffer contents an I/O wrote

        @Actor
        public void completer() {
            data = 42;
            c.complete(0);
        }

        @Actor
        public void observer(II_Result r) {
            if (c.isDone()) {
                r.r1 = 1;
                r.r2 = data;
            } else {
                r.r1 = 0;
                r.r2 = -1;
            }
        }
    }

    /** A thread parked in await() wakes when another thread completes. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "await returned after complete")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "await missed the wake-up")
    @State
    public static class AwaitVsComplete {
        final Completion c = new Completion();

        @Actor
        public void waiter() {
            c.awaitUninterruptibly();
        }

        @Signal
        public void signal() {
            c.complete(1);
        }
    }
}
