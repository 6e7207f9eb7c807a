package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.PageHeader;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Where a new cell goes on a page that has room for it, found as SQLite's {@code
 * allocateSpace} finds it: in the gap between the pointer array and the content area if it
 * fits there; else at the end of the first freeblock big enough (all of the block if fewer
 * than four bytes would be left over: those become fragments, up to SQLite's limit of 60 on a
 * page); else, since the page's free space adds up, in the gap once the cells are packed
 * together at the end of the page (defragmented). The new cell's pointer always takes two
 * bytes of the gap.
 *
 * <p>Packing a page whose free space is in at most two freeblocks (a cell that grew by a byte
 * and left its old place free, row after row in an UPDATE) slides the cells above each block
 * down over it, as SQLite's quick defragmentation does: pointers move by the blocks' sizes,
 * and no cell is parsed. Fragments then stay where they are; a page that needs them back is
 * packed cell by cell.
 *
 * <p>{@link #plan} reads the page as it is and makes every check (a broken freeblock chain, a
 * cell out of bounds) before anything changes; {@link #take} then changes the free space
 * bookkeeping (not the pointer array) and cannot fail. Immutable; any thread.
 */
final class CellSlot {
    /** SQLite leaves a block whole rather than let a page's fragments pass this. */
    private static final int MAX_FRAGMENTS = 60;

    private enum Kind { GAP, FREEBLOCK, SLIDE, DEFRAGMENT }

    private final Kind kind;
    private final int size;
    /** FREEBLOCK: the block, the one linking to it (0: the header), and whether it is used whole. */
    private final int block;
    private final int prev;
    private final boolean whole;
    /**
     * DEFRAGMENT: each cell's offset and size, in pointer order. SLIDE: the freeblocks' offsets
     * and sizes, in the chain's (ascending) order.
     */
    private final int[] offsets;
    private final int[] sizes;

    private CellSlot(Kind kind, int size, int block, int prev, boolean whole, int[] offsets, int[] sizes) {
        this.kind = kind;
        this.size = size;
        this.block = block;
        this.prev = prev;
        this.whole = whole;
        this.offsets = offsets;
        this.sizes = sizes;
    }

    /** Where a cell of {@code size} bytes would go on {@code pg}, or null if the page has no room for it. */
    static CellSlot plan(BTreePage pg, int size) {
        int gap = pg.contentStart() - pg.cellPointersEnd();
        if (gap >= size + PageHeader.CELL_POINTER_SIZE) {
            return new CellSlot(Kind.GAP, size, 0, 0, false, null, null);
        }
        int prev = 0;
        // a freeblock serves only if the gap still holds the pointer; else the page is packed.
        // One that fits means the page has room, so the free space is summed only after them.
        int first = gap >= PageHeader.CELL_POINTER_SIZE ? pg.nextFreeblock(0) : 0;
        for (int fb = first; fb != 0; prev = fb, fb = pg.nextFreeblock(fb)) {
            int left = pg.freeblockSize(fb) - size;
            if (left >= PageHeader.MIN_FREEBLOCK_SIZE) {
                return new CellSlot(Kind.FREEBLOCK, size, fb, prev, false, null, null);
            }
            if (left >= 0 && pg.fragmentedBytes() + left <= MAX_FRAGMENTS) {
                return new CellSlot(Kind.FREEBLOCK, size, fb, prev, true, null, null);
            }
        }
        if (pg.freeSpace() < size + PageHeader.CELL_POINTER_SIZE) {
            return null;
        }
        CellSlot slide = slide(pg, gap, size);
        if (slide != null) {
            return slide;
        }
        int n = pg.cellCount();
        int[] offsets = new int[n];
        int[] sizes = new int[n];
        Cell c = new Cell();
        for (int i = 0; i < n; i++) {
            pg.cell(i, c);
            if (c.offset() < pg.contentStart()) {
                throw new CorruptDatabaseException(pg.pageNumber(), "cell " + i + " before the content area");
            }
            offsets[i] = c.offset();
            sizes[i] = c.sizeOnPage();
        }
        return new CellSlot(Kind.DEFRAGMENT, size, 0, 0, false, offsets, sizes);
    }

    /** A SLIDE when the page's freeblocks are at most two and free enough room with the gap; else null. */
    private static CellSlot slide(BTreePage pg, int gap, int size) {
        int[] blocks = new int[2];
        int[] blockSizes = new int[2];
        int count = 0;
        int room = gap;
        for (int fb = pg.nextFreeblock(0); fb != 0; fb = pg.nextFreeblock(fb)) {
            if (count == blocks.length) {
                return null;
            }
            // nextFreeblock checked it: inside the content area, after its predecessor, fitting
            blocks[count] = fb;
            blockSizes[count] = pg.freeblockSize(fb);
            room += blockSizes[count];
            count++;
        }
        if (count == 0 || room < size + PageHeader.CELL_POINTER_SIZE) {
            return null;
        }
        return new CellSlot(Kind.SLIDE, size, 0, 0, false, Arrays.copyOf(blocks, count),
                Arrays.copyOf(blockSizes, count));
    }

    /**
     * Takes the slot on {@code s}, the writable bytes of the page {@code pg} was read from,
     * and returns the offset the cell goes to.
     */
    int take(MemorySegment s, BTreePage pg) {
        int hdr = pg.headerOffset();
        switch (kind) {
            case GAP -> {
                int at = pg.contentStart() - size;
                PageHeader.setContentStart(s, hdr, at);
                return at;
            }
            case FREEBLOCK -> {
                int blockSize = pg.freeblockSize(block);
                if (!whole) {
                    // the cell takes the block's tail; the block keeps its place in the chain
                    BigEndian.putU16(s, block + PageHeader.FREEBLOCK_SIZE_OFFSET, blockSize - size);
                    return block + blockSize - size;
                }
                int next = BigEndian.u16(s, block + PageHeader.FREEBLOCK_NEXT_OFFSET);
                if (prev == 0) {
                    PageHeader.setFirstFreeblock(s, hdr, next);
                } else {
                    BigEndian.putU16(s, prev + PageHeader.FREEBLOCK_NEXT_OFFSET, next);
                }
                PageHeader.setFragmentedBytes(s, hdr, pg.fragmentedBytes() + blockSize - size);
                return block;
            }
            case SLIDE -> {
                return slide(s, pg);
            }
            default -> {
                return defragment(s, pg);
            }
        }
    }

    /**
     * Closes the freeblocks by moving the content below each one up by the sizes of the blocks
     * at and above it, highest run first (the runs only move up), then takes the gap.
     */
    private int slide(MemorySegment s, BTreePage pg) {
        int hdr = pg.headerOffset();
        int start = pg.contentStart();
        int shift = 0;
        for (int k = offsets.length - 1; k >= 0; k--) {
            shift += sizes[k];
            int from = k == 0 ? start : offsets[k - 1] + sizes[k - 1];
            MemorySegment.copy(s, from, s, from + shift, offsets[k] - from);
        }
        // the pointers are moved in a heap copy: one bulk copy each way, plain array reads between
        int pointers = hdr + pg.type().headerSize();
        byte[] ptrs = new byte[2 * pg.cellCount()];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, pointers, ptrs, 0, ptrs.length);
        int first = offsets[0];
        int firstSize = sizes[0];
        int second = offsets.length > 1 ? offsets[1] : 0;
        int secondSize = offsets.length > 1 ? sizes[1] : 0;
        for (int j = 0; j < ptrs.length; j += 2) {
            int p = (ptrs[j] & 0xff) << 8 | ptrs[j + 1] & 0xff;
            int moved = (p < first ? firstSize : 0) + (p < second ? secondSize : 0);
            p += moved;
            ptrs[j] = (byte) (p >>> 8);
            ptrs[j + 1] = (byte) p;
        }
        MemorySegment.copy(ptrs, 0, s, ValueLayout.JAVA_BYTE, pointers, ptrs.length);
        PageHeader.setFirstFreeblock(s, hdr, 0);
        int at = start + shift - size;
        PageHeader.setContentStart(s, hdr, at);
        return at;
    }

    /** Packs the cells against the page's end in pointer order, then takes the gap. */
    private int defragment(MemorySegment s, BTreePage pg) {
        int hdr = pg.headerOffset();
        int usable = pg.usableSize();
        int from = pg.contentStart();
        byte[] content = new byte[usable - from];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, from, content, 0, content.length);
        int pointers = hdr + pg.type().headerSize();
        int end = usable;
        for (int i = 0; i < offsets.length; i++) {
            end -= sizes[i];
            MemorySegment.copy(content, offsets[i] - from, s, ValueLayout.JAVA_BYTE, end, sizes[i]);
            BigEndian.putU16(s, pointers + 2L * i, end);
        }
        PageHeader.setFirstFreeblock(s, hdr, 0);
        PageHeader.setFragmentedBytes(s, hdr, 0);
        int at = end - size;
        PageHeader.setContentStart(s, hdr, at);
        return at;
    }
}
