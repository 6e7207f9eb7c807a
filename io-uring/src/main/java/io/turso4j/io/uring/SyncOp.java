package io.turso4j.io.uring;

import io.netty.channel.uring.IoUringIoOps;

/**
 * {@code IORING_OP_FSYNC} with {@code IORING_FSYNC_DATASYNC}: fdatasync(2), making every
 * write completed before it durable. Completes with 0.
 */
final class SyncOp extends KernelOp {

    SyncOp(UringFile file) {
        super(file);
    }

    @Override
    IoUringIoOps sqe(int fd, int tag) {
        return entry(IORING_OP_FSYNC, fd, 0, 0, 0, IORING_FSYNC_DATASYNC, tag);
    }

    @Override
    boolean onCompletion(int res) {
        if (res < 0) {
            fail(-res);
        } else {
            succeed(0);
        }
        return false;
    }

    @Override
    String describe() {
        return "sync of " + file.path();
    }
}
