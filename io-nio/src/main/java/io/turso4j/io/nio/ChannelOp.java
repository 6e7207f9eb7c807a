package io.turso4j.io.nio;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;

import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;

/**
 * One read or write that may take several channel calls (short transfers, vectored writes):
 * each call's handler issues the next from the pool thread it runs on, so nothing waits.
 *
 * <p>Life: {@link #start()} pins the buffers and issues the first call; the op ends exactly
 * once, in {@link #finish(long)} or {@link #failed(Throwable, Void)}, which unpin the buffers
 * <em>before</em> completing, so whoever observes the completion may release them at once.
 *
 * <p>Threads: started by the issuing thread; every later step runs on a pool thread of the
 * owning {@link NioIO}, one at a time (each step is issued by the one before it).
 */
abstract sealed class ChannelOp implements CompletionHandler<Integer, Void> permits ReadOp, WriteOp {
    final AsynchronousFileChannel channel;
    /** For failure messages: the operation, the path and the offset. */
    final String what;
    private final Completion completion;
    private final Buffer[] pinned;

    ChannelOp(AsynchronousFileChannel channel, String what, Completion completion, Buffer... pinned) {
        this.channel = channel;
        this.what = what;
        this.completion = completion;
        this.pinned = pinned;
    }

    /** Pins the buffers and issues the first channel call. */
    final void start() {
        for (Buffer b : pinned) {
            b.pinForIo();
        }
        issueNext();
    }

    /**
     * Issues the next channel call, or finishes. A channel that refuses the call outright
     * (closed, backend shut down, wrong mode) fails the op like a failed transfer.
     */
    final void issueNext() {
        try {
            issue();
        } catch (RuntimeException e) {
            failed(e, null);
        }
    }

    /** Issues one channel call with {@code this} as handler, or calls {@link #finish}. */
    abstract void issue();

    final void finish(long result) {
        unpin();
        completion.complete(result);
    }

    @Override
    public final void failed(Throwable exc, Void attachment) {
        unpin();
        completion.fail(NioFailures.of(what, exc));
    }

    private void unpin() {
        for (Buffer b : pinned) {
            b.unpinForIo();
        }
    }
}
