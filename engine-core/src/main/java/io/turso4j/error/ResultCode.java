package io.turso4j.error;

/**
 * SQLite's result codes, primary and extended, with their numbers and the generic English
 * text {@code sqlite3_errstr()} gives for them (<a href="https://www.sqlite.org/rescode.html">
 * Result and Error Codes</a>). An extended code's low 8 bits are its primary code.
 */
public enum ResultCode {
    OK(0, "not an error"),
    ERROR(1, "SQL logic error"),
    INTERNAL(2, "unknown error"),
    PERM(3, "access permission denied"),
    ABORT(4, "query aborted"),
    BUSY(5, "database is locked"),
    LOCKED(6, "database table is locked"),
    NOMEM(7, "out of memory"),
    READONLY(8, "attempt to write a readonly database"),
    INTERRUPT(9, "interrupted"),
    IOERR(10, "disk I/O error"),
    CORRUPT(11, "database disk image is malformed"),
    NOTFOUND(12, "unknown operation"),
    FULL(13, "database or disk is full"),
    CANTOPEN(14, "unable to open database file"),
    PROTOCOL(15, "locking protocol"),
    EMPTY(16, "unknown error"),
    SCHEMA(17, "database schema has changed"),
    TOOBIG(18, "string or blob too big"),
    CONSTRAINT(19, "constraint failed"),
    MISMATCH(20, "datatype mismatch"),
    MISUSE(21, "bad parameter or other API misuse"),
    NOLFS(22, "unknown error"),
    AUTH(23, "authorization denied"),
    FORMAT(24, "unknown error"),
    RANGE(25, "column index out of range"),
    NOTADB(26, "file is not a database"),
    NOTICE(27, "notification message"),
    WARNING(28, "warning message"),
    ROW(100, "another row available"),
    DONE(101, "no more rows available"),

    ERROR_MISSING_COLLSEQ(1 | (1 << 8), null),
    ERROR_RETRY(1 | (2 << 8), null),
    ABORT_ROLLBACK(4 | (2 << 8), "abort due to ROLLBACK"),
    BUSY_RECOVERY(5 | (1 << 8), null),
    BUSY_SNAPSHOT(5 | (2 << 8), null),
    BUSY_TIMEOUT(5 | (3 << 8), null),
    READONLY_RECOVERY(8 | (1 << 8), null),
    READONLY_CANTLOCK(8 | (2 << 8), null),
    READONLY_ROLLBACK(8 | (3 << 8), null),
    READONLY_DBMOVED(8 | (4 << 8), null),
    IOERR_READ(10 | (1 << 8), null),
    IOERR_SHORT_READ(10 | (2 << 8), null),
    IOERR_WRITE(10 | (3 << 8), null),
    IOERR_FSYNC(10 | (4 << 8), null),
    IOERR_TRUNCATE(10 | (6 << 8), null),
    IOERR_FSTAT(10 | (7 << 8), null),
    IOERR_UNLOCK(10 | (8 << 8), null),
    IOERR_DELETE(10 | (10 << 8), null),
    IOERR_NOMEM(10 | (12 << 8), null),
    IOERR_LOCK(10 | (15 << 8), null),
    IOERR_CLOSE(10 | (16 << 8), null),
    CORRUPT_VTAB(11 | (1 << 8), null),
    CORRUPT_SEQUENCE(11 | (2 << 8), null),
    CORRUPT_INDEX(11 | (3 << 8), null),
    CANTOPEN_NOTEMPDIR(14 | (1 << 8), null),
    CANTOPEN_ISDIR(14 | (2 << 8), null),
    CANTOPEN_FULLPATH(14 | (3 << 8), null),
    CONSTRAINT_CHECK(19 | (1 << 8), null),
    CONSTRAINT_COMMITHOOK(19 | (2 << 8), null),
    CONSTRAINT_FOREIGNKEY(19 | (3 << 8), null),
    CONSTRAINT_FUNCTION(19 | (4 << 8), null),
    CONSTRAINT_NOTNULL(19 | (5 << 8), null),
    CONSTRAINT_PRIMARYKEY(19 | (6 << 8), null),
    CONSTRAINT_TRIGGER(19 | (7 << 8), null),
    CONSTRAINT_UNIQUE(19 | (8 << 8), null),
    CONSTRAINT_VTAB(19 | (9 << 8), null),
    CONSTRAINT_ROWID(19 | (10 << 8), null),
    CONSTRAINT_PINNED(19 | (11 << 8), null),
    CONSTRAINT_DATATYPE(19 | (12 << 8), null);

    private final int code;
    private final String text;

    ResultCode(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The number, as {@code sqlite3_extended_errcode()} returns it. */
    public int code() {
        return code;
    }

    /** The primary code this one extends (itself for a primary code). */
    public ResultCode primary() {
        return (code & ~0xff) == 0 ? this : of(code & 0xff);
    }

    /** {@code sqlite3_errstr()}'s text: an extended code has its primary code's text. */
    public String message() {
        return text != null ? text : primary().text;
    }

    /** The C name, e.g. {@code SQLITE_CONSTRAINT_UNIQUE}. */
    public String cName() {
        return "SQLITE_" + name();
    }

    /** The code with this number. @throws IllegalArgumentException for an unknown number */
    public static ResultCode of(int code) {
        for (ResultCode rc : values()) {
            if (rc.code == code) {
                return rc;
            }
        }
        throw new IllegalArgumentException("unknown SQLite result code " + code);
    }
}
