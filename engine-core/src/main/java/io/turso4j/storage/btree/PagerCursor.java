package io.turso4j.storage.btree;

import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.SerialType;
import io.turso4j.storage.pager.Page;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import io.turso4j.value.ValueType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.Function;

/**
 * {@link BTreeCursor} over a {@link PagerBTree}.
 *
 * <p>States: <b>invalid</b> (new, past either end, or empty tree); <b>on an entry</b>, with its
 * {@link CursorPath} and a copy of its key (rowid, or the whole index record) and payload; <b>in a
 * hole</b>, after {@link #delete()} or when the entry it was on vanished: only the key is
 * kept, {@link #next()} goes to the first entry after it and {@link #prev()} to the last
 * before it, and {@link #isValid()} is false. A cursor on an entry notes its tree's {@link
 * PagerBTree.Version}; if the tree changed since, its next call first finds the entry again
 * by key (a hole if it is gone).
 *
 * <p>A new database without pages reads as empty trees.
 *
 * <p>Holds no page pins between calls: each call reads through its own {@link PageEdit}, and
 * changes no field until it has read everything it needs, so a call that throws {@code
 * IoPending} can simply be repeated. One connection, one thread at a time.
 *
 * <p>The one shortcut: the cursor remembers the leaf it stands on ({@link #leaf}, with its
 * view {@link #leafView}), and {@link #next()} and {@link #prev()} step to the next or previous
 * cell of that leaf without an edit, a pin or a new view while the tree's version is unchanged
 * and the pager says the page is still its current clean copy ({@link
 * io.turso4j.storage.pager.Pager#isCurrent}). They read those cells from a {@link
 * LeafSnapshot}, a heap copy of the leaf taken at the first such step, so the entry's payload
 * is a range of that copy rather than a copy of its own. A scan, either way, then pays the edit
 * and the copy only once per leaf.
 *
 * <p>The entry's payload is {@code payload[payloadStart .. payloadStart + payloadSize)}: a range
 * of the leaf copy; or {@link #entryBytes}, the cursor's own array, which each settled entry's
 * payload is copied into when none of it spills (a move overwrites it only once it has read all
 * it needs, and then lands: nothing reads the entry it leaves); or an array of the payload
 * alone (one gathered from overflow pages, or a row just inserted). A snapshot's array, which
 * the tree lends the cursor ({@link PagerBTree#leafCopy}), goes back only once the cursor has
 * left it: see {@link #dropSnapshot}. Readers of the entry ({@link #record()}) hold until it moves.
 */
final class PagerCursor implements BTreeCursor {
    private final PagerBTree tree;
    private final boolean writable;
    private final boolean table;
    /** The tree's change counter, and its value when the cursor last settled on an entry. */
    private final PagerBTree.Version version;
    private long seen;

