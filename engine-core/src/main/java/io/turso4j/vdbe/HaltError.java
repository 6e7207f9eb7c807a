package io.turso4j.vdbe;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;

/**
 * An error raised by {@link Opcode#Halt} with a conflict action in P2 (SQLite's {@code
 * p->errorAction}): what the statement's end must do besides reporting it. ABORT undoes the
 * statement (what every other error does); FAIL keeps what the statement changed before the
 * error; ROLLBACK undoes the whole transaction and leaves autocommit on.
 */
public final class HaltError extends SqliteException {
    private static final long serialVersionUID = 1L;

    /** P2 values of Halt, SQLite's OE_Rollback, OE_Abort and OE_Fail. */
    public static final int ROLLBACK = 1;
    public static final int ABORT = 2;
    public static final int FAIL = 3;

    private final int onError;

    public HaltError(ResultCode code, String message, int onError) {
        super(code, message);
        this.onError = onError;
    }

    /** What ending the statement that threw {@code e} must do: ROLLBACK, ABORT or FAIL. */
    public static int onError(SqliteException e) {
        return e instanceof HaltError h ? h.onError : ABORT;
    }
}
