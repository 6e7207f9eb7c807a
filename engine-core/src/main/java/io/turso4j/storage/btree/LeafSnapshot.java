package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.LocalPayload;
import io.turso4j.storage.format.PageHeader;
import io.turso4j.storage.format.Varint;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A private heap copy of one leaf page, from which {@link PagerCursor#next()} reads cell after
 * cell: a scan then copies each leaf once (one bulk copy) instead of each row's payload, and
 * parses cells from a plain array rather than through the page segment's checked accessors.
 * The cursor's current payload is then a range of {@link #bytes}, which nothing ever writes.
 *
 * <p>{@link #cell} checks what {@link BTreePage#cell} checks for a leaf cell (pointer inside the
 * content area, varints and payload inside the usable size) and answers false for a cell whose
 * payload spills to overflow pages, which the cursor reads the general way instead.
 *
 * <p>Immutable bytes, mutable parse results ({@link #payloadStart}, {@link #payloadSize},
 * {@link #rowid}); owned by one cursor, which gives {@link #bytes} back to its tree when it
 * drops the snapshot.
 */
final class LeafSnapshot {
    final byte[] bytes;
    private final long pageNumber;
    private final boolean table;
    private final int cellCount;
    private final int usableSize;
    /** Where the cell pointer array starts. */
    private final int pointers;
    private final int cellPointersEnd;
    /** The largest payload kept whole on a leaf of this kind. */
    private final int maxLocal;

    /** Results of the last successful {@link #cell}. */
    int payloadStart;
    int payloadSize;
    long rowid;
    /** The value of the last varint {@link #varint(int, int)} decoded. */
    private long varint;

    /**
     * Copies {@code leaf}, which must be a leaf page, into {@code into}, an array of its usable
     * size that nothing else reads (see {@link PagerBTree#leafCopy}): a scan then neither
     * allocates nor zeroes an array per leaf, nor a statement per cursor.
     */
    LeafSnapshot(BTreePage leaf, byte[] into) {
        this.usableSize = leaf.usableSize();
        this.bytes = into;
        MemorySegment.copy(leaf.segment(), ValueLayout.JAVA_BYTE, 0, bytes, 0, usableSize);
        this.pageNumber = leaf.pageNumber();
        this.table = leaf.type().isTable();
        this.cellCount = leaf.cellCount();
        this.pointers = leaf.headerOffset() + leaf.type().headerSize();
        this.cellPointersEnd = leaf.cellPointersEnd();
        this.maxLocal = LocalPayload.maxLocal(leaf.type(), usableSize);
    }

    long pageNumber() {
        return pageNumber;
    }

    int cellCount() {
        return cellCount;
    }

    /**
     * Parses cell {@code i} ({@code 0 <= i < cellCount()}) into {@link #payloadStart},
     * {@link #payloadSize} and (on a table leaf) {@link #rowid}; false, with nothing set, if its
     * payload spills.
     */
    boolean cell(int i) {
        int at = pointers + PageHeader.CELL_POINTER_SIZE * i;
        int p = (bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff);
        if (p < cellPointersEnd || p > usableSize - Cell.MIN_SIZE) {
            throw badPointer(i, p);
        }
        p = varint(p, i);
        long size = varint;
        if (size < 0 || size > maxLocal) {
            return false; // spills (or is corrupt): the general path reads and checks it
        }
        long id = 0;
        if (table) {
            p = varint(p, i);
            id = varint;
        }
        if (p + size > usableSize) {
            throw corrupt(i, "payload runs past the page end");
        }
        payloadStart = p;
        payloadSize = (int) size;
        rowid = id;
        return true;
    }

    /**
     * Decodes the varint at {@code p} (of cell {@code i}) into {@link #varint} and returns where
     * it ends: one pass for its length and value (a scan decodes two per row), and one test for
     * the commonest, a single byte.
     */
    private int varint(int p, int i) {
        if (p >= usableSize) {
            throw corrupt(i, "varint runs past the page end");
        }
        int b = bytes[p];
        if (b >= 0) {
            varint = b;
            return p + 1;
        }
        if (p + 2 < usableSize) { // two or three bytes, without a loop: the rowids of a table below 2^21 rows
            int b1 = bytes[p + 1];
            if (b1 >= 0) {
                varint = (b & 0x7f) << 7 | b1;
                return p + 2;
            }
            int b2 = bytes[p + 2];
            if (b2 >= 0) {
                varint = (b & 0x7f) << 14 | (b1 & 0x7f) << 7 | b2;
                return p + 3;
            }
        }
        return longVarint(p, i);
    }

    /** {@link #varint} for one of two bytes or more: out of line, so the one-byte case stays small enough to inline. */
    private int longVarint(int p, int i) {
        int b;
        long v = bytes[p] & 0x7f;
        int limit = Math.min(p + Varint.MAX_SIZE - 1, usableSize);
        for (int q = p + 1; q < limit; q++) {
            b = bytes[q];
            v = v << 7 | (b & 0x7f);
            if (b >= 0) {
                varint = v;
                return q + 1;
            }
        }
        if (limit == p + Varint.MAX_SIZE - 1 && limit < usableSize) { // the ninth byte counts all 8 bits
            varint = v << 8 | (bytes[limit] & 0xff);
            return limit + 1;
        }
        throw corrupt(i, "varint runs past the page end");
    }

    private CorruptDatabaseException badPointer(int i, int p) {
        return new CorruptDatabaseException(pageNumber, "cell pointer " + i + " = " + p + " out of bounds");
    }

    /** The error for cell {@code i}; its message is built here, out of the hot methods that throw it. */
    private CorruptDatabaseException corrupt(int i, String detail) {
        return new CorruptDatabaseException(pageNumber, "cell " + i + " " + detail);
    }
}
