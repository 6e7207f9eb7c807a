package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * The B-tree page header: the first 8 (leaf) or 12 (interior) bytes of a B-tree page, or of
 * page 1 after the 100-byte database header. See <a
 * href="https://www.sqlite.org/fileformat2.html#b_tree_pages">fileformat2, "B-tree
 * Pages"</a>. Offsets below are relative to the header's start.
 *
 * <pre>
 * offset size field                                   constant
 *   0     1  page type flag: 2, 5, 10 or 13            TYPE_OFFSET
 *   1     2  first freeblock, 0 if none                FIRST_FREEBLOCK_OFFSET
 *   3     2  number of cells                           CELL_COUNT_OFFSET
 *   5     2  start of the cell content area;           CONTENT_START_OFFSET
 *            0 stands for 65536
 *   7     1  fragmented free bytes in the content area FRAGMENTED_BYTES_OFFSET
 *   8     4  right-most child page (interior only)     RIGHT_CHILD_OFFSET
 * </pre>
 *
 * <p>The cell pointer array follows the header: one 2-byte offset per cell, in key order,
 * each measured from the start of the page (not of the header). A freeblock in the content
 * area starts with a 2-byte offset of the next freeblock (0 ends the chain, offsets ascend)
 * and a 2-byte size that counts these 4 bytes.
 *
 * <p>Static accessors over a page buffer; writers are for the B-tree layer that owns the page.
 * Stateless; any thread, under the page's owner's rules.
 */
public final class PageHeader {
    public static final int TYPE_OFFSET = 0;
    public static final int FIRST_FREEBLOCK_OFFSET = 1;
    public static final int CELL_COUNT_OFFSET = 3;
    public static final int CONTENT_START_OFFSET = 5;
    public static final int FRAGMENTED_BYTES_OFFSET = 7;
    public static final int RIGHT_CHILD_OFFSET = 8;

    /** Bytes per entry of the cell pointer array. */
    public static final int CELL_POINTER_SIZE = 2;

    /** Freeblock layout, relative to the freeblock's start. */
    public static final int FREEBLOCK_NEXT_OFFSET = 0;
    public static final int FREEBLOCK_SIZE_OFFSET = 2;
    /** The smallest freeblock; smaller gaps are counted as fragmented bytes instead. */
    public static final int MIN_FREEBLOCK_SIZE = 4;

    /** Most fragmented bytes SQLite lets a page collect before defragmenting it. */
    public static final int MAX_FRAGMENTED_BYTES = 60;

    private PageHeader() {}

    /** Where the B-tree header of page {@code pageNumber} starts: 100 on page 1, else 0. */
    public static int headerOffset(long pageNumber) {
        return pageNumber == 1 ? DatabaseHeader.SIZE : 0;
    }

    public static int typeFlag(MemorySegment page, int hdr) {
        return BigEndian.u8(page, hdr + TYPE_OFFSET);
    }

    public static int firstFreeblock(MemorySegment page, int hdr) {
        return BigEndian.u16(page, hdr + FIRST_FREEBLOCK_OFFSET);
    }

    public static int cellCount(MemorySegment page, int hdr) {
        return BigEndian.u16(page, hdr + CELL_COUNT_OFFSET);
    }

    /** The cell content area's start with 0 decoded as 65536. */
    public static int contentStart(MemorySegment page, int hdr) {
        int stored = BigEndian.u16(page, hdr + CONTENT_START_OFFSET);
        return stored == 0 ? DatabaseHeader.MAX_PAGE_SIZE : stored;
    }

    public static int fragmentedBytes(MemorySegment page, int hdr) {
        return BigEndian.u8(page, hdr + FRAGMENTED_BYTES_OFFSET);
    }

    public static long rightChild(MemorySegment page, int hdr) {
        return BigEndian.u32(page, hdr + RIGHT_CHILD_OFFSET);
    }

    /**
     * Writes the header of an empty page of {@code type}: no cells, no freeblocks, content
     * area starting at the usable end.
     */
    public static void initialize(MemorySegment page, int hdr, PageType type, int usableSize) {
        BigEndian.putU8(page, hdr + TYPE_OFFSET, type.flag());
        setFirstFreeblock(page, hdr, 0);
        setCellCount(page, hdr, 0);
        setContentStart(page, hdr, usableSize);
        setFragmentedBytes(page, hdr, 0);
        if (!type.isLeaf()) {
            setRightChild(page, hdr, 0);
        }
    }

    public static void setFirstFreeblock(MemorySegment page, int hdr, int offset) {
        BigEndian.putU16(page, hdr + FIRST_FREEBLOCK_OFFSET, offset);
    }

    public static void setCellCount(MemorySegment page, int hdr, int count) {
        BigEndian.putU16(page, hdr + CELL_COUNT_OFFSET, count);
    }

    /** Stores {@code start}, writing 65536 as 0. */
    public static void setContentStart(MemorySegment page, int hdr, int start) {
        BigEndian.putU16(page, hdr + CONTENT_START_OFFSET, start == DatabaseHeader.MAX_PAGE_SIZE ? 0 : start);
    }

    public static void setFragmentedBytes(MemorySegment page, int hdr, int bytes) {
        BigEndian.putU8(page, hdr + FRAGMENTED_BYTES_OFFSET, bytes);
    }

    public static void setRightChild(MemorySegment page, int hdr, long child) {
        BigEndian.putU32(page, hdr + RIGHT_CHILD_OFFSET, child);
    }

    /** Stores cell pointer {@code index} of a page whose header is {@code headerSize} bytes. */
    public static void setCellPointer(MemorySegment page, int hdr, int headerSize, int index, int cellOffset) {
        BigEndian.putU16(page, hdr + headerSize + CELL_POINTER_SIZE * index, cellOffset);
    }
}
