package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordReader#reset(byte[], int, int, long)}, whose one-byte header size is read in line
 * and any other handed to the general decoder, against the segment reset: the same serial types
 * and values for records of few and of many columns (a header of 128 bytes or more), held at any
 * offset of a larger array, integers at the array's very end included. Replay with {@code
 * -Dturso4j.seed=N}.
 */
class RecordArrayResetTest {

    @Test
    void arrayAndSegmentAgreeForShortAndLongHeaders() {
        Random rnd = TestSeed.random("RecordArrayResetTest");
        for (int n = 0; n < 2_000; n++) {
            int columns = n % 2 == 0 ? 1 + rnd.nextInt(8) : 120 + rnd.nextInt(200);
            long[] values = new long[columns];
            RecordWriter w = new RecordWriter();
            for (int i = 0; i < columns; i++) {
                values[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(3) - 1 : rnd.nextLong() >> rnd.nextInt(64);
                w.addLong(values[i]);
            }
            byte[] record = w.toByteArray();
            int prefix = rnd.nextInt(5);
            int suffix = rnd.nextInt(2) * rnd.nextInt(9);
            byte[] held = new byte[prefix + record.length + suffix];
            System.arraycopy(record, 0, held, prefix, record.length);

            RecordReader fromArray = new RecordReader().reset(held, prefix, record.length, 1);
            RecordReader fromSegment = new RecordReader().reset(MemorySegment.ofArray(record), 1);
            assertEquals(columns, fromArray.columnCount());
            for (int i = 0; i < columns; i++) {
                assertEquals(fromSegment.serialType(i), fromArray.serialType(i), "type of column " + i);
                assertEquals(values[i], fromArray.getLong(i), "column " + i + " of " + columns);
                assertEquals(values[i], fromSegment.getLong(i), "column " + i + " of " + columns);
            }
        }
    }

    @Test
    void longHeaderSizeIsCheckedLikeAShortOne() {
        RecordWriter w = new RecordWriter();
        for (int i = 0; i < 200; i++) {
            w.addLong(i);
        }
        byte[] record = w.toByteArray();
        // the two-byte header size claims more than the record holds
        byte[] bad = record.clone();
        bad[0] = (byte) 0xff;
        assertThrows(CorruptDatabaseException.class, () -> new RecordReader().reset(bad, 0, bad.length, 1));
        // an empty record has no header size at all
        assertThrows(CorruptDatabaseException.class, () -> new RecordReader().reset(record, 0, 0, 1));
        // the same record read again after a short one: the reader keeps no state across resets
        RecordReader r = new RecordReader();
        byte[] shortRecord = new RecordWriter().addLong(7).toByteArray();
        assertEquals(7, r.reset(shortRecord, 0, shortRecord.length, 1).getLong(0));
        assertEquals(199, r.reset(record, 0, record.length, 1).getLong(199));
        assertEquals(7, r.reset(shortRecord, 0, shortRecord.length, 1).getLong(0));
    }
}
