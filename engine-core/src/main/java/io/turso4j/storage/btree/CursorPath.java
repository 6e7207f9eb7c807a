package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;

import java.util.Arrays;

/**
 * Where a {@link PagerCursor} is: pages from the root down, and at each the child it took (or,
 * last, the cell). Mutable, reused by its cursor; one thread.
 */
final class CursorPath {
    /** Room for a tree of a billion rows; deeper ones grow the arrays, up to {@link TreePath#MAX_DEPTH}. */
    private static final int INITIAL_DEPTH = 6;

    int depth;
    int[] pages = new int[INITIAL_DEPTH];
    int[] idx = new int[INITIAL_DEPTH];

    void push(int page, int i) {
        if (depth == pages.length) {
            if (depth == TreePath.MAX_DEPTH) {
                throw new CorruptDatabaseException(page, "B-tree deeper than " + TreePath.MAX_DEPTH);
            }
            grow(Math.min(TreePath.MAX_DEPTH, depth * 2));
        }
        pages[depth] = page;
        idx[depth++] = i;
    }

    void grow(int capacity) {
        if (capacity > pages.length) {
            pages = Arrays.copyOf(pages, capacity);
            idx = Arrays.copyOf(idx, capacity);
        }
    }

    /** Makes this path {@code pages} and {@code idx} to {@code depth}; returns it. */
    CursorPath set(int[] pages, int[] idx, int depth) {
        grow(depth);
        this.depth = depth;
        System.arraycopy(pages, 0, this.pages, 0, depth);
        System.arraycopy(idx, 0, this.idx, 0, depth);
        return this;
    }

    /** Empties this path for reuse. */
    CursorPath clear() {
        depth = 0;
        return this;
    }
}
