package io.turso4j.error;

import java.io.Serial;

/**
 * The one exception the engine throws for a failed operation: SQLite's extended result code
 * and SQLite's message text where it has one ({@code no such table: t}, {@code near "FROM":
 * syntax error}, {@code UNIQUE constraint failed: t.a}).
 *
 * <p>The JDBC driver maps it to a {@code SQLException} with the extended code as vendor code.
 */
public class SqliteException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ResultCode code;

    public SqliteException(ResultCode code, String message) {
        super(message != null ? message : code.message());
        this.code = code;
    }

    public SqliteException(ResultCode code, String message, Throwable cause) {
        super(message != null ? message : code.message(), cause);
        this.code = code;
    }

    /** The extended result code (a primary one when there is no finer one). */
    public ResultCode code() {
        return code;
    }

    /** The primary result code: {@code code().primary()}. */
    public ResultCode primaryCode() {
        return code.primary();
    }
}
