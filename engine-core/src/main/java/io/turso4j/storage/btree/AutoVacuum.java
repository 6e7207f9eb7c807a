package io.turso4j.storage.btree;

/**
 * The auto-vacuum mode of a database ({@code PRAGMA auto_vacuum}): NONE keeps free pages on
 * the freelist; FULL and INCREMENTAL keep pointer-map pages so pages can be moved, FULL moving
 * free pages to the end and truncating them at every commit, INCREMENTAL only when asked
 * ({@link BTree#incrementalVacuum}). Stored in the header: largest root page non-zero means
 * FULL or INCREMENTAL, the incremental-vacuum field tells them apart.
 */
public enum AutoVacuum {
    NONE,
    FULL,
    INCREMENTAL
}
