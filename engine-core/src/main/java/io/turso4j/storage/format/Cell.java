package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * One cell of a B-tree page, parsed: where it lies and what its fields hold. See <a
 * href="https://www.sqlite.org/fileformat2.html#b_tree_pages">fileformat2, "B-tree
 * Pages"</a>, the table of cell formats.
 *
 * <pre>
 * page kind        fields in order
 * leaf table       payload size P (varint), rowid (varint), local payload,
 *                  first overflow page (4 bytes, only if P spills)
 * interior table   left child page (4 bytes), rowid (varint)
 * leaf index       payload size P (varint), local payload,
 *                  first overflow page (4 bytes, only if P spills)
 * interior index   left child page (4 bytes), payload size P (varint), local payload,
 *                  first overflow page (4 bytes, only if P spills)
 * </pre>
 *
 * <p>A cell occupies at least {@value #MIN_SIZE} bytes on its page, so that a freed cell can
 * become a freeblock. How much of P is local is {@link LocalPayload}'s business.
 *
 * <p>A {@code Cell} is a reusable, mutable holder that {@link BTreePage#cell} fills without
 * allocating; it belongs to the one caller (cursor) that filled it. The static {@code write}
 * method encodes a cell into a page buffer.
 */
public final class Cell {
    /** Size of a left child pointer. */
    public static final int CHILD_POINTER_SIZE = 4;
    /** The least space a cell takes on a page. */
    public static final int MIN_SIZE = 4;

    int offset;
    int sizeOnPage;
    long leftChild;
    long rowid;
    long payloadSize;
    int payloadOffset;
    int localSize;
    long overflowPage;

    /** Offset of the cell's first byte from the start of the page. */
    public int offset() {
        return offset;
    }

    /** Bytes the cell occupies on its page, overflow pointer included, at least 4. */
    public int sizeOnPage() {
        return sizeOnPage;
    }

    /** Left child page of an interior cell; 0 on leaves. */
    public long leftChild() {
        return leftChild;
    }

    /** The rowid key of a table cell; 0 on index cells. */
    public long rowid() {
        return rowid;
    }

    /** P, the whole payload size (local plus overflow); 0 on interior table cells. */
    public long payloadSize() {
        return payloadSize;
    }

    /** Offset from the start of the page of the local payload's first byte. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** How many payload bytes are on the page. */
    public int localSize() {
        return localSize;
    }

    /** The first overflow page, or 0 if the whole payload is local. */
    public long overflowPage() {
        return overflowPage;
    }

    /** Whether part of the payload is on overflow pages. */
    public boolean spills() {
        return payloadSize > localSize;
    }

    /** The local payload as a slice of {@code page}, the page the cell was parsed from. */
    public MemorySegment localPayload(MemorySegment page) {
        return page.asSlice(payloadOffset, localSize);
    }

    /**
     * Bytes a cell of a page of {@code type} takes on the page.
     *
     * @param rowid the rowid of a table cell (ignored for index cells)
     * @param payloadSize P (ignored for interior table cells)
     */
    public static int sizeOnPage(PageType type, long rowid, long payloadSize, int usableSize) {
        int size = type.isLeaf() ? 0 : CHILD_POINTER_SIZE;
        if (type.isTable()) {
            size += Varint.size(rowid);
        }
        if (type.hasPayload()) {
            int local = LocalPayload.localSize(type, payloadSize, usableSize);
            size += Varint.size(payloadSize) + local;
            if (local < payloadSize) {
                size += LocalPayload.OVERFLOW_POINTER_SIZE;
            }
        }
        return Math.max(size, MIN_SIZE);
    }

    /**
     * Writes a cell at {@code offset} of {@code page}: its header fields, the local part of
     * {@code payload}, and if it spills the pointer to {@code firstOverflow} (whose chain the
     * caller writes with {@link OverflowPage#write}). Returns {@link #sizeOnPage}.
     *
     * @param leftChild left child page of an interior cell (ignored on leaves)
     * @param rowid rowid of a table cell (ignored on index cells)
     * @param payload the whole payload (ignored on interior table cells)
     */
    public static int write(MemorySegment page, int offset, PageType type, long leftChild, long rowid,
            MemorySegment payload, long firstOverflow, int usableSize) {
        int p = offset;
        if (!type.isLeaf()) {
            BigEndian.putU32(page, p, leftChild);
            p += CHILD_POINTER_SIZE;
        }
        long payloadSize = type.hasPayload() ? payload.byteSize() : 0;
        if (type.hasPayload()) {
            p += Varint.put(page, p, payloadSize);
        }
        if (type.isTable()) {
            p += Varint.put(page, p, rowid);
        }
        if (type.hasPayload()) {
            int local = LocalPayload.localSize(type, payloadSize, usableSize);
            MemorySegment.copy(payload, 0, page, p, local);
            p += local;
            if (local < payloadSize) {
                BigEndian.putU32(page, p, firstOverflow);
                p += LocalPayload.OVERFLOW_POINTER_SIZE;
            }
        }
        return Math.max(p - offset, MIN_SIZE);
    }
}