    private CursorPath path;
    private boolean hole;
    /**
     * Whether the entry the cursor is on is the tree's last, as far as it knows (set by the
     * moves that find out, cleared by every other): while it is on that entry and the tree
     * is unchanged ({@link #onCurrentEntry}), {@link #last()} stays put, a {@link #seekRowid}
     * past it answers at once, and an insert past it appends to its leaf without a descent.
     * Rows added in rowid order (INSERT … SELECT, a new rowid each time) take that path.
     */
    private boolean atEnd;
    private long rowid;
    /** An index entry's key (its whole record) once asked for ({@link #key()}), else null. */
    private byte[] key;
    private byte[] payload;
    private int payloadStart;
    private int payloadSize;
    /** Where {@link #localPayload} copies an entry's payload; made at the first copy, grown on need. */
    private byte[] entryBytes;
    /** The size of the payload {@link #payloadOf} or {@link #localPayload} last returned (its array may be longer). */
    private int readSize;
    private final RecordReader reader = new RecordReader();
    /** Whether {@link #reader} is on the current payload: the columns it parsed stay valid until a move. */
    private boolean readerCurrent;
    /**
     * Scratch for the path a move or a search computes, swapped in by {@link #settle} (which
     * hands the path it replaces back, as it does {@link CursorSeek#spareCandidate}'s). A point
     * select then allocates no path.
     */
    private CursorPath spare = new CursorPath();
    /** Scratch for parsing cells. */
    private final Cell cell = new Cell();
    /** The leaf at the top of {@link #path} and its view, or null: see the class comment. */
    private Page leaf;
    private BTreePage leafView;
    /** The copy of {@link #leaf} that {@link #stepOnLeaf} reads, taken at its first step there; or null. */
    private LeafSnapshot snapshot;
    /** {@link #next()}'s and {@link #prev()}'s operations, made once rather than per call. */
    private final Function<PageEdit, Boolean> nextOp = this::next;
    private final Function<PageEdit, Boolean> prevOp = this::prev;
    /**
     * The seek under way ({@link #seek} keeps its operator here, and {@link #search} its key;
     * their operations are made once, so a seek allocates no closures).
     */
    private SeekOp soughtOp;
    private final Function<PageEdit, Boolean> seekOp = this::seek;
    private final Function<PageEdit, Boolean> seekRowidOp = this::seekRowid;
    private final Function<PageEdit, Boolean> seekRowidOnOp = this::seekRowidOn;
    /** The changes it makes: for a writable cursor only (a point query opens a read cursor per run). */
    private final CursorChanges changes;
    /** Where its moves go, found by reading pages. */
    private final CursorSeek search;

    PagerCursor(PagerBTree tree, int root, IndexKeyComparator cmp, boolean writable) {
        this.tree = tree;
        this.writable = writable;
        this.table = cmp == null;
        this.version = tree.version(root);
        this.changes = writable ? new CursorChanges(tree, root, cmp, version) : null;
        this.search = new CursorSeek(tree, root, cmp, version);
    }

    // ---- moves ----------------------------------------------------------------------------

    @Override
    public boolean first() {
        return tree.read(e -> settle(e, edge(e, false)));
    }

    @Override
    public boolean last() {
        if (atEnd && onCurrentEntry()) {
            return true;
        }
        boolean on = tree.read(e -> settle(e, edge(e, true)));
        atEnd = on;
        return on;
    }

    /** Whether the cursor is on an entry and its tree has not changed since it got there. */
    private boolean onCurrentEntry() {
        return path != null && !hole && seen == version.value;
    }

    @Override
    public boolean next() {
        return stepOnLeaf(1) || tree.read(nextOp);
    }

    /**
     * The shortcut: the next ({@code step} 1) or previous (-1) cell of the remembered leaf, read
     * without an edit; false if it does not apply. Kept small (the first step onto a leaf, which
     * copies it, is {@link #firstOnLeaf}) so that the JIT inlines it into the VM's loop. A {@link
     * #snapshot} implies the rest of what {@link #firstOnLeaf} checks: it is taken only there,
     * while the path's top is the remembered leaf, and every other change of the path or the
     * leaf drops it ({@link #remember}, {@link #forgetLeaf}); so only a hole, a change of the
     * tree, and the pager's view of the page remain to check.
     */
    private boolean stepOnLeaf(int step) {
        LeafSnapshot s = snapshot;
        if (s == null) {
            return firstOnLeaf(step);
        }
        // The copy holds the leaf as the tree was at version seen: whatever the pager has done
        // with the page since (evicted it, spilled it), it answers for the tree while the
        // version stands. Every change to the tree's pages, a rollback's included, moves it.
        if (hole || seen != version.value) {
            return false;
        }
        return nextCell(s, path.depth - 1, step);
    }

    /** {@link #stepOnLeaf} before the leaf is copied: checks the leaf still applies, then copies it. */
    private boolean firstOnLeaf(int step) {
        if (!onRememberedLeaf()) {
            return false;
        }
        int top = path.depth - 1;
        int i = path.idx[top] + step;
        if (i < 0 || i >= leafView.cellCount()) {
            return false;
        }
        LeafSnapshot s = new LeafSnapshot(leafView, tree.leafCopy(leafView.usableSize()));
        snapshot = s;
        return nextCell(s, top, step);
    }

