/**
 * The write-ahead log: {@link io.turso4j.storage.wal.Wal} (the shared {@code -wal} file, the
 * snapshots of readers, the one write lock, frames appended at commit or spilled), the
 * in-memory {@link io.turso4j.storage.wal.WalIndex} readers use to find a page's newest
 * visible version, {@link io.turso4j.storage.wal.WalRecovery} on open, and the
 * {@link io.turso4j.storage.wal.Checkpointer} that copies frames back into the database file.
 * Recovery and checkpoints are resumable operations that throw
 * {@link io.turso4j.storage.IoPending} between their stages.
 *
 * <p>Depends on {@code completion} ({@code io}, {@code buffer}, {@code completion}),
 * {@code storage.format} and {@code error}; not on the pager above it.
 */
package io.turso4j.storage.wal;
