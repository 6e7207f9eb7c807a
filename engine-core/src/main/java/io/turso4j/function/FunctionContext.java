package io.turso4j.function;

import io.turso4j.value.Collation;

/**
 * What a function may ask of the statement calling it: the connection's counters and the
 * database's clock and randomness (the {@code IO}'s, so a simulated run is reproducible).
 * Supplied by the VM; valid only during the call.
 */
public interface FunctionContext {

    /** Milliseconds since the epoch, as the statement's {@code 'now'} (stable within one statement). */
    long currentTimeMillis();

    /** A pseudo-random 64-bit value ({@code random()}, {@code randomblob()}). */
    long nextRandom();

    /** Rows changed by the connection's most recent INSERT, UPDATE or DELETE. */
    long changes();

    /** Rows changed by the connection since it opened. */
    long totalChanges();

    /** The rowid of the connection's most recent successful INSERT. */
    long lastInsertRowid();

    /**
     * The collating sequence of this call: the first argument's explicit or column collation,
     * BINARY when it has none (SQLite's {@code sqlite3GetFuncCollSeq}); {@code min()},
     * {@code max()} and the other comparing functions use it.
     */
    Collation collation();

    /**
     * Called by an aggregate's step to say this row is not the one the query's bare columns
     * should show (SQLite's {@code sqlite3SkipAccumulatorLoad}): min() and max() call it unless
     * the row gave them a new value. Ignored where no bare columns follow the call.
     */
    default void skipAccumulatorLoad() {
    }
}
