package io.turso4j.storage.btree;

import io.turso4j.storage.IoPending;
import io.turso4j.value.IndexKeyComparator;

/**
 * The B-trees of one connection's database: creating, dropping and clearing trees, opening
 * cursors on them, and the header's meta values. SQLite's {@code btree.h}, in our terms.
 *
 * <p>Every tree is named by its root page number, which is what {@code sqlite_schema.rootpage}
 * stores. Table trees are keyed by a 64-bit rowid and carry a record as data; index trees are
 * keyed by a record alone (the indexed columns followed by the rowid).
 *
 * <p>Transactions are the pager's ({@code Pager.beginRead} / {@code beginWrite} / {@code
 * commit}); everything that changes a tree needs a write transaction. Freelist reuse, pointer
 * maps and auto-vacuum are kept right here, below this interface: a caller never sees them
 * except through {@link #drop}'s moved root and {@link #incrementalVacuum}.
 *
 * <p>Never blocking: every method may throw {@link IoPending} (see its contract: nothing a
 * retry would see has changed, or the operation keeps a resume state). Threads: one
 * connection, one thread at a time.
 */
public interface BTree {

    /** Creates an empty table tree and returns its root page. */
    int createTable();

    /** Creates an empty index tree and returns its root page. */
    int createIndex();

    /**
     * Frees every page of the tree rooted at {@code root}, root included. In an auto-vacuum
     * database SQLite keeps roots at the front of the file, so the tree with the largest root
     * may be moved into the freed root's place: the result is that tree's old root page
     * number (the caller updates {@code sqlite_schema} from it to {@code root}), or 0 if
     * nothing moved.
     */
    int drop(int root);

    /** Deletes every entry of the tree rooted at {@code root}, keeping the root; returns how many. */
    long clear(int root);

    /** A cursor on a table tree. {@code writable} cursors may insert and delete. */
    BTreeCursor openTable(int root, boolean writable);

    /**
     * A cursor on an index tree whose keys compare with {@code key} field by field (collations
     * and DESC per field; the trailing rowid, if any, compares as an integer).
     */
    BTreeCursor openIndex(int root, IndexKeyComparator key, boolean writable);

    /**
     * Reads meta value {@code index} of the database header: SQLite's {@code
     * sqlite3BtreeGetMeta} numbering (1 = schema cookie, 2 = schema format, 3 = default cache
     * size, 4 = largest root page (auto-vacuum), 5 = text encoding, 6 = user version, 7 =
     * incremental vacuum, 8 = application id).
     */
    int meta(int index);

    /** Writes meta value {@code index} (same numbering) in the write transaction. */
    void setMeta(int index, int value);

    /**
     * Moves up to {@code pages} free pages to the end of the file and truncates them away
     * ({@code PRAGMA incremental_vacuum(N)}); 0 means all. Only in an incremental-vacuum
     * database; returns how many pages were released.
     */
    int incrementalVacuum(int pages);

    // The defaults below suit a B-tree without auto-vacuum, such as a test double.

    /**
     * Sets the auto-vacuum mode a new database gets ({@code PRAGMA auto_vacuum}); effective
     * only while the database has no pages, as in SQLite (afterwards only VACUUM could change
     * it). Returns whether it took effect.
     */
    default boolean setAutoVacuum(AutoVacuum mode) {
        return false;
    }

    /** The database's auto-vacuum mode, or for a database without pages the one it will get. */
    default AutoVacuum autoVacuum() {
        return AutoVacuum.NONE;
    }

    /**
     * Work due before the pager commits the write transaction; call it (and retry it on
     * {@link IoPending}) right before {@code Pager.commit}. In an auto_vacuum=FULL database it
     * moves every free page to the end of the file and truncates them away, as SQLite does at
     * commit; otherwise it does nothing.
     */
    default void beforeCommit() {
    }

    /**
     * Tells the B-trees that pages were restored behind their back ({@code Pager.rollback} or
     * {@code rollbackToSavepoint}): open cursors then find their entries again by key on their
     * next call (or sit in a hole if the entry is gone), instead of trusting remembered pages.
     */
    default void pagesRolledBack() {
    }
}
