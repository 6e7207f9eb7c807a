package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;
import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.wal.Wal;
import io.turso4j.storage.wal.WalRecovery;

/**
 * Opening a database as a resumable operation, so that no thread waits for the disk.
 *
 * <p>States, each advanced by {@link #step()} once its I/O is done: LOCK (take the OS lock on
 * the database file: another owner means {@code SQLITE_BUSY}; a read-only open needs the
 * file to exist) → SIZE → HEADER (read the
 * 100-byte header, if the file is not empty; SHORT instead reads a file shorter than that,
 * which is empty if it is a first page's write cut short by a crash) → WAL (recover the {@code -wal} file with
 * {@link WalRecovery}) → DONE. On a failure the files opened so far are closed, and the
 * failure is thrown once the database file's close (which drops the lock) is done, so an
 * immediate retry does not find the file locked by its own failed attempt. Single-threaded:
 * one caller drives it.
 */
public final class PagerOpening {
    private enum Stage { LOCK, SIZE, SHORT, HEADER, WAL, DONE }

    private final IO io;
    private final String path;
    private final boolean readOnly;
    private Stage stage = Stage.LOCK;
    private DbFile db;
    private DbFile walFile;
    private Completion pending;
    private Buffer header;
    private long fileSize;
    private int pageSize;
    private int dbPages;
    private int reservedBytes;
    private WalRecovery recovery;
    private SharedPager result;
    /** Why the open failed, once it has: every later step reports it. */
    private RuntimeException failure;
    /** The close of the database file after a failure; the failure is reported once it is done. */
    private Completion closing;

    PagerOpening(IO io, String path, boolean readOnly) {
        this.io = io;
        this.path = path;
        this.readOnly = readOnly;
    }

    /**
     * Advances the open.
     *
     * @return the opened database
     * @throws IoPending while an I/O is in flight
     * @throws SqliteException BUSY "database is locked by another process" if another owner
     *     holds the file; IOERR on an I/O failure; NOTADB if the file is not a database
     */
    public SharedPager step() {
        if (failure != null) {
            // Report the failure only once the lock is gone, so that opening again succeeds.
            if (closing != null && !closing.isDone()) {
                throw new IoPending(closing);
            }
            throw failure;
        }
        try {
            return advance();
        } catch (IoPending p) {
            throw p;
        } catch (RuntimeException e) {
            failure = e instanceof IoFailure f
                    ? new SqliteException(ResultCode.CANTOPEN, "unable to open database file: " + f.getMessage(), f)
                    : e;
            closing = abandon();
            return step();
        }
    }

    private SharedPager advance() {
        while (true) {
            if (pending != null) {
                if (!pending.isDone()) {
                    throw new IoPending(pending);
                }
                Completion done = pending;
                pending = null;
                consume(done);
            }
            switch (stage) {
                case LOCK -> {
                    db = io.open(path, readOnly ? OpenMode.READ_ONLY : OpenMode.CREATE);
                    pending = db.lock();
                }
                case SIZE -> pending = db.size();
                case HEADER, SHORT -> {
                    header = Buffer.allocate(DatabaseHeader.SIZE);
                    pending = db.read(0, header);
                }
                case WAL -> {
                    if (recovery == null) {
                        String walPath = path + "-wal";
                        // Read-only: a missing WAL stays missing; recovery then finds no frame.
                        walFile = !readOnly ? io.open(walPath, OpenMode.CREATE)
                                : io.exists(walPath) ? io.open(walPath, OpenMode.READ_ONLY) : null;
                        recovery = new WalRecovery(walFile, pageSize, dbPages, io.random());
                    }
                    Wal wal = recovery.step();
                    result = new SharedPager(io, path, db, wal, path + "-wal", reservedBytes, fileSize == 0,
                            readOnly);
                    stage = Stage.DONE;
                }
                case DONE -> {
                    return result;
                }
            }
        }
    }

    private void consume(Completion done) {
        switch (stage) {
            case LOCK -> {
                if (!done.isSucceeded()) {
                    IoFailure f = done.failure();
                    if (f.errno() == IoFailure.EAGAIN) {
                        throw new SqliteException(ResultCode.BUSY, "database is locked by another process");
                    }
                    throw new SqliteException(ResultCode.IOERR_LOCK, "cannot lock " + path + ": " + f.getMessage(), f);
                }
                stage = Stage.SIZE;
            }
            case SIZE -> {
                fileSize = requireOk(done, ResultCode.IOERR_FSTAT);
                if (fileSize == 0) {
                    stage = Stage.WAL;
                } else if (fileSize < DatabaseHeader.SIZE) {
                    stage = Stage.SHORT;
                } else {
                    stage = Stage.HEADER;
                }
            }
            case SHORT -> {
                requireOk(done, ResultCode.IOERR_READ);
                if (!SharedPager.isTornFirstPage(header.segment().asSlice(0, fileSize))) {
                    throw CorruptDatabaseException.notADatabase("file of " + fileSize + " bytes");
                }
                fileSize = 0; // the first commit writes page 1 again
                stage = Stage.WAL;
            }
            case HEADER -> {
                requireOk(done, ResultCode.IOERR_READ);
                DatabaseHeader h = DatabaseHeader.decode(header.segment());
                pageSize = h.pageSize();
                reservedBytes = h.reservedBytes();
                dbPages = (int) (h.databaseSizeValid() ? h.databaseSize() : fileSize / pageSize);
                stage = Stage.WAL;
            }
            default -> throw new IllegalStateException("no I/O in stage " + stage);
        }
    }

    private long requireOk(Completion done, ResultCode code) {
        if (!done.isSucceeded()) {
            throw new SqliteException(code, "I/O error on " + path + ": " + done.failure().getMessage(), done.failure());
        }
        return done.result();
    }

    /** Closes what was opened (releasing the lock); returns the database file's close. */
    private Completion abandon() {
        stage = Stage.DONE;
        if (walFile != null) {
            walFile.close();
        }
        return db != null ? db.close() : null;
    }
}
