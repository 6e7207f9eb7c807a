package io.turso4j.storage.format;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A checked, read-only view of one B-tree page: its {@link PageHeader header}, cell pointer
 * array and {@link Cell cells}, every offset verified before it is followed. See <a
 * href="https://www.sqlite.org/fileformat2.html#b_tree_pages">fileformat2, "B-tree
 * Pages"</a>.
 *
 * <pre>
 * region                    where
 * database header           bytes 0..99, page 1 only
 * page header               8 or 12 bytes at headerOffset (100 on page 1, else 0)
 * cell pointer array        2 bytes per cell, right after the page header
 * unallocated space         up to the cell content area's start
 * cell content area         cells and freeblocks, up to the usable size
 * reserved region           the last "reserved bytes" of the page, unused
 * </pre>
 *
 * <p>Checks, after SQLite's {@code btreeInitPage} and {@code btreeComputeFreeSpace}: the type
 * flag is one of 2, 5, 10, 13; the cell pointer array ends before the content area starts,
 * which is within the usable size; every cell starts between the end of the pointer array and
 * U-4 (U-5 on interior pages) and ends within U; a cell's varints end inside it; freeblocks
 * lie in the content area, ascend with at least 4 bytes between them, and fit on the page.
 * Any failure is a {@link CorruptDatabaseException} naming this page.
 *
 * <p>The view holds the segment; it is valid while the caller owns the page buffer and the page
 * is not modified (re-create it after a change). One thread at a time, like the buffer.
 */
public final class BTreePage {
    private final MemorySegment page;
    private final long pageNumber;
    private final int usableSize;
    private final int headerOffset;
    private final PageType type;
    private final int cellCount;
    private final int contentStart;
    /** First byte after the cell pointer array. */
    private final int cellPointersEnd;
    /** Largest offset a cell may start at. */
    private final int lastCellStart;

    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /**
     * How far a table cell's rowid may reach past the cell's start: a leaf's two varints, or an
     * interior cell's child pointer and varint, at most {@code 2 * Varint.MAX_SIZE} bytes.
     */
    private static final int ROWID_REACH = 2 * Varint.MAX_SIZE;

    private BTreePage(MemorySegment page, long pageNumber, int usableSize, PageType type) {
        this.page = page;
        this.pageNumber = pageNumber;
        this.usableSize = usableSize;
        this.headerOffset = PageHeader.headerOffset(pageNumber);
        this.type = type;
        this.cellCount = PageHeader.cellCount(page, headerOffset);
        this.contentStart = PageHeader.contentStart(page, headerOffset);
        this.cellPointersEnd = headerOffset + type.headerSize() + PageHeader.CELL_POINTER_SIZE * cellCount;
        this.lastCellStart = usableSize - Cell.MIN_SIZE - (type.isLeaf() ? 0 : 1);
    }

    /**
     * Opens page {@code pageNumber}, held in {@code page} (at least {@code usableSize} bytes),
     * checking its header.
     *
     * @throws CorruptDatabaseException if the type flag is unknown, the cells cannot fit, or
     *     the content area starts outside the page
     */
    public static BTreePage of(MemorySegment page, long pageNumber, int usableSize) {
        int hdr = PageHeader.headerOffset(pageNumber);
        if (page.byteSize() < usableSize || usableSize < hdr + PageType.INTERIOR_HEADER_SIZE) {
            throw new CorruptDatabaseException(pageNumber, "page buffer of " + page.byteSize()
                    + " bytes is smaller than the usable size " + usableSize);
        }
        int flag = PageHeader.typeFlag(page, hdr);
        PageType type = PageType.fromFlag(flag);
        if (type == null) {
            throw new CorruptDatabaseException(pageNumber, "invalid page type " + flag);
        }
        BTreePage view = new BTreePage(page, pageNumber, usableSize, type);
        view.checkLayout();
        return view;
    }

    private void checkLayout() {
        if (cellPointersEnd > usableSize) {
            throw corrupt("cell count " + cellCount + " too large for the page");
        }
        if (contentStart < cellPointersEnd || contentStart > usableSize) {
            throw corrupt("cell content area starts at " + contentStart
                    + ", outside " + cellPointersEnd + ".." + usableSize);
        }
    }

    public MemorySegment segment() {
        return page;
    }

    public long pageNumber() {
        return pageNumber;
    }

