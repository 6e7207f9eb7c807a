package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.OverflowPage;
import io.turso4j.storage.format.PointerMap;

import java.lang.foreign.MemorySegment;

/**
 * Auto-vacuum: moving pages with the help of the pointer map. Roots stay packed at the front
 * of the file (pages 3 .. largest root, minus pointer-map pages), so a new root takes the page
 * after the largest root, moving whatever was there ({@link #placeNewRoot}), and dropping a
 * tree moves the largest root into the hole ({@link #dropRoot}). Free pages are moved to the
 * end and cut off by {@link #vacuum}: at every commit of an auto_vacuum=FULL database, and on
 * request in INCREMENTAL mode.
 *
 * <p>{@link #relocate} is the one primitive: copy a page, repoint its parent (a child pointer,
 * a cell's overflow pointer, or the previous overflow page), and fix the pointer-map entries
 * of the page and of everything it points to. Stateless; works inside one {@link PageEdit}.
 */
final class Vacuum {
    private Vacuum() {}

    /** The page for a new root in an auto-vacuum database, made free and recorded as largest root. */
    static int placeNewRoot(PageEdit e) {
        long root = e.header(DatabaseHeader.LARGEST_ROOT_PAGE_OFFSET) + 1;
        while (PointerMaps.isReserved(e, root)) {
            root++;
        }
        if (root > e.pageCount()) {
            int page = FreeList.extend(e);
            if (page != root) {
                throw new IllegalStateException("new root " + page + ", expected " + root);
            }
        } else {
            int type = PointerMaps.type(e, root);
            if (type == PointerMap.FREEPAGE) {
                FreeList.remove(e, (int) root);
            } else if (type == PointerMap.ROOTPAGE) {
                throw new CorruptDatabaseException(root, "root page past the largest root");
            } else {
                int dst = FreeList.allocate(e);
                relocate(e, (int) root, dst, type, PointerMaps.parent(e, root));
            }
        }
        e.setHeader(DatabaseHeader.LARGEST_ROOT_PAGE_OFFSET, root);
        PointerMaps.put(e, root, PointerMap.ROOTPAGE, 0);
        return (int) root;
    }

    /**
     * After the tree at {@code root} was freed: moves the largest root into its place and
     * returns the largest root's old number, or 0 if {@code root} was the largest.
     */
    static int dropRoot(PageEdit e, int root) {
        long largest = e.header(DatabaseHeader.LARGEST_ROOT_PAGE_OFFSET);
        long below = largest - 1;
        while (below > 1 && PointerMaps.isReserved(e, below)) {
            below--;
        }
        e.setHeader(DatabaseHeader.LARGEST_ROOT_PAGE_OFFSET, below);
        if (root == largest) {
            return 0;
        }
        if (PointerMaps.type(e, largest) != PointerMap.ROOTPAGE) {
            throw new CorruptDatabaseException(largest, "largest root page is not a root");
        }
        FreeList.remove(e, root);
        relocate(e, (int) largest, root, PointerMap.ROOTPAGE, 0);
        FreeList.free(e, (int) largest);
        return (int) largest;
    }

    /**
     * Moves free pages out of the file until {@code limit} are released (0: all), truncating
     * it; returns how many free pages were released.
     */
    static int vacuum(PageEdit e, int limit) {
        int released = 0;
        while (FreeList.count(e) > 0 && (limit == 0 || released < limit)) {
            int last = e.pageCount();
            if (PointerMaps.isReserved(e, last)) {
                e.truncate(last - 1);
                continue;
            }
            int type = PointerMaps.type(e, last);
            if (type == PointerMap.FREEPAGE) {
                FreeList.remove(e, last);
            } else if (type == PointerMap.ROOTPAGE) {
                throw new CorruptDatabaseException(last, "root page at the end of an auto-vacuum file");
            } else {
                int dst = FreeList.takeAtMost(e, last - 1);
                if (dst == 0) {
                    throw new CorruptDatabaseException(1, "freelist count disagrees with the freelist");
                }
                relocate(e, last, dst, type, PointerMaps.parent(e, last));
            }
            e.truncate(last - 1);
            released++;
        }
        while (e.pageCount() > 1 && PointerMaps.isReserved(e, e.pageCount())) {
            e.truncate(e.pageCount() - 1);
        }
        return released;
    }

    /** Moves page {@code src}, of pointer-map {@code type} under {@code parent}, to page {@code dst}. */
    static void relocate(PageEdit e, int src, int dst, int type, long parent) {
        MemorySegment to = e.write(dst);
        MemorySegment.copy(e.read(src), 0, to, 0, e.pageSize());
        switch (type) {
            case PointerMap.ROOTPAGE, PointerMap.BTREE -> Node.load(e, dst).store(e);
            case PointerMap.OVERFLOW1, PointerMap.OVERFLOW2 -> {
                long next = OverflowPage.nextPage(e.read(dst));
                if (next != 0) {
                    PointerMaps.put(e, next, PointerMap.OVERFLOW2, dst);
                }
            }
            default -> throw new CorruptDatabaseException(src, "cannot move a page of pointer-map type " + type);
        }
        switch (type) {
            case PointerMap.ROOTPAGE -> PointerMaps.put(e, dst, PointerMap.ROOTPAGE, 0);
            case PointerMap.BTREE -> {
                Node p = Node.load(e, (int) parent);
                p.setChild(childIndex(p, src), dst);
                p.store(e);
            }
            case PointerMap.OVERFLOW1 -> {
                Node p = Node.load(e, (int) parent);
                p.bodies.set(cellWithOverflow(e, p, src), withOverflow(p, cellWithOverflow(e, p, src), dst));
                p.store(e);
            }
            default -> {
                BigEndian.putU32(e.write((int) parent), OverflowPage.NEXT_PAGE_OFFSET, dst);
                PointerMaps.put(e, dst, PointerMap.OVERFLOW2, parent);
            }
        }
    }

    private static int childIndex(Node p, long child) {
        for (int i = 0; i <= p.size(); i++) {
            if (p.child(i) == child) {
                return i;
            }
        }
        throw new CorruptDatabaseException(p.page, "pointer map names page " + p.page + " as parent of " + child);
    }

    private static int cellWithOverflow(PageEdit e, Node p, long overflow) {
        if (p.type.hasPayload()) {
            for (int i = 0; i < p.size(); i++) {
                if (CellBody.overflowPage(Node.leafOf(p.type), p.bodies.get(i), e.usableSize()) == overflow) {
                    return i;
                }
            }
        }
        throw new CorruptDatabaseException(p.page, "no cell of page " + p.page + " owns overflow page " + overflow);
    }

    private static byte[] withOverflow(Node p, int cell, long overflow) {
        byte[] body = p.bodies.get(cell).clone();
        CellBody.setOverflowPage(body, overflow);
        return body;
    }
}
