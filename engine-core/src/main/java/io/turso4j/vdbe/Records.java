package io.turso4j.vdbe;

import io.turso4j.storage.format.RecordReader;
import io.turso4j.value.Register;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Copies record fields into registers: what {@link Opcode#Column} does for one field, and the
 * VM's temporary indexes do for all of them. Reuses one scratch array for TEXT and BLOB bytes,
 * so an instance belongs to one VM; the static {@link #decode} allocates.
 */
final class Records {
    private byte[] scratch = new byte[64];

    /** Field {@code col} of {@code rec} into {@code out} (NULL past the end of the record). */
    void read(RecordReader rec, int col, Register out) {
        switch (rec.typeOf(col)) {
            case NULL -> out.setNull();
            case INTEGER -> out.setInt(rec.getLong(col));
            case REAL -> out.setReal(rec.getDouble(col));
            case TEXT -> out.setText(copy(rec, col), 0, rec.lengthOf(col));
            case BLOB -> out.setBlob(copy(rec, col), 0, rec.lengthOf(col));
        }
    }

    private byte[] copy(RecordReader rec, int col) {
        int n = rec.lengthOf(col);
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        MemorySegment.copy(rec.segment(), ValueLayout.JAVA_BYTE, rec.offsetOf(col), scratch, 0, n);
        return scratch;
    }

    /** Every field of {@code record}, in new registers. */
    static Register[] decode(byte[] record) {
        RecordReader rec = new RecordReader().reset(MemorySegment.ofArray(record), 0);
        Register[] out = new Register[rec.columnCount()];
        Records reader = new Records();
        for (int i = 0; i < out.length; i++) {
            out[i] = new Register();
            reader.read(rec, i, out[i]);
        }
        return out;
    }
}
