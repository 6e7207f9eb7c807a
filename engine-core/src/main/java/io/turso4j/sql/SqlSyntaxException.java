package io.turso4j.sql;

/**
 * SQL text that SQLite's front end would reject, with SQLite's own message
 * ({@code near "X": syntax error}, {@code incomplete input},
 * {@code unrecognized token: "…"}, {@code parser stack overflow}, …).
 *
 * <p>Carries SQLite's primary result code ({@link #SQLITE_ERROR} for every
 * front-end error) so the engine's general error type can wrap it without
 * re-deriving the code, and the character offset in the SQL text where the
 * error was detected. Immutable; safe to share between threads.
 */
public final class SqlSyntaxException extends RuntimeException {
    /** SQLite's SQLITE_ERROR result code: generic error, used for all parse errors. */
    public static final int SQLITE_ERROR = 1;

    private final int offset;

    public SqlSyntaxException(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }

    /** SQLite's result code: always {@link #SQLITE_ERROR} for front-end errors. */
    public int resultCode() {
        return SQLITE_ERROR;
    }

    /** Offset (in chars) of the token the error was detected at; the text length at end of input. */
    public int offset() {
        return offset;
    }
}