    public int usableSize() {
        return usableSize;
    }

    /** Where the page header starts: 100 on page 1, else 0. */
    public int headerOffset() {
        return headerOffset;
    }

    public PageType type() {
        return type;
    }

    public int cellCount() {
        return cellCount;
    }

    /** Start of the cell content area (65536 when stored as 0). */
    public int contentStart() {
        return contentStart;
    }

    public int fragmentedBytes() {
        return PageHeader.fragmentedBytes(page, headerOffset);
    }

    /** Offset of the first byte after the cell pointer array. */
    public int cellPointersEnd() {
        return cellPointersEnd;
    }

    /** The right-most child of an interior page. */
    public long rightChild() {
        if (type.isLeaf()) {
            throw new IllegalStateException("leaf page " + pageNumber + " has no right child");
        }
        return PageHeader.rightChild(page, headerOffset);
    }

    /**
     * The offset of cell {@code index} (0-based, in key order), checked to lie in the content
     * region.
     */
    public int cellOffset(int index) {
        if (index < 0 || index >= cellCount) {
            throw new IndexOutOfBoundsException("cell " + index + " of " + cellCount + " on page " + pageNumber);
        }
        int offset = BigEndian.u16(page, headerOffset + type.headerSize() + PageHeader.CELL_POINTER_SIZE * index);
        if (offset < cellPointersEnd || offset > lastCellStart) {
            throw corrupt("cell pointer " + index + " = " + offset + " out of bounds");
        }
        return offset;
    }

    /**
     * Parses cell {@code index} into {@code out} and returns it.
     *
     * @throws CorruptDatabaseException if the cell runs past the usable size
     */
    public Cell cell(int index, Cell out) {
        int p = cellOffset(index);
        out.offset = p;
        out.leftChild = 0;
        out.rowid = 0;
        out.payloadSize = 0;
        out.overflowPage = 0;
        if (!type.isLeaf()) {
            out.leftChild = BigEndian.u32(page, p);
            p += Cell.CHILD_POINTER_SIZE;
        }
        if (type.hasPayload()) {
            int n = varintSize(p, index);
            out.payloadSize = Varint.get(page, p);
            p += n;
            if (out.payloadSize < 0 || out.payloadSize > Integer.MAX_VALUE) {
                throw corrupt("cell " + index + " payload size " + out.payloadSize);
            }
        }
        if (type.isTable()) {
            int n = varintSize(p, index);
            out.rowid = Varint.get(page, p);
            p += n;
        }
        out.payloadOffset = p;
        out.localSize = type.hasPayload() ? LocalPayload.localSize(type, out.payloadSize, usableSize) : 0;
        p += out.localSize;
        if (out.localSize < out.payloadSize) {
            if (p + LocalPayload.OVERFLOW_POINTER_SIZE > usableSize) {
                throw corrupt("cell " + index + " overflow pointer past the page end");
            }
            out.overflowPage = BigEndian.u32(page, p);
            p += LocalPayload.OVERFLOW_POINTER_SIZE;
        } else if (p > usableSize) {
            throw corrupt("cell " + index + " payload runs past the page end");
        }
        out.sizeOnPage = Math.max(p - out.offset, Cell.MIN_SIZE);
        return out;
    }

    /**
     * The rowid of cell {@code index} of a table page, without parsing the rest of the cell
     * (what a search by rowid compares).
     *
     * @throws CorruptDatabaseException if a varint runs past the usable size
     */
    public long rowid(int index) {
        if (!type.isTable()) {
            throw new IllegalStateException("index page " + pageNumber + " has no rowids");
        }
        int p = cellOffset(index);
        return p <= usableSize - ROWID_REACH ? rowidAt(p) : checkedRowid(p, index);
    }

