package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.PageHeader;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.format.PointerMap;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts and deletes on one tree inside a {@link PageEdit}: descends from the root to the
 * node that holds (or should hold) the key, recording the {@link TreePath}, changes that node,
 * and hands the path to the {@link Balancer}. Index trees keep entries in interior cells too,
 * so an equal key may be found (and replaced or deleted) on an interior page; deleting there
 * pulls up the entry's predecessor from the right-most leaf of its left subtree, as SQLite
 * does. One operation per instance.
 */
final class TreeWriter {
    private final PageEdit e;
    private final TreePath path = new TreePath();
    private final Cell scratch = new Cell();
    /** Compares index keys on the page; made on the first index descent. */
    private KeyProbe probe;
    /** Whether the last index descent found an equal key. */
    private boolean found;

    TreeWriter(PageEdit e) {
        this.e = e;
    }

    /** Inserts or replaces the row {@code rowid} of the table tree at {@code root}. */
    void insertTable(int root, long rowid, byte[] record) {
        BTreePage pg = descendTable(root, rowid);
        int pos = searchLeaf(pg, rowid);
        boolean replace = pos < pg.cellCount() && pg.cell(pos, scratch).rowid() == rowid;
        byte[] body = Overflow.body(e, PageType.LEAF_TABLE, rowid, record);
        putInLeaf(pg, pos, body, replace, PageType.LEAF_TABLE);
    }

    /**
     * Appends the row {@code rowid}, larger than every rowid in the tree, to its last leaf,
     * reached by {@code pages[0 .. depth)}, the right-most path from the root a cursor on the
     * tree's last entry holds (valid while the tree is unchanged): SQLite's append bias, which
     * spares the descent. Returns the leaf the row became the last cell of when that is known
     * without a search (it went onto the last leaf in place, or started a new last leaf under
     * the same parent), else 0 (the tree was balanced).
     */
    int appendTable(int[] pages, int depth, long rowid, byte[] record) {
        int last = pages[depth - 1];
        BTreePage pg = page(last, true);
        if (!pg.type().isLeaf()) {
            throw new CorruptDatabaseException(last, "the last entry's page is not a leaf");
        }
        byte[] body = Overflow.body(e, PageType.LEAF_TABLE, rowid, record);
        int n = pg.cellCount();
        if (insertInPlace(pg, n, 0, body)) {
            return last; // the pages above were not even read
        }
        for (int d = 0; d < depth - 1; d++) {
            BTreePage up = page(pages[d], true);
            if (up.type().isLeaf() || up.rightChild() != pages[d + 1]) {
                throw new IllegalStateException("not the right-most path: page " + pages[d + 1] + " under " + pages[d]);
            }
            path.push(pages[d]);
            path.idx[d] = up.cellCount();
        }
        path.push(last);
        int fresh = depth > 1 && n > 0 ? appendOnNewLeaf(pg, body) : 0;
        if (fresh == 0) {
            putByBalance(n, body, false, PageType.LEAF_TABLE, true);
        }
        return fresh;
    }

    /**
     * SQLite's {@code balance_quick} for an append that does not fit on the last leaf: the row
     * starts a new last leaf, and the old leaf's largest rowid becomes the parent's last
     * divider, written there in place; the old leaf is not touched. Returns the new leaf, or 0
     * when the parent has no room for the divider (the caller balances then).
     */
    private int appendOnNewLeaf(BTreePage leaf, byte[] body) {
        int parentPage = path.pages[path.depth - 2];
        byte[] divider = CellBody.interiorTable(leaf.rowid(leaf.cellCount() - 1));
        if (!fits(page(parentPage, true), CellBody.footprint(false, divider))) {
            return 0;
        }
        int fresh = FreeList.allocate(e);
        new Node(fresh, PageType.LEAF_TABLE, new ArrayList<>(List.of(body)), new ArrayList<>(List.of(0L)), 0).store(e);
        if (e.autoVacuum()) {
            PointerMaps.put(e, fresh, PointerMap.BTREE, parentPage);
        }
        // read again: the allocation may have changed it (when it is page 1, the header)
        BTreePage parent = page(parentPage, true);
        if (!insertInPlace(parent, parent.cellCount(), leaf.pageNumber(), divider)) {
            throw new IllegalStateException("no room for a divider on page " + parentPage + " after all");
        }
        PageHeader.setRightChild(e.writeInPlace(parentPage), parent.headerOffset(), fresh);
        return fresh;
    }

