package io.turso4j.storage.pager;

import io.turso4j.storage.IoPending;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.storage.wal.CheckpointResult;

/**
 * One connection's view of the database's pages: the seam between the B-tree layer and the
 * page cache, the WAL and the database file. SQLite's {@code pager.h}, in our terms.
 *
 * <p>States (per connection), with the method making each transition:
 * <pre>
 *   NONE --beginRead--> READ --beginWrite--> WRITE --commit/rollback--> READ --endRead--> NONE
 * </pre>
 * A read transaction pins a snapshot: every {@link #get} sees the database as of
 * {@link #beginRead}, whatever other connections commit meanwhile. A write transaction is
 * exclusive across the {@code Database}: a second writer gets {@code SQLITE_BUSY}, and so
 * does a writer whose snapshot is no longer the newest ({@code SQLITE_BUSY_SNAPSHOT}).
 *
 * <p>Pages: {@link #get} returns a page <b>pinned</b> for the caller, who {@link #unpin}s it when
 * done; bytes may be read while pinned and changed only after {@link #write} in a write
 * transaction. A page number is valid from 1 to {@link #pageCount()}; anything else is
 * {@code SQLITE_CORRUPT} naming the page. Page 1 carries the 100-byte database header; the
 * B-tree layer keeps the freelist, the schema cookie and the other meta fields in it, while
 * the pager itself maintains the change counter, the database size (offset 28) and
 * version-valid-for at commit.
 *
 * <p>Never blocking: a method documented "may throw {@link IoPending}" has issued the I/O it
 * needs and changed nothing a retry would see (or keeps a resume state, as {@link #commit}
 * does); call it again once the completion is done. A failed read or write surfaces as
 * {@code SQLITE_IOERR} from the retry.
 *
 * <p>Threads: one connection, one thread at a time; not thread-safe. Pagers of one
 * {@code Database} share its WAL and file and coordinate through them.
 */
public interface Pager extends AutoCloseable {

    // ---- geometry --------------------------------------------------------------------------

    /** Bytes per page. */
    int pageSize();

    /** Bytes per page available to B-tree pages: page size minus the reserved bytes. */
    int usableSize();

    /**
     * Sets the page size of a database that has no pages yet (a new, empty file), as
     * {@code PRAGMA page_size} does; ignored (returning false) once the database has pages.
     */
    boolean setPageSize(int pageSize);

    /** Pages in the database as the current transaction sees it; 0 for a new, empty file. */
    int pageCount();

    /** Bounds the page cache ({@code PRAGMA cache_size}, in pages). */
    void setCacheSize(int pages);

    /** The page cache's bound, in pages; a pager without a cache of its own has none. */
    default int cacheSize() {
        return Integer.MAX_VALUE;
    }

    // ---- transactions ----------------------------------------------------------------------

    /** Starts a read transaction on the newest committed snapshot. NONE → READ. */
    void beginRead();

    /** Ends the read transaction, dropping the snapshot. READ → NONE. */
    void endRead();

    /**
     * Upgrades the read transaction to the database's one write transaction. READ → WRITE.
     *
     * @throws io.turso4j.error.SqliteException {@code SQLITE_BUSY} while another connection
     *     writes, {@code SQLITE_BUSY_SNAPSHOT} if another connection committed since
     *     {@link #beginRead}
     */
    void beginWrite();

    /** Whether a write transaction is open. */
    boolean inWriteTransaction();

    /**
     * Makes the write transaction durable and visible: appends the dirty pages to the WAL,
     * the last frame marked as a commit, syncs as {@code synchronous} says, then publishes the
     * new snapshot. WRITE → READ (the connection keeps reading its own new snapshot).
     *
     * @throws IoPending while writes or the sync are in flight; call again to resume the
     *     commit at the stage it reached
     */
    void commit();

    /**
     * {@link #commit()} by a caller that blocks its thread on the commit's I/O anyway (a
     * platform thread in the blocking API): the commit's writes and syncs may then run on the
     * calling thread ({@link io.turso4j.io.DbFile#forWaitingCaller}), sparing their trips
     * through the I/O backend's threads. A pager with nothing to gain commits as {@link
     * #commit()} does.
     */
    default void commit(boolean callerWaits) {
        commit();
    }

    /** Discards every change of the write transaction. WRITE → READ. Does no I/O. */
    void rollback();

    /**
     * Opens a savepoint inside the write transaction (for statement-level rollback and SQL
     * SAVEPOINTs) and returns its depth, 1 for the outermost.
     */
    int openSavepoint();

    /** Forgets savepoints deeper than or equal to {@code depth}, keeping their changes. */
    void releaseSavepoint(int depth);

    /**
     * Undoes every change made since savepoint {@code depth} was opened; the savepoint itself
     * stays open (as SQLite's ROLLBACK TO). Does no I/O.
     */
    void rollbackToSavepoint(int depth);

