package io.turso4j.storage.btree;

import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.PageHeader;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.format.PointerMap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * One B-tree page decoded for changing: its type, its cells as {@link CellBody bodies} with
 * their left children, and the right-most child. The balancer and the mutators work on nodes
 * and {@link #store} them, which lays the page out afresh (cells packed at the end of the page,
 * no freeblocks, no fragments) and brings the pointer-map entries of the page's children and
 * of its cells' overflow chains up to date.
 *
 * <p>A node may hold more cells than fit (between an insert and the balance that splits it);
 * {@link #store} refuses that. Mutable; owned by one operation.
 */
final class Node {
    int page;
    PageType type;
    final List<byte[]> bodies;
    final List<Long> children;
    long right;
    boolean dirty;

    Node(int page, PageType type, List<byte[]> bodies, List<Long> children, long right) {
        this.page = page;
        this.type = type;
        this.bodies = bodies;
        this.children = children;
        this.right = right;
    }

    static Node load(PageEdit e, int page) {
        BTreePage p = BTreePage.of(e.read(page), page, e.usableSize());
        int n = p.cellCount();
        List<byte[]> bodies = new ArrayList<>(n + 1);
        List<Long> children = new ArrayList<>(n + 1);
        Cell scratch = new Cell();
        for (int i = 0; i < n; i++) {
            bodies.add(CellBody.read(p, i, scratch));
            children.add(p.type().isLeaf() ? 0L : p.leftChild(i));
        }
        return new Node(page, p.type(), bodies, children, p.type().isLeaf() ? 0 : p.rightChild());
    }

    /** An empty leaf. */
    static Node emptyLeaf(int page, boolean table) {
        return new Node(page, table ? PageType.LEAF_TABLE : PageType.LEAF_INDEX, new ArrayList<>(),
                new ArrayList<>(), 0);
    }

    boolean isLeaf() {
        return type.isLeaf();
    }

    boolean isTable() {
        return type.isTable();
    }

    int size() {
        return bodies.size();
    }

    /** Child {@code i}: the left child of cell {@code i}, or the right child for {@code i == size()}. */
    long child(int i) {
        return i == bodies.size() ? right : children.get(i);
    }

    void setChild(int i, long child) {
        if (i == bodies.size()) {
            right = child;
        } else {
            children.set(i, child);
        }
    }

    /** Bytes of cells and pointers on the page. */
    int used() {
        int used = 0;
        for (byte[] b : bodies) {
            used += CellBody.footprint(isLeaf(), b);
        }
        return used;
    }

    /** Bytes available to cells and pointers on a page of this node's number and type. */
    static int capacity(int page, PageType type, int usableSize) {
        return usableSize - PageHeader.headerOffset(page) - type.headerSize();
    }

    int capacity(int usableSize) {
        return capacity(page, type, usableSize);
    }

    static PageType interiorOf(PageType type) {
        return type.isTable() ? PageType.INTERIOR_TABLE : PageType.INTERIOR_INDEX;
    }

    static PageType leafOf(PageType type) {
        return type.isTable() ? PageType.LEAF_TABLE : PageType.LEAF_INDEX;
    }

    /** Writes the node to its page and updates the pointer map for what it points to. */
    void store(PageEdit e) {
        int usable = e.usableSize();
        if (used() > capacity(usable)) {
            throw new IllegalStateException("node for page " + page + " overfull: " + used());
        }
        MemorySegment s = e.write(page);
        int hdr = PageHeader.headerOffset(page);
        PageHeader.initialize(s, hdr, type, usable);
        int content = usable;
        boolean leaf = isLeaf();
        for (int i = 0; i < bodies.size(); i++) {
            byte[] b = bodies.get(i);
            content -= CellBody.footprint(leaf, b) - 2;
            int at = content;
            if (!leaf) {
                BigEndian.putU32(s, at, children.get(i));
                at += Cell.CHILD_POINTER_SIZE;
            }
            MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, at, b.length);
            PageHeader.setCellPointer(s, hdr, type.headerSize(), i, content);
        }
        PageHeader.setCellCount(s, hdr, bodies.size());
        PageHeader.setContentStart(s, hdr, content);
        if (!leaf) {
            PageHeader.setRightChild(s, hdr, right);
        }
        dirty = false;
        updatePointerMap(e);
    }

    private void updatePointerMap(PageEdit e) {
        if (!e.autoVacuum()) {
            return;
        }
        PageType payloadType = leafOf(type);
        for (int i = 0; i < bodies.size(); i++) {
            if (!isLeaf()) {
                PointerMaps.put(e, children.get(i), PointerMap.BTREE, page);
            }
            if (type.hasPayload()) {
                long ovfl = CellBody.overflowPage(payloadType, bodies.get(i), e.usableSize());
                if (ovfl != 0) {
                    PointerMaps.put(e, ovfl, PointerMap.OVERFLOW1, page);
                }
            }
        }
        if (!isLeaf()) {
            PointerMaps.put(e, right, PointerMap.BTREE, page);
        }
    }
}
