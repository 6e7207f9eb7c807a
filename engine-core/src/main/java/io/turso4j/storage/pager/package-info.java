/**
 * The pager: pages in memory ({@link io.turso4j.storage.pager.PageCache}), reads that return
 * "pending" on a miss, transactions and rollback. Depends on {@code completion},
 * {@code storage.format} and {@code storage.wal}; never on the SQL layers.
 */
package io.turso4j.storage.pager;
