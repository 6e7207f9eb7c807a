package io.turso4j.storage.format;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;

/**
 * Pointer-map pages: in auto_vacuum (FULL or INCREMENTAL) databases, a reverse index saying for
 * every page what it is and which page points to it, so pages can be moved. See <a
 * href="https://www.sqlite.org/fileformat2.html#pointer_map_or_ptrmap_pages">fileformat2,
 * "Pointer Map or Ptrmap Pages"</a>.
 *
 * <pre>
 * entry, 5 bytes:
 * offset size field
 *   0     1   type, one of:
 *               1 ROOTPAGE   a B-tree root; parent 0
 *               2 FREEPAGE   a freelist page; parent 0
 *               3 OVERFLOW1  first page of an overflow chain; parent = the B-tree page
 *                            holding the cell
 *               4 OVERFLOW2  later overflow page; parent = the previous overflow page
 *               5 BTREE      non-root B-tree page; parent = its parent B-tree page
 *   1     4   parent page number
 *
 * page layout: entries for the pages that follow it, in order, U/5 of them (U = usable
 * size); the first pointer-map page is page 2, the next comes right after the pages the
 * previous one covers, i.e. every U/5+1 pages. A pointer-map page that would fall on the
 * lock-byte page moves to the page after it.
 * </pre>
 *
 * <p>Static functions over page numbers and pointer-map page buffers. Stateless; any thread.
 */
public final class PointerMap {
    public static final int ROOTPAGE = 1;
    public static final int FREEPAGE = 2;
    public static final int OVERFLOW1 = 3;
    public static final int OVERFLOW2 = 4;
    public static final int BTREE = 5;

    /** Bytes per entry. */
    public static final int ENTRY_SIZE = 5;
    public static final int TYPE_OFFSET = 0;
    public static final int PARENT_OFFSET = 1;

    /** The first pointer-map page. */
    public static final long FIRST_PAGE = 2;

    private PointerMap() {}

    /** Entries on one pointer-map page: U/5. */
    public static int entriesPerPage(int usableSize) {
        return usableSize / ENTRY_SIZE;
    }

    /** The pointer-map page holding the entry of {@code pageNumber}, or 0 for page 1 (none). */
    public static long pageFor(long pageNumber, int pageSize, int usableSize) {
        if (pageNumber < FIRST_PAGE) {
            return 0;
        }
        long group = entriesPerPage(usableSize) + 1L;
        long mapPage = (pageNumber - FIRST_PAGE) / group * group + FIRST_PAGE;
        return LockBytePage.is(mapPage, pageSize) ? mapPage + 1 : mapPage;
    }

    /** Whether {@code pageNumber} is itself a pointer-map page. */
    public static boolean isPointerMapPage(long pageNumber, int pageSize, int usableSize) {
        return pageNumber >= FIRST_PAGE && pageFor(pageNumber, pageSize, usableSize) == pageNumber;
    }

    /**
     * Offset of {@code pageNumber}'s entry within its pointer-map page {@code mapPage} (from
     * {@link #pageFor}); {@code pageNumber} must be an ordinary page, not a map page or the
     * lock-byte page.
     */
    public static int entryOffset(long pageNumber, long mapPage) {
        if (pageNumber <= mapPage) {
            throw new IllegalArgumentException("page " + pageNumber + " has no entry on pointer-map page " + mapPage);
        }
        return (int) (ENTRY_SIZE * (pageNumber - mapPage - 1));
    }

    /**
     * The type of the entry at {@code offset} of pointer-map page {@code mapPage}.
     *
     * @throws CorruptDatabaseException if the type is not 1..5
     */
    public static int type(MemorySegment map, long mapPage, int offset) {
        int type = BigEndian.u8(map, offset + TYPE_OFFSET);
        if (type < ROOTPAGE || type > BTREE) {
            throw new CorruptDatabaseException(mapPage, "invalid pointer-map entry type " + type + " at " + offset);
        }
        return type;
    }

    public static long parent(MemorySegment map, int offset) {
        return BigEndian.u32(map, offset + PARENT_OFFSET);
    }

    public static void write(MemorySegment map, int offset, int type, long parent) {
        BigEndian.putU8(map, offset + TYPE_OFFSET, type);
        BigEndian.putU32(map, offset + PARENT_OFFSET, parent);
    }
}
