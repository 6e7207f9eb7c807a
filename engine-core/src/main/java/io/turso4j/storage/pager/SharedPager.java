package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.completion.CompletionGroup;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.memory.MemoryIO;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.PageHeader;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.storage.wal.Checkpointer;
import io.turso4j.storage.wal.Wal;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One database file as every connection of a {@code Database} shares it: the locked database
 * file, its {@link Wal}, the page buffer pool, and the geometry. Hands out one
 * {@link WalPager} per connection ({@link #newPager()}).
 *
 * <p>Life cycle: {@link #open} (a resumable {@link PagerOpening}: lock the file, read the
 * header, recover the WAL) → pagers come and go → {@link #close()} once every pager is
 * closed (resumable: TRUNCATE checkpoint, then the {@code -wal} file is deleted so that
 * sqlite3 can open the database, then the lock is released).
 *
 * <p>Threads: thread-safe; pagers on different threads share it. Geometry fields are volatile
 * and change only while the database has no page ({@link #setPageSize}).
 */
public final class SharedPager {
    /** The SQLITE_VERSION_NUMBER turso4j records as the last writer (offset 96). */
    static final int SQLITE_VERSION_NUMBER = 3040001;

    private final IO io;
    private final String path;
    private final DbFile db;
    private final Wal wal;
    private final String walPath;
    private final AtomicInteger openPagers = new AtomicInteger();
    private volatile BufferPool pagePool;
    private volatile int reservedBytes;
    /** Whether the database file is still zero bytes long (a new database). */
    private volatile boolean fileEmpty;
    private final boolean readOnly;
    private Checkpointer closingCheckpoint;
    /** Whether {@link #close()} also closes the backend ({@link #temporary()}). */
    private boolean ownsIo;
    private boolean closed;
    /** Closing the files and releasing the lock; set once {@link #close()} got that far. */
    private Completion closing;

    SharedPager(IO io, String path, DbFile db, Wal wal, String walPath, int reservedBytes, boolean fileEmpty,
            boolean readOnly) {
        this.fileEmpty = fileEmpty;
        this.readOnly = readOnly;
        this.io = io;
        this.path = path;
        this.db = db;
        this.wal = wal;
        this.walPath = walPath;
        this.reservedBytes = reservedBytes;
        this.pagePool = new BufferPool(wal.pageSize());
    }

    /**
     * Starts opening the database at {@code path} (created empty if missing) and its
     * {@code -wal}; drive the returned operation with {@link PagerOpening#step()} until it
     * returns the shared pager.
     */
    public static PagerOpening open(IO io, String path) {
        return new PagerOpening(io, path, false);
    }

    /**
     * Like {@link #open(IO, String)}, but the database must exist and is only read: no write
     * transaction ({@code SQLITE_READONLY}), no checkpoint, and closing leaves the files as
     * they are. A {@code -wal} that exists is recovered in memory.
     */
    public static PagerOpening openReadOnly(IO io, String path) {
        return new PagerOpening(io, path, true);
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * A private database in memory, for the VM's ephemeral tables and sorters: its own
     * {@link MemoryIO}, so every operation completes inline and nothing ever throws
     * {@link IoPending}; {@link #close()} discards it. Its pagers should run with
     * {@code synchronous=OFF}.
     */
    public static SharedPager temporary() {
        MemoryIO memory = new MemoryIO();
        SharedPager shared = new PagerOpening(memory, "temp.db", false).step();
        shared.ownsIo = true;
        return shared;
    }

    /** A pager for one more connection. */
    public WalPager newPager() {
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        openPagers.incrementAndGet();
        return new WalPager(this);
    }

    void pagerClosed() {
        openPagers.decrementAndGet();
    }

    public String path() {
        return path;
    }

    public IO io() {
        return io;
    }

    public DbFile db() {
        return db;
    }

    public Wal wal() {
        return wal;
    }

    public int pageSize() {
        return wal.pageSize();
    }

    public int reservedBytes() {
        return reservedBytes;
    }

    BufferPool pagePool() {
        return pagePool;
    }

    /** Whether the database file is still empty: the first commit must give it a page 1. */
    boolean fileEmpty() {
        return fileEmpty;
    }

    /**
     * Writes an empty one-page WAL-mode database into the empty database file and syncs it
     * (unless {@code sync} is false). The first commit does this before its frames go to the
     * WAL: sqlite3 ignores, and deletes, the WAL of a zero-length database file, so without
     * it a crash before the first checkpoint would lose the first transactions for sqlite3.
     * Caller holds the write lock.
     */
    Completion initializeFile(boolean sync) {
        Buffer page = pagePool.acquire();
        firstPage(page.segment(), pageSize(), reservedBytes);
        Completion done = new Completion();
        db.write(0, page).onComplete(written -> {
            page.release();
            if (!written.isSucceeded() || written.result() != pageSize()) {
                done.fail(written.isSucceeded()
                        ? new IoFailure("short write of page 1: " + written.result() + " bytes", IoFailure.EIO)
                        : written.failure());
            } else if (!sync) {
                fileEmpty = false;
                done.complete(pageSize());
            } else {
                db.sync().onComplete(synced -> {
                    if (synced.isSucceeded()) {
                        fileEmpty = false;
                        done.complete(pageSize());
                    } else {
                        done.fail(synced.failure());
                    }
                });
            }
        });
        return done;
    }

    /** Fills {@code s} with the page 1 {@link #initializeFile} writes: an empty WAL-mode database. */
    static void firstPage(MemorySegment s, int pageSize, int reservedBytes) {
        s.fill((byte) 0);
        DatabaseHeader.forNewDatabase(pageSize, reservedBytes, SQLITE_VERSION_NUMBER).encode(s);
        BigEndian.putU8(s, DatabaseHeader.WRITE_VERSION_OFFSET, DatabaseHeader.VERSION_WAL);
        BigEndian.putU8(s, DatabaseHeader.READ_VERSION_OFFSET, DatabaseHeader.VERSION_WAL);
        PageHeader.initialize(s, DatabaseHeader.SIZE, PageType.LEAF_TABLE, pageSize - reservedBytes);
    }

    /**
     * Whether {@code bytes} (a database file shorter than its header) are the start of the
     * page {@link #initializeFile} writes, for the page size and reserved bytes they name if
     * they reach them: that write was cut short by a crash, and the database is still empty.
     * Anything else so short is not a database.
     */
    static boolean isTornFirstPage(MemorySegment bytes) {
        int n = (int) bytes.byteSize();
        int pageSize = n >= 18 ? BigEndian.u16(bytes, 16) : DatabaseHeader.DEFAULT_PAGE_SIZE;
        if (pageSize == 1) {
            pageSize = DatabaseHeader.MAX_PAGE_SIZE;
        }
        int reserved = n > 20 ? BigEndian.u8(bytes, 20) : 0;
        if (!DatabaseHeader.isValidPageSize(pageSize) || reserved >= pageSize - 480) {
            return false;
        }
        MemorySegment expected = MemorySegment.ofArray(new byte[pageSize]);
        firstPage(expected, pageSize, reserved);
        // a page size cut after its first byte is compared as far as it goes
        long mismatch = bytes.mismatch(expected.asSlice(0, n));
        return mismatch == -1 || n == 17 && mismatch == 16;
    }

    /**
     * Changes the page size of a database that has no page and no WAL frame yet.
     *
     * @return whether it changed
     */
    boolean setPageSize(int pageSize) {
        if (!DatabaseHeader.isValidPageSize(pageSize)) {
            return false;
        }
        if (pageSize == wal.pageSize()) {
            return true;
        }
        Object token = new Object();
        if (!wal.tryLockWriter(token)) {
            return false;
        }
        try {
            if (wal.current().dbSize() != 0 || wal.writerFrameCount() != 0) {
                return false;
            }
            wal.setPageSize(pageSize);
            BufferPool old = pagePool;
            pagePool = new BufferPool(pageSize);
            old.close();
            return true;
        } finally {
            wal.unlockWriter(token);
        }
    }

    /**
     * Closes the database once every pager is closed: a TRUNCATE checkpoint, the {@code -wal}
     * file deleted if it emptied, then both files closed and the lock released. Resumable:
     * it returns only once the lock is gone, so the file can be opened again at once.
     *
     * @throws IoPending while the checkpoint's I/O or the closing of the files is in flight;
     *     call again
     * @throws IllegalStateException while pagers are still open
     */
    public void close() {
        if (closed) {
            if (!closing.isDone()) {
                throw new IoPending(closing);
            }
            return;
        }
        if (openPagers.get() != 0) {
            throw new IllegalStateException(openPagers.get() + " pagers are still open");
        }
        boolean emptied = false;
        try {
            if (!readOnly) {
                if (closingCheckpoint == null) {
                    closingCheckpoint = new Checkpointer(wal, db, pagePool, CheckpointMode.TRUNCATE, true, true);
                }
                emptied = !closingCheckpoint.step().busy();
            }
        } catch (IoPending pending) {
            throw pending;
        } catch (RuntimeException failed) {
            // The WAL stays: the next open recovers from it.
            emptied = false;
        }
        closed = true;
        CompletionGroup files = new CompletionGroup();
        if (wal.file() != null) {
            files.add(wal.file().close());
        }
        if (emptied) {
            io.delete(walPath);
        }
        files.add(db.unlock());
        files.add(db.close());
        closing = files.seal().completion();
        closing.onComplete(c -> {
            wal.closePools();
            pagePool.close();
            if (ownsIo) {
                io.close();
            }
        });
        if (!closing.isDone()) {
            throw new IoPending(closing);
        }
    }

    @Override
    public String toString() {
        return "SharedPager[" + path + ", " + wal + "]";
    }
}
