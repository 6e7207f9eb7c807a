package io.turso4j.vdbe;

import io.turso4j.storage.btree.AutoVacuum;

/**
 * A connection's PRAGMA settings that live in the connection itself rather than in the pager
 * or the file: what {@code PRAGMA busy_timeout}, {@code foreign_keys}, {@code cache_size},
 * {@code synchronous} and {@code wal_autocheckpoint} report back, with SQLite's defaults.
 *
 * <p>Threads: the connection's thread (the one stepping its statements); not thread-safe.
 */
public final class ConnectionSettings {
    /** SQLite's default {@code cache_size}: negative means KiB, so about 2 MB. */
    public static final long DEFAULT_CACHE_SIZE = -2000;
    /** SQLite's default {@code wal_autocheckpoint}, in frames. */
    public static final int DEFAULT_AUTOCHECKPOINT = 1000;

    private int busyTimeoutMillis;
    private boolean foreignKeys;
    private boolean recursiveTriggers;
    private boolean deferForeignKeys;
    private long cacheSize = DEFAULT_CACHE_SIZE;
    /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA (and, as SQLite, a few more numbers it lets through). */
    private int synchronous = 2;
    private int walAutocheckpoint = DEFAULT_AUTOCHECKPOINT;
    /** PRAGMA auto_vacuum asked for on a database with pages: the mode the next VACUUM gives it; null = keep. */
    private AutoVacuum nextAutoVacuum;

    public ConnectionSettings(int busyTimeoutMillis) {
        this.busyTimeoutMillis = Math.max(0, busyTimeoutMillis);
    }

    /** How long a statement retries while another connection holds the write lock; 0 fails at once. */
    public int busyTimeoutMillis() {
        return busyTimeoutMillis;
    }

    public void setBusyTimeoutMillis(int millis) {
        busyTimeoutMillis = Math.max(0, millis);
    }

    /**
     * Whether foreign key constraints are enforced ({@code PRAGMA foreign_keys}; off by default,
     * as in SQLite). The code generated for INSERT, UPDATE and DELETE may check this at run time
     * through {@link VmContext#settings()}.
     */
    public boolean foreignKeys() {
        return foreignKeys;
    }

    public void setForeignKeys(boolean on) {
        foreignKeys = on;
    }

    /** {@code PRAGMA recursive_triggers}: whether a trigger may fire while it is running (off by default). */
    public boolean recursiveTriggers() {
        return recursiveTriggers;
    }

    public void setRecursiveTriggers(boolean on) {
        recursiveTriggers = on;
    }

    /**
     * {@code PRAGMA defer_foreign_keys}: while on, every foreign key is checked at COMMIT, as if
     * DEFERRABLE INITIALLY DEFERRED; the connection turns it off when a transaction ends.
     */
    public boolean deferForeignKeys() {
        return deferForeignKeys;
    }

    public void setDeferForeignKeys(boolean on) {
        deferForeignKeys = on;
    }

    public long cacheSize() {
        return cacheSize;
    }

    public void setCacheSize(long value) {
        cacheSize = value;
    }

    public int synchronous() {
        return synchronous;
    }

    public void setSynchronous(int level) {
        synchronous = level;
    }

    public int walAutocheckpoint() {
        return walAutocheckpoint;
    }

    public void setWalAutocheckpoint(int frames) {
        walAutocheckpoint = frames;
    }

    public AutoVacuum nextAutoVacuum() {
        return nextAutoVacuum;
    }

    public void setNextAutoVacuum(AutoVacuum mode) {
        nextAutoVacuum = mode;
    }
}
