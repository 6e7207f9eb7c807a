package io.turso4j.vdbe;

import io.turso4j.io.IO;
import io.turso4j.storage.btree.BTree;

/**
 * What a running program needs from its connection: the B-trees to open cursors on, the
 * database's clock and randomness (the IO's, so simulated runs replay), and the connection's
 * change counters. Implemented by the public API's connection; called only from the thread
 * stepping the statement.
 */
public interface VmContext {

    /** The connection's B-trees; null when the database has no storage yet (then cursors fail). */
    BTree btree();

    long currentTimeMillis();

    long nextRandom();

    long changes();

    long totalChanges();

    long lastInsertRowid();

    /** One row was inserted, updated or deleted by a statement that counts changes. */
    void rowChanged();

    void setLastInsertRowid(long rowid);

    /** One row was changed by a trigger program: it counts in {@code total_changes()} only. */
    default void triggerRowChanged() {
    }

    /** Whether no explicit transaction is open. */
    boolean isAutocommit();

    /**
     * Opens ({@code false}) or ends ({@code true}) an explicit transaction; {@code rollback}
     * undoes it instead of committing.
     */
    void setAutocommit(boolean autocommit, boolean rollback);

    /** Whether foreign key constraints are enforced ({@code PRAGMA foreign_keys}); off by default, as in SQLite. */
    default boolean foreignKeys() {
        return false;
    }

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
}
