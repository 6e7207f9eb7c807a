package io.turso4j.storage;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;

import java.io.Serial;

/**
 * The database file is malformed: SQLite's {@code SQLITE_CORRUPT} (result code 11).
 *
 * <p>Every check that finds bytes on disk breaking the file format throws this, naming the page
 * where the damage was seen, so that a corrupt file gives an error and never an {@link
 * IndexOutOfBoundsException}, a loop or a crash. The message starts with SQLite's own text,
 * "database disk image is malformed" (or "file is not a database" for a header SQLite would
 * refuse, see {@link #notADatabase}), followed by the page and what was wrong.
 *
 * <p>Page 0 means "not tied to one page" (for example a WAL header or a file shorter than its
 * header). Immutable, so any thread may read it.
 */
public final class CorruptDatabaseException extends SqliteException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long pageNumber;
    private final String detail;

    /**
     * A malformed page or structure ({@link ResultCode#CORRUPT}).
     *
     * @param pageNumber the 1-based page where the damage was found, or 0 if none applies
     * @param detail what was wrong, in a few words (e.g. "cell pointer 3 out of bounds")
     */
    public CorruptDatabaseException(long pageNumber, String detail) {
        this(ResultCode.CORRUPT, pageNumber, detail);
    }

    private CorruptDatabaseException(ResultCode code, long pageNumber, String detail) {
        super(code, message(code, pageNumber, detail));
        this.pageNumber = pageNumber;
        this.detail = detail;
    }

    /**
     * A 100-byte file header that SQLite would refuse to open ({@link ResultCode#NOTADB}, "file is
     * not a database"): bad magic, impossible page size, unreadable version. SQLite reports
     * these as NOTADB rather than CORRUPT, and so do we; the page is always 1.
     */
    public static CorruptDatabaseException notADatabase(String detail) {
        return new CorruptDatabaseException(ResultCode.NOTADB, 1, detail);
    }

    private static String message(ResultCode code, long pageNumber, String detail) {
        String prefix = code.message();
        return pageNumber == 0
                ? prefix + ": " + detail
                : prefix + ": page " + pageNumber + ": " + detail;
    }

    /** The 1-based page where the damage was found, or 0 if the damage is not tied to one page. */
    public long pageNumber() {
        return pageNumber;
    }

    /** What was wrong, without SQLite's prefix. */
    public String detail() {
        return detail;
    }
}
