package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.pager.Page;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Where a {@link PagerCursor}'s moves go: the descents from the root by key (a seek, or the
 * re-finding of an entry after the tree changed), to either edge, and the steps to a
 * neighbour, each read through the operation's {@link PageEdit} (or, for {@link #findKept},
 * the tree's {@link KeptPages} alone), with the key comparisons they make on the way. It
 * answers with a {@link CursorPath}, filling the scratch path it is handed, and never changes
 * the cursor's position: the cursor lands on the answer ({@code settle}), so what it reads of
 * the entry and when it changes its fields stay in one place. Kept apart from the cursor so
 * that its state machine and its hot scan path read at once.
 *
 * <p>The seek under way keeps its key here ({@link #soughtRowid}, {@link #soughtKey}), and its
 * orders are made once ({@link #rowidOrder}, {@link #keyProbeOrder}), so a seek allocates no
 * closures. One cursor, one thread.
 */
final class CursorSeek {
    /** Compares the entry (or divider) at cell {@code i} of {@code page} with the sought key. */
    @FunctionalInterface
    interface Order {
        int compare(PageEdit e, BTreePage page, int i);
    }

    /** Leaves entered one after another, by steps, before a scan reads ahead. */
    private static final int SCAN_STREAK = 2;
    /** Siblings a scan asks for ahead of the leaf it is on. */
    private static final int READ_AHEAD = 16;
    /**
     * Leaves a cursor steps onto in a row before its walk counts as a large scan, whose reads
     * then make way for other pages ({@link #scan}): 64, more than a range a statement that
     * comes back to it often reads, or a quarter of the cache if that is fewer, so that the
     * walk has not pushed most of the cache out before it counts.
     */
    private static final int LARGE_SCAN = 64;

    private final PagerBTree tree;
    private final int root;
    private final IndexKeyComparator cmp;
    private final boolean table;
    private final PagerBTree.Version version;
    /**
     * The best interior entry a search over an index has met: a scratch path the cursor's
     * {@code stand} swaps with the one it replaces, as it does its own spare (made at the first
     * such search: most cursors never search an index's interior).
     */
    CursorPath spareCandidate;
    /**
     * Scratch for {@link #compareEntry}, made at an index cursor's first search (a cursor is
     * made per statement run, and most never search): a reader, a cell, an entry's local
     * payload copied off the page, one decoded field, and the in-place probe.
     */
    private RecordReader compareReader;
    private Cell compareCell;
    private byte[] compareBytes;
    private Register compareField;
    /** Compares most entries in place, before {@link #compareEntry} falls back to decoding. */
    private KeyProbe probe;
    /** The rowid a seek looks for, or its index key {@code soughtKey[soughtStart .. soughtStart + soughtCount)}. */
    long soughtRowid;
    private Register[] soughtKey;
    private int soughtStart;
    private int soughtCount;
    /**
     * The view, read through this operation's edit, of the leaf the path that {@link #find} or
     * the cursor's {@code onLeaf} just returned ends on: what a seek hands the cursor's {@code
     * settle} right after, so it does not read the page again. Only read in the operation that set it.
     */
    BTreePage found;
    /** Where {@link #findKept} left a descent for the cursor's {@code seekRowidOn} to finish; 0 if nowhere. */
    int resumeAt;
    /**
     * Read-ahead state: leaves entered in a row by steps to a neighbour (a search or a jump to
     * an edge starts the count again), and the parent page whose children have been asked for
     * ahead of the scan, through child index {@link #aheadThrough}.
     */
    private int leafSteps;
    private long aheadParent;
    private int aheadThrough;
    /** What stands for this walk once it is a large scan ({@link #scan}); null before. */
    private Object largeScan;
    final Order rowidOrder = (ed, pg, i) -> Long.compare(pg.rowid(i), soughtRowid);
    final Order keyProbeOrder = (ed, pg, i) -> compareEntry(ed, pg, i, soughtKey, soughtStart, soughtCount);

    CursorSeek(PagerBTree tree, int root, IndexKeyComparator cmp, PagerBTree.Version version) {
        this.tree = tree;
        this.root = root;
        this.cmp = cmp;
        this.table = cmp == null;
        this.version = version;
    }

    /**
     * The large scan the cursor's walk is, for its next step's reads ({@link
     * PageEdit#forScan} of {@code e}), once it has stepped onto {@link #LARGE_SCAN} leaves in a
     * row; null before. A new walk (a search, a jump to an edge) is a new scan: its pages are
     * its own again, and the pages an earlier walk kept are ordinary pages to it.
     */
    Object scan(PageEdit e) {
        if (leafSteps < Math.min(LARGE_SCAN, e.cacheSize() / 4)) {
            return null;
        }
        if (largeScan == null) {
            largeScan = new Object();
        }
        return largeScan;
    }

    /** Makes {@code k[start .. start + count)} the index key that {@link #keyProbeOrder} compares with. */
    void soughtKey(Register[] k, int start, int count) {
        soughtKey = k;
        soughtStart = start;
        soughtCount = count;
    }

    /**
     * The order of entries against the key of the entry the cursor is on (or of its hole): its
     * {@code rowid} in a table, else its index record {@code key}.
     */
    Order keyOrder(long rowid, byte[] key) {
        if (table) {
            long k = rowid;
            return (ed, pg, i) -> Long.compare(pg.rowid(i), k);
        }
        Register[] k = IndexKey.decode(key, 0);
        return (ed, pg, i) -> IndexKey.compare(cmp, IndexKey.decode(payloadAt(ed, pg, i), pg.pageNumber()), k, 0,
                k.length);
    }

    BTreePage page(PageEdit e, int number) {
        BTreePage p = BTreePage.of(e.read(number), number, e.usableSize());
        if (p.type().isTable() != table) {
            throw new CorruptDatabaseException(number, "page of a " + (table ? "table" : "index")
                    + " tree has type " + p.type());
        }
        return p;
    }

    private static long child(BTreePage p, int i) {
        return i == p.cellCount() ? p.rightChild() : p.leftChild(i);
    }

    /**
     * The order of the index entry at cell {@code i} of {@code pg} against {@code k[start ..
     * start + count)}: its fields read from one copy of its local payload (or its whole payload when it spills).
     */
    private int compareEntry(PageEdit e, BTreePage pg, int i, Register[] k, int start, int count) {
        if (compareReader == null) {
            compareReader = new RecordReader();
            compareCell = new Cell();
            compareBytes = new byte[64];
            compareField = new Register();
            probe = new KeyProbe();
        }
        int r = probe.compareShortCell(cmp, pg, i, k, start, count);
        if (r != IndexKey.UNDECIDED) {
            return r;
        }
        Cell c = pg.cell(i, compareCell);
        if (c.spills()) {
            compareReader.reset(payloadAt(e, pg, i), pg.pageNumber());
        } else {
            r = probe.compare(cmp, pg.segment(), c.payloadOffset(), c.localSize(), k, start, count);
            if (r != IndexKey.UNDECIDED) {
                return r;
            }
            // one bulk copy, then the fields are read from a plain array
            int size = c.localSize();
            if (compareBytes.length < size) {
                compareBytes = new byte[Math.max(size, compareBytes.length * 2)];
            }
            MemorySegment.copy(pg.segment(), ValueLayout.JAVA_BYTE, c.payloadOffset(), compareBytes, 0, size);
            compareReader.reset(compareBytes, 0, size, pg.pageNumber());
        }
        return IndexKey.compareRecord(cmp, compareReader, compareField, k, start, count);
    }

    static byte[] payloadAt(PageEdit e, BTreePage p, int i) {
        byte[] body = CellBody.read(p, i, new Cell());
        return Overflow.payload(e, p.type().isTable() ? PageType.LEAF_TABLE : PageType.LEAF_INDEX, body,
                p.pageNumber());
    }

    /** The first (or, {@code last}, the last) entry, filling the empty path {@code p}; null in an empty tree. */
    CursorPath edge(PageEdit e, CursorPath p, boolean last) {
        leafSteps = 0;
        largeScan = null;
        if (e.pageCount() == 0) {
            return null;
        }
        return descend(e, p, root, last);
    }

    /** Descends from {@code page} along the left-most (or right-most) children to a leaf entry. */
    private CursorPath descend(PageEdit e, CursorPath p, int start, boolean rightmost) {
        int number = start;
        while (true) {
            BTreePage pg = page(e, number);
            int n = pg.cellCount();
            if (pg.type().isLeaf()) {
                if (n == 0) {
                    if (p.depth > 0) {
                        throw new CorruptDatabaseException(number, "empty non-root leaf");
                    }
                    return null;
                }
                p.push(number, rightmost ? n - 1 : 0);
                return p;
            }
            int i = rightmost ? n : 0;
            p.push(number, i);
            number = (int) child(pg, i);
        }
    }

    /**
     * {@link PagerCursor}'s {@code seekRowid} over the tree's {@link KeptPages} alone, without an
     * edit or a pin: the leaf, its path in {@code p} (empty when called), if every page on the
     * way is kept and current and the rowid's place is on the leaf; else null, with {@link
     * #resumeAt} the page not kept (if not the root), from which the search goes on.
     */
    BTreePage findKept(long target, CursorPath p) {
        KeptPages kept = version.kept;
        int number = root;
        resumeAt = 0;
        while (true) {
            BTreePage pg = kept.get(number, version.value, tree.pager());
            if (pg == null) {
                resumeAt = p.depth > 0 ? number : 0; // the search goes on from there, not from the root
                return null;
            }
            int n = pg.cellCount();
            int lo = pg.searchRowid(target, false, 0, n);
            if (pg.type().isLeaf()) {
                if (lo == n) {
                    return null;
                }
                p.push(number, lo);
                return pg;
            }
            p.push(number, lo);
            number = (int) child(pg, lo);
        }
    }

    /**
     * The first entry for which {@code order} is positive (or, without {@code strict}, not
     * negative), filling the empty path {@code p}; null if there is none.
     */
    CursorPath find(PageEdit e, Order order, boolean strict, CursorPath p) {
        if (e.pageCount() == 0) {
            return null;
        }
        return findFrom(e, order, strict, p, root);
    }

    /** {@link #find} on from page {@code number}, the path {@code p} leading down to it. */
    CursorPath findFrom(PageEdit e, Order order, boolean strict, CursorPath p, int number) {
        leafSteps = 0;
        largeScan = null;
        CursorPath candidate = null;
        found = null;
        while (true) {
            BTreePage pg = descentPage(e, number);
            int lo = search(e, pg, order, strict, 0, pg.cellCount());
            if (pg.type().isLeaf()) {
                if (lo < pg.cellCount()) {
                    p.push(number, lo);
                    found = pg;
                    return p;
                }
                if (table && pg.cellCount() > 0) {
                    p.push(number, lo - 1);
                    return step(e, p, true);
                }
                return candidate;
            }
            if (!table && lo < pg.cellCount()) {
                if (spareCandidate == null) {
                    spareCandidate = new CursorPath();
                }
                candidate = copyInto(spareCandidate, p);
                candidate.push(number, lo);
            }
            p.push(number, lo);
            number = (int) child(pg, lo);
        }
    }

    /**
     * Page {@code number} of a descent from the root: an interior page an earlier descent (of
     * any cursor on the tree, in any statement) kept, read again without the pager, or else
     * read through the edit (and kept, if the edit read it as is). See {@link KeptPages} for
     * when a kept page is good. Each lookup then asks the pager for its leaf alone, and a
     * search by rowid reads no page twice.
     */
    private BTreePage descentPage(PageEdit e, int number) {
        BTreePage v = version.kept.get(number, version.value, tree.pager());
        // a leaf is read through the edit, which pins it while the operation reads its cells
        if (v != null && !v.type().isLeaf()) {
            return v;
        }
        BTreePage pg = page(e, number);
        Page page = e.readPage(number);
        if (page != null) { // else changed in this edit: not the pager's copy
            version.kept.keep(pg, page, version.value);
        }
        return pg;
    }

    /**
     * The first cell of {@code pg} in {@code [lo, hi)} for which {@code order} is positive (or,
     * without {@code strict}, not negative), by binary search; {@code hi} if there is none.
     */
    int search(PageEdit e, BTreePage pg, Order order, boolean strict, int lo, int hi) {
        if (order == rowidOrder) {
            return pg.searchRowid(soughtRowid, strict, lo, hi);
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(e, order, pg, mid);
            if (strict ? c > 0 : c >= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * {@code order.compare(e, pg, i)}, with the seeks' own orders called directly: the lambdas
     * differ from search to search, and a call through the interface that meets them all is
     * not inlined.
     */
    int compare(PageEdit e, Order order, BTreePage pg, int i) {
        if (order == rowidOrder) {
            return Long.compare(pg.rowid(i), soughtRowid);
        }
        if (order == keyProbeOrder) {
            return compareEntry(e, pg, i, soughtKey, soughtStart, soughtCount);
        }
        return order.compare(e, pg, i);
    }

    /** The entry after (or before) the one at {@code p}; null past the end. Reuses {@code p}. */
    CursorPath step(PageEdit e, CursorPath p, boolean forward) {
        int top = p.depth - 1;
        BTreePage pg = page(e, p.pages[top]);
        int i = p.idx[top];
        if (!pg.type().isLeaf()) {
            // on an interior index entry: the next is the left-most of the subtree to its right
            int c = forward ? i + 1 : i;
            p.idx[top] = c;
            return readingAhead(e, descend(e, p, (int) child(pg, c), !forward), top, pg, c, forward);
        }
        if (forward ? i + 1 < pg.cellCount() : i > 0) {
            p.idx[top] = forward ? i + 1 : i - 1;
            return p;
        }
        p.depth--;
        while (p.depth > 0) {
            int level = p.depth - 1;
            BTreePage up = page(e, p.pages[level]);
            int j = p.idx[level];
            if (forward ? j < up.cellCount() : j > 0) {
                if (!table) {
                    p.idx[level] = forward ? j : j - 1;
                    return p;
                }
                int c = forward ? j + 1 : j - 1;
                p.idx[level] = c;
                return readingAhead(e, descend(e, p, (int) child(up, c), !forward), level, up, c, forward);
            }
            p.depth--;
        }
        return null;
    }

    /**
     * {@code p}, a step's path, having just entered child {@code c} of {@code parent} (at
     * {@code level} of the path): when that child is a leaf and the cursor has been walking leaf
     * after leaf, asks the pager for the next {@link #READ_AHEAD} children in the walk's
     * direction, {@link #READ_AHEAD}{@code / 2} at a time, so their reads are under way (on the
     * I/O backend's thread, where it has one) while the cursor reads this leaf. A scan then
     * seldom waits for a read, and a backend that hands reads to another thread is woken once
     * per batch. (The pager asks for nothing where reads ahead do not pay: a file whose reads
     * hit the OS page cache.) Only siblings under the same parent: at the parent's end the next leaf is read
     * on demand, as without read-ahead. A seek's few steps (fewer than {@link #SCAN_STREAK}
     * leaves) read nothing ahead.
     */
    private CursorPath readingAhead(PageEdit e, CursorPath p, int level, BTreePage parent, int c, boolean forward) {
        if (p == null || p.depth != level + 2 || ++leafSteps < SCAN_STREAK) {
            return p;
        }
        int dir = forward ? 1 : -1;
        if (parent.pageNumber() != aheadParent || (aheadThrough - c) * dir < 0) {
            aheadParent = parent.pageNumber();
            aheadThrough = c;
        }
        if ((aheadThrough - c) * dir >= READ_AHEAD / 2) {
            return p;
        }
        int last = forward ? Math.min(c + READ_AHEAD, parent.cellCount()) : Math.max(c - READ_AHEAD, 0);
        for (int j = aheadThrough + dir; (last - j) * dir >= 0; j += dir) {
            e.readAhead(child(parent, j));
        }
        aheadThrough = last;
        return p;
    }

    static CursorPath copyInto(CursorPath c, CursorPath p) {
        return c.set(p.pages, p.idx, p.depth);
    }
}
