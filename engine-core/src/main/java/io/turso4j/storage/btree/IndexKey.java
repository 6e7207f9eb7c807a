package io.turso4j.storage.btree;

import io.turso4j.storage.format.RecordReader;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;

import java.lang.foreign.MemorySegment;
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
     * Decodes the first {@code min(count, fields of record)} fields of {@code record}, the ones
     * a compare with a {@code count}-field key reads, into {@code scratch}; returns scratch, or
     * a larger array holding it when it was too short (the caller keeps it for the next call).
     */
    static Register[] decodeForCompare(RecordReader record, Register[] scratch, int count) {
        int n = Math.min(count, record.columnCount());
        Register[] out = scratch;
        if (out.length < n) {
            out = Arrays.copyOf(scratch, n);
            for (int i = scratch.length; i < n; i++) {
                out[i] = new Register();
            }
        }
        for (int i = 0; i < n; i++) {
            Register reg = out[i];
            switch (record.typeOf(i)) {
                case NULL -> reg.setNull();
                case INTEGER -> reg.setInt(record.getLong(i));
                case REAL -> reg.setReal(record.getDouble(i));
                case TEXT -> reg.setText(record.segment(), record.offsetOf(i), record.lengthOf(i));
                case BLOB -> reg.setBlob(record.segment(), record.offsetOf(i), record.lengthOf(i));
            }
        }
        return out;
    }

    /** The order of the first {@code fields} registers of {@code entry} against the key. */
    static int compare(IndexKeyComparator cmp, Register[] entry, int fields, Register[] key, int start, int count) {
        int n = Math.min(count, fields);
        int declared = Math.min(n, cmp.fieldCount());
        int r = cmp.compare(entry, 0, key, start, declared);
        for (int i = declared; r == 0 && i < n; i++) {
            r = Integer.signum(ValueComparator.compare(entry[i], key[start + i]));
        }
        return r;
    }
}
