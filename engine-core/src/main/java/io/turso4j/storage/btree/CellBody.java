package io.turso4j.storage.btree;

import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.LocalPayload;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.format.Varint;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A cell as the balancer moves it: its bytes without the 4-byte left-child pointer that
 * interior cells start with (see {@link Cell} for the layouts). An index cell's body is the
 * same on leaf and interior pages (both keep the same local payload), so index cells move
 * between levels by adding or dropping the child pointer; an interior table cell's body is
 * its rowid varint.
 *
 * <pre>
 * page kind        body
 * leaf table       payload size P, rowid, local payload, [first overflow page]
 * interior table   rowid
 * leaf/int. index  payload size P, local payload, [first overflow page]
 * </pre>
 *
 * <p>Static functions over {@code byte[]} bodies, exact in length (no padding to 4 bytes, so
 * pages rebuilt from them have no fragments). Stateless; any thread.
 */
final class CellBody {
    private CellBody() {}

    /** The exact body of cell {@code index} of {@code page}, copied out. */
    static byte[] read(BTreePage page, int index, Cell scratch) {
        Cell c = page.cell(index, scratch);
        PageType type = page.type();
        int start = c.offset() + (type.isLeaf() ? 0 : Cell.CHILD_POINTER_SIZE);
        int end = type.hasPayload()
                ? c.payloadOffset() + c.localSize() + (c.spills() ? LocalPayload.OVERFLOW_POINTER_SIZE : 0)
                : c.payloadOffset();
        byte[] out = new byte[end - start];
        MemorySegment.copy(page.segment(), ValueLayout.JAVA_BYTE, start, out, 0, out.length);
        return out;
    }

    /** Bytes the cell takes on a page of {@code type}, its pointer-array slot included. */
    static int footprint(boolean leaf, byte[] body) {
        return (leaf ? Math.max(Cell.MIN_SIZE, body.length) : Cell.CHILD_POINTER_SIZE + body.length) + 2;
    }

    /** The rowid of a table cell body (leaf or interior). */
    static long rowid(boolean leaf, byte[] body) {
        MemorySegment s = MemorySegment.ofArray(body);
        if (!leaf) {
            return Varint.get(s, 0);
        }
        return Varint.get(s, Varint.sizeAt(s, 0, body.length));
    }

    /** P, the payload size of a leaf table or index body. */
    static long payloadSize(byte[] body) {
        return Varint.get(MemorySegment.ofArray(body), 0);
    }

    /** Where the local payload starts in a leaf table ({@code table}) or index body. */
    static int payloadStart(boolean table, byte[] body) {
        MemorySegment s = MemorySegment.ofArray(body);
        int p = Varint.sizeAt(s, 0, body.length);
        return table ? p + Varint.sizeAt(s, p, body.length) : p;
    }

    /**
     * The first overflow page of a body with payload ({@code payloadType} LEAF_TABLE or
     * LEAF_INDEX), or 0 if the payload is all local.
     */
    static long overflowPage(PageType payloadType, byte[] body, int usableSize) {
        long p = payloadSize(body);
        if (LocalPayload.localSize(payloadType, p, usableSize) >= p) {
            return 0;
        }
        return BigEndian.u32(MemorySegment.ofArray(body), body.length - LocalPayload.OVERFLOW_POINTER_SIZE);
    }

    /** Replaces the first overflow page pointer of a spilled body. */
    static void setOverflowPage(byte[] body, long page) {
        BigEndian.putU32(MemorySegment.ofArray(body), body.length - LocalPayload.OVERFLOW_POINTER_SIZE, page);
    }

    /**
     * A body with payload: {@code type} LEAF_TABLE (with {@code rowid}) or LEAF_INDEX; {@code
     * firstOverflow} is used only if the payload spills.
     */
    static byte[] withPayload(PageType type, long rowid, byte[] payload, long firstOverflow, int usableSize) {
        int size = Cell.sizeOnPage(type, rowid, payload.length, usableSize);
        byte[] out = new byte[size];
        int n = Cell.write(MemorySegment.ofArray(out), 0, type, 0, rowid, MemorySegment.ofArray(payload),
                firstOverflow, usableSize);
        // sizeOnPage pads to 4 bytes; keep the body exact
        int exact = exactSize(type, rowid, payload.length, usableSize);
        return exact == n ? out : Arrays.copyOf(out, exact);
    }

    private static int exactSize(PageType type, long rowid, long payloadSize, int usableSize) {
        int local = LocalPayload.localSize(type, payloadSize, usableSize);
        return Varint.size(payloadSize) + (type.isTable() ? Varint.size(rowid) : 0) + local
                + (local < payloadSize ? LocalPayload.OVERFLOW_POINTER_SIZE : 0);
    }

    /** An interior table body: the divider rowid. */
    static byte[] interiorTable(long rowid) {
        byte[] out = new byte[Varint.size(rowid)];
        Varint.put(out, 0, rowid);
        return out;
    }
}
