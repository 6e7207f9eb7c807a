/**
 * The write-ahead log: frames appended at commit, the in-memory
 * {@link io.turso4j.storage.wal.WalIndex} readers use to find a page's newest visible
 * version, recovery on open and checkpoints. Depends on {@code completion} and
 * {@code storage.format}.
 */
package io.turso4j.storage.wal;
