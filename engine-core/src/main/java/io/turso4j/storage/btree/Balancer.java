package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.PageHeader;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.format.Varint;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Restores the B-tree shape after a change, bottom up along the path the change descended:
 * a non-root node that no longer fits, or is less than a third full, is redistributed with up
 * to two siblings (SQLite's {@code balance_nonroot}, simplified: the siblings' cells, and the
 * parent's dividers between them, are packed left to right into as many pages as they need,
 * then evened out from the right); the root grows a level when it overflows (its content
 * moves to a new child, so the root page number never changes) and shrinks a level when an
 * interior root is left without cells and its only child fits in it.
 *
 * <p>Packing: on table leaves dividers are not cells, so every cell goes to a page and each
 * new divider is the largest rowid on its left page; everywhere else (index pages, interior
 * pages) a divider is a cell that moves up, and the cell left of each page boundary is
 * promoted. Pages are reused in order, extra pages come from the freelist, surplus ones go
 * back to it. An overflowing right-most leaf that only needs its last cell moved (an index
 * leaf: its last two, one as the divider) takes SQLite's quick path instead
 * ({@link #appendsQuickly}). Invariant kept: every non-root page
 * has at least one cell.
 *
 * <p>Stateless; works inside one {@link PageEdit}.
 */
final class Balancer {
    private Balancer() {}

    /** Balances the changed nodes of {@code path} from the bottom up and stores them. */
    static void balance(PageEdit e, TreePath path) {
        balance(e, path, false);
    }

    /**
     * {@link #balance(PageEdit, TreePath)}, for an append at the tree's end when {@code bulk}
     * (SQLite's bulk mode): redistributed pages are then left full from the left, the last
     * one holding the rest, since later appends go there. Evened out, the last page of a
     * level would fill again after a few appends and balance its whole neighbourhood again.
     */
    static void balance(PageEdit e, TreePath path, boolean bulk) {
        for (int d = path.depth - 1; d >= 0; d--) {
            Node n = path.loaded(d);
            if (n == null || !n.dirty) {
                continue;
            }
            boolean unbalanced = d > 0 && (n.used() > n.capacity(e.usableSize()) || underfull(e, n));
            if (d == 0) {
                balanceRoot(e, n, bulk);
            } else if (unbalanced && !bulk && redistributeLeaves(e, path, d, n)) {
                continue; // before the parent is decoded: it is changed where it lies
            } else if (appendsQuickly(e, path.node(e, d - 1), path.idx[d - 1], n)) {
                continue;
            } else if (unbalanced) {
                balanceNonRoot(e, path.node(e, d - 1), path.idx[d - 1], n, bulk);
            } else {
                n.store(e);
            }
        }
    }

    /**
     * SQLite's {@code balance_quick}: when the right-most leaf of a table overflows and fits
     * again without its last cell, that cell alone goes to a new right-most leaf, and the old
     * leaf's largest rowid becomes the parent's new divider. Rows appended in rowid order then
     * fill each leaf and never move again. The same for an index leaf, whose dividers are
     * cells: the next-to-last cell moves up as the divider (SQLite instead balances index
     * pages in "bulk" mode; this serves index builds in key order, CREATE INDEX's). Returns
     * whether it applied.
     */
    private static boolean appendsQuickly(PageEdit e, Node parent, int at, Node n) {
        int usable = e.usableSize();
        int moved = n.isTable() ? 1 : 2; // the last cell, and for an index the divider before it
        if (!n.isLeaf() || at != parent.size() || n.size() <= moved || n.used() <= n.capacity(usable)) {
            return false;
        }
        byte[] last = n.bodies.getLast();
        byte[] before = n.bodies.get(n.size() - 2);
        int left = n.used() - CellBody.footprint(true, last) - (n.isTable() ? 0 : CellBody.footprint(true, before));
        if (left > n.capacity(usable)) {
            return false;
        }
        int page = FreeList.allocate(e);
        for (int i = 0; i < moved; i++) {
            n.bodies.removeLast();
            n.children.removeLast();
        }
        n.store(e);
        new Node(page, n.type, new ArrayList<>(List.of(last)), new ArrayList<>(List.of(0L)), 0).store(e);
        parent.bodies.add(n.isTable() ? CellBody.interiorTable(CellBody.rowid(true, n.bodies.getLast())) : before);
        parent.children.add((long) n.page);
        parent.right = page;
        parent.dirty = true;
        return true;
    }

    /**
     * {@link #balanceNonRoot} for a table leaf whose cells, with its siblings', fit on as many
     * pages as they are on now (a row that grew or shrank, one inserted or deleted), or on one
     * more or one fewer: they are redistributed over the same pages (and a new last one, or
     * without the last), so the parent keeps its cells and children and only the rowids of the
     * dividers between them change (and one divider is added or dropped). When each kept
     * rowid takes as many bytes as before, and the parent has room for an added divider, the
     * parent is changed where it lies, as the operation's last change, and never decoded or
     * rebuilt, as SQLite edits it. False, with nothing changed, when that does not apply (the
     * parent was already decoded, the pages would change by more than one, a rowid's size
     * would change, a page would come or go in an auto-vacuum database or under page 1); the
     * general path then balances.
     */
    private static boolean redistributeLeaves(PageEdit e, TreePath path, int d, Node node) {
        if (!node.isLeaf() || !node.isTable() || path.loaded(d - 1) != null) {
            return false;
        }
        int usable = e.usableSize();
        int parentPage = path.pages[d - 1];
        int at = path.idx[d - 1];
        BTreePage parent = BTreePage.of(e.read(parentPage), parentPage, usable);
        int cells = parent.cellCount();
        if (parent.type() != PageType.INTERIOR_TABLE || at >= cells) {
            return false; // the right-most child: an append there may take the quick path
        }
        int nChildren = cells + 1;
        int w0 = nChildren <= 3 ? 0 : Math.max(0, Math.min(at - 1, nChildren - 3));
        int k = Math.min(3, nChildren);
        for (int j = w0; j < w0 + k; j++) {
            if (j != at) {
                e.prefetch(j == cells ? parent.rightChild() : parent.leftChild(j));
            }
        }
        Node[] sibs = new Node[k];
        List<byte[]> keys = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            int j = w0 + t;
            long child = j == cells ? parent.rightChild() : parent.leftChild(j);
            Node s = j == at ? node : Node.load(e, (int) child);
            if (s.page != child || s.type != node.type) {
                return false; // the general path reports it
            }
            sibs[t] = s;
            keys.addAll(s.bodies);
        }
        List<int[]> groups = pack(keys, true, false, Node.capacity(2, node.type, usable), false);
        int m = groups.size();
        // one page more or fewer: a divider is put into the parent, or taken off it, where it lies
        boolean split = m == k + 1;
        boolean merge = m == k - 1;
        if (m != k && !split && !merge || m != k && (parentPage == 1 || e.autoVacuum())) {
            return false;
        }
        int rewritten = Math.min(m, k) - 1; // the dividers that stay, at w0 .. w0 + rewritten - 1
        long[] dividers = new long[m - 1];
        int[] offsets = new int[rewritten];
        MemorySegment view = parent.segment();
        for (int t = 0; t < m - 1; t++) {
            int[] g = groups.get(t);
            dividers[t] = CellBody.rowid(true, keys.get(g[1] - 1));
            if (t < rewritten) {
                offsets[t] = parent.cellOffset(w0 + t) + Cell.CHILD_POINTER_SIZE;
                if (Varint.sizeAt(view, offsets[t], usable) != Varint.size(dividers[t])) {
                    return false;
                }
            }
        }
        // split: the last old sibling gets a new divider, and the new page takes its place after
        // it; merge: the last divider goes, and the last kept sibling takes the freed one's place
        int pos = w0 + Math.min(m, k) - 1;
        byte[] added = split ? CellBody.interiorTable(dividers[k - 1]) : null;
        CellSlot slot = split ? CellSlot.plan(parent, CellBody.footprint(false, added) - PageHeader.CELL_POINTER_SIZE)
                : null;
        if (split && slot == null) {
            return false;
        }
        CellRemoval removal = null;
        if (merge) {
            Cell c = parent.cell(pos, new Cell());
            removal = CellRemoval.plan(parent, pos, c.offset(), c.sizeOnPage());
        }
        int fresh = split ? FreeList.allocate(e) : 0; // not the parent: that is neither page 1 nor free
        for (int t = 0; t < m; t++) {
            int[] g = groups.get(t);
            List<byte[]> bodies = new ArrayList<>(keys.subList(g[0], g[1]));
            new Node(t < k ? sibs[t].page : fresh, node.type, bodies,
                    new ArrayList<>(Collections.nCopies(bodies.size(), 0L)), 0).store(e);
        }
        if (merge) {
            FreeList.free(e, sibs[k - 1].page);
        }
        node.dirty = false;
        // after the last read: made on the pager's page itself
        MemorySegment s = e.writeInPlace(parentPage);
        for (int t = 0; t < rewritten; t++) {
            Varint.put(s, offsets[t], dividers[t]);
        }
        long moved = 0; // the page that takes the place of the last old sibling's pointer
        int pointer = pos; // that pointer: the left child of that cell, or the right child if there is none
        if (split) {
            TreeWriter.putCell(s, parent, pos, slot.take(s, parent), sibs[k - 1].page, added);
            moved = fresh;
            pointer = pos + 1;
        } else if (merge) {
            removal.apply(s, parent);
            moved = sibs[m - 1].page;
        }
        if (moved != 0) {
            BTreePage after = BTreePage.of(s, parentPage, usable);
            if (pointer == after.cellCount()) {
                PageHeader.setRightChild(s, after.headerOffset(), moved);
            } else {
                BigEndian.putU32(s, after.cellOffset(pointer), moved);
            }
        }
        return true;
    }

    private static boolean underfull(PageEdit e, Node n) {
        return n.size() == 0 || n.used() < n.capacity(e.usableSize()) / 3;
    }

    private static void balanceRoot(PageEdit e, Node root, boolean bulk) {
        int usable = e.usableSize();
        if (root.used() > root.capacity(usable)) {
            int page = FreeList.allocate(e);
            Node child = new Node(page, root.type, new ArrayList<>(root.bodies), new ArrayList<>(root.children),
                    root.right);
            root.type = Node.interiorOf(root.type);
            root.bodies.clear();
            root.children.clear();
            root.right = page;
            balanceNonRoot(e, root, 0, child, bulk);
        }
        while (!root.isLeaf() && root.size() == 0) {
            Node child = Node.load(e, (int) root.right);
            if (child.used() > Node.capacity(root.page, child.type, usable)) {
                break;
            }
            root.type = child.type;
            root.bodies.addAll(child.bodies);
            root.children.addAll(child.children);
            root.right = child.right;
            FreeList.free(e, child.page);
        }
        root.store(e);
    }

    private static void balanceNonRoot(PageEdit e, Node parent, int at, Node node, boolean bulk) {
        int usable = e.usableSize();
        int nChildren = parent.size() + 1;
        int w0 = nChildren <= 3 ? 0 : Math.max(0, Math.min(at - 1, nChildren - 3));
        int k = Math.min(3, nChildren);
        for (int j = w0; j < w0 + k; j++) {
            if (j != at) {
                e.prefetch(parent.child(j));
            }
        }
        List<Node> sibs = new ArrayList<>(k);
        for (int j = w0; j < w0 + k; j++) {
            Node s = j == at ? node : Node.load(e, (int) parent.child(j));
            if (s.type != node.type) {
                throw new CorruptDatabaseException(s.page, "sibling pages of different types under page " + parent.page);
            }
            sibs.add(s);
        }
        boolean leaf = node.isLeaf();
        boolean promote = !(leaf && node.isTable());
        List<byte[]> keys = new ArrayList<>();
        List<Long> kids = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            Node s = sibs.get(t);
            keys.addAll(s.bodies);
            kids.addAll(s.children);
            if (!leaf) {
                kids.add(s.right);
            }
            if (promote && t < k - 1) {
                keys.add(parent.bodies.get(w0 + t));
                if (leaf) {
                    kids.add(0L);
                }
            }
        }
        int cap = Node.capacity(2, node.type, usable);
        List<int[]> groups = pack(keys, leaf, promote, cap, bulk);
        int m = groups.size();
        int[] pages = new int[m];
        for (int t = 0; t < m; t++) {
            pages[t] = t < k ? sibs.get(t).page : FreeList.allocate(e);
        }
        for (int t = m; t < k; t++) {
            FreeList.free(e, sibs.get(t).page);
        }
        boolean tailIsRight = w0 + k - 1 == parent.size();
        for (int t = 0; t < k - 1; t++) {
            parent.bodies.remove(w0);
            parent.children.remove(w0);
        }
        for (int t = 0; t < m; t++) {
            int[] g = groups.get(t);
            List<byte[]> bodies = new ArrayList<>(keys.subList(g[0], g[1]));
            List<Long> children = new ArrayList<>(kids.subList(g[0], g[1]));
            long right = leaf ? 0 : kids.get(g[1]);
            Node n = new Node(pages[t], node.type, bodies, children, right);
            n.store(e);
            if (t < m - 1) {
                byte[] divider = promote ? keys.get(g[1])
                        : CellBody.interiorTable(CellBody.rowid(true, bodies.get(bodies.size() - 1)));
                parent.bodies.add(w0 + t, divider);
                parent.children.add(w0 + t, (long) pages[t]);
            }
        }
        if (tailIsRight) {
            parent.right = pages[m - 1];
        } else {
            parent.children.set(w0 + m - 1, (long) pages[m - 1]);
        }
        parent.dirty = true;
    }

    /**
     * Splits {@code keys} into page groups {start, end}: greedily left to right, then evened
     * out from the right (with {@code bulk}, only as far as needed to leave no group empty).
     * With {@code promote}, the key at each group's end is the divider.
     */
    static List<int[]> pack(List<byte[]> keys, boolean leaf, boolean promote, int cap, boolean bulk) {
        int n = keys.size();
        int[] sz = new int[n];
        for (int i = 0; i < n; i++) {
            sz[i] = CellBody.footprint(leaf, keys.get(i));
        }
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = start;
            int used = 0;
            while (end < n && used + sz[end] <= cap) {
                used += sz[end++];
            }
            if (end == start && end < n) {
                throw new IllegalStateException("cell of " + sz[end] + " bytes does not fit a page of " + cap);
            }
            groups.add(new int[] {start, end});
            if (end >= n) {
                break;
            }
            start = promote ? end + 1 : end;
            if (start >= n) {
                groups.add(new int[] {n, n});
                break;
            }
        }
        for (int g = groups.size() - 1; g > 0; g--) {
            int[] l = groups.get(g - 1);
            int[] r = groups.get(g);
            int left = sum(sz, l[0], l[1]);
            int right = sum(sz, r[0], r[1]);
            while (l[1] - l[0] >= 2) {
                int in = promote ? sz[l[1]] : sz[l[1] - 1];
                int newRight = right + in;
                int newLeft = left - sz[l[1] - 1];
                if (newRight > cap || (r[1] > r[0] && (bulk || newRight > newLeft))) {
                    break;
                }
                l[1]--;
                r[0]--;
                left = newLeft;
                right = newRight;
            }
            if (r[1] == r[0] && n > 0) {
                throw new IllegalStateException("balance left an empty page");
            }
        }
        return groups;
    }

    private static int sum(int[] sz, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += sz[i];
        }
        return s;
    }
}
