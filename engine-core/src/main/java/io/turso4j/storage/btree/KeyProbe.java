package io.turso4j.storage.btree;

import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.LocalPayload;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.SerialType;
import io.turso4j.storage.format.Varint;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;
import io.turso4j.value.ValueType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Compares a sought index key with an index record where it lies on the page, field by field
 * off the serial types, without decoding the record into registers: the probe a seek's binary
 * search makes a dozen times per level. It gives the order {@link IndexKey#compareRecord} gives
 * over the decoded record (collations and DESC for the declared fields, plain ascending past
 * them, a shorter key a prefix), and answers {@link IndexKey#UNDECIDED} for whatever it does
 * not read itself: a header or field that runs past the record (corrupt), reserved serial types,
 * a REAL stored as NaN. The caller then takes the general path, which reports corruption.
 *
 * <p>TEXT and BLOB fields are copied into a scratch array, reused across calls, and compared
 * with the field's {@link Collation}, so any collation works. One cursor, one thread.
 */
final class KeyProbe {
    private static final ValueLayout.OfLong BIG_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** TEXT and BLOB field bytes, copied off the page; grows to the longest field met. */
    private byte[] scratch = new byte[64];

    /** The longest index payload that never spills, at the smallest usable size (480): max-local there. */
    private static final int SHORT_INDEX_PAYLOAD = LocalPayload.maxLocal(PageType.LEAF_INDEX, 480);

    /**
     * {@link #compare} of the index entry at cell {@code i} of {@code pg}, found without
     * parsing the cell whole, for the common cell: a payload under 128 bytes (its size a
     * one-byte varint) that fits on the page, which no index page spills (its least max-local
     * is 94 bytes). {@link IndexKey#UNDECIDED} for any other cell.
     */
    int compareShortCell(IndexKeyComparator cmp, BTreePage pg, int i, Register[] key, int start, int count) {
        int at = pg.cellOffset(i) + (pg.type().isLeaf() ? 0 : Cell.CHILD_POINTER_SIZE);
        MemorySegment page = pg.segment();
        int size = at < pg.usableSize() ? page.get(ValueLayout.JAVA_BYTE, at) : -1;
        if (size < 0 || size > SHORT_INDEX_PAYLOAD || at + 1 + size > pg.usableSize()) {
            return IndexKey.UNDECIDED;
        }
        return compare(cmp, page, at + 1, size, key, start, count);
    }

    /**
     * The order of the record in {@code page[at .. at + size)} against {@code key[start ..
     * start + count)}: negative, zero or positive, or {@link IndexKey#UNDECIDED}.
     */
    int compare(IndexKeyComparator cmp, MemorySegment page, int at, int size, Register[] key, int start,
            int count) {
        int end = at + size;
        int n = Varint.sizeAt(page, at, end);
        if (n == 0) {
            return IndexKey.UNDECIDED;
        }
        long headerSize = n == 1 ? page.get(ValueLayout.JAVA_BYTE, at) : Varint.get(page, at);
        if (headerSize < n || headerSize > size) {
            return IndexKey.UNDECIDED;
        }
        int header = at + n;
        int headerEnd = at + (int) headerSize;
        int body = headerEnd;
        for (int i = 0; i < count && header < headerEnd; i++) {
            int m = Varint.sizeAt(page, header, headerEnd);
            if (m == 0) {
                return IndexKey.UNDECIDED;
            }
            long type = m == 1 ? page.get(ValueLayout.JAVA_BYTE, header) : Varint.get(page, header);
            header += m;
            if (!SerialType.isValid(type)) {
                return IndexKey.UNDECIDED;
            }
            long width = SerialType.size(type);
            if (width > end - body) {
                return IndexKey.UNDECIDED;
            }
            int r = field(cmp, i, page, body, type, (int) width, key[start + i]);
            if (r != 0) {
                return r == IndexKey.UNDECIDED || !cmp.isDescending(i) ? r : -r;
            }
            body += (int) width;
        }
        return 0;
    }

    /**
     * Field {@code i} (serial type {@code type}, {@code width} bytes at {@code at}) against
     * {@code k}, ascending: -1, 0 or 1 (signs only), or {@link IndexKey#UNDECIDED}. The order
     * of storage classes is {@link ValueComparator}'s: NULL, numbers, TEXT, BLOB.
     */
    private int field(IndexKeyComparator cmp, int i, MemorySegment page, int at, long type, int width, Register k) {
        ValueType kt = k.type();
        if (type == SerialType.NULL) {
            return kt == ValueType.NULL ? 0 : -1;
        }
        if (type == SerialType.FLOAT64) {
            double d = Double.longBitsToDouble(page.get(BIG_ENDIAN_LONG, at));
            if (Double.isNaN(d)) {
                return IndexKey.UNDECIDED; // decodes as NULL: equal to a NULL key, not after it
            }
            return switch (kt) {
                case NULL -> 1;
                case INTEGER -> -ValueComparator.compareIntReal(k.intValue(), d);
                case REAL -> ValueComparator.compareReals(d, k.realValue());
                default -> -1;
            };
        }
        if (kt == ValueType.NULL) {
            return 1;
        }
        if (type < SerialType.FIRST_BLOB) {
            long v = RecordReader.integerAt(page, at, (int) type);
            return switch (kt) {
                case INTEGER -> Long.compare(v, k.intValue());
                case REAL -> ValueComparator.compareIntReal(v, k.realValue());
                default -> -1;
            };
        }
        boolean text = (type & 1) == 1;
        if (kt.isNumeric()) {
            return 1;
        }
        if (text != (kt == ValueType.TEXT)) {
            return text ? -1 : 1;
        }
        Collation c = text && i < cmp.fieldCount() ? cmp.collation(i) : BuiltinCollation.BINARY;
        if (scratch.length < width) {
            scratch = new byte[Math.max(width, scratch.length * 2)];
        }
        MemorySegment.copy(page, ValueLayout.JAVA_BYTE, at, scratch, 0, width);
        return Integer.signum(c.compare(scratch, 0, width, k.bytes(), 0, k.length()));
    }
}
