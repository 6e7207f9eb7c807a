package io.turso4j.storage.wal;

/**
 * The row {@code PRAGMA wal_checkpoint} returns.
 *
 * @param busy whether the mode could not be carried out in full (a reader or the writer was
 *     in the way)
 * @param logFrames committed frames in the WAL afterwards (0 after a restart)
 * @param checkpointedFrames of those, how many are copied into the database file
 */
public record CheckpointResult(boolean busy, int logFrames, int checkpointedFrames) {}
