package io.turso4j.storage.integrity;

import io.turso4j.storage.format.PageHeader;
import io.turso4j.storage.format.PageType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One B-tree page as the integrity check sees it: the checks SQLite's {@code btreeInitPage}
 * and {@code btreeComputeFreeSpace} make before a page may be used, and cell parsing with
 * exactly SQLite's arithmetic ({@code btreeParseCellPtr} and friends), so that sizes, overflow
 * page counts and byte offsets in messages come out as sqlite3's do even on damaged pages.
 *
 * <p>This deliberately does not use {@link io.turso4j.storage.format.BTreePage}, whose checks
 * throw at the first problem: the integrity check must see a bad cell, report it in SQLite's
 * words and go on. Reads past the end of the page buffer yield 0, as the zeroed padding after
 * SQLite's page buffers does, so a damaged varint near the end cannot read out of bounds.
 *
 * <p>A view over a pinned page's bytes, created per step; one thread.
 */
final class CheckedPage {
    private final MemorySegment data;
    private final int pageSize;
    private final int usableSize;
    private final int hdr;
    private final int flag;
    private final boolean leaf;
    private final boolean intKey;
    private final int childPtrSize;
    private final int nCell;
    private final int maxLocal;
    private final int minLocal;

    CheckedPage(MemorySegment data, long pageNumber, int pageSize, int usableSize) {
        this.data = data;
        this.pageSize = pageSize;
        this.usableSize = usableSize;
        this.hdr = PageHeader.headerOffset(pageNumber);
        this.flag = u8(hdr);
        this.leaf = (flag >> 3) != 0;
        PageType type = PageType.fromFlag(flag);
        this.intKey = type != null && type.isTable();
        this.childPtrSize = leaf ? 0 : 4;
        this.nCell = u16(hdr + PageHeader.CELL_COUNT_OFFSET);
        if (intKey && leaf) {
            this.maxLocal = usableSize - 35;
        } else {
            this.maxLocal = (usableSize - 12) * 64 / 255 - 23;
        }
        this.minLocal = (usableSize - 12) * 32 / 255 - 23;
    }

    /**
     * What {@code btreeInitPage} and {@code btreeComputeFreeSpace} would say: null when the
     * page is usable, else the message text of the failure.
     */
    String initError() {
        if (PageType.fromFlag(flag) == null || nCell > (pageSize - 8) / 6) {
            return "btreeInitPage() returns error code 11";
        }
        return freeSpaceOk() ? null : "free space corruption";
    }

    private boolean freeSpaceOk() {
        int top = contentOffset();
        int iCellFirst = cellStart() + 2 * nCell;
        int iCellLast = usableSize - 4;
        int pc = u16(hdr + PageHeader.FIRST_FREEBLOCK_OFFSET);
        long nFree = fragmentedBytes() + top;
        if (pc > 0) {
            if (pc < top) {
                return false;
            }
            int next;
            int size;
            while (true) {
                if (pc > iCellLast) {
                    return false;
                }
                next = u16(pc);
                size = u16(pc + 2);
                nFree += size;
                if (next <= pc + size + 3) {
                    break;
                }
                pc = next;
            }
            if (next > 0 || pc + size > usableSize) {
                return false;
            }
        }
        return nFree <= usableSize && nFree >= iCellFirst;
    }

    boolean leaf() {
        return leaf;
    }

    boolean intKey() {
        return intKey;
    }

    int headerOffset() {
        return hdr;
    }

    int cellCount() {
        return nCell;
    }

    /** First byte of the cell pointer array. */
    int cellStart() {
        return hdr + 8 + childPtrSize;
    }

    /** Start of the cell content area, 0 read as 65536. */
    int contentOffset() {
        int v = u16(hdr + PageHeader.CONTENT_START_OFFSET);
        return v == 0 ? 65536 : v;
    }

    int fragmentedBytes() {
        return u8(hdr + PageHeader.FRAGMENTED_BYTES_OFFSET);
    }

    int firstFreeblock() {
        return u16(hdr + PageHeader.FIRST_FREEBLOCK_OFFSET);
    }

    long rightChild() {
        return u32(hdr + PageHeader.RIGHT_CHILD_OFFSET);
    }

    /** Cell pointer {@code i}, unchecked. */
    int cellPointer(int i) {
        return u16(cellStart() + 2 * i);
    }

    /** Parses the cell at {@code pc} into {@code out}, as SQLite's {@code xParseCell}. */
    void parseCell(int pc, CellInfo out) {
        out.childPage = leaf ? 0 : u32(pc);
        if (intKey && !leaf) {
            int n = varintLength(pc + 4);
            out.key = varint64(pc + 4);
            out.payload = 0;
            out.local = 0;
            out.size = 4 + n;
            out.payloadOffset = pc + 4 + n;
            out.overflowPage = 0;
            return;
        }
        int p = pc + childPtrSize;
        long nPayload = u8(p);
        if (nPayload >= 0x80) {
            int end = p + 8;
            int v = (int) (nPayload & 0x7f);
            do {
                p++;
                v = (v << 7) | (u8(p) & 0x7f);
            } while (u8(p) >= 0x80 && p < end);
            nPayload = v & 0xFFFFFFFFL;
        }
        p++;
        if (intKey) {
            out.key = varint64(p);
            p += varintLength(p);
        } else {
            out.key = nPayload;
        }
        out.payload = nPayload;
        out.payloadOffset = p;
        if (nPayload <= maxLocal) {
            out.local = (int) nPayload;
            out.size = Math.max(4, (int) nPayload + (p - pc));
            out.overflowPage = 0;
        } else {
            long surplus = minLocal + (nPayload - minLocal) % (usableSize - 4);
            out.local = surplus <= maxLocal ? (int) surplus : minLocal;
            out.size = (p + out.local - pc + 4) & 0xFFFF;
            out.overflowPage = u32(pc + out.size - 4);
        }
    }

    /** Bytes of the page as a segment (for copying a local payload out). */
    MemorySegment segment() {
        return data;
    }

    private int varintLength(int p) {
        int n = 1;
        while ((u8(p + n - 1) & 0x80) != 0 && n < 9) {
            n++;
        }
        return n;
    }

    private long varint64(int p) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int b = u8(p + i);
            v = (v << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        return (v << 8) | u8(p + 8);
    }

    int u8(int offset) {
        return offset < pageSize ? data.get(ValueLayout.JAVA_BYTE, offset) & 0xff : 0;
    }

    int u16(int offset) {
        return (u8(offset) << 8) | u8(offset + 1);
    }

    long u32(int offset) {
        return ((long) u16(offset) << 16) | u16(offset + 2);
    }
}
