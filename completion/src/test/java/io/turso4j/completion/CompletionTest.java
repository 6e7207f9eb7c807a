package io.turso4j.completion;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

class CompletionTest {

    @Test
    void firstTransitionWins() {
        Completion c = new Completion();
        assertFalse(c.isDone());
        assertThrows(IllegalStateException.class, c::result);
        assertTrue(c.complete(7));
        assertFalse(c.complete(8));
        assertFalse(c.fail(new IoFailure("late", IoFailure.EIO)));
        assertFalse(c.abort());
        assertEquals(7, c.result());
        assertTrue(c.isSucceeded());
        assertNull(c.failure());
    }

    @Test
    void failureCarriesErrnoAndResultThrowsIt() {
        Completion c = new Completion();
        assertTrue(c.fail(new IoFailure("disk", IoFailure.EIO)));
        assertTrue(c.isFailed());
        assertFalse(c.isAborted());
        IoFailure f = assertThrows(IoFailure.class, c::result);
        assertEquals(IoFailure.EIO, f.errno());
    }

    @Test
    void abortEndsPendingAsAbortFailure() {
        Completion c = new Completion();
        assertTrue(c.abort());
        assertTrue(c.isAborted());
        assertTrue(c.failure().isAbort());
        assertFalse(c.complete(1));
    }

    @Test
    void callbacksRunOnceInRegistrationOrderBeforeAndAfter() {
        Completion c = new Completion();
        List<Integer> order = new ArrayList<>();
        c.onComplete(x -> order.add(1));
        c.onComplete(x -> order.add(2));
        c.complete(0);
        c.complete(0);
        c.onComplete(x -> order.add(3));
        assertEquals(List.of(1, 2, 3), order);
    }

    @Test
    void throwingCallbackDoesNotStopOthers() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        List<Throwable> uncaught = new ArrayList<>();
        Thread t = Thread.ofPlatform().uncaughtExceptionHandler((th, e) -> uncaught.add(e)).unstarted(() -> {
            Completion c = new Completion();
            c.onComplete(x -> { throw new IllegalStateException("boom"); });
            c.onComplete(x -> ran.incrementAndGet());
            c.complete(0);
        });
        t.start();
        t.join();
        assertEquals(1, ran.get());
        assertEquals(1, uncaught.size());
    }

    @Test
    void awaitReturnsWhenCompletedFromAnotherThread() throws Exception {
        Completion c = new Completion();
        Thread.ofVirtual().start(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            c.complete(42);
        });
        c.await();
        assertEquals(42, c.result());
    }

    @Test
    void timedAwaitTimesOutThenLeavesNoStrayUnpark() throws Exception {
        Completion c = new Completion();
        assertThrows(TimeoutException.class, () -> c.await(Duration.ofMillis(10)));
        c.complete(1); // the timed-out waiter's callback must not unpark us now
        long start = System.nanoTime();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40), "park returned early: stray unpark");
    }

    @Test
    void interruptedAwaitThrowsAndOperationGoesOn() throws Exception {
        Completion c = new Completion();
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                c.await();
                seen.complete(null);
            } catch (Throwable e) {
                seen.complete(e);
            }
        });
        Thread.sleep(20);
        t.interrupt();
        assertInstanceOf(InterruptedException.class, seen.get(5, TimeUnit.SECONDS));
        assertFalse(c.isDone());
    }

    @Test
    void uninterruptibleAwaitKeepsTheFlag() throws Exception {
        Completion c = new Completion();
        CompletableFuture<Boolean> flag = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            c.awaitUninterruptibly();
            flag.complete(Thread.currentThread().isInterrupted());
        });
        Thread.sleep(20);
        t.interrupt();
        Thread.sleep(20);
        assertFalse(flag.isDone());
        c.complete(0);
        assertTrue(flag.get(5, TimeUnit.SECONDS));
    }

    @Test
    void futureMirrorsOutcome() throws Exception {
        Completion ok = new Completion();
        CompletableFuture<Long> f = ok.toFuture();
        ok.complete(5);
        assertEquals(5L, f.get());
        Completion bad = Completion.failed(new IoFailure("x", IoFailure.EIO));
        ExecutionException e = assertThrows(ExecutionException.class, () -> bad.toFuture().get());
        assertInstanceOf(IoFailure.class, e.getCause());
    }

    @Test
    void preCompletedFactories() {
        assertEquals(3, Completion.succeeded(3).result());
        assertEquals(0, Completion.succeeded(0).result());
        assertTrue(Completion.failed(new IoFailure("x", IoFailure.EIO)).isFailed());
    }
}
