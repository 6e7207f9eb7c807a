package io.turso4j.io.uring;

import io.netty.channel.uring.IoUringIoOps;
import io.turso4j.buffer.Buffer;

/**
 * {@code IORING_OP_READ} or {@code IORING_OP_WRITE} of {@code len} bytes at file offset
 * {@code pos}, into or out of {@code buf[off, off+len)}.
 *
 * <p>A short transfer is resumed where it stopped. A read that returns 0 has hit end of file:
 * the rest of the range is zero-filled and the op completes with the count actually read. A
 * write that takes no bytes (the device is full) completes with the count written so far. Both
 * are what the {@link io.turso4j.io.DbFile} contract promises. An op its issuer aborted is not
 * resumed.
 *
 * <p>The buffer is pinned from construction until the op ends.
 */
final class TransferOp extends KernelOp {
    private final boolean write;
    private final long pos;
    private final Buffer buf;
    private final int off;
    private final int len;
    private int done; // loop thread only

    TransferOp(UringFile file, boolean write, long pos, Buffer buf, int off, int len) {
        super(file);
        this.write = write;
        this.pos = pos;
        this.buf = buf;
        this.off = off;
        this.len = len;
        buf.pinForIo();
    }

    @Override
    IoUringIoOps sqe(int fd, int tag) {
        byte opcode = write ? IORING_OP_WRITE : IORING_OP_READ;
        return entry(opcode, fd, pos + done, buf.address() + off + done, len - done, 0, tag);
    }

    @Override
    boolean onCompletion(int res) {
        if (res < 0) {
            fail(-res);
            return false;
        }
        if (res == 0 && !write) {
            buf.segment().asSlice(off + done, len - done).fill((byte) 0);
        }
        done += res;
        if (res > 0 && done < len && !completion.isDone()) { // an aborted op is not resumed
            return true;
        }
        succeed(done);
        return false;
    }

    @Override
    void releaseResources() {
        buf.unpinForIo();
    }

    @Override
    String describe() {
        return (write ? "write of " : "read of ") + len + " bytes at " + pos + " in " + file.path();
    }
}