    /**
     * Whether the cursor is on an entry of the leaf it remembers ({@link #leaf}, {@link
     * #leafView}), which is still the pager's current version of that page and unchanged by the
     * tree since: the leaf may then be read without going through the pager.
     */
    private boolean onRememberedLeaf() {
        return leaf != null && !hole && path != null && seen == version.value
                && tree.pager().isCurrent(leaf) && path.pages[path.depth - 1] == leaf.number();
    }

    /**
     * Lands on the cell {@code step} (1 or -1) from the path's current one on the leaf copied in
     * {@code s}; false past either end or at a cell that spills.
     */
    private boolean nextCell(LeafSnapshot s, int top, int step) {
        int i = path.idx[top] + step;
        // the cell count from the copy: the page's own is behind a checked off-heap read
        if (i < 0 || i >= s.cellCount() || !s.cell(i)) {
            return false;
        }
        path.idx[top] = i;
        moveOn(s.rowid, s.bytes, s.payloadStart, s.payloadSize);
        return true;
    }

    private boolean next(PageEdit e) {
        e.forScan(search.scan(e));
        if (!hole && path != null && seen != version.value) {
            restore(e);
        }
        // after a delete in place that kept the path (its leaf unchanged but for the removed
        // cell), the entry that followed has the deleted one's index, as SQLite's cursor finds it
        if (hole && path != null && seen == version.value && landOnLeaf(e, path.idx[path.depth - 1])) {
            return true;
        }
        if (hole) {
            return settle(e, find(e, keyOrder(), true));
        }
        if (path == null) {
            return false;
        }
        // the common step: the next cell of the same leaf
        return landOnLeaf(e, path.idx[path.depth - 1] + 1)
                || settle(e, search.step(e, CursorSeek.copyInto(spare, path), true));
    }

    /** Lands on cell {@code i} of the leaf the path ends on; false, with nothing changed, if there is none. */
    private boolean landOnLeaf(PageEdit e, int i) {
        int top = path.depth - 1;
        BTreePage pg = search.page(e, path.pages[top]);
        if (!pg.type().isLeaf() || i >= pg.cellCount()) {
            return false;
        }
        byte[] newPayload = payloadOf(e, pg, i);
        path.idx[top] = i;
        land(table ? cell.rowid() : 0, newPayload, 0, readSize);
        remember(e, pg);
        return true;
    }

    @Override
    public long skipToPageEnd() {
        if (!onCurrentEntry()) {
            return 0;
        }
        return tree.read(e -> {
            int top = path.depth - 1;
            int from = path.idx[top];
            int last = search.page(e, path.pages[top]).cellCount() - 1;
            // landOnLeaf refuses an interior page, and changes nothing if it must wait for a page
            return from < last && landOnLeaf(e, last) ? (long) (last - from) : 0L;
        });
    }

    @Override
    public boolean prev() {
        return stepOnLeaf(-1) || tree.read(prevOp);
    }

    private boolean prev(PageEdit e) {
        e.forScan(search.scan(e));
        if (!hole && path != null && seen != version.value) {
            restore(e);
        }
        if (hole) {
            CursorPath p = find(e, keyOrder(), false);
            return settle(e, p == null ? edge(e, true) : search.step(e, p, false));
        }
        if (path == null) {
            return false;
        }
        return settle(e, search.step(e, CursorSeek.copyInto(spare, path), false));
    }

    @Override
    public boolean isValid() {
        return path != null && !hole;
    }

    @Override
    public boolean seekRowid(long target) {
        requireTable(true);
        if (onCurrentEntry() && (target == rowid || atEnd && target > rowid)) {
            // already there (a second NotExists before a Delete), or on the last entry: the
            // neighbour of any larger rowid
            return target == rowid;
        }
        int kept = seekKept(target);
        if (kept >= 0) {
            return kept == 1;
        }
        search.soughtRowid = target;
        return tree.read(search.resumeAt != 0 ? seekRowidOnOp : seekRowidOp);
    }

