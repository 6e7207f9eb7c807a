package io.turso4j.sql;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;

import java.io.Serial;

/**
 * SQL text that SQLite's front end would reject, with SQLite's own message
 * ({@code near "X": syntax error}, {@code incomplete input},
 * {@code unrecognized token: "…"}, {@code parser stack overflow}, …) and
 * SQLite's result code for every front-end error, {@link ResultCode#ERROR}.
 *
 * <p>Also carries the character offset in the SQL text where the error was
 * detected ({@link #offset()}; the text length at end of input). Immutable; safe to share between threads.
 */
public final class SqlSyntaxException extends SqliteException {
    @Serial
    private static final long serialVersionUID = 1L;

    public SqlSyntaxException(String message, int offset) {
        super(ResultCode.ERROR, message, offset);
    }
}
