package io.turso4j.io.nio;

import io.turso4j.completion.IoFailure;

/**
 * How this backend turns what the JDK throws into {@link IoFailure}s: an exception is kept as
 * the cause; the two failures that have no exception behind them (a file used after close,
 * a lock someone else holds) carry the errno the kernel would have given.
 */
final class NioFailures {
    /** EBADF: the file descriptor is closed. */
    static final int EBADF = 9;
    /** EAGAIN: the lock is held by another owner; the {@link io.turso4j.io.DbFile#lock()} contract. */
    static final int EAGAIN = 11;

    private NioFailures() {}

    /** {@code what} failed because of {@code cause}; an IoFailure passes through unchanged. */
    static IoFailure of(String what, Throwable cause) {
        return cause instanceof IoFailure f ? f : new IoFailure(what, cause);
    }

    /** {@code what} was issued on a file already closed. */
    static IoFailure closed(String what) {
        return new IoFailure(what + ": file is closed", EBADF);
    }

    /** The file's lock is held by another owner, described by {@code holder}. */
    static IoFailure lockHeld(String what, String holder) {
        return new IoFailure(what + ": locked by " + holder, EAGAIN);
    }
}