    /**
     * {@link #seekRowid(PageEdit)} over the tree's {@link KeptPages} alone, without an edit or a pin,
     * under the conditions {@link #onRememberedLeaf} states for the leaf: 1 if it lands on the
     * rowid, 0 if on the entry after it, -1 (nothing changed) if a page on the way is not kept,
     * no longer current, or the answer lies past the leaf or in a cell that spills. A lookup
     * repeated over a tree whose pages are all kept then costs its searches and a payload copy.
     */
    private int seekKept(long target) {
        CursorPath p = spare.clear();
        BTreePage pg = search.findKept(target, p);
        int top = p.depth - 1;
        if (pg == null || pg.cell(p.idx[top], cell).spills()) {
            return -1;
        }
        byte[] newPayload = localPayload(pg, cell);
        long newRowid = cell.rowid();
        stand(p, newRowid, newPayload, readSize);
        rememberLeaf(version.kept.page(p.pages[top]), pg);
        return newRowid == target ? 1 : 0;
    }

    private boolean seekRowid(PageEdit e) {
        CursorPath p = onLeaf(e, search.rowidOrder, false);
        return landOnRowid(e, p != null ? p : find(e, search.rowidOrder, false));
    }

    /**
     * {@link #seekRowid(PageEdit)} from page {@link CursorSeek#resumeAt}, where {@link #seekKept}'s descent
     * over kept pages met one that is not kept: {@link #spare} holds the path down to it.
     */
    private boolean seekRowidOn(PageEdit e) {
        return landOnRowid(e, search.findFrom(e, search.rowidOrder, false, spare, search.resumeAt));
    }

    /** Puts the cursor on the entry at {@code p}, or past the end if null; whether it is the rowid sought. */
    private boolean landOnRowid(PageEdit e, CursorPath p) {
        if (p == null) {
            atEnd = settle(e, edge(e, true));
            return false;
        }
        settle(e, p, search.found);
        return rowid == search.soughtRowid;
    }

    @Override
    public boolean seek(SeekOp op, Register[] k, int start, int count) {
        if (table) {
            // a table tree's key is its rowid: one INTEGER field
            if (count != 1 || k[start].type() != ValueType.INTEGER) {
                throw new IllegalArgumentException("a table seek takes one INTEGER rowid");
            }
            search.soughtRowid = k[start].intValue();
        } else {
            search.soughtKey(k, start, count);
        }
        soughtOp = op;
        return tree.read(seekOp);
    }

    private boolean seek(PageEdit e) {
        CursorSeek.Order order = table ? search.rowidOrder : search.keyProbeOrder;
        boolean strict = soughtOp == SeekOp.GT || soughtOp == SeekOp.LE;
        CursorPath p = onLeaf(e, order, strict);
        if (p == null) {
            p = find(e, order, strict);
        }
        return soughtOp == SeekOp.GE || soughtOp == SeekOp.GT ? settle(e, p, search.found) : settle(e, before(e, p));
    }

    /**
     * The answer of {@link #find} when the cursor stands on a leaf that holds it, found on that
     * leaf alone; null when it may lie elsewhere (or the cursor is not on a leaf it may read).
     * The leaf holds it when its first entry is short of the key and its last is not, by {@code
     * order} and {@code strict} as {@link #find} judges them: every entry before the leaf is
     * short of the key too, and the first that is not is at the latest the leaf's last. A seek
     * near the last one (an IN list, a join in key order) then reads one page, not the path.
     *
     * <p>The two bounds are compared on the remembered {@link #leafView}, which is safe under
     * the conditions {@link #stepOnLeaf} checks and before any other call into the pager, so
     * index cells that spill (whose compare reads overflow pages) rule the shortcut out.
     */
    private CursorPath onLeaf(PageEdit e, CursorSeek.Order order, boolean strict) {
        BTreePage view;
        if (onRememberedLeaf()) {
            view = leafView;
        } else if (path != null && seen == version.value) {
            // the tree is as the cursor left it (on an entry, or in the hole of an in-place
            // delete), so its path still leads to its leaf, changed in this transaction: read it
            view = search.page(e, path.pages[path.depth - 1]);
            if (!view.type().isLeaf()) {
                return null;
            }
        } else {
            return null;
        }
        int top = path.depth - 1;
        int n = view.cellCount();
        if (n < 2
                || !table && (view.cell(0, cell).spills() || view.cell(n - 1, cell).spills())) {
            return null;
        }
        int first = search.compare(e, order, view, 0);
        int last = search.compare(e, order, view, n - 1);
        if ((strict ? first > 0 : first >= 0) || (strict ? last <= 0 : last < 0)) {
            return null;
        }
        BTreePage pg = view == leafView ? search.page(e, leaf.number()) : view; // through the edit, which pins it
        CursorPath p = CursorSeek.copyInto(spare, path);
        p.idx[top] = search.search(e, pg, order, strict, 1, n - 1);
        search.found = pg;
        return p;
    }

