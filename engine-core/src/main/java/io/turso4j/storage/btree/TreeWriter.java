package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.PageHeader;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.format.PointerMap;
import io.turso4j.storage.pager.Page;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts and deletes on one tree inside a {@link PageEdit}: descends from the root to the
 * node that holds (or should hold) the key, recording the {@link TreePath}, or follows the
 * path of a cursor that already stands there (an append after the last entry, a delete at the
 * cursor). The common change is made on the page where it lies, as the operation's last step
 * ({@link CellSlot} finds room for a new cell, {@link CellRemoval} frees an old one); a leaf
 * that overflows or falls under a third full is decoded into a {@link Node} and the path goes
 * to the {@link Balancer}. Index trees keep entries in interior cells too, so an equal key may
 * be found (and replaced or deleted) on an interior page; deleting there pulls up the entry's
 * predecessor from the right-most leaf of its left subtree, as SQLite does. One operation at a
 * time: a cursor keeps one and {@link #reset}s it per operation, so a row changed in place
 * allocates no writer.
 */
final class TreeWriter {
    private PageEdit e;
    private final TreePath path = new TreePath();
    private final Cell scratch = new Cell();
    /** Compares index keys on the page; made on the first index descent. */
    private KeyProbe probe;
    /** Whether the last index descent found an equal key. */
    private boolean found;
    /** Whether the last descent took the right-most child at every interior level. */
    private boolean rightmost;
    /**
     * Whether the inserted entry is where {@link #path} ends (its leaf and cell): it went in
     * place, or onto a new last leaf. The cursor may then stand on it without a search.
     */
    private boolean placed;
    /** Whether the {@link #placed} entry is the tree's last. */
    private boolean lastEntry;
    /** Whether {@link #deleteAt} took the entry off its leaf in place: the cursor's path still leads there. */
    private boolean keptPath;
    /**
     * Whether the operation changed no page of the tree but the leaf its path ends on (besides
     * overflow, free-list and pointer-map pages, and page 1's header): the tree's interior
     * pages, and every other leaf, are as they were.
     */
    private boolean leafOnly;
    /**
     * The pager's page of the leaf the {@link #placed} entry went onto, when it was changed
     * there in place (not through a copy); else null. Its bytes stay the leaf's until the tree
     * changes again, so the cursor may go on reading it.
     */
    private Page placedLeaf;
    /**
     * The free bytes of leaf {@link #knownPage} as this writer's last applied delete left
     * them, valid while the tree's version is still {@link #knownVersion}: a DELETE that takes
     * row after row off one leaf then walks its growing freeblock chain once, not per row
     * (SQLite keeps a page's free count the same way). {@link #pendingPage} and {@link
     * #pendingFree} are the operation's own, made known by {@link #applied}.
     */
    private int knownPage;
    private int knownFree;
    private long knownVersion = -1;
    private int pendingPage;
    private int pendingFree;
    /** The tree's version when the operation began. */
    private long startVersion = -1;

    TreeWriter(PageEdit e) {
        reset(e, -1);
    }

    /**
     * Readies this writer for a new operation in {@code edit} on the tree as of version {@code
     * version} (or -1 if the caller does not track it).
     */
    TreeWriter reset(PageEdit edit, long version) {
        e = edit;
        startVersion = version;
        pendingPage = 0;
        path.clear();
        found = false;
        rightmost = false;
        placed = false;
        lastEntry = false;
        keptPath = false;
        leafOnly = false;
        placedLeaf = null;
        return this;
    }

    boolean leafOnly() {
        return leafOnly;
    }

    /** The operation was applied and moved the tree to {@code version}: what it learnt of a page's free space holds there. */
    void applied(long version) {
        knownPage = pendingPage;
        knownFree = pendingFree;
        knownVersion = pendingPage != 0 && startVersion != -1 ? version : -1;
    }

    Page placedLeaf() {
        return placedLeaf;
    }

    /** Notes that the entry went in place onto leaf {@code number}, the end of the path. */
    private void placedInPlace(int number) {
        leafOnly = true;
        placedLeaf = e.readPage(number);
    }

    TreePath path() {
        return path;
    }

    boolean placed() {
        return placed;
    }

    boolean lastEntry() {
        return lastEntry;
    }

    boolean keptPath() {
        return keptPath;
    }

    /** Inserts or replaces the row {@code rowid} of the table tree at {@code root}. */
    void insertTable(int root, long rowid, byte[] record) {
        BTreePage pg = descendTable(root, rowid);
        int pos = searchLeaf(pg, rowid);
        int n = pg.cellCount();
        boolean replace = pos < n && pg.cell(pos, scratch).rowid() == rowid;
        byte[] body = Overflow.body(e, PageType.LEAF_TABLE, rowid, record);
        path.idx[path.depth - 1] = pos;
        placed = putInLeaf(pg, pos, body, replace, PageType.LEAF_TABLE);
        lastEntry = rightmost && pos == n;
    }

    /**
     * Replaces the row {@code rowid} a cursor stands on, at the end of its path {@code pages}
     * and {@code idx} (to {@code depth}, valid while the tree is unchanged), without a descent,
     * as SQLite's insert at a cursor already on the row does (an UPDATE's rewrite). Goes the
     * usual way, from {@code root}, if the path does not end on that row.
     */
    void replaceTableAt(int[] pages, int[] idx, int depth, int root, long rowid, byte[] record) {
        BTreePage pg = page(pages[depth - 1], true);
        int pos = idx[depth - 1];
        if (!pg.type().isLeaf() || pos >= pg.cellCount() || pg.rowid(pos) != rowid) {
            insertTable(root, rowid, record);
            return;
        }
        follow(pages, idx, depth);
        placed = putInLeaf(pg, pos, Overflow.body(e, PageType.LEAF_TABLE, rowid, record), true, PageType.LEAF_TABLE);
        lastEntry = false; // a replaced row's neighbours stay where they were
    }

    /** Inserts {@code key} into the index tree at {@code root}, replacing an equal entry. */
    void insertIndex(int root, IndexKeyComparator cmp, byte[] key) {
        insertIndex(root, cmp, key, IndexKey.decode(key, 0));
    }

    private void insertIndex(int root, IndexKeyComparator cmp, byte[] key, Register[] fields) {
        BTreePage pg = descendIndex(root, cmp, fields);
        int pos = path.idx[path.depth - 1];
        int n = pg.cellCount();
        byte[] body = Overflow.body(e, PageType.LEAF_INDEX, 0, key);
        placed = putInLeaf(pg, pos, body, found, PageType.LEAF_INDEX);
        lastEntry = rightmost && pos == n;
    }

    /**
     * Appends the row {@code rowid}, larger than every rowid in the tree, to its last leaf:
     * SQLite's append bias, which spares the descent. {@code pages} and {@code idx} (to {@code
     * depth}) are the path of a cursor on the tree's last entry, valid while the tree is
     * unchanged: the right-most path from the root.
     */
    void appendTable(int[] pages, int[] idx, int depth, long rowid, byte[] record) {
        BTreePage pg = lastLeaf(pages, idx, depth, true);
        append(pg, Overflow.body(e, PageType.LEAF_TABLE, rowid, record), pages, idx);
    }

    /**
     * {@link #appendTable} for an index: appends {@code key} to the last leaf if it sorts after
     * the tree's last entry (an index built or extended in key order), else inserts it the
     * usual way, from {@code root}.
     */
    void appendIndex(int root, int[] pages, int[] idx, int depth, IndexKeyComparator cmp, byte[] key) {
        Register[] fields = IndexKey.decode(key, 0);
        BTreePage pg = lastLeaf(pages, idx, depth, false);
        int n = pg.cellCount();
        if (n == 0 || entryOrder(pg, n - 1, pages[depth - 1], cmp, fields) >= 0) {
            path.clear();
            insertIndex(root, cmp, key, fields);
            return;
        }
        append(pg, Overflow.body(e, PageType.LEAF_INDEX, 0, key), pages, idx);
    }

    /** Takes a cursor's path, {@code pages} and {@code idx} to {@code depth}, as {@link #path}. */
    private void follow(int[] pages, int[] idx, int depth) {
        for (int d = 0; d < depth; d++) {
            path.push(pages[d]);
            path.idx[d] = idx[d];
        }
    }

    /** The leaf at the end of a cursor's path, with {@link #path} set to that path. */
    private BTreePage lastLeaf(int[] pages, int[] idx, int depth, boolean table) {
        follow(pages, idx, depth);
        BTreePage pg = page(pages[depth - 1], table);
        if (!pg.type().isLeaf()) {
            throw new CorruptDatabaseException(pages[depth - 1], "the last entry's page is not a leaf");
        }
        return pg;
    }

    /**
     * Puts {@code body} after the last cell of leaf {@code pg}, the end of {@link #path}: in
     * place if it fits; else on a new last leaf if the parent has room for one more divider;
     * otherwise the tree is balanced in bulk mode.
     */
    private void append(BTreePage pg, byte[] body, int[] pages, int[] idx) {
        int depth = path.depth;
        int n = pg.cellCount();
        path.idx[depth - 1] = n;
        if (insertInPlace(pg, n, 0, body)) {
            placed = lastEntry = true; // the pages above were not even read
            placedInPlace((int) pg.pageNumber());
            return;
        }
        for (int d = 0; d < depth - 1; d++) {
            BTreePage up = page(pages[d], pg.type().isTable());
            if (up.type().isLeaf() || up.rightChild() != pages[d + 1] || idx[d] != up.cellCount()) {
                throw new CorruptDatabaseException(pages[d], "page " + pages[d + 1] + " is not its last child");
            }
        }
        int fresh = depth > 1 && n > 0 ? appendOnNewLeaf(pg, body) : 0;
        if (fresh != 0) {
            path.pages[depth - 1] = fresh;
            path.idx[depth - 1] = 0;
            path.idx[depth - 2]++;
            placed = lastEntry = true;
        } else {
            putByBalance(n, body, false, Node.leafOf(pg.type()), true);
        }
    }

    /**
     * SQLite's {@code balance_quick} for an append that does not fit on the last leaf: the new
     * cell starts a new last leaf and the parent gets one more divider at its end, written in
     * place. In a table the divider is the old leaf's largest rowid and the old leaf is not
     * touched; in an index it is the old leaf's last cell, moved up (cut off the leaf in place,
     * so it must be the cell at the start of the content area, as an append left it). Returns
     * the new leaf, or 0 when this does not apply (the caller balances then).
     */
    private int appendOnNewLeaf(BTreePage leaf, byte[] body) {
        boolean table = leaf.type().isTable();
        int n = leaf.cellCount();
        int parentPage = path.pages[path.depth - 2];
        Cell last = leaf.cell(n - 1, scratch);
        if (!table && (n < 2 || last.offset() != leaf.contentStart())) {
            return 0;
        }
        int lastSize = last.sizeOnPage();
        byte[] divider = table ? CellBody.interiorTable(last.rowid()) : CellBody.read(leaf, n - 1, scratch);
        if (!fits(page(parentPage, table), CellBody.footprint(false, divider))) {
            return 0;
        }
        int fresh = FreeList.allocate(e);
        PageType type = leaf.type();
        new Node(fresh, type, new ArrayList<>(List.of(body)), new ArrayList<>(List.of(0L)), 0).store(e);
        if (e.autoVacuum()) {
            PointerMaps.put(e, fresh, PointerMap.BTREE, parentPage);
        }
        // read again: the allocation may have changed it (when it is page 1, the header)
        BTreePage parent = page(parentPage, table);
        if (!insertInPlace(parent, parent.cellCount(), leaf.pageNumber(), divider)) {
            throw new CorruptDatabaseException(parentPage, "free space changed under a split");
        }
        PageHeader.setRightChild(e.writeInPlace(parentPage), parent.headerOffset(), fresh);
        if (!table) {
            // after the last read: the leaf loses its last cell, which sat at the content start
            MemorySegment s = e.writeInPlace((int) leaf.pageNumber());
            PageHeader.setCellCount(s, leaf.headerOffset(), n - 1);
            PageHeader.setContentStart(s, leaf.headerOffset(), leaf.contentStart() + lastSize);
        }
        return fresh;
    }

    /** Whether a cell of {@code footprint} bytes (its pointer included) fits in the gap of {@code pg}. */
    private static boolean fits(BTreePage pg, int footprint) {
        return pg.contentStart() - pg.cellPointersEnd() >= footprint;
    }

    /**
     * The common case of an insert: the page has room for the new cell (on an interior page,
     * {@code leftChild} and {@code body}), so it is written where {@link CellSlot} finds room,
     * without rebuilding the page. The operation's last change.
     */
    private boolean insertInPlace(BTreePage pg, int pos, long leftChild, byte[] body) {
        boolean leaf = pg.type().isLeaf();
        int size = CellBody.footprint(leaf, body) - PageHeader.CELL_POINTER_SIZE;
        CellSlot slot = CellSlot.plan(pg, size);
        if (slot == null) {
            return false;
        }
        int number = (int) pg.pageNumber();
        mapOverflow(pg.type(), body, number);
        // after the last read: made on the pager's page itself
        MemorySegment s = e.writeInPlace(number);
        putCell(s, pg, pos, slot.take(s, pg), leftChild, body);
        return true;
    }

    /**
     * An insert over an equal key (a row replaced, an index entry rewritten): the new cell
     * takes the old one's place on leaf {@code pg}, over its bytes if it is the same size,
     * else freed in place and put where {@link CellSlot} finds room. False, and nothing done,
     * when the page has no room for it even without the old cell (the caller balances).
     */
    private boolean replaceInPlace(BTreePage pg, int pos, byte[] body, PageType leafType) {
        Cell c = pg.cell(pos, scratch);
        int oldOffset = c.offset();
        int oldSize = c.sizeOnPage();
        byte[] oldBody = c.spills() ? CellBody.read(pg, pos, scratch) : null;
        int size = CellBody.footprint(true, body) - PageHeader.CELL_POINTER_SIZE;
        // it fits whenever the gap covers the growth; only else is the freeblock chain walked
        if (size - oldSize > pg.contentStart() - pg.cellPointersEnd() && pg.freeSpace() + oldSize < size) {
            return false;
        }
        CellRemoval removal = size == oldSize ? null : CellRemoval.plan(pg, pos, oldOffset, oldSize);
        int number = (int) pg.pageNumber();
        if (oldBody != null) {
            Overflow.free(e, leafType, oldBody);
        }
        mapOverflow(pg.type(), body, number);
        // after the last read: made on the pager's page itself
        MemorySegment s = e.writeInPlace(number);
        if (removal == null) {
            MemorySegment.copy(body, 0, s, ValueLayout.JAVA_BYTE, oldOffset, body.length);
            return true;
        }
        removal.apply(s, pg);
        BTreePage after = BTreePage.of(s, number, e.usableSize());
        CellSlot slot = CellSlot.plan(after, size);
        if (slot == null) {
            throw new CorruptDatabaseException(number, "free space accounting broken");
        }
        putCell(s, after, pos, slot.take(s, after), 0, body);
        return true;
    }

    /** Points a cell's first overflow page (if it spills) at {@code page}, in an auto-vacuum database. */
    private void mapOverflow(PageType type, byte[] body, int page) {
        long overflow = type.hasPayload() ? CellBody.overflowPage(Node.leafOf(type), body, e.usableSize()) : 0;
        if (overflow != 0) {
            PointerMaps.put(e, overflow, PointerMap.OVERFLOW1, page);
        }
    }

    /** Writes a cell at offset {@code at} of page {@code s} (read as {@code pg}) and its pointer at {@code pos}. */
    static void putCell(MemorySegment s, BTreePage pg, int pos, int at, long leftChild, byte[] body) {
        boolean leaf = pg.type().isLeaf();
        int hdr = pg.headerOffset();
        int pointers = hdr + pg.type().headerSize();
        int n = pg.cellCount();
        if (!leaf) {
            BigEndian.putU32(s, at, leftChild);
        }
        MemorySegment.copy(body, 0, s, ValueLayout.JAVA_BYTE, at + (leaf ? 0 : Cell.CHILD_POINTER_SIZE), body.length);
        MemorySegment.copy(s, pointers + 2L * pos, s, pointers + 2L * pos + 2, 2L * (n - pos));
        PageHeader.setCellPointer(s, hdr, pg.type().headerSize(), pos, at);
        PageHeader.setCellCount(s, hdr, n + 1);
    }

    /**
     * Deletes the entry a cursor stands on, at the end of its path {@code pages} and {@code idx}
     * (to {@code depth}, valid while the tree is unchanged) without a descent, as SQLite deletes
     * at the cursor; an index entry on an interior page goes the usual way, from {@code root}.
     * The entry is the row {@code rowid} of a table (checked), or the index key {@code key}
     * ({@code cmp} set). False if it is not there.
     */
    boolean deleteAt(int[] pages, int[] idx, int depth, int root, long rowid, IndexKeyComparator cmp, byte[] key) {
        boolean table = cmp == null;
        BTreePage pg = page(pages[depth - 1], table);
        int pos = idx[depth - 1];
        if (!pg.type().isLeaf() || pos >= pg.cellCount() || table && pg.rowid(pos) != rowid) {
            return table ? deleteTable(root, rowid) : deleteIndex(root, cmp, key);
        }
        follow(pages, idx, depth);
        keptPath = deleteInPlace(pg, pos);
        leafOnly = keptPath;
        if (!keptPath) {
            deleteByBalance(pg, pos);
        }
        return true;
    }

    /** Deletes the row {@code rowid}; false if there is none. */
    boolean deleteTable(int root, long rowid) {
        BTreePage pg = descendTable(root, rowid);
        int pos = searchLeaf(pg, rowid);
        if (pos >= pg.cellCount() || pg.cell(pos, scratch).rowid() != rowid) {
            return false;
        }
        return deleteOnLeaf(pg, pos);
    }

    /** Deletes cell {@code pos} of leaf {@code pg}, the end of the path: in place, else rebuilt and balanced. */
    private boolean deleteOnLeaf(BTreePage pg, int pos) {
        leafOnly = deleteInPlace(pg, pos);
        if (!leafOnly) {
            deleteByBalance(pg, pos);
        }
        return true;
    }

    /** {@link #deleteOnLeaf} when the leaf would be left too empty: it is rebuilt without the cell and balanced. */
    private void deleteByBalance(BTreePage pg, int pos) {
        Node leaf = path.node(e, path.depth - 1);
        Overflow.free(e, Node.leafOf(pg.type()), leaf.bodies.remove(pos));
        leaf.children.remove(pos);
        leaf.dirty = true;
        Balancer.balance(e, path);
    }

    /**
     * The common case of a delete: cell {@code pos} of leaf {@code pg}, the end of the path,
     * is taken off the page where it lies ({@link CellRemoval}) and its overflow chain freed,
     * without rebuilding the page. False, and nothing done, when that would leave a leaf
     * other than the root less than a third full: the caller then balances, as SQLite does.
     */
    private boolean deleteInPlace(BTreePage pg, int pos) {
        Cell c = pg.cell(pos, scratch);
        int offset = c.offset();
        int size = c.sizeOnPage();
        boolean spills = c.spills();
        int number = (int) pg.pageNumber();
        int capacity = Node.capacity(number, pg.type(), e.usableSize());
        int free = number == knownPage && startVersion == knownVersion && startVersion != -1 ? knownFree
                : pg.freeSpace();
        int freeAfter = free + size + PageHeader.CELL_POINTER_SIZE;
        if (path.depth > 1 && capacity - freeAfter < capacity / 3) {
            return false;
        }
        pendingPage = number;
        pendingFree = freeAfter;
        CellRemoval removal = CellRemoval.plan(pg, pos, offset, size);
        if (spills) {
            Overflow.free(e, pg.type(), CellBody.read(pg, pos, scratch));
        }
        // after the last read: made on the pager's page itself
        removal.apply(e.writeInPlace(number), pg);
        return true;
    }

    /**
     * Puts {@code body} at {@code pos} of the leaf the path ends on, replacing the cell there
     * (and freeing its overflow) when {@code replace}; in place if it fits (then returns
     * true), else by balancing.
     */
    private boolean putInLeaf(BTreePage pg, int pos, byte[] body, boolean replace, PageType leafType) {
        if (replace ? pg.type().isLeaf() && replaceInPlace(pg, pos, body, leafType) : insertInPlace(pg, pos, 0, body)) {
            placedInPlace((int) pg.pageNumber());
            return true;
        }
        putByBalance(pos, body, replace, leafType, false);
        return false;
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
        BTreePage at = descendIndex(root, cmp, IndexKey.decode(key, 0));
        if (!found) {
            return false;
        }
        if (at.type().isLeaf()) {
            return deleteOnLeaf(at, path.idx[path.depth - 1]);
        }
        // on an interior page: pull up the predecessor, the last entry of the right-most leaf under child pos
        Node n = path.node(e, path.depth - 1);
        int pos = path.idx[path.depth - 1];
        byte[] gone = n.bodies.get(pos);
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
        rightmost = true;
        while (true) {
            BTreePage pg = page(number, true);
            path.push(number);
            if (pg.type().isLeaf()) {
                return pg;
            }
            int lo = searchLeaf(pg, rowid);
            path.idx[path.depth - 1] = lo;
            rightmost &= lo == pg.cellCount();
            number = (int) (lo == pg.cellCount() ? pg.rightChild() : pg.leftChild(lo));
        }
    }

    /**
     * Descends to the page holding {@code key} ({@link #found}) or the leaf where it belongs;
     * the position is the last level's {@code idx}.
     */
    private BTreePage descendIndex(int root, IndexKeyComparator cmp, Register[] key) {
        int number = root;
        rightmost = true;
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
            rightmost &= lo == pg.cellCount();
            number = (int) (lo == pg.cellCount() ? pg.rightChild() : pg.leftChild(lo));
        }
    }

    /**
     * The order of index cell {@code i} of page {@code number} against {@code key}: compared
     * where it lies on the page ({@link KeyProbe}) when its payload does not spill, else (or
     * when the probe cannot decide) by its decoded payload.
     */
    private int entryOrder(BTreePage pg, int i, int number, IndexKeyComparator cmp, Register[] key) {
        if (probe == null) {
            probe = new KeyProbe();
        }
        int r = probe.compareShortCell(cmp, pg, i, key, 0, key.length);
        if (r != IndexKey.UNDECIDED) {
            return r;
        }
        Cell c = pg.cell(i, scratch);
        if (!c.spills()) {
            r = probe.compare(cmp, pg.segment(), c.payloadOffset(), c.localSize(), key, 0, key.length);
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
