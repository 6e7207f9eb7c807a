/**
 * The storage-level integrity check: SQLite's {@code sqlite3BtreeIntegrityCheck} for
 * {@code PRAGMA integrity_check}. {@link io.turso4j.storage.integrity.IntegrityCheck} walks the
 * freelist and every B-tree it is given and reports, in sqlite3 3.40's words and order, every
 * page not used exactly once, freelist and overflow counts, pointer-map entries of auto-vacuum
 * databases, cell bounds and overlap, rowid order, tree depth and fragmentation — and, where
 * the caller supplies a comparator, index key order. {@link
 * io.turso4j.storage.integrity.SchemaRoots} finds the roots from sqlite_schema when the caller
 * has no schema at hand. Comparing indexes with their tables is the SQL level's job.
 *
 * <p>Depends on {@code storage.pager} (pages, read through the {@code Pager} seam, resumable on
 * {@code IoPending}), {@code storage.format}, {@code storage}'s root package and {@code value}
 * (key comparison); never on the layers above.
 */
package io.turso4j.storage.integrity;