    private CursorPath before(PageEdit e, CursorPath after) {
        return after == null ? edge(e, true) : search.step(e, after, false);
    }

    // ---- reading --------------------------------------------------------------------------

    @Override
    public long rowid() {
        requireTable(true);
        requireEntry();
        return rowid;
    }

    @Override
    public RecordReader record() {
        if (path == null || hole || seen != version.value) {
            requireEntry(); // the rare cases, out of line: the common one inlines into the VM's Column
        }
        if (!readerCurrent) {
            reader.reset(payload, payloadStart, payloadSize, path.pages[path.depth - 1]);
            readerCurrent = true;
        }
        return reader;
    }

    /**
     * Reads the field from the payload itself, not through {@link #reader}: a scan reads a
     * row's one field once, and a reset of the reader (its fields written, then read back)
     * cost more than the read. Declines what {@link #record()} would first have to restore.
     */
    @Override
    public boolean readNumber(int col, Register out) {
        if (path == null || hole || seen != version.value) {
            return false;
        }
        byte[] p = payload;
        long field = RecordReader.quickField(p, payloadStart, payloadSize, col);
        int type = (int) field & 0xff; // 255 when it declined (-1): no number's
        int at = payloadStart + (int) (field >>> 8);
        if (RecordReader.isQuickInteger(type)) {
            out.setInt(RecordReader.integerAt(p, at, type));
        } else if (type == SerialType.FLOAT64) {
            out.setReal(RecordReader.realAt(p, at));
        } else if (type == SerialType.NULL) {
            out.setNull();
        } else {
            return false;
        }
        return true;
    }

    /**
     * The current index entry's key: its whole record, copied once asked for unless the payload
     * is an array of its own (not a range of the leaf copy or of {@link #entryBytes}, which the
     * cursor reuses), as a hole's key must outlive the entry.
     */
    private byte[] key() {
        if (key == null && payload != null) {
            key = payload != entryBytes && payloadStart == 0 && payloadSize == payload.length ? payload
                    : Arrays.copyOfRange(payload, payloadStart, payloadStart + payloadSize);
        }
        return key;
    }

    // ---- changes --------------------------------------------------------------------------

    @Override
    public void insert(long newRowid, byte[] record) {
        requireTable(true);
        requireWritable();
        CursorChanges.Kind how = atEnd && onCurrentEntry() && newRowid > rowid ? CursorChanges.Kind.APPEND
                : onCurrentEntry() && newRowid == rowid ? CursorChanges.Kind.REPLACE : CursorChanges.Kind.INSERT;
        TreeWriter w = changes.insertRow(how, path, newRowid, record);
        if (w.placed()) {
            standOn(w, newRowid, record);
        } else {
            toKey(newRowid, null);
        }
    }

    @Override
    public void insert(byte[] newKey) {
        requireTable(false);
        requireWritable();
        byte[] k = newKey.clone();
        TreeWriter w = changes.insertKey(atEnd && onCurrentEntry() ? CursorChanges.Kind.APPEND : CursorChanges.Kind.INSERT,
                path, k);
        if (w.placed()) {
            standOn(w, 0, k);
        } else {
            toKey(0, k);
        }
    }

