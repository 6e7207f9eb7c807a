package io.turso4j.storage.wal;

/**
 * The checkpoint modes of {@code PRAGMA wal_checkpoint}. See <a
 * href="https://www.sqlite.org/c3ref/wal_checkpoint_v2.html">sqlite3_wal_checkpoint_v2</a>.
 * turso4j never waits for readers or the writer: where SQLite would call the busy handler,
 * the checkpoint does what it can and reports {@code busy}.
 */
public enum CheckpointMode {
    /** Copy what no reader still needs; never waits, never restarts the WAL. */
    PASSIVE,
    /** Also needs the write lock, so that every committed frame can be copied. */
    FULL,
    /** FULL, then restart the WAL at frame 1 when no reader uses it. */
    RESTART,
    /** RESTART, then truncate the WAL file to zero bytes. */
    TRUNCATE
}
