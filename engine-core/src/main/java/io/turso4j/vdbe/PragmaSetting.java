package io.turso4j.vdbe;

/**
 * The settings {@link Opcode#Pragma} reads and changes, one per PRAGMA of that name
 * (sqlite.org/pragma.html). Where each value lives: the connection's {@link ConnectionSettings}
 * (busy_timeout, foreign_keys and the values as set), the pager (page size, cache, synchronous,
 * auto-checkpoint) and the B-trees (auto_vacuum, the header's encoding).
 */
public enum PragmaSetting {
    PAGE_SIZE,
    CACHE_SIZE,
    SYNCHRONOUS,
    AUTO_VACUUM,
    BUSY_TIMEOUT,
    FOREIGN_KEYS,
    RECURSIVE_TRIGGERS,
    DEFER_FOREIGN_KEYS,
    WAL_AUTOCHECKPOINT,
    ENCODING,
    /** The database file's path as {@code PRAGMA database_list} shows it (empty for an in-memory one); read only. */
    DATABASE_FILE;

    private static final PragmaSetting[] VALUES = values();

    static PragmaSetting of(int ordinal) {
        return VALUES[ordinal];
    }
}