    /**
     * The first cell in {@code [lo, hi)} of this table page whose rowid is at least {@code
     * target} (above it, if {@code strict}), by binary search; {@code hi} if there is none. The
     * search a seek by rowid makes on every level, kept here so each probe is one cell pointer
     * and one or two word reads.
     *
     * @throws CorruptDatabaseException if a probed cell's pointer or varint lies off the page
     */
    public int searchRowid(long target, boolean strict, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long r = rowid(mid);
            if (strict ? r > target : r >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The rowid of the table cell at {@code p}, at least {@link #ROWID_REACH} bytes before the
     * usable size: its varints then end on the page whatever they hold, so they are read as
     * whole words, unchecked. A leaf cell's payload size comes first, an interior cell's child.
     */
    private long rowidAt(int p) {
        int at = p;
        if (type.isLeaf()) {
            long w = page.get(U64, p);
            at += w >= 0 ? 1 : (Long.numberOfLeadingZeros(~w & Varint.HIGH_BITS) >>> 3) + 1;
        } else {
            at += Cell.CHILD_POINTER_SIZE;
        }
        long w = page.get(U64, at);
        if (w >= 0) {
            return w >>> 56; // the common one-byte rowid, below 128
        }
        return Varint.fromWord(w, page, at);
    }

    /** {@link #rowid} of a cell near the page's end, its varints checked to end on the page. */
    private long checkedRowid(int p, int index) {
        p += type.isLeaf() ? varintSize(p, index) : Cell.CHILD_POINTER_SIZE;
        varintSize(p, index);
        return Varint.get(page, p);
    }

    /** The left child of cell {@code index} of an interior page, without parsing the rest. */
    public long leftChild(int index) {
        if (type.isLeaf()) {
            throw new IllegalStateException("leaf page " + pageNumber + " has no child pointers");
        }
        return BigEndian.u32(page, cellOffset(index));
    }

    /**
     * The freeblock after the one at {@code offset}, or the first one when {@code offset} is
     * 0; returns 0 at the end of the chain. Each step checks that the freeblock lies inside
     * the content area and after its predecessor, so walking always ends.
     */
    public int nextFreeblock(int offset) {
        int next = offset == 0
                ? PageHeader.firstFreeblock(page, headerOffset)
                : BigEndian.u16(page, offset + PageHeader.FREEBLOCK_NEXT_OFFSET);
        if (next == 0) {
            return 0;
        }
        int earliest = offset == 0 ? contentStart : offset + freeblockSize(offset) + PageHeader.MIN_FREEBLOCK_SIZE;
        if (next < earliest || next > usableSize - PageHeader.MIN_FREEBLOCK_SIZE) {
            throw corrupt("freeblock at " + next + " out of order or out of bounds");
        }
        int size = freeblockSize(next);
        if (size < PageHeader.MIN_FREEBLOCK_SIZE || next + size > usableSize) {
            throw corrupt("freeblock at " + next + " of size " + size + " does not fit");
        }
        return next;
    }

    /** The size of the freeblock at {@code offset}, its 4-byte header included. */
    public int freeblockSize(int offset) {
        return BigEndian.u16(page, offset + PageHeader.FREEBLOCK_SIZE_OFFSET);
    }

    /**
     * Free bytes on the page: the gap between the cell pointer array and the content area,
     * all freeblocks and the fragmented bytes. Walks (and so checks) the freeblock chain.
     */
    public int freeSpace() {
        int free = contentStart - cellPointersEnd + fragmentedBytes();
        // nextFreeblock's walk and checks, with a block's two header fields read at once: a
        // delete asks this of a page whose chain grows with every cell taken off it
        int earliest = contentStart;
        for (int fb = PageHeader.firstFreeblock(page, headerOffset); fb != 0; ) {
            if (fb < earliest || fb > usableSize - PageHeader.MIN_FREEBLOCK_SIZE) {
                throw corrupt("freeblock at " + fb + " out of order or out of bounds");
            }
            long header = BigEndian.u32(page, fb + PageHeader.FREEBLOCK_NEXT_OFFSET); // next, then size
            int size = (int) header & 0xffff;
            if (size < PageHeader.MIN_FREEBLOCK_SIZE || fb + size > usableSize) {
                throw corrupt("freeblock at " + fb + " of size " + size + " does not fit");
            }
            free += size;
            earliest = fb + size + PageHeader.MIN_FREEBLOCK_SIZE;
            fb = (int) (header >>> 16);
        }
        if (free > usableSize - cellPointersEnd) {
            throw corrupt("free space " + free + " exceeds the page");
        }
        return free;
    }

    private int varintSize(int offset, int index) {
        int n = Varint.sizeAt(page, offset, usableSize);
        if (n == 0) {
            throw corrupt("cell " + index + " varint runs past the page end");
        }
        return n;
    }

    private CorruptDatabaseException corrupt(String detail) {
        return new CorruptDatabaseException(pageNumber, detail);
    }
}
