package io.turso4j.vdbe;

import io.turso4j.io.IO;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.pager.Pager;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.storage.wal.CheckpointResult;

/**
 * What a running program needs from its connection: the B-trees to open cursors on, the
 * database's clock and randomness (the IO's, so simulated runs replay), and the connection's
 * change counters. Implemented by the public API's connection; called only from the thread
 * stepping the statement.
 */
public interface VmContext {

    /** The connection's B-trees; null when the database has no storage yet (then cursors fail). */
    BTree btree();

    /** The B-tree of database {@code db} (0 main, 1 temp, 2… attached), or null if there is none. */
    default BTree btree(int db) {
        return db == 0 ? btree() : null;
    }

    /** ATTACH {@code file} AS {@code name}, or DETACH {@code name}. */
    default void attach(String file, String name, boolean detach) {
        throw new UnsupportedOperationException("ATTACH needs a connection");
    }

    long currentTimeMillis();

    long nextRandom();

    long changes();

    long totalChanges();

    long lastInsertRowid();

    /** {@code n} rows were inserted, updated or deleted by a statement that counts changes. */
    void rowsChanged(long n);

    void setLastInsertRowid(long rowid);

    /** {@code n} rows {@link #triggerRowsChanged} counted were changed by sub-programs an error unwound: they do not count. */
    default void uncountTriggerRows(long n) {
    }

    /** {@code n} rows were changed by a trigger program: they count in {@code total_changes()} only. */
    default void triggerRowsChanged(long n) {
    }

    /** Whether no explicit transaction is open. */
    boolean isAutocommit();

    /**
     * The transaction's pending violations of deferred foreign keys (SQLite's nDeferredCons):
     * COMMIT fails while it is above zero.
     */
    default long deferredViolations() {
        return 0;
    }

    /** Adds {@code delta} to {@link #deferredViolations()}. */
    default void addDeferredViolations(long delta) {
        throw new UnsupportedOperationException("deferred foreign keys need a connection");
    }

    /**
     * Adds {@code delta} to {@link #deferredViolations()} for an immediate foreign key that
     * {@code PRAGMA defer_foreign_keys} defers (SQLite's nDeferredImmCons).
     */
    default void addDeferredImmediateViolations(long delta) {
        addDeferredViolations(delta);
    }

    /** {@code PRAGMA defer_foreign_keys = OFF}: the immediate foreign keys' deferred violations are forgotten, as SQLite's. */
    default void dropDeferredImmediateViolations() {
    }

    /**
     * Opens ({@code false}) or ends ({@code true}) an explicit transaction; {@code rollback}
     * undoes it instead of committing.
     */
    void setAutocommit(boolean autocommit, boolean rollback);

    /** The backend a sorter spills its runs to; null keeps every sort in memory. */
    default IO tempIo() {
        return null;
    }

    /** The path temporary files are named after (a suffix makes each unique). */
    default String tempPath() {
        return "turso4j-temp";
    }

    /** A statement changed sqlite_schema: the schema must be read again before the next prepare. */
    default void schemaChanged() {
    }

    // ---- PRAGMAs, transactions and savepoints (defaults suit test doubles without storage) ----

    /** The connection's pager (page size, cache, synchronous, integrity checks); null without storage. */
    default Pager pager() {
        return null;
    }

    /** The pager of database {@code db} (0 main, 1 temp, 2… attached), or null if it is not open. */
    default Pager pager(int db) {
        return db == 0 ? pager() : null;
    }

    /** The connection's statements begun and not yet finished, the running one included (VACUUM needs it alone). */
    default int activeStatements() {
        return 1;
    }

    /** The connection's PRAGMA settings (foreign_keys, busy_timeout …); the default is a fresh, unshared one. */
    default ConnectionSettings settings() {
        return new ConnectionSettings(0);
    }

    /**
     * Starts the write transaction now (BEGIN IMMEDIATE). Returns false, changing nothing, while
     * another connection writes; the instruction is then retried.
     *
     * @throws io.turso4j.error.SqliteException SQLITE_BUSY_SNAPSHOT when this connection's
     *     snapshot is older than the newest commit and cannot be refreshed
     */
    default boolean beginWrite() {
        return true;
    }

    /**
     * SAVEPOINT ({@code op} 0), RELEASE (1) or ROLLBACK TO (2) the savepoint {@code name}.
     *
     * @throws io.turso4j.error.SqliteException "no such savepoint: name" and SQLite's other errors
     */
    default void savepoint(int op, String name) {
        throw new UnsupportedOperationException("savepoints need a connection");
    }

    /** The journal mode after asking for {@code requested} (null only reads it): WAL is the one we keep. */
    default String journalMode(String requested) {
        return "wal";
    }

    /**
     * {@code PRAGMA wal_checkpoint(mode)}: ends this connection's own read snapshot first when
     * nothing else needs it, so that it does not hold the checkpoint back.
     *
     * @throws io.turso4j.storage.IoPending while its I/O is in flight; call again with the same mode
     */
    default CheckpointResult checkpoint(CheckpointMode mode) {
        Pager pager = pager();
        return pager == null ? new CheckpointResult(false, -1, -1) : pager.checkpoint(mode);
    }

    /** The database file's absolute path, or "" for an in-memory database ({@code PRAGMA database_list}). */
    default String databaseFile() {
        return "";
    }

    /** Whether {@code Connection.interrupt()} asked the running statements to stop. Any thread may set it. */
    default boolean isInterrupted() {
        return false;
    }
}
