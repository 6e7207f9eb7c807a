package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.value.IndexKeyComparator;

import java.util.function.Function;

/**
 * The changes a writable {@link PagerCursor} makes to its tree: an insert (an append at the
 * tree's end, a replace of the row the cursor stands on, or one from the root) and a delete of
 * the entry it stands on, each run as one {@link PagerBTree#write} operation through a
 * {@link TreeWriter} it reuses. The operations are made once and take their arguments from
 * this object's fields, set just before each run, so a change allocates no closure.
 *
 * <p>After a change that wrote only one leaf in place ({@link TreeWriter#leafOnly}), the tree's
 * {@link KeptPages} stay kept but for that leaf: an UPDATE or DELETE that seeks an index entry
 * per row then reads the index's interior pages once, not once per row. One cursor, one thread.
 */
final class CursorChanges {
    /** How an insert is placed. */
    enum Kind { INSERT, APPEND, REPLACE }

    private final PagerBTree tree;
    private final int root;
    /** The index's key order; null for a table. */
    private final IndexKeyComparator cmp;
    private final PagerBTree.Version version;
    private final Function<PageEdit, TreeWriter> insertRowOp = this::insertRow;
    private final Function<PageEdit, TreeWriter> insertKeyOp = this::insertKey;
    private final Function<PageEdit, TreeWriter> deleteOp = this::deleteEntry;
    /** Made at the first change. */
    private TreeWriter writer;

    // the change under way
    private Kind kind;
    private CursorPath path;
    private long rowid;
    private byte[] bytes;

    CursorChanges(PagerBTree tree, int root, IndexKeyComparator cmp, PagerBTree.Version version) {
        this.tree = tree;
        this.root = root;
        this.cmp = cmp;
        this.version = version;
    }

    /**
     * Inserts the row {@code rowid} with {@code record}; {@code at} is the cursor's path (valid
     * for the tree's current version) for an append or a replace.
     */
    TreeWriter insertRow(Kind how, CursorPath at, long newRowid, byte[] record) {
        kind = how;
        path = at;
        rowid = newRowid;
        bytes = record;
        return write(insertRowOp);
    }

    /** Inserts the index entry {@code key}; {@code at} is the cursor's path for an append. */
    TreeWriter insertKey(Kind how, CursorPath at, byte[] key) {
        kind = how;
        path = at;
        bytes = key;
        return write(insertKeyOp);
    }

    /**
     * Deletes the entry at the end of {@code at}: the row {@code entryRowid} of a table, or the
     * index entry {@code key} (by which it is found again from the root if need be).
     */
    TreeWriter delete(CursorPath at, long entryRowid, byte[] key) {
        path = at;
        rowid = entryRowid;
        bytes = key;
        return write(deleteOp);
    }

    private TreeWriter insertRow(PageEdit e) {
        TreeWriter t = writer(e);
        CursorPath p = path;
        switch (kind) {
            case APPEND -> t.appendTable(p.pages, p.idx, p.depth, rowid, bytes);
            case REPLACE -> t.replaceTableAt(p.pages, p.idx, p.depth, root, rowid, bytes);
            case INSERT -> t.insertTable(root, rowid, bytes);
        }
        return t;
    }

    private TreeWriter insertKey(PageEdit e) {
        TreeWriter t = writer(e);
        CursorPath p = path;
        if (kind == Kind.APPEND) {
            t.appendIndex(root, p.pages, p.idx, p.depth, cmp, bytes);
        } else {
            t.insertIndex(root, cmp, bytes);
        }
        return t;
    }

    private TreeWriter deleteEntry(PageEdit e) {
        TreeWriter t = writer(e);
        CursorPath p = path; // current: the cursor found the entry again if the tree changed
        if (!t.deleteAt(p.pages, p.idx, p.depth, root, rowid, cmp, bytes)) {
            // the cursor was on it, yet a search by its key misses it: keys are out of order
            throw new CorruptDatabaseException(root, "entry not found by its own key: tree out of order");
        }
        return t;
    }

    /** The writer, readied for an operation in {@code e}. */
    private TreeWriter writer(PageEdit e) {
        if (writer == null) {
            writer = new TreeWriter(e);
        }
        return writer.reset(e, version.value);
    }

    private TreeWriter write(Function<PageEdit, TreeWriter> op) {
        long before = version.value;
        TreeWriter w;
        try {
            w = tree.write(version, op);
        } finally {
            path = null;
            bytes = null;
        }
        w.applied(version.value);
        if (w.leafOnly()) {
            TreePath written = w.path();
            version.kept.leafChanged(before, version.value, written.pages[written.depth - 1]);
        }
        return w;
    }
}