    /** Whether a cell of {@code footprint} bytes (its pointer included) fits in the gap of {@code pg}. */
    private static boolean fits(BTreePage pg, int footprint) {
        return pg.contentStart() - pg.cellPointersEnd() >= footprint;
    }

    /**
     * The common case of an insert: the new cell (on an interior page, {@code leftChild} and
     * {@code body}) fits in the gap between the cell pointers and the content area, so it is
     * written there without rebuilding the page. The operation's last change.
     */
    private boolean insertInPlace(BTreePage pg, int pos, long leftChild, byte[] body) {
        boolean leaf = pg.type().isLeaf();
        int footprint = CellBody.footprint(leaf, body);
        if (!fits(pg, footprint)) {
            return false;
        }
        int size = footprint - PageHeader.CELL_POINTER_SIZE;
        int number = (int) pg.pageNumber();
        int hdr = pg.headerOffset();
        int pointers = hdr + pg.type().headerSize();
        int n = pg.cellCount();
        int at = pg.contentStart() - size;
        long overflow = pg.type().hasPayload() ? CellBody.overflowPage(Node.leafOf(pg.type()), body, e.usableSize()) : 0;
        if (overflow != 0) {
            PointerMaps.put(e, overflow, PointerMap.OVERFLOW1, number);
        }
        // after the last read: made on the pager's page itself
        MemorySegment s = e.writeInPlace(number);
        if (!leaf) {
            BigEndian.putU32(s, at, leftChild);
        }
        MemorySegment.copy(MemorySegment.ofArray(body), 0, s, at + (leaf ? 0 : Cell.CHILD_POINTER_SIZE), body.length);
        MemorySegment.copy(s, pointers + 2L * pos, s, pointers + 2L * pos + 2, 2L * (n - pos));
        PageHeader.setCellPointer(s, hdr, pg.type().headerSize(), pos, at);
        PageHeader.setCellCount(s, hdr, n + 1);
        PageHeader.setContentStart(s, hdr, at);
        return true;
    }

    /** Deletes the row {@code rowid}; false if there is none. */
    boolean deleteTable(int root, long rowid) {
        BTreePage pg = descendTable(root, rowid);
        int pos = searchLeaf(pg, rowid);
        if (pos >= pg.cellCount() || pg.cell(pos, scratch).rowid() != rowid) {
            return false;
        }
        Node leaf = path.node(e, path.depth - 1);
        Overflow.free(e, PageType.LEAF_TABLE, leaf.bodies.remove(pos));
        leaf.children.remove(pos);
        leaf.dirty = true;
        Balancer.balance(e, path);
        return true;
    }

    /** Inserts {@code key} into the index tree at {@code root}, replacing an equal entry. */
    void insertIndex(int root, IndexKeyComparator cmp, byte[] key) {
        BTreePage pg = descendIndex(root, cmp, IndexKey.decode(key, 0));
        int pos = path.idx[path.depth - 1];
        byte[] body = Overflow.body(e, PageType.LEAF_INDEX, 0, key);
        putInLeaf(pg, pos, body, found, PageType.LEAF_INDEX);
    }

    /**
     * Puts {@code body} at {@code pos} of the leaf the path ends on, replacing the cell there
     * (and freeing its overflow) when {@code replace}; in place if it fits, else by balancing.
     */
    private void putInLeaf(BTreePage pg, int pos, byte[] body, boolean replace, PageType leafType) {
        if (replace || !insertInPlace(pg, pos, 0, body)) {
            putByBalance(pos, body, replace, leafType, false);
        }
    }

