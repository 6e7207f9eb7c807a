package io.turso4j.value;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;

/**
 * SQLite's default {@code SQLITE_LIMIT_LENGTH}: no string or blob a function or operator builds
 * may exceed it, and one that would fails with SQLITE_TOOBIG before anything that large is
 * allocated.
 */
public final class LengthLimit {
    /** Bytes, as {@code SQLITE_MAX_LENGTH}. */
    public static final int MAX_LENGTH = 1_000_000_000;

    private LengthLimit() {
    }

    /** Throws "string or blob too big" when {@code length} exceeds the limit (or overflowed). */
    public static void check(long length) {
        if (length > MAX_LENGTH || length < 0) {
            throw new SqliteException(ResultCode.TOOBIG, null);
        }
    }
}
