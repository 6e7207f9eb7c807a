package io.turso4j.io.nio;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;

/**
 * A write of one or more byte ranges laid back to back from {@code pos}: the channel has no
 * gather write, so the parts go out one channel call after another, each looping on short
 * writes, and the op completes once with the total. A call that writes nothing means the
 * device took no more: the op then completes short, as {@link io.turso4j.io.DbFile#write}
 * allows. An exception fails the whole op, whatever was written before it.
 * See {@link ChannelOp} for threads and buffer pinning.
 *
 * <p>A durable write ({@link io.turso4j.io.DbFile#writeDurably}) forces the file (fdatasync)
 * on the pool thread that saw its last part written, before completing: one pool hop fewer
 * than completing the write and then queueing a sync task. A short write is not forced.
 */
final class WriteOp extends ChannelOp {
    private final long pos;
    private final ByteBuffer[] parts;
    private final boolean durable;
    private int part;
    private long written;

    WriteOp(AsynchronousFileChannel channel, String path, long pos, ByteBuffer[] parts, Buffer[] buffers, Completion completion) {
        this(channel, path, pos, parts, buffers, completion, false);
    }

    WriteOp(AsynchronousFileChannel channel, String path, long pos, ByteBuffer[] parts, Buffer[] buffers,
            Completion completion, boolean durable) {
        super(channel, (durable ? "durable write " : "write ") + path + " at " + pos, completion, buffers);
        this.pos = pos;
        this.parts = parts;
        this.durable = durable;
    }

    @Override
    void issue() {
        while (part < parts.length && !parts[part].hasRemaining()) {
            part++;
        }
        if (part == parts.length) {
            // Bytes written means a channel write completed: this is a pool thread, where
            // waiting for the disk is the pool's job.
            if (!durable || written == 0 || forced()) {
                finish(written);
            }
            return;
        }
        channel.write(parts[part], pos + written, null, this);
    }

    @Override
    public void completed(Integer n, Void attachment) {
        if (n <= 0) {
            finish(written);
            return;
        }
        written += n;
        issueNext();
    }

    /** fdatasync; false (the op failed) if it threw. */
    private boolean forced() {
        try {
            channel.force(false);
            return true;
        } catch (IOException | RuntimeException e) {
            failed(e, null);
            return false;
        }
    }
}
