/**
 * The pager: pages in memory ({@link io.turso4j.storage.pager.PageCache}), reads that return
 * "pending" on a miss, transactions, savepoints and rollback.
 *
 * <p>{@link io.turso4j.storage.pager.SharedPager} is one database file as all connections of a
 * {@code Database} share it: opened by the resumable {@link io.turso4j.storage.pager.PagerOpening}
 * (OS lock, header, WAL recovery), closed with a TRUNCATE checkpoint that deletes the
 * {@code -wal}. Each connection gets a {@link io.turso4j.storage.pager.WalPager}, the
 * {@link io.turso4j.storage.pager.Pager} seam's implementation. {@link
 * io.turso4j.storage.pager.SharedPager#temporary()} gives the VM a private in-memory database.
 *
 * <p>Depends on {@code completion} ({@code io}, {@code buffer}, {@code completion}),
 * {@code storage.format}, {@code storage.wal} and {@code error}; never on the SQL layers.
 */
package io.turso4j.storage.pager;
