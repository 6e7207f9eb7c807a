package io.turso4j.storage.pager;

/**
 * {@code PRAGMA synchronous} in WAL mode: when the pager syncs. See <a
 * href="https://www.sqlite.org/pragma.html#pragma_synchronous">the pragma's page</a>.
 */
public enum Synchronous {
    /** Never sync: a power loss may lose or corrupt committed transactions. */
    OFF,
    /** Sync the WAL before each checkpoint and the database file after it: a power loss may
     *  lose the last transactions, never corrupt the database. */
    NORMAL,
    /** Also sync the WAL at every commit: a committed transaction survives a power loss. */
    FULL
}
