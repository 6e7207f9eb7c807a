package io.turso4j;

/** What one {@link Statement#step()} produced. */
public enum StepResult {
    /** A result row is ready: read it with the column getters, then step again. */
    ROW,
    /** The statement has finished; step again only after {@link Statement#reset()}. */
    DONE,
    /** I/O is in flight: wait for {@link Statement#pendingIo()}, then step again. */
    IO,
    /** Another connection holds the lock this statement needs: retry later (or rely on busy_timeout). */
    BUSY
}
