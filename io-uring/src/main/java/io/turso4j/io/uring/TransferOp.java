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
 * <p>A durable write carries {@code RWF_DSYNC}: the kernel makes each part it writes durable
 * (data and the file length) before completing it, as {@code pwritev2(..., RWF_DSYNC)} would,
 * so one entry does what a write and then an fdatasync entry would do for that range. A
 * resumed part carries the flag again.
 *
 * <p>The buffer is pinned from construction until the op ends.
 */
final class TransferOp extends KernelOp {
    /** Per-write flag (linux/fs.h): O_DSYNC semantics for this write only. */
    static final int RWF_DSYNC = 0x00000002;

    private final boolean write;
    private final int rwFlags;
    private final long pos;
    private final Buffer buf;
    private final int off;
    private final int len;
    private int done; // loop thread only

    TransferOp(UringFile file, boolean write, long pos, Buffer buf, int off, int len) {
        this(file, write, 0, pos, buf, off, len);
    }

    /** A transfer with {@code rwFlags} (0, or {@link #RWF_DSYNC} for a write). */
    TransferOp(UringFile file, boolean write, int rwFlags, long pos, Buffer buf, int off, int len) {
        super(file);
        this.write = write;
        this.rwFlags = rwFlags;
        this.pos = pos;
        this.buf = buf;
        this.off = off;
        this.len = len;
        buf.pinForIo();
    }

    @Override
    IoUringIoOps sqe(int fd, int tag) {
        byte opcode = write ? IORING_OP_WRITE : IORING_OP_READ;
        return entry(opcode, fd, pos + done, buf.address() + off + done, len - done, rwFlags, tag);
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
        return (!write ? "read of " : rwFlags != 0 ? "durable write of " : "write of ") + len + " bytes at " + pos + " in " + file.path();
    }
}
