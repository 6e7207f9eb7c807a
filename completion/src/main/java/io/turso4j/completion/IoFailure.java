package io.turso4j.completion;

import java.io.Serial;

/**
 * Why an I/O operation failed: an errno from the kernel (io_uring gives one directly),
 * or an exception from the JDK (the NIO backend), or an abort by the caller.
 *
 * <p>The engine maps every failure to SQLITE_IOERR (an abort to SQLITE_INTERRUPT); the
 * errno and cause are kept so the message can say what the operating system said.
 */
public final class IoFailure extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** errno value when the failure did not come from the kernel. */
    public static final int NO_ERRNO = 0;
    /** ENOENT: no such file. */
    public static final int ENOENT = 2;
    /** EIO, the errno the simulator injects. */
    public static final int EIO = 5;
    /** EBADF: the file is closed, or not open for writing. */
    public static final int EBADF = 9;
    /** EAGAIN: the file's lock is held by another owner. */
    public static final int EAGAIN = 11;
    /** EINVAL: an argument the operation cannot take. */
    public static final int EINVAL = 22;
    /** EFBIG: the file would grow past what the backend can hold. */
    public static final int EFBIG = 27;
    /** ECANCELED, carried by aborted operations. */
    public static final int ECANCELED = 125;

    private final int errno;

    public IoFailure(String message, int errno) {
        super(message + (errno != NO_ERRNO ? " (errno " + errno + ")" : ""), null, false, false);
        this.errno = errno;
    }

    public IoFailure(String message, Throwable cause) {
        super(message + ": " + cause, cause, false, false);
        this.errno = NO_ERRNO;
    }

    /** The kernel's errno (positive), or {@link #NO_ERRNO}. */
    public int errno() {
        return errno;
    }

    /** True when the operation did not fail but was aborted by its issuer. */
    public boolean isAbort() {
        return errno == ECANCELED;
    }
}
