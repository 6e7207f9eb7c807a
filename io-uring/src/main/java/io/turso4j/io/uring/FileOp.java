package io.turso4j.io.uring;

import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One operation on a {@link UringFile}, from the moment a caller issues it until its
 * {@link Completion} is done.
 *
 * <p>Hand-off: an op issued off the event loop waits in the {@link Ring}'s incoming queue.
 * Exactly one of two parties claims it with a CAS on {@link #handoff}: the loop ({@link
 * #take()}) to run it, or the issuer ({@link #reject()}) when it finds the ring closed right
 * after queueing it, so an op is neither lost nor run twice while the ring shuts down.
 *
 * <p>Ending: {@link #succeed} and {@link #fail} first release what the op holds on to
 * ({@link #releaseResources()}: buffer pins), then complete, so a callback that reuses the
 * buffer at once finds it unpinned. They run on the loop thread, or on the issuer's thread
 * for an op rejected before it reached the loop.
 */
abstract sealed class FileOp permits KernelOp, LoopOp {
    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int REJECTED = 2;
    private static final VarHandle HANDOFF;

    static {
        try {
            HANDOFF = MethodHandles.lookup().findVarHandle(FileOp.class, "handoff", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final UringFile file;
    final Completion completion = new Completion();
    @SuppressWarnings("unused") // accessed through HANDOFF
    private volatile int handoff;

    FileOp(UringFile file) {
        this.file = file;
    }

    /** The loop claims the op; false if its issuer already rejected it. */
    final boolean take() {
        return HANDOFF.compareAndSet(this, QUEUED, TAKEN);
    }

    /** The issuer claims the op back; false if the loop already took it. */
    final boolean reject() {
        return HANDOFF.compareAndSet(this, QUEUED, REJECTED);
    }

    /** What the op is, for failure messages: "read of /db at 4096". */
    abstract String describe();

    /** Unpins the op's buffers; called exactly once, just before the op completes. */
    void releaseResources() {}

    final void succeed(long result) {
        releaseResources();
        completion.complete(result);
    }

    /** Fails with the kernel's {@code errno} (positive). */
    final void fail(int errno) {
        releaseResources();
        completion.fail(new IoFailure(describe() + " failed", errno));
    }

    final void fail(IoFailure failure) {
        releaseResources();
        completion.fail(failure);
    }
}
