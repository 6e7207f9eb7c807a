package io.turso4j.storage.btree;

import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.value.Register;

/**
 * A position in one table or index B-tree. SQLite's {@code BtCursor}, in our terms.
 *
 * <p>States: <b>unpositioned</b> (new, or after a move past either end: {@link #isValid()} is
 * false) and <b>positioned</b> on an entry. Moves return whether the cursor is positioned
 * afterwards. After {@link #delete()} the cursor sits so that {@link #next()} reaches the entry
 * that followed the deleted one and {@link #prev()} the one before it. A cursor whose tree was
 * changed through another cursor re-finds its entry by key on its next move.
 *
 * <p>Never blocking: every method may throw {@link IoPending}; calling it again with the same
 * arguments once the completion is done resumes it (inserts and deletes keep their balance
 * stage in the cursor). Threads: one connection, one thread at a time.
 */
public interface BTreeCursor extends AutoCloseable {

    /** Moves to the smallest key; false if the tree is empty. */
    boolean first();

    /** Moves to the largest key; false if the tree is empty. */
    boolean last();

    /** Moves to the next key; false (and unpositioned) past the last. */
    boolean next();

    /** Moves to the previous key; false (and unpositioned) before the first. */
    boolean prev();

    /** Whether the cursor is on an entry. */
    boolean isValid();

    /**
     * Table trees: moves to the entry with this rowid and returns true, or, when there is none,
     * to a neighbouring entry (or unpositioned in an empty tree) and returns false.
     */
    boolean seekRowid(long rowid);

    /**
     * Index trees: moves as {@code op} says relative to the key made of {@code key[start ..
     * start + count)} (a prefix of the index's fields compares equal to every longer key that
     * starts with it). Returns whether such an entry exists. On a table tree the key is one
     * INTEGER register, compared with the rowid.
     */
    boolean seek(SeekOp op, Register[] key, int start, int count);

    /** Table trees: the rowid of the current entry. */
    long rowid();

    /**
     * The current entry's record (a table row's data, or an index key), overflow included.
     * Valid until the cursor moves or the tree changes.
     */
    RecordReader record();

    /**
     * Moves to the last entry of the page the current entry is on and returns how many entries
     * it moved past: 0 when already there, on an index tree's interior entry, or for a cursor
     * that cannot tell. Counting a tree page by page ({@code Count}) alternates it with {@link
     * #next()}, so that it does not visit every entry.
     */
    default long skipToPageEnd() {
        return 0;
    }

    /**
     * A scan's shortcut to {@code record()}: field {@code col} of the current entry into {@code
     * out} if the cursor can read it at once (a NULL, an integer or a REAL in a record of short
     * header, say),
     * and true; else false, with nothing written, and the caller reads it through {@link
     * #record()}. Never reports an error: where that would, it declines.
     */
    default boolean readNumber(int col, Register out) {
        return false;
    }

    /**
     * Table trees: inserts or replaces the row with this rowid and leaves the cursor on it.
     * The cursor may keep {@code record} as its entry's: the caller does not change it after.
     */
    void insert(long rowid, byte[] record);

    /** Index trees: inserts this key (replacing an equal one) and leaves the cursor on it. */
    void insert(byte[] key);

    /** Deletes the current entry (see the class comment for where the cursor goes). */
    void delete();

    /** Releases the cursor's pages. */
    @Override
    void close();
}
