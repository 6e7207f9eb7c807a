package io.turso4j.storage.btree;

import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.SerialType;
import io.turso4j.storage.format.StorageClass;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;
import io.turso4j.value.ValueType;

import java.lang.foreign.MemorySegment;

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

    /** What {@link KeyProbe#compare} answers when it cannot tell. */
    static final int UNDECIDED = Integer.MIN_VALUE;

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
