package io.turso4j;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The busy handler: how a statement that found another connection writing waits before it
 * tries again, until the connection's busy timeout is spent — SQLite's {@code
 * sqliteDefaultBusyCallback}, with its growing delays (1, 2, 5 … 100 ms) counted against the
 * timeout. Nothing here runs inside the engine: the blocking API parks the caller's thread
 * ({@link #await}), the async API schedules the retry on a timer ({@link #later}).
 *
 * <p>One per waiting statement or script; reset after every step that got through. Not
 * thread-safe: one caller at a time (the async retries run one after another).
 */
final class BusyRetry {
    private static final int[] DELAYS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};

    private int tries;
    private long waitedMillis;

    /** The step got through: the next BUSY starts a fresh wait. */
    void reset() {
        tries = 0;
        waitedMillis = 0;
    }

    /**
     * The delay before the next try.
     *
     * @throws SqliteException SQLITE_BUSY "database is locked" once {@code timeoutMillis} is spent
     */
    private long nextDelay(int timeoutMillis) {
        if (waitedMillis >= timeoutMillis) {
            reset();
            throw new SqliteException(ResultCode.BUSY, "database is locked");
        }
        long delay = Math.min(DELAYS[Math.min(tries, DELAYS.length - 1)], timeoutMillis - waitedMillis);
        tries++;
        waitedMillis += delay;
        return delay;
    }

    /** Parks the caller's thread (a virtual thread unmounts) for the next delay. */
    void await(int timeoutMillis) {
        long delay = nextDelay(timeoutMillis);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(delay));
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new SqliteException(ResultCode.INTERRUPT, "interrupted");
        }
    }

    /** Runs {@code retry} after the next delay on the common timer, occupying no thread meanwhile. */
    void later(int timeoutMillis, Runnable retry) {
        long delay = nextDelay(timeoutMillis);
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(retry);
    }
}
