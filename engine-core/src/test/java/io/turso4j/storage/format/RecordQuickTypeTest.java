package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.turso4j.storage.CorruptDatabaseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordReader#quickType}, {@link RecordReader#quickLong} and {@link RecordReader#quickDouble}, the scan's shortcut (and
 * {@link RecordReader#quickField}, the same without a reader, which a cursor's Column uses), against
 * the general getters: on random records (and random corruptions of them) the shortcut either
 * declines (-1) or answers exactly what {@link RecordReader#serialType} and
 * {@link RecordReader#getLong} or {@link RecordReader#getDouble} answer, and never answers where they would report corruption.
 * Replay with {@code -Dturso4j.seed=N}.
 */
class RecordQuickTypeTest {

    @Test
    void agreesWithTheGeneralGettersOnRandomRecords() {
        Random rnd = TestSeed.random("RecordQuickTypeTest.random");
        int answered = 0;
        int answeredWithoutReader = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] record = randomRecord(rnd);
            int prefix = rnd.nextInt(4);
            byte[] held = new byte[prefix + record.length + rnd.nextInt(4)];
            System.arraycopy(record, 0, held, prefix, record.length);
            if (n % 3 == 0) { // corrupt one byte of the header or body
                held[prefix + rnd.nextInt(record.length)] = (byte) rnd.nextInt(256);
            }
            int columns = 6;
            for (int col = 0; col < columns + 1; col++) {
                answered += check(held, prefix, record.length, col) ? 1 : 0;
                answeredWithoutReader += checkWithoutReader(held, prefix, record.length, col) ? 1 : 0;
            }
        }
        assertTrue(answered > 10_000, "the shortcut answered only " + answered + " times");
        assertTrue(answeredWithoutReader > 10_000, "quickField answered only " + answeredWithoutReader + " times");
    }

    /** Whether {@link RecordReader#quickField} answered for column {@code col}; fails if it disagrees with the general path. */
    private static boolean checkWithoutReader(byte[] held, int start, int size, int col) {
        long field = RecordReader.quickField(held, start, size, col);
        if (field < 0) {
            return false;
        }
        int type = (int) field & 0xff;
        try {
            RecordReader general = new RecordReader().reset(held, start, size, 1);
            assertEquals(type, general.serialType(col), "serial type of column " + col);
            assertEquals(general.offsetOf(col), field >>> 8, "offset of column " + col);
            assertEquals(SerialType.storageClass(type) == StorageClass.INTEGER, RecordReader.isQuickInteger(type));
            if (RecordReader.isQuickInteger(type)) {
                assertEquals(general.getLong(col), RecordReader.integerAt(held, start + (int) (field >>> 8), type),
                        "value of column " + col);
            } else if (type == SerialType.FLOAT64) {
                assertEquals(general.getDouble(col), RecordReader.realAt(held, start + (int) (field >>> 8)),
                        "value of column " + col);
            }
        } catch (CorruptDatabaseException e) {
            fail("quickField answered " + type + " for column " + col + " of a record the reader calls corrupt: "
                    + e.getMessage());
        }
        return true;
    }

    /** Whether the shortcut answered for column {@code col}; fails if it disagrees with the general path. */
    private static boolean check(byte[] held, int start, int size, int col) {
        int quick;
        long quickValue = 0;
        double quickReal = 0;
        try {
            RecordReader r = new RecordReader().reset(held, start, size, 1);
            quick = r.quickType(col);
            if (quick >= 0 && SerialType.storageClass(quick) == StorageClass.INTEGER) {
                quickValue = r.quickLong(quick);
            } else if (quick == SerialType.FLOAT64) {
                quickReal = r.quickDouble();
            }
        } catch (CorruptDatabaseException e) {
            return false; // reset itself rejects the header size: both paths see that
        }
        if (quick < 0) {
            return false;
        }
        RecordReader general = new RecordReader().reset(held, start, size, 1);
        try {
            assertEquals(quick, general.serialType(col), "serial type of column " + col);
            if (SerialType.storageClass(quick) == StorageClass.INTEGER) {
                assertEquals(general.getLong(col), quickValue, "value of column " + col);
            } else if (quick == SerialType.FLOAT64) {
                assertEquals(general.getDouble(col), quickReal, "value of column " + col);
            }
        } catch (CorruptDatabaseException e) {
            fail("the shortcut answered " + quick + " for column " + col + " of a record the reader calls corrupt: "
                    + e.getMessage());
        }
        return true;
    }

    private static byte[] randomRecord(Random rnd) {
        RecordWriter w = new RecordWriter();
        int columns = 1 + rnd.nextInt(6);
        for (int i = 0; i < columns; i++) {
            switch (rnd.nextInt(6)) {
                case 0 -> w.addNull();
                case 1 -> w.addLong(rnd.nextInt(3) - 1);
                case 2 -> w.addLong(rnd.nextLong() >> rnd.nextInt(64));
                case 3 -> w.addDouble(rnd.nextBoolean() ? rnd.nextDouble() : Double.longBitsToDouble(rnd.nextLong()));
                case 4 -> w.addText("x".repeat(rnd.nextInt(70)));
                default -> w.addBlob(new byte[rnd.nextInt(5)]);
            }
        }
        return w.toByteArray();
    }
}
