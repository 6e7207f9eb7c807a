package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;

/**
 * The pages a change descended through, root first: {@code pages[d]} and, for every level
 * above the last, {@code idx[d]}, the child of {@code pages[d]} the descent took. A level's
 * {@link Node} is decoded only when someone needs it ({@link #node}): the changed node, and a
 * parent when the balancer redistributes its children; descending itself reads pages in place.
 * Owned by one operation.
 */
final class TreePath {
    /** Deeper than any real tree (SQLite's limit is 20). */
    static final int MAX_DEPTH = 40;

    final int[] pages = new int[MAX_DEPTH];
    final int[] idx = new int[MAX_DEPTH];
    private final Node[] nodes = new Node[MAX_DEPTH];
    int depth;

    /** Empties the path for the next operation, dropping the nodes it decoded. */
    void clear() {
        java.util.Arrays.fill(nodes, 0, depth, null);
        depth = 0;
    }

    void push(int page) {
        if (depth == MAX_DEPTH) {
            throw new CorruptDatabaseException(page, "B-tree deeper than " + MAX_DEPTH);
        }
        pages[depth] = page;
        nodes[depth] = null;
        depth++;
    }

    /** Level {@code d}'s node, decoded on first use. */
    Node node(PageEdit e, int d) {
        if (nodes[d] == null) {
            nodes[d] = Node.load(e, pages[d]);
        }
        return nodes[d];
    }

    /** Level {@code d}'s node if it was decoded, else null. */
    Node loaded(int d) {
        return nodes[d];
    }
}