    /**
     * Puts the cursor on the entry the writer just inserted where its path ends (its payload
     * {@code bytes}), remembering the leaf if the writer changed the pager's page in place, so
     * the next {@link #next()} reads on without a descent or an edit.
     */
    private void standOn(TreeWriter w, long newRowid, byte[] bytes) {
        TreePath written = w.path();
        CursorPath p = spare; // swapped with the current path, as settle swaps
        spare = path != null ? path : new CursorPath();
        path = p.set(written.pages, written.idx, written.depth);
        land(newRowid, bytes, 0, bytes.length);
        forgetLeaf();
        atEnd = w.lastEntry();
        Page placedLeaf = w.placedLeaf();
        if (placedLeaf != null) {
            rememberLeaf(placedLeaf, BTreePage.of(placedLeaf.buffer().segment(), placedLeaf.number(),
                    tree.pager().usableSize()));
        }
    }

    @Override
    public void delete() {
        requireWritable();
        requireEntry();
        // the current path: requireEntry found the entry again if the tree changed; an index
        // entry's key is kept, as a hole is found again by it
        TreeWriter w = changes.delete(path, rowid, table ? null : key());
        hole = true;
        payload = null;
        forgetLeaf();
        if (w.keptPath()) {
            seen = version.value; // the hole is on the same leaf, reached by the same path
        }
    }

    private void forgetLeaf() {
        leaf = null;
        leafView = null;
        dropSnapshot();
    }

    /**
     * Drops {@link #snapshot}, giving its array back to the tree for the next snapshot (this
     * cursor's or another's). Called only once the cursor has left the copy: its payload is
     * elsewhere or gone, and its reader, which may still point into the copy, is reset before
     * its next use ({@link #land}); an index entry's key is never a range of the copy ({@link #key()}).
     */
    private void dropSnapshot() {
        if (snapshot != null) {
            tree.giveBackLeafCopy(snapshot.bytes);
            snapshot = null;
        }
    }

    @Override
    public void close() {
        forgetLeaf();
        path = null;
        hole = false;
        payload = null;
        key = null;
    }

    /** Puts the cursor on the entry with this key as of the next call (it re-finds it then). */
    private void toKey(long newRowid, byte[] newKey) {
        rowid = newRowid;
        key = newKey;
        hole = false;
        payload = null;
        path = new CursorPath();
        seen = -1;
        forgetLeaf();
    }

    // ---- navigation over pages ---------------------------------------------------------------

    /** The order of entries against the key of the entry the cursor is on (or of its hole). */
    private CursorSeek.Order keyOrder() {
        return search.keyOrder(rowid, table ? null : key());
    }

    /**
     * The whole payload of cell {@code i}, {@link #readSize} bytes from the start of the array
     * returned: copied straight off the page into {@link #entryBytes} when none of it spills.
     * The last read of a move: the entry the cursor stands on may be in {@link #entryBytes}.
     */
    private byte[] payloadOf(PageEdit e, BTreePage pg, int i) {
        Cell c = pg.cell(i, cell);
        if (c.spills()) {
            byte[] whole = CursorSeek.payloadAt(e, pg, i);
            readSize = whole.length;
            return whole;
        }
        return localPayload(pg, c);
    }

    /** The payload of cell {@code c} of {@code pg}, none of which spills, copied off the page into {@link #entryBytes}. */
    private byte[] localPayload(BTreePage pg, Cell c) {
        int size = c.localSize();
        if (entryBytes == null || entryBytes.length < size) {
            entryBytes = new byte[Math.max(size, entryBytes == null ? 64 : entryBytes.length * 2)];
        }
        MemorySegment.copy(pg.segment(), ValueLayout.JAVA_BYTE, c.payloadOffset(), entryBytes, 0, size);
        readSize = size;
        return entryBytes;
    }

    /** The first (or, {@code last}, the last) entry; null in an empty tree. */
    private CursorPath edge(PageEdit e, boolean last) {
        return search.edge(e, spare.clear(), last);
    }

