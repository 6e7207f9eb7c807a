/**
 * The storage engine: everything between the VM's cursors and the {@code DbFile}s of the
 * completion layer — B-trees, pager and page cache, WAL, freelist and pointer maps — laid out
 * exactly as SQLite 3's file format (https://www.sqlite.org/fileformat2.html).
 *
 * <p>Sub-packages, bottom to top: {@code storage.format} (pure encoding and decoding of the
 * on-disk structures, no I/O), then {@code storage.pager}, {@code storage.wal} and
 * {@code storage.btree}. Storage may depend on the JDK and on the {@code completion} module
 * ({@code io.turso4j.completion}, {@code io.turso4j.buffer}, {@code io.turso4j.io}) only; never on
 * the SQL front end, the VM or the public API, which sit above it.
 *
 * <p>{@link io.turso4j.storage.CorruptDatabaseException} is the one error the storage layers
 * raise for malformed bytes; it always names the page.
 */
package io.turso4j.storage;
