package io.turso4j.storage.wal;

/**
 * What one checkpoint run may copy, fixed when it starts ({@link Wal#beginCheckpoint}).
 *
 * @param generation the WAL generation the frames belong to
 * @param from frames 1..from are already in the database file
 * @param to the last frame to copy: a commit frame no registered reader is older than
 * @param dbSize database size in pages as of frame {@code to}
 * @param maxFrame the newest committed frame when the run started
 */
record CheckpointPlan(long generation, int from, int to, int dbSize, int maxFrame) {}