    // ---- pages -----------------------------------------------------------------------------

    /**
     * Page {@code number}, resident and pinned for the caller.
     *
     * @throws IoPending on a cache miss, after issuing the read
     * @throws io.turso4j.storage.CorruptDatabaseException if {@code number} is 0 or past
     *     {@link #pageCount()}
     */
    Page get(int number);

    /**
     * {@link #get} for {@code scan}, a large scan that walks more pages than it will come back
     * to (any object that stands for one run of it): a page it has to read, or is the first to
     * use after a {@link #readAhead}, goes first when room is needed, as long as only this scan
     * pins it. So a scan through more pages than the cache holds evicts its own pages rather
     * than those other statements work with, and a repeated scan finds the pages it kept. A
     * pager without a cache of its own reads the page as {@link #get} does.
     */
    default Page getForScan(int number, Object scan) {
        return get(number);
    }

    /**
     * Starts reading page {@code number} if it is not cached, without waiting or pinning: the
     * read-ahead hook for scans and for siblings ahead of a balance. Does nothing for an
     * invalid number or a cached page. A prefetch that fails is not reported: the page is read
     * again when asked for, and only a failure of that read is.
     */
    void prefetch(int number);

    /**
     * Starts reading page {@code number} for a scan that will need it soon, if it is not
     * cached: unlike {@link #prefetch}, it makes room by evicting clean pages (never by a
     * spill), and the backend may make the read off the caller's thread ({@link
     * io.turso4j.io.DbFile#readAhead}). Pages read ahead and not yet used are bounded to a
     * share of the cache, so a scan's reads ahead never push out the pages an operation is
     * working through. A caller who needs the page before its read is done gets it at once
     * if the OS has it cached. Does nothing for an invalid number or a cached page.
     */
    void readAhead(int number);

    /**
     * Whether {@code page}, got earlier from {@link #get} and since unpinned, is still this
     * pager's resident copy of its page number for the open read transaction, so its bytes
     * may be read once more without {@link #get}: true only until the caller's next call
     * into the pager. A dirty page may be current: its bytes are then what the caller's own
     * writes left, unless a rollback restored them (the caller learns of every rollback).
     * Does no I/O. A pager that cannot tell says false.
     */
    default boolean isCurrent(Page page) {
        return false;
    }

    /** Releases one pin taken by {@link #get} or {@link #allocate}. */
    void unpin(Page page);

    /**
     * Makes a pinned page writable in the current write transaction: marks it dirty and keeps
     * what savepoint and transaction rollback need to restore it. Call before changing bytes.
     */
    void write(Page page);

    /**
     * Extends the database by one page: page {@code pageCount() + 1}, zero-filled, pinned and
     * already writable. Choosing between the freelist and the end of the file is the B-tree
     * layer's; this only appends. Skips the lock-byte page, as SQLite does.
     *
     * <p>Does no I/O and never throws {@link IoPending}, like {@link #write} and {@link
     * #truncate}: the B-tree layer applies a finished operation's changes with these three
     * calls, and an interruption half-way would leave the operation half applied. The cache
     * may go over its capacity meanwhile; the next {@link #get} spills.
     */
    Page allocate();

    /**
     * Shrinks the database to {@code pageCount} pages at commit (auto-vacuum): pages past it
     * are forgotten. Only in a write transaction; {@code pageCount} must not exceed
     * {@link #pageCount()}.
     */
    void truncate(int pageCount);

    // ---- durability and the WAL -------------------------------------------------------------

    /** Sets {@code PRAGMA synchronous}: when commits and checkpoints sync. */
    default void setSynchronous(Synchronous mode) {
    }

    /** The current {@code PRAGMA synchronous} setting. */
    default Synchronous synchronous() {
        return Synchronous.FULL;
    }

    /**
     * Sets {@code PRAGMA wal_autocheckpoint}: after a commit that leaves at least this many
     * frames not yet copied into the database file, {@link #commit} runs a PASSIVE checkpoint
     * (its failure does not fail the commit). 0 turns it off.
     */
    default void setAutoCheckpoint(int frames) {
    }

    /**
     * Runs a checkpoint as {@code PRAGMA wal_checkpoint(mode)} does, outside a write
     * transaction; a read transaction of this pager holds back what it may copy. Never waits
     * for readers or a writer: what it cannot do it reports as busy.
     *
     * @throws IoPending while its I/O is in flight; call again with the same mode to resume
     * @throws io.turso4j.error.SqliteException {@code SQLITE_LOCKED} inside a write
     *     transaction, {@code SQLITE_IOERR} on an I/O failure
     */
    default CheckpointResult checkpoint(CheckpointMode mode) {
        return new CheckpointResult(false, 0, 0);
    }

    /** Ends any transaction (rolling back a write) and releases the cache. */
    @Override
    void close();
}
