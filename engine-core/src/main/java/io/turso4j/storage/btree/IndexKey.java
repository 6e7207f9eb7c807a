package io.turso4j.storage.btree;

import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.SerialType;
import io.turso4j.storage.format.StorageClass;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;
import io.turso4j.value.ValueType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Index keys as registers: decoding an index record's fields, and comparing a decoded entry
 * with a sought key. The first {@link IndexKeyComparator#fieldCount} fields compare with the
 * index's collations and orders; fields past those (the trailing rowid) compare as plain
 * values, ascending. A key with fewer fields than the entry is a prefix: it compares equal to
 * every entry that starts with it. Stateless.
 */
final class IndexKey {
    private IndexKey() {}

    /** Every field of the record {@code payload}, read from page {@code page}. */
    static Register[] decode(byte[] payload, long page) {
        RecordReader r = new RecordReader().reset(MemorySegment.ofArray(payload), page);
        int n = r.columnCount();
        Register[] out = new Register[n];
        for (int i = 0; i < n; i++) {
            Register reg = new Register();
            switch (r.typeOf(i)) {
                case NULL -> reg.setNull();
                case INTEGER -> reg.setInt(r.getLong(i));
                case REAL -> reg.setReal(r.getDouble(i));
                case TEXT -> reg.setText(payload, (int) r.offsetOf(i), r.lengthOf(i));
                case BLOB -> reg.setBlob(payload, (int) r.offsetOf(i), r.lengthOf(i));
            }
            out[i] = reg;
        }
        return out;
    }

    /** The order of {@code entry} against {@code key[start .. start + count)}. */
    static int compare(IndexKeyComparator cmp, Register[] entry, Register[] key, int start, int count) {
        return compare(cmp, entry, entry.length, key, start, count);
    }

    /**
     * The order of the index record {@code record} against {@code key[start .. start + count)},
     * read in place: the same order as {@link #compare} over the decoded record, but an INTEGER
     * field sought by an INTEGER compares without being decoded into a register (the common
     * probe of a seek), and any other field is decoded into {@code scratch}.
     */
    static int compareRecord(IndexKeyComparator cmp, RecordReader record, Register scratch, Register[] key,
            int start, int count) {
        int n = Math.min(count, record.columnCount());
        for (int i = 0; i < n; i++) {
            Register k = key[start + i];
            int r;
            if (k.type() == ValueType.INTEGER && SerialType.storageClass(record.serialType(i)) == StorageClass.INTEGER) {
                r = Long.compare(record.getLong(i), k.intValue());
                if (r != 0 && cmp.isDescending(i)) {
                    r = -r;
                }
            } else {
                decodeField(record, i, scratch);
                r = fieldOrder(cmp, i, scratch, k);
            }
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }

    /** What {@link #compareIntegersInPlace} answers when it cannot tell. */
    static final int UNDECIDED = Integer.MIN_VALUE;

    /**
     * The order of the index record in {@code page[at .. at + size)} against {@code key[start ..
     * start + count)}, as {@link #compareRecord} would give it, read straight off the page with
     * no copy and no header parse beyond the fields compared; or {@link #UNDECIDED} unless every
     * field it reaches is an INTEGER sought by an INTEGER and the header is the common compact
     * one (one-byte header size and serial types). A seek's binary search compares a dozen
     * entries this way; anything unusual, corrupt records included, goes the general way.
     */
    static int compareIntegersInPlace(IndexKeyComparator cmp, MemorySegment page, int at, int size, Register[] key,
            int start, int count) {
        if (size < 1) {
            return UNDECIDED;
        }
        int headerSize = page.get(ValueLayout.JAVA_BYTE, at);
        if (headerSize < 1 || headerSize > size) {
            return UNDECIDED; // a multi-byte header size (or corrupt)
        }
        int body = at + headerSize;
        int end = at + size;
        for (int i = 0; i < count && 1 + i < headerSize; i++) {
            Register k = key[start + i];
            int type = page.get(ValueLayout.JAVA_BYTE, at + 1 + i);
            if (k.type() != ValueType.INTEGER || type < SerialType.INT8 || type > SerialType.ONE
                    || type == SerialType.FLOAT64) {
                return UNDECIDED;
            }
            int width = (int) SerialType.size(type);
            if (body + width > end) {
                return UNDECIDED;
            }
            long v = type == SerialType.ONE ? 1 : 0;
            if (width > 0) {
                v = page.get(ValueLayout.JAVA_BYTE, body); // the first byte carries the sign
                for (int b = 1; b < width; b++) {
                    v = v << 8 | (page.get(ValueLayout.JAVA_BYTE, body + b) & 0xff);
                }
            }
            body += width;
            int r = Long.compare(v, k.intValue());
            if (r != 0) {
                return cmp.isDescending(i) ? -r : r;
            }
        }
        return 0;
    }

    /** Field {@code i} of {@code record} into {@code out}. */
    private static void decodeField(RecordReader record, int i, Register out) {
        switch (record.typeOf(i)) {
            case NULL -> out.setNull();
            case INTEGER -> out.setInt(record.getLong(i));
            case REAL -> out.setReal(record.getDouble(i));
            case TEXT -> out.setText(record.segment(), record.offsetOf(i), record.lengthOf(i));
            case BLOB -> out.setBlob(record.segment(), record.offsetOf(i), record.lengthOf(i));
        }
    }

    /** Field {@code i}'s order: by the index's collation and order if declared, else as a plain ascending value. */
    private static int fieldOrder(IndexKeyComparator cmp, int i, Register entry, Register key) {
        return i < cmp.fieldCount() ? cmp.compareField(i, entry, key)
                : Integer.signum(ValueComparator.compare(entry, key));
    }

    /** The order of the first {@code fields} registers of {@code entry} against the key. */
    static int compare(IndexKeyComparator cmp, Register[] entry, int fields, Register[] key, int start, int count) {
        int n = Math.min(count, fields);
        for (int i = 0; i < n; i++) {
            int r = fieldOrder(cmp, i, entry[i], key[start + i]);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
}
