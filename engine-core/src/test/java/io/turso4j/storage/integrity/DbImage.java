package io.turso4j.storage.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * A database file in memory for tests to find structures in and damage on purpose: big-endian
 * accessors by page number and offset within the page, and a little knowledge of B-tree pages
 * (header offset, cells, children) to locate targets without hard-coding page numbers.
 */
final class DbImage {
    final byte[] bytes;
    final int pageSize;

    DbImage(byte[] bytes) {
        this.bytes = bytes.clone();
        int stored = u16at(16);
        this.pageSize = stored == 1 ? 65536 : stored;
    }

    DbImage copy() {
        return new DbImage(bytes);
    }

    int pageCount() {
        return bytes.length / pageSize;
    }

    int usableSize() {
        return pageSize - (bytes[20] & 0xff);
    }

    private int base(int page) {
        return (page - 1) * pageSize;
    }

    int u8(int page, int off) {
        return bytes[base(page) + off] & 0xff;
    }

    int u16(int page, int off) {
        return u16at(base(page) + off);
    }

    long u32(int page, int off) {
        int at = base(page) + off;
        return ((long) u16at(at) << 16) | u16at(at + 2);
    }

    private int u16at(int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }

    DbImage put8(int page, int off, int v) {
        bytes[base(page) + off] = (byte) v;
        return this;
    }

    DbImage put16(int page, int off, int v) {
        put8(page, off, v >>> 8);
        return put8(page, off + 1, v);
    }

    DbImage put32(int page, int off, long v) {
        put16(page, off, (int) (v >>> 16));
        return put16(page, off + 2, (int) v);
    }

    // ---- B-tree pages -----------------------------------------------------------------------

    int hdr(int page) {
        return page == 1 ? 100 : 0;
    }

    int type(int page) {
        return u8(page, hdr(page));
    }

    boolean isLeaf(int page) {
        return type(page) == 10 || type(page) == 13;
    }

    int cellCount(int page) {
        return u16(page, hdr(page) + 3);
    }

    /** Offset of the cell pointer for cell {@code i}. */
    int cellPointerAt(int page, int i) {
        return hdr(page) + (isLeaf(page) ? 8 : 12) + 2 * i;
    }

    int cellOffset(int page, int i) {
        return u16(page, cellPointerAt(page, i));
    }

    long child(int page, int i) {
        return u32(page, cellOffset(page, i));
    }

    long rightChild(int page) {
        return u32(page, hdr(page) + 8);
    }

    /** All children of an interior page, left to right, the right child last. */
    List<Long> children(int page) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < cellCount(page); i++) {
            out.add(child(page, i));
        }
        out.add(rightChild(page));
        return out;
    }

    /** The first page whose type flag is {@code type}, at or after {@code from}. */
    int findPage(int type, int from) {
        for (int p = from; p <= pageCount(); p++) {
            if (type(p) == type) {
                return p;
            }
        }
        throw new AssertionError("no page of type " + type);
    }

    /** Offset of cell {@code i}'s overflow pointer on a table leaf whose cell spills. */
    int overflowPointerOffset(int page, int i) {
        int pc = cellOffset(page, i);
        int[] len = new int[1];
        long payload = varint(page, pc, len);
        int p = pc + len[0];
        varint(page, p, len);
        p += len[0];
        int u = usableSize();
        int max = u - 35;
        int min = (u - 12) * 32 / 255 - 23;
        long k = min + (payload - min) % (u - 4);
        int local = payload <= max ? (int) payload : (k <= max ? (int) k : min);
        if (payload <= max) {
            throw new AssertionError("cell " + i + " of page " + page + " does not spill");
        }
        return p + local;
    }

    long varint(int page, int off, int[] length) {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            int b = u8(page, off + i);
            if (i == 8) {
                length[0] = 9;
                return (v << 8) | b;
            }
            v = (v << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                length[0] = i + 1;
                return v;
            }
        }
        throw new AssertionError();
    }
}