    /**
     * The first entry for which {@code order} is positive (or, without {@code strict}, not
     * negative); null if there is none.
     */
    private CursorPath find(PageEdit e, CursorSeek.Order order, boolean strict) {
        return search.find(e, order, strict, spare.clear());
    }

    /** Re-finds the current entry by key after the tree changed; a hole if it is gone. */
    private void restore(PageEdit e) {
        CursorPath p = find(e, keyOrder(), false);
        if (p != null && keyOrder().compare(e, search.page(e, p.pages[p.depth - 1]), p.idx[p.depth - 1]) == 0) {
            settle(e, p);
        } else {
            hole = true;
        }
    }

    /** Reads the entry at {@code p} and only then makes it the cursor's position. */
    private boolean settle(PageEdit e, CursorPath p) {
        return settle(e, p, null);
    }

    /**
     * {@link #settle(PageEdit, CursorPath)}, given the view of the page {@code p} ends on if
     * this operation has it ({@link CursorSeek#found}), else null.
     */
    private boolean settle(PageEdit e, CursorPath p, BTreePage view) {
        if (p == null) {
            path = null;
            hole = false;
            payload = null;
            forgetLeaf();
            return false;
        }
        BTreePage pg = view != null && view.pageNumber() == p.pages[p.depth - 1] ? view
                : search.page(e, p.pages[p.depth - 1]);
        int i = p.idx[p.depth - 1];
        byte[] newPayload = payloadOf(e, pg, i);
        long newRowid = table ? cell.rowid() : 0;
        stand(p, newRowid, newPayload, readSize);
        remember(e, pg);
        return true;
    }

    /** Makes {@code p} the cursor's path (handing a scratch path the one it replaces) and lands on its entry. */
    private void stand(CursorPath p, long newRowid, byte[] newPayload, int size) {
        if (p == spare || p == search.spareCandidate) {
            CursorPath old = path != null ? path : new CursorPath();
            if (p == spare) {
                spare = old;
            } else {
                search.spareCandidate = old;
            }
        }
        path = p;
        land(newRowid, newPayload, 0, size);
    }

    /** Remembers {@code pg}, the page the cursor now stands on, if it is a leaf this edit read as is. */
    private void remember(PageEdit e, BTreePage pg) {
        rememberLeaf(pg.type().isLeaf() ? e.readPage((int) pg.pageNumber()) : null, pg);
    }

    /** Remembers the leaf {@code page} (the pager's clean copy, viewed as {@code pg}), or, if null, no leaf. */
    private void rememberLeaf(Page page, BTreePage pg) {
        // a new snapshot even of the same page: it may have changed since (and been committed clean)
        dropSnapshot();
        leaf = page;
        leafView = page == null ? null : pg;
    }

    /** Makes the entry read at {@link #path}, its payload {@code bytes[start .. start + size)}, the cursor's position. */
    private void land(long newRowid, byte[] bytes, int start, int size) {
        hole = false;
        seen = version.value;
        moveOn(newRowid, bytes, start, size);
    }

    /**
     * {@link #land} for a cursor that is on an entry of the tree as it is ({@link
     * #onCurrentEntry}), as a step along the leaf copy checked: what changes from row to row.
     */
    private void moveOn(long newRowid, byte[] bytes, int start, int size) {
        atEnd = false;
        rowid = newRowid;
        if (payload != bytes) { // a scan lands on the same leaf copy row after row: skip the GC's store barriers
            payload = bytes;
        }
        payloadStart = start;
        payloadSize = size;
        if (key != null) {
            key = null;
        }
        readerCurrent = false;
    }

    private void requireEntry() {
        if (path != null && !hole && seen != version.value) {
            tree.read(e -> {
                restore(e);
                return null;
            });
        }
        if (path == null || hole) {
            throw new IllegalStateException("the cursor is not on an entry");
        }
    }

    private void requireTable(boolean wantTable) {
        if (table != wantTable) {
            throw new IllegalStateException(table ? "an index operation on a table cursor"
                    : "a table operation on an index cursor");
        }
    }

    private void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("the cursor is read-only");
        }
    }
}
