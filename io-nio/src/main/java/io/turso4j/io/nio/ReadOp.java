package io.turso4j.io.nio;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;

/**
 * A read of {@code len} bytes at {@code pos}: loops on short reads until the range is full or
 * the file ends, then zero-fills what the file did not supply and completes with the count
 * read. See {@link ChannelOp} for threads and buffer pinning.
 */
final class ReadOp extends ChannelOp {
    private final long pos;
    private final MemorySegment region;
    /** Window on {@link #region}; its position is the count read so far. */
    private final ByteBuffer dst;

    ReadOp(AsynchronousFileChannel channel, String path, long pos, Buffer buf, int off, int len, Completion completion) {
        super(channel, "read " + path + " at " + pos, completion, buf);
        this.pos = pos;
        this.region = buf.segment().asSlice(off, len);
        this.dst = region.asByteBuffer();
    }

    @Override
    void issue() {
        if (!dst.hasRemaining()) {
            finish(dst.position());
            return;
        }
        channel.read(dst, pos + dst.position(), null, this);
    }

    @Override
    public void completed(Integer n, Void attachment) {
        // -1 is end of file; 0 with room left can only mean the same, and must not spin.
        if (n <= 0) {
            int done = dst.position();
            region.asSlice(done).fill((byte) 0);
            finish(done);
            return;
        }
        issueNext();
    }
}