    /**
     * {@link #putInLeaf} when the cell does not fit in place: the leaf is rebuilt and balanced
     * (in bulk mode for an append at the tree's end, see {@link Balancer#balance(PageEdit, TreePath, boolean)}).
     */
    private void putByBalance(int pos, byte[] body, boolean replace, PageType leafType, boolean append) {
        Node leaf = path.node(e, path.depth - 1);
        if (replace) {
            Overflow.free(e, leafType, leaf.bodies.get(pos));
            leaf.bodies.set(pos, body);
        } else {
            leaf.bodies.add(pos, body);
            leaf.children.add(pos, 0L);
        }
        leaf.dirty = true;
        Balancer.balance(e, path, append);
    }

    /** Deletes the entry equal to {@code key}; false if there is none. */
    boolean deleteIndex(int root, IndexKeyComparator cmp, byte[] key) {
        descendIndex(root, cmp, IndexKey.decode(key, 0));
        if (!found) {
            return false;
        }
        Node n = path.node(e, path.depth - 1);
        int pos = path.idx[path.depth - 1];
        byte[] gone = n.bodies.get(pos);
        if (n.isLeaf()) {
            n.bodies.remove(pos);
            n.children.remove(pos);
        } else {
            // pull up the predecessor: the last entry of the right-most leaf under child pos
            long child = n.child(pos);
            while (true) {
                BTreePage pg = page((int) child, false);
                path.push((int) child);
                if (pg.type().isLeaf()) {
                    break;
                }
                path.idx[path.depth - 1] = pg.cellCount();
                child = pg.rightChild();
            }
            Node leaf = path.node(e, path.depth - 1);
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
        Balancer.balance(e, path);
        return true;
    }

    private BTreePage page(int number, boolean table) {
        BTreePage p = BTreePage.of(e.read(number), number, e.usableSize());
        if (p.type().isTable() != table) {
            throw new CorruptDatabaseException(number, "page of a " + (table ? "table" : "index")
                    + " tree has type " + p.type());
        }
        return p;
    }

    /** Descends to the leaf where {@code rowid} is or belongs; returns that leaf's page. */
    private BTreePage descendTable(int root, long rowid) {
        int number = root;
        while (true) {
            BTreePage pg = page(number, true);
            path.push(number);
            if (pg.type().isLeaf()) {
                return pg;
            }
            int lo = searchLeaf(pg, rowid);
            path.idx[path.depth - 1] = lo;
            number = (int) (lo == pg.cellCount() ? pg.rightChild() : pg.leftChild(lo));
        }
    }

    /**
     * Descends to the page holding {@code key} ({@link #found}) or the leaf where it belongs;
     * the position is the last level's {@code idx}.
     */
    private BTreePage descendIndex(int root, IndexKeyComparator cmp, Register[] key) {
        int number = root;
        while (true) {
            BTreePage pg = page(number, false);
            path.push(number);
            int lo = 0;
            int hi = pg.cellCount();
            found = false;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int c = entryOrder(pg, mid, number, cmp, key);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                    found = true;
                    break;
                }
            }
            path.idx[path.depth - 1] = lo;
            if (found || pg.type().isLeaf()) {
                return pg;
            }
            number = (int) (lo == pg.cellCount() ? pg.rightChild() : pg.leftChild(lo));
        }
    }

    /**
     * The order of index cell {@code i} of page {@code number} against {@code key}: compared
     * where it lies on the page ({@link KeyProbe}) when its payload does not spill, else (or
     * when the probe cannot decide) by its decoded payload.
     */
    private int entryOrder(BTreePage pg, int i, int number, IndexKeyComparator cmp, Register[] key) {
        Cell c = pg.cell(i, scratch);
        if (!c.spills()) {
            if (probe == null) {
                probe = new KeyProbe();
            }
            int r = probe.compare(cmp, pg.segment(), c.payloadOffset(), c.localSize(), key, 0, key.length);
            if (r != IndexKey.UNDECIDED) {
                return r;
            }
        }
        byte[] payload = Overflow.payload(e, PageType.LEAF_INDEX, CellBody.read(pg, i, scratch), number);
        return IndexKey.compare(cmp, IndexKey.decode(payload, number), key, 0, key.length);
    }

    /** The first cell of table page {@code pg} whose rowid is at least {@code rowid}. */
    private int searchLeaf(BTreePage pg, long rowid) {
        int lo = 0;
        int hi = pg.cellCount();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pg.cell(mid, scratch).rowid() < rowid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
