package io.turso4j.io.uring;

import io.netty.channel.uring.IoUringIoOps;

/**
 * An operation the kernel performs through io_uring: it becomes one submission queue entry,
 * and again another one each time a short transfer has to be resumed.
 *
 * <p>Threads: built on the issuer's thread; {@link #sqe} and {@link #onCompletion} run only
 * on the loop thread, which owns the progress fields of subclasses.
 */
abstract sealed class KernelOp extends FileOp permits TransferOp, WritevOp, SyncOp, TruncateOp {

    // io_uring opcodes (include/uapi/linux/io_uring.h, enum io_uring_op); Netty keeps its own
    // constants package-private.
    static final byte IORING_OP_WRITEV = 2;
    static final byte IORING_OP_FSYNC = 3;
    static final byte IORING_OP_READ = 22;
    static final byte IORING_OP_WRITE = 23;
    static final byte IORING_OP_FTRUNCATE = 55;

    /** fsync_flags bit: fdatasync(2) instead of fsync(2). */
    static final int IORING_FSYNC_DATASYNC = 1;

    KernelOp(UringFile file) {
        super(file);
    }

    /** The next submission for this op, carrying {@code tag} as its user data. */
    abstract IoUringIoOps sqe(int fd, int tag);

    /**
     * Takes the kernel's result for the last submission ({@code -errno} on failure).
     *
     * @return true when the op needs another submission (a short transfer to resume); false
     *     when it has ended, succeeded or failed
     */
    abstract boolean onCompletion(int res);

    /** A submission with the fields file operations use; the rest of the entry is zero. */
    static IoUringIoOps entry(byte opcode, int fd, long offset, long address, int length, int opFlags, int tag) {
        return new IoUringIoOps(opcode, (byte) 0, (short) 0, fd, offset, address, length, opFlags,
                tag, (short) 0, (short) 0, 0, 0L);
    }
}
