package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.PageType;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserts and deletes on one tree inside a {@link PageEdit}: descends from the root to the
 * node that holds (or should hold) the key, recording the path, changes that node, and hands
 * the path to the {@link Balancer}. Index trees keep entries in interior cells too, so an
 * equal key may be found (and replaced or deleted) on an interior page; deleting there pulls
 * up the entry's predecessor from the right-most leaf of its left subtree, as SQLite does.
 *
 * <p>A path is the list of nodes from the root down, with {@code idx[d]} the child of {@code
 * path[d]} that the next node is. Stateless apart from the path of one call.
 */
final class TreeWriter {
    /** Deeper than any real tree (SQLite's limit is 20). */
    static final int MAX_DEPTH = 40;

    private final PageEdit e;
    private final List<Node> path = new ArrayList<>();
    private final int[] idx = new int[MAX_DEPTH];

    TreeWriter(PageEdit e) {
        this.e = e;
    }

    /** Inserts or replaces the row {@code rowid} of the table tree at {@code root}. */
    void insertTable(int root, long rowid, byte[] record) {
        Node leaf = descendTable(root, rowid);
        int pos = searchTable(leaf, rowid);
        byte[] body = Overflow.body(e, PageType.LEAF_TABLE, rowid, record);
        if (pos < leaf.size() && CellBody.rowid(true, leaf.bodies.get(pos)) == rowid) {
            Overflow.free(e, PageType.LEAF_TABLE, leaf.bodies.get(pos));
            leaf.bodies.set(pos, body);
        } else {
            leaf.bodies.add(pos, body);
            leaf.children.add(pos, 0L);
        }
        leaf.dirty = true;
        Balancer.balance(e, path, idx);
    }

    /** Deletes the row {@code rowid}; false if there is none. */
    boolean deleteTable(int root, long rowid) {
        Node leaf = descendTable(root, rowid);
        int pos = searchTable(leaf, rowid);
        if (pos >= leaf.size() || CellBody.rowid(true, leaf.bodies.get(pos)) != rowid) {
            return false;
        }
        Overflow.free(e, PageType.LEAF_TABLE, leaf.bodies.remove(pos));
        leaf.children.remove(pos);
        leaf.dirty = true;
        Balancer.balance(e, path, idx);
        return true;
    }

    /** Inserts {@code key} into the index tree at {@code root}, replacing an equal entry. */
    void insertIndex(int root, IndexKeyComparator cmp, byte[] key) {
        Register[] k = IndexKey.decode(key, 0);
        Node n = descendIndex(root, cmp, k);
        int pos = idx[path.size() - 1];
        byte[] body = Overflow.body(e, PageType.LEAF_INDEX, 0, key);
        if (found) {
            Overflow.free(e, PageType.LEAF_INDEX, n.bodies.get(pos));
            n.bodies.set(pos, body);
        } else {
            n.bodies.add(pos, body);
            n.children.add(pos, 0L);
        }
        n.dirty = true;
        Balancer.balance(e, path, idx);
    }

    /** Deletes the entry equal to {@code key}; false if there is none. */
    boolean deleteIndex(int root, IndexKeyComparator cmp, byte[] key) {
        Register[] k = IndexKey.decode(key, 0);
        Node n = descendIndex(root, cmp, k);
        if (!found) {
            return false;
        }
        int pos = idx[path.size() - 1];
        byte[] gone = n.bodies.get(pos);
        if (n.isLeaf()) {
            n.bodies.remove(pos);
            n.children.remove(pos);
        } else {
            Node leaf = n;
            int child = pos;
            while (!leaf.isLeaf()) {
                idx[path.size() - 1] = child;
                leaf = load((int) leaf.child(child));
                child = leaf.size();
            }
            if (leaf.size() == 0) {
                throw new CorruptDatabaseException(leaf.page, "empty leaf under an interior index cell");
            }
            byte[] pred = leaf.bodies.remove(leaf.size() - 1);
            leaf.children.remove(leaf.size());
            leaf.dirty = true;
            n.bodies.set(pos, pred);
        }
        Overflow.free(e, PageType.LEAF_INDEX, gone);
        n.dirty = true;
        Balancer.balance(e, path, idx);
        return true;
    }

    private boolean found;

    private Node load(int page) {
        if (path.size() >= MAX_DEPTH) {
            throw new CorruptDatabaseException(page, "B-tree deeper than " + MAX_DEPTH);
        }
        Node n = Node.load(e, page);
        path.add(n);
        return n;
    }

    private Node descendTable(int root, long rowid) {
        Node n = load(root);
        checkKind(n, true);
        while (!n.isLeaf()) {
            int i = searchTable(n, rowid);
            idx[path.size() - 1] = i;
            n = load((int) n.child(i));
            checkKind(n, true);
        }
        return n;
    }

    /** Descends to the node holding {@code key} ({@link #found}) or the leaf where it belongs. */
    private Node descendIndex(int root, IndexKeyComparator cmp, Register[] key) {
        Node n = load(root);
        while (true) {
            checkKind(n, false);
            int lo = 0;
            int hi = n.size();
            int c = -1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                byte[] payload = Overflow.payload(e, PageType.LEAF_INDEX, n.bodies.get(mid), n.page);
                c = IndexKey.compare(cmp, IndexKey.decode(payload, n.page), key, 0, key.length);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                    break;
                }
            }
            idx[path.size() - 1] = lo;
            found = c == 0 && lo < n.size();
            if (found || n.isLeaf()) {
                return n;
            }
            n = load((int) n.child(lo));
        }
    }

    /** The first cell of {@code n} whose rowid is at least {@code rowid}. */
    private static int searchTable(Node n, long rowid) {
        int lo = 0;
        int hi = n.size();
        boolean leaf = n.isLeaf();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (CellBody.rowid(leaf, n.bodies.get(mid)) < rowid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void checkKind(Node n, boolean table) {
        if (n.isTable() != table) {
            throw new CorruptDatabaseException(n.page, "page of a " + (table ? "table" : "index")
                    + " tree has type " + n.type);
        }
    }
}
