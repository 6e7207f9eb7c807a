package io.turso4j.function;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;

/**
 * SQLite's default {@code SQLITE_LIMIT_LENGTH}: no string or blob a function builds may exceed
 * it, and one that would fails with SQLITE_TOOBIG before anything that large is allocated.
 */
final class ResultLimits {
    /** Bytes, as {@code SQLITE_MAX_LENGTH}. */
    static final int MAX_LENGTH = 1_000_000_000;

    private ResultLimits() {
    }

    /** Throws "string or blob too big" when {@code length} exceeds the limit. */
    static void checkLength(long length) {
        if (length > MAX_LENGTH || length < 0) {
            throw new SqliteException(ResultCode.TOOBIG, null);
        }
    }

    static SqliteException error(String message) {
        return new SqliteException(ResultCode.ERROR, message);
    }
}
