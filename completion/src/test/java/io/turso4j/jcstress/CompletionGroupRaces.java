package io.turso4j.jcstress;

import io.turso4j.completion.Completion;
import io.turso4j.completion.CompletionGroup;
import io.turso4j.completion.IoFailure;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.III_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** jcstress tests for {@link CompletionGroup}: members racing each other and the seal. */
public final class CompletionGroupRaces {
    private CompletionGroupRaces() {}

    /** Two members complete on two threads: the group completes once, with the sum. */
    @JCStressTest
    @Outcome(id = "1, 3", expect = ACCEPTABLE, desc = "group done once with the sum")
    @Outcome(expect = FORBIDDEN, desc = "group not done, done twice, or wrong sum")
    @State
    public static class MembersComplete {
        final Completion a = new Completion();
        final Completion b = new Completion();
        final CompletionGroup g = CompletionGroup.of(a, b);
        final AtomicInteger runs = new AtomicInteger();

        public MembersComplete() {
            g.completion().onComplete(x -> runs.incrementAndGet());
        }

        @Actor
        public void first() {
            a.complete(1);
        }

        @Actor
        public void second() {
            b.complete(2);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = runs.get();
            r.r2 = g.completion().isDone() ? (int) g.completion().result() : -1;
        }
    }

    /** Two members fail on two threads: the group fails once, with one of the two errors. */
    @JCStressTest
    @Outcome(id = "1, 5", expect = ACCEPTABLE, desc = "the first member's error won")
    @Outcome(id = "1, 28", expect = ACCEPTABLE, desc = "the second member's error won")
    @Outcome(expect = FORBIDDEN, desc = "group not failed exactly once")
    @State
    public static class FirstErrorWins {
        final Completion a = new Completion();
        final Completion b = new Completion();
        final CompletionGroup g = CompletionGroup.of(a, b);
        final AtomicInteger runs = new AtomicInteger();

        public FirstErrorWins() {
            g.completion().onComplete(x -> runs.incrementAndGet());
        }

        @Actor
        public void first() {
            a.fail(new IoFailure("first", IoFailure.EIO));
        }

        @Actor
        public void second() {
            b.fail(new IoFailure("second", 28));
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = runs.get();
            r.r2 = g.completion().isFailed() ? g.completion().failure().errno() : -1;
        }
    }

    /**
     * One thread adds a member and seals while another completes that member: whether the
     * member finishes before or after being added, the group completes once, after the seal.
     */
    @JCStressTest
    @Outcome(id = "1, 4, 1", expect = ACCEPTABLE, desc = "group done once with the member's result")
    @Outcome(expect = FORBIDDEN, desc = "group missed the member or finished twice")
    @State
    public static class AddAndSealVsMemberComplete {
        final Completion early = new Completion();
        final Completion raced = new Completion();
        final CompletionGroup g = new CompletionGroup().add(early);
        final AtomicInteger runs = new AtomicInteger();

        public AddAndSealVsMemberComplete() {
            g.completion().onComplete(x -> runs.incrementAndGet());
        }

        @Actor
        public void adder() {
            g.add(raced);
            g.seal();
        }

        @Actor
        public void completer() {
            raced.complete(3);
            early.complete(1);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = runs.get();
            r.r2 = g.completion().isDone() ? (int) g.completion().result() : -1;
            r.r3 = g.isSealed() ? 1 : 0;
        }
    }
}
