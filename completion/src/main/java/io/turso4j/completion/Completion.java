package io.turso4j.completion;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The outcome of one I/O operation, delivered exactly once.
 *
 * <p>States: <b>pending</b> → exactly one of <b>succeeded</b> ({@link #complete(long)}),
 * <b>failed</b> ({@link #fail(IoFailure)}) or <b>aborted</b> ({@link #abort()}). The first
 * transition wins; later ones return {@code false} and change nothing.
 *
 * <p>Threads: any thread may complete, fail or abort (an io_uring event loop, an NIO pool
 * thread, the caller itself for inline backends); any thread may register callbacks or
 * await. All state lives in one field changed by CAS: while pending it holds a stack of
 * registered callbacks, once done it holds the outcome. Completing is a release and
 * observing the outcome ({@link #isDone()}, a callback, {@link #await()}) an acquire, so
 * whatever the completer wrote into the operation's buffer is visible to the observer.
 *
 * <p>Callbacks run exactly once: on the completing thread if registered before
 * completion, on the registering thread if registered after. They must be short and must
 * not block: on io_uring they run on the event loop.
 *
 * <p>{@link #await()} parks the calling thread (a virtual thread unmounts); there is no
 * monitor anywhere.
 */
public final class Completion {

    /** Terminal state: the operation's result, or its failure. */
    private record Outcome(long result, IoFailure failure) {}

    /** A registered callback while pending; a stack, most recent first. */
    private record Waiter(Consumer<Completion> callback, Waiter next) {}

    private static final Outcome ZERO = new Outcome(0, null);
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Completion.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** null or a {@link Waiter} stack while pending; an {@link Outcome} once done. */
    @SuppressWarnings("unused") // accessed through STATE
    private volatile Object state;

    /** A new pending completion. */
    public Completion() {}

    /** A completion that already succeeded with {@code result}: for inline backends. */
    public static Completion succeeded(long result) {
        Completion c = new Completion();
        c.state = result == 0 ? ZERO : new Outcome(result, null);
        return c;
    }

    /** A completion that already failed. */
    public static Completion failed(IoFailure failure) {
        Completion c = new Completion();
        c.state = new Outcome(0, Objects.requireNonNull(failure));
        return c;
    }

    /**
     * Succeeds with {@code result} (bytes transferred, a size, or 0).
     *
     * @return true if this call completed it, false if it was already done
     */
    public boolean complete(long result) {
        return finish(result == 0 ? ZERO : new Outcome(result, null));
    }

    /** Fails with {@code failure}; false if already done. */
    public boolean fail(IoFailure failure) {
        return finish(new Outcome(0, Objects.requireNonNull(failure)));
    }

    /**
     * Aborts a pending operation: it ends failed with an abort failure. The backend may still
     * be using the operation's buffer; the buffer's I/O pin, not this completion, says when
     * the memory is free again.
     *
     * @return true if this call ended it
     */
    public boolean abort() {
        return finish(new Outcome(0, new IoFailure("operation aborted", IoFailure.ECANCELED)));
    }

    private boolean finish(Outcome outcome) {
        Object s;
        do {
            s = STATE.getAcquire(this);
            if (s instanceof Outcome) {
                return false;
            }
        } while (!STATE.compareAndSet(this, s, outcome));
        runAll((Waiter) s);
        return true;
    }

    /** Runs the stacked callbacks in registration order. */
    private void runAll(Waiter top) {
        if (top == null) {
            return;
        }
        Waiter reversed = null;
        for (Waiter w = top; w != null; w = w.next) {
            reversed = new Waiter(w.callback, reversed);
        }
        for (Waiter w = reversed; w != null; w = w.next) {
            runCallback(w.callback);
        }
    }

    private void runCallback(Consumer<Completion> callback) {
        try {
            callback.accept(this);
        } catch (RuntimeException | Error e) {
            // A callback's failure must not stop the others nor escape into the completer
            // (an event loop); hand it to the thread's handler so it is not silent.
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /**
     * Runs {@code callback} once this completion is done: later on the completing thread,
     * or now on this thread if it is already done.
     */
    public void onComplete(Consumer<Completion> callback) {
        Objects.requireNonNull(callback);
        Object s;
        do {
            s = STATE.getAcquire(this);
            if (s instanceof Outcome) {
                runCallback(callback);
                return;
            }
        } while (!STATE.compareAndSet(this, s, new Waiter(callback, (Waiter) s)));
    }

    public boolean isDone() {
        return STATE.getAcquire(this) instanceof Outcome;
    }

    public boolean isSucceeded() {
        return STATE.getAcquire(this) instanceof Outcome o && o.failure == null;
    }

    public boolean isFailed() {
        return STATE.getAcquire(this) instanceof Outcome o && o.failure != null;
    }

    public boolean isAborted() {
        return STATE.getAcquire(this) instanceof Outcome o && o.failure != null && o.failure.isAbort();
    }

    /**
     * The result of a succeeded operation.
     *
     * @throws IoFailure if it failed or was aborted
     * @throws IllegalStateException if it is still pending
     */
    public long result() {
        Outcome o = outcome();
        if (o.failure != null) {
            throw o.failure;
        }
        return o.result;
    }

    /** The failure, or null if it succeeded. @throws IllegalStateException if pending */
    public IoFailure failure() {
        return outcome().failure;
    }

    private Outcome outcome() {
        if (STATE.getAcquire(this) instanceof Outcome o) {
            return o;
        }
        throw new IllegalStateException("completion is still pending");
    }

    /**
     * Parks until done. Cheap on a virtual thread, which unmounts from its carrier.
     *
     * @throws InterruptedException if interrupted while still pending (the operation goes on)
     */
    public void await() throws InterruptedException {
        if (!isDone() && park(NO_DEADLINE, true) == WaitEnd.INTERRUPTED) {
            throw new InterruptedException();
        }
    }

    /**
     * Parks until done or until {@code timeout} passes.
     *
     * @throws TimeoutException if still pending after {@code timeout}
     */
    public void await(Duration timeout) throws InterruptedException, TimeoutException {
        if (isDone()) {
            return;
        }
        long nanos = timeout.toNanos();
        WaitEnd end = nanos <= 0 ? WaitEnd.TIMED_OUT : park(System.nanoTime() + nanos, true);
        switch (end) {
            case DONE -> {}
            case INTERRUPTED -> throw new InterruptedException();
            case TIMED_OUT -> throw new TimeoutException("I/O still pending after " + timeout);
        }
    }

    /** Parks until done without giving up on interrupt; the interrupt flag is restored. */
    public void awaitUninterruptibly() {
        if (!isDone()) {
            park(NO_DEADLINE, false);
        }
    }

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private enum WaitEnd { DONE, TIMED_OUT, INTERRUPTED }

    /**
     * Wakes one parked thread when the completion is done, unless that thread gave up first.
     * Giving up clears {@link #thread}, so a wait that timed out or was interrupted leaves no
     * stray unpark behind to wake an unrelated park of the same thread later.
     */
    private static final class Parker implements Consumer<Completion> {
        volatile Thread thread = Thread.currentThread();

        @Override
        public void accept(Completion c) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Parks the current thread until done, the {@link System#nanoTime()} deadline, or (if
     * {@code interruptible}) an interrupt, which is then consumed. An uninterruptible wait
     * remembers an interrupt and sets the flag again before returning. Done wins over an
     * interrupt or a deadline that arrive together with it.
     */
    private WaitEnd park(long deadline, boolean interruptible) {
        Parker parker = new Parker();
        onComplete(parker);
        boolean interrupted = false;
        try {
            while (!isDone()) {
                if (deadline == NO_DEADLINE) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return WaitEnd.TIMED_OUT;
                    }
                    LockSupport.parkNanos(this, left);
                }
                if (Thread.interrupted()) {
                    if (interruptible && !isDone()) {
                        return WaitEnd.INTERRUPTED;
                    }
                    interrupted = true; // kept for the caller: set again in finally
                }
            }
            return WaitEnd.DONE;
        } finally {
            parker.thread = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A future that completes with the result, or exceptionally with the {@link IoFailure}. */
    public CompletableFuture<Long> toFuture() {
        CompletableFuture<Long> f = new CompletableFuture<>();
        onComplete(c -> {
            IoFailure failure = c.failure();
            if (failure == null) {
                f.complete(c.result());
            } else {
                f.completeExceptionally(failure);
            }
        });
        return f;
    }

    @Override
    public String toString() {
        Object s = STATE.getAcquire(this);
        if (s instanceof Outcome o) {
            return o.failure == null ? "Completion[succeeded " + o.result + "]" : "Completion[failed " + o.failure.getMessage() + "]";
        }
        return "Completion[pending]";
    }
}
