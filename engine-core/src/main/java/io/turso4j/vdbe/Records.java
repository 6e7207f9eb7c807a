package io.turso4j.vdbe;

import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.SerialType;
import io.turso4j.value.Register;
import java.lang.foreign.MemorySegment;

/**
 * Copies record fields into registers: what {@link Opcode#Column} does for one field, and the
 * VM's temporary indexes do for all of them. Stateless.
 */
final class Records {
    /**
     * Field {@code col} of {@code rec} into {@code out} (NULL past the end of the record). The
     * integer case, a scan's commonest, is kept apart from the others so this stays small enough
     * for the JIT to inline into the VM's loop.
     */
    void read(RecordReader rec, int col, Register out) {
        int quick = rec.quickType(col);
        if (RecordReader.isQuickInteger(quick)) {
            out.setInt(rec.quickLong(quick));
            return;
        }
        if (quick == SerialType.FLOAT64) {
            out.setReal(rec.quickDouble());
            return;
        }
        long type = rec.serialType(col);
        if (type != SerialType.NULL && type < SerialType.FLOAT64) {
            out.setInt(rec.getLong(col));
        } else {
            readOther(rec, col, type, out);
        }
    }

    /** {@link #read} of a NULL, a REAL, a TEXT or a BLOB (or an integer 0 or 1) of serial type {@code type}. */
    private static void readOther(RecordReader rec, int col, long type, Register out) {
        if (type == SerialType.NULL) {
            out.setNull();
        } else if (type < SerialType.FIRST_BLOB) {
            // every fixed-size type but NULL is a number (10 and 11 never pass the reader's checks)
            if (type == SerialType.FLOAT64) {
                out.setReal(rec.getDouble(col));
            } else {
                out.setInt(rec.getLong(col));
            }
        } else {
            // an array-backed record (a cursor's row) copies faster from its array than through a segment
            byte[] array = rec.array();
            int offset = (int) rec.offsetOf(col);
            int length = rec.lengthOf(col);
            boolean text = (type & 1) == 1;
            if (array != null) {
                int at = rec.arrayOffset() + offset;
                if (text) {
                    out.setText(array, at, length);
                } else {
                    out.setBlob(array, at, length);
                }
            } else if (text) {
                out.setText(rec.segment(), offset, length);
            } else {
                out.setBlob(rec.segment(), offset, length);
            }
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
