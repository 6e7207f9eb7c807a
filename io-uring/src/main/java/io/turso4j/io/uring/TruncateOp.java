package io.turso4j.io.uring;

import io.netty.channel.uring.IoUringIoOps;

/**
 * {@code IORING_OP_FTRUNCATE} (Linux 6.9 and later): sets the file's length, cutting it or
 * extending it with zeros. Completes with 0.
 *
 * <p>A kernel that does not know the opcode answers {@code -EINVAL}; the op then calls
 * ftruncate(2) itself, on the loop thread (where {@link #onCompletion} runs). That call is a
 * metadata update and is rare (the engine truncates on checkpoint and vacuum); ftruncate(2)
 * gives the same EINVAL for a genuinely invalid request, so nothing is hidden.
 */
final class TruncateOp extends KernelOp {
    private final long length;

    TruncateOp(UringFile file, long length) {
        super(file);
        this.length = length;
    }

    @Override
    IoUringIoOps sqe(int fd, int tag) {
        return entry(IORING_OP_FTRUNCATE, fd, length, 0, 0, 0, tag);
    }

    @Override
    boolean onCompletion(int res) {
        int r = res == -Libc.EINVAL ? Libc.ftruncate(file.fd(), length) : res;
        if (r < 0) {
            fail(-r);
        } else {
            succeed(0);
        }
        return false;
    }

    @Override
    String describe() {
        return "truncate of " + file.path() + " to " + length + " bytes";
    }
}
