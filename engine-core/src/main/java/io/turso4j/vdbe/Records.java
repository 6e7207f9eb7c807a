package io.turso4j.vdbe;

import io.turso4j.storage.format.RecordReader;
import io.turso4j.value.Register;
import java.lang.foreign.MemorySegment;

/**
 * Copies record fields into registers: what {@link Opcode#Column} does for one field, and the
 * VM's temporary indexes do for all of them. Stateless.
 */
final class Records {
    /** Field {@code col} of {@code rec} into {@code out} (NULL past the end of the record). */
    void read(RecordReader rec, int col, Register out) {
        switch (rec.typeOf(col)) {
            case NULL -> out.setNull();
            case INTEGER -> out.setInt(rec.getLong(col));
            case REAL -> out.setReal(rec.getDouble(col));
            case TEXT -> out.setText(rec.segment(), rec.offsetOf(col), rec.lengthOf(col));
            case BLOB -> out.setBlob(rec.segment(), rec.offsetOf(col), rec.lengthOf(col));
        }
    }

    /** Every field of {@code record}, in new registers. */
    static Register[] decode(byte[] record) {
        return decode(new RecordReader().reset(MemorySegment.ofArray(record), 0));
    }

    /** Every field of the record {@code rec} is reset to, in new registers. */
    static Register[] decode(RecordReader rec) {
        Register[] out = new Register[rec.columnCount()];
        Records reader = new Records();
        for (int i = 0; i < out.length; i++) {
            out[i] = new Register();
            reader.read(rec, i, out[i]);
        }
        return out;
    }
}
