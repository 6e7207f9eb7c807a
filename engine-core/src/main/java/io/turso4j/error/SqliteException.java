package io.turso4j.error;

import java.io.Serial;

/**
 * The one exception the engine throws for a failed operation: SQLite's extended result code
 * and SQLite's message text where it has one ({@code no such table: t}, {@code near "FROM":
 * syntax error}, {@code UNIQUE constraint failed: t.a}).
 *
 * <p>Where SQLite knows which token of the SQL text an error is about ({@code
 * sqlite3_error_offset}: an unknown column or function, a wrong argument count, …) the
 * exception carries that token's char offset in the text, else -1.
 *
 * <p>The JDBC driver maps it to a {@code SQLException} with the extended code as vendor code.
 */
public class SqliteException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    private final int offset;

    public SqliteException(ResultCode code, String message) {
        this(code, message, -1);
    }

    /** An error about the token at char {@code offset} of the SQL text (-1: none). */
    public SqliteException(ResultCode code, String message, int offset) {
        super(message != null ? message : code.message());
        this.code = code;
        this.offset = offset;
    }

    public SqliteException(ResultCode code, String message, Throwable cause) {
        super(message != null ? message : code.message(), cause);
        this.code = code;
        this.offset = -1;
    }

    /** The char offset in the SQL text of the token the error is about, or -1 (sqlite3_error_offset). */
    public int offset() {
        return offset;
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
