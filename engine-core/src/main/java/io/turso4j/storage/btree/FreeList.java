package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.FreelistTrunkPage;
import io.turso4j.storage.format.PointerMap;

import java.lang.foreign.MemorySegment;

/**
 * The freelist, kept exactly as SQLite keeps it (see {@link FreelistTrunkPage} for the trunk
 * layout): the header's first-trunk and count fields on page 1, trunks chained from there,
 * each listing up to {@link FreelistTrunkPage#writerCapacity} leaf pages. {@link #allocate}
 * reuses a free page before extending the file (skipping pointer-map pages, whose entries it
 * keeps: a page leaving the list is the caller's to record, a page entering it is FREEPAGE).
 * Stateless: everything lives in the pages of the {@link PageEdit}.
 */
final class FreeList {
    private FreeList() {}

    static long count(PageEdit e) {
        return e.header(DatabaseHeader.FREELIST_COUNT_OFFSET);
    }

    private static long firstTrunk(PageEdit e) {
        return e.header(DatabaseHeader.FIRST_FREELIST_TRUNK_OFFSET);
    }

    /**
     * A page for new content: from the freelist when it has one, else appended. The page's
     * bytes are not cleared; the caller overwrites what it uses.
     */
    static int allocate(PageEdit e) {
        long trunk = firstTrunk(e);
        if (trunk == 0) {
            return extend(e);
        }
        checkPage(e, trunk, 0);
        MemorySegment t = e.read((int) trunk);
        int leaves = FreelistTrunkPage.leafCount(t, trunk, e.usableSize());
        int page;
        if (leaves > 0) {
            page = (int) FreelistTrunkPage.leaf(t, leaves - 1);
            checkPage(e, page, trunk);
            setLeafCount(e, (int) trunk, leaves - 1);
        } else {
            page = (int) trunk;
            e.setHeader(DatabaseHeader.FIRST_FREELIST_TRUNK_OFFSET, FreelistTrunkPage.nextTrunk(t));
        }
        e.setHeader(DatabaseHeader.FREELIST_COUNT_OFFSET, count(e) - 1);
        return page;
    }

    /** Appends a page, skipping (and creating) pointer-map pages in auto-vacuum databases. */
    static int extend(PageEdit e) {
        int page = e.extend();
        if (e.autoVacuum() && PointerMap.isPointerMapPage(page, e.pageSize(), e.usableSize())) {
            page = e.extend();
        }
        return page;
    }

    /** Puts {@code page} on the freelist. Its content becomes garbage. */
    static void free(PageEdit e, int page) {
        long trunk = firstTrunk(e);
        long n = count(e);
        if (trunk != 0) {
            MemorySegment t = e.read((int) trunk);
            int leaves = FreelistTrunkPage.leafCount(t, trunk, e.usableSize());
            if (leaves < FreelistTrunkPage.writerCapacity(e.usableSize())) {
                MemorySegment w = e.write((int) trunk);
                FreelistTrunkPage.setLeaf(w, leaves, page);
                FreelistTrunkPage.writeHeader(w, FreelistTrunkPage.nextTrunk(w), leaves + 1);
                e.setHeader(DatabaseHeader.FREELIST_COUNT_OFFSET, n + 1);
                PointerMaps.put(e, page, PointerMap.FREEPAGE, 0);
                return;
            }
        }
        FreelistTrunkPage.writeHeader(e.write(page), trunk, 0);
        e.setHeader(DatabaseHeader.FIRST_FREELIST_TRUNK_OFFSET, page);
        e.setHeader(DatabaseHeader.FREELIST_COUNT_OFFSET, n + 1);
        PointerMaps.put(e, page, PointerMap.FREEPAGE, 0);
    }

    /**
     * Takes page {@code page} off the freelist (it must be on it), keeping the list well
     * formed: a trunk with leaves hands its role to one of them.
     */
    static void remove(PageEdit e, int page) {
        long prev = 0;
        long trunk = firstTrunk(e);
        int guard = 0;
        while (trunk != 0) {
            if (++guard > e.pageCount()) {
                throw new CorruptDatabaseException(trunk, "freelist trunk chain loops");
            }
            checkPage(e, trunk, prev);
            MemorySegment t = e.read((int) trunk);
            int leaves = FreelistTrunkPage.leafCount(t, trunk, e.usableSize());
            long next = FreelistTrunkPage.nextTrunk(t);
            if (trunk == page) {
                long replacement = next;
                if (leaves > 0) {
                    replacement = FreelistTrunkPage.leaf(t, leaves - 1);
                    MemorySegment r = e.write((int) replacement);
                    MemorySegment src = e.read((int) trunk);
                    MemorySegment.copy(src, FreelistTrunkPage.LEAVES_OFFSET, r, FreelistTrunkPage.LEAVES_OFFSET,
                            (long) FreelistTrunkPage.LEAF_ENTRY_SIZE * (leaves - 1));
                    FreelistTrunkPage.writeHeader(r, next, leaves - 1);
                }
                link(e, prev, replacement);
                e.setHeader(DatabaseHeader.FREELIST_COUNT_OFFSET, count(e) - 1);
                return;
            }
            for (int i = 0; i < leaves; i++) {
                if (FreelistTrunkPage.leaf(t, i) == page) {
                    MemorySegment w = e.write((int) trunk);
                    FreelistTrunkPage.setLeaf(w, i, FreelistTrunkPage.leaf(w, leaves - 1));
                    FreelistTrunkPage.writeHeader(w, next, leaves - 1);
                    e.setHeader(DatabaseHeader.FREELIST_COUNT_OFFSET, count(e) - 1);
                    return;
                }
            }
            prev = trunk;
            trunk = next;
        }
        throw new CorruptDatabaseException(page, "page expected on the freelist is not there");
    }

    /** Takes any free page numbered at most {@code limit} off the list; 0 if there is none. */
    static int takeAtMost(PageEdit e, long limit) {
        long trunk = firstTrunk(e);
        int guard = 0;
        while (trunk != 0) {
            if (++guard > e.pageCount()) {
                throw new CorruptDatabaseException(trunk, "freelist trunk chain loops");
            }
            MemorySegment t = e.read((int) trunk);
            int leaves = FreelistTrunkPage.leafCount(t, trunk, e.usableSize());
            for (int i = leaves - 1; i >= 0; i--) {
                long leaf = FreelistTrunkPage.leaf(t, i);
                if (leaf <= limit) {
                    remove(e, (int) leaf);
                    return (int) leaf;
                }
            }
            if (trunk <= limit) {
                remove(e, (int) trunk);
                return (int) trunk;
            }
            trunk = FreelistTrunkPage.nextTrunk(t);
        }
        return 0;
    }

    private static void link(PageEdit e, long prev, long next) {
        if (prev == 0) {
            e.setHeader(DatabaseHeader.FIRST_FREELIST_TRUNK_OFFSET, next);
        } else {
            MemorySegment p = e.write((int) prev);
            FreelistTrunkPage.writeHeader(p, next, FreelistTrunkPage.leafCount(p, prev, e.usableSize()));
        }
    }

    private static void checkPage(PageEdit e, long page, long from) {
        if (page < 2 || page > e.pageCount()) {
            throw new CorruptDatabaseException(from == 0 ? 1 : from, "freelist page " + page + " out of range");
        }
    }

    /** Rewrites a trunk's leaf count, keeping its next pointer. */
    private static void setLeafCount(PageEdit e, int trunk, int leaves) {
        MemorySegment w = e.write(trunk);
        FreelistTrunkPage.writeHeader(w, FreelistTrunkPage.nextTrunk(w), leaves);
    }
}
