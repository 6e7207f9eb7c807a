package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void choosesTheSmallestIntegerSerialType() {
        long[][] cases = {
            {0, 8}, {1, 9}, {2, 1}, {-1, 1}, {127, 1}, {-128, 1}, {128, 2}, {-129, 2},
            {32767, 2}, {-32768, 2}, {32768, 3}, {8388607, 3}, {-8388608, 3}, {8388608, 4},
            {2147483647, 4}, {-2147483648L, 4}, {2147483648L, 5}, {0x7fffffffffffL, 5},
            {-0x800000000000L, 5}, {0x800000000000L, 6}, {Long.MAX_VALUE, 6}, {Long.MIN_VALUE, 6},
        };
        for (long[] c : cases) {
            assertEquals(c[1], SerialType.forInteger(c[0], true), "serial type of " + c[0]);
        }
        assertEquals(SerialType.INT8, SerialType.forInteger(0, false));
        assertEquals(SerialType.INT8, SerialType.forInteger(1, false));
    }

    @Test
    void encodesAsSqliteDoes() {
        // SELECT hex(...) of a record is not exposed by sqlite3; this record was laid out by hand
        // from the format page: header 05 (size), 00 (NULL), 01 (int8), 07 (float), 17 (text, 5 bytes).
        byte[] record = new RecordWriter().addNull().addLong(-2).addDouble(1.5).addText("hello").toByteArray();
        assertEquals("05000107" + "17" + "fe" + "3ff8000000000000" + "68656c6c6f", HEX.formatHex(record));
    }

    @Test
    void headerSizeGrowsToTwoBytesPastOneHundredTwentySevenColumns() {
        RecordWriter w = new RecordWriter();
        for (int i = 0; i < 127; i++) {
            w.addNull();
        }
        assertEquals(129, w.headerSize()); // 127 types + 1 size byte = 128 > 127: the size takes 2 bytes
        RecordReader r = new RecordReader().reset(MemorySegment.ofArray(w.toByteArray()), 0);
        assertEquals(127, r.columnCount());
        w.clear();
        for (int i = 0; i < 126; i++) {
            w.addNull();
        }
        assertEquals(127, w.headerSize());
    }

    private sealed interface V {}

    private record Null() implements V {}

    private record I(long v) implements V {}

    private record D(double v) implements V {}

    private record T(String v) implements V {}

    private record B(byte[] v) implements V {}

    private static V randomValue(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> new Null();
            case 1 -> new I(r.nextLong() >> r.nextInt(64));
            case 2 -> new D(r.nextBoolean() ? r.nextDouble() * 1e6 : Double.longBitsToDouble(r.nextLong()));
            case 3 -> {
                StringBuilder s = new StringBuilder();
                int n = r.nextInt(r.nextInt(10) == 0 ? 2000 : 20);
                for (int i = 0; i < n; i++) {
                    s.appendCodePoint(r.nextInt(10) == 0 ? 0x3b1 + r.nextInt(20) : 'a' + r.nextInt(26));
                }
                yield new T(s.toString());
            }
            default -> {
                byte[] b = new byte[r.nextInt(r.nextInt(10) == 0 ? 5000 : 30)];
                r.nextBytes(b);
                yield new B(b);
            }
        };
    }

    @Test
    void roundTripsRandomRecords() {
        Random random = TestSeed.random("RecordTest.roundTripsRandomRecords");
        RecordWriter w = new RecordWriter();
        RecordReader r = new RecordReader();
        for (int iter = 0; iter < 5_000; iter++) {
            List<V> values = new ArrayList<>();
            w.clear();
            int n = random.nextInt(random.nextInt(20) == 0 ? 300 : 12);
            for (int i = 0; i < n; i++) {
                V v = randomValue(random);
                values.add(v);
                switch (v) {
                    case Null x -> w.addNull();
                    case I x -> w.addLong(x.v());
                    case D x -> w.addDouble(x.v());
                    case T x -> w.addText(x.v());
                    // both ways a value may be given: a segment, or the start of a longer array
                    case B x -> {
                        if (iter % 3 == 0) {
                            w.addBlob(MemorySegment.ofArray(x.v()));
                        } else {
                            w.addBlob(Arrays.copyOf(x.v(), x.v().length + iter % 5), x.v().length);
                        }
                    }
                }
            }
            byte[] bytes = new byte[(int) w.size() + 7];
            assertEquals(w.size(), w.writeTo(bytes, 7));
            if (iter % 2 == 0) {
                r.reset(MemorySegment.ofArray(bytes).asSlice(7), 0);
            } else {
                r.reset(w.toByteArray(), 0); // the array path reads the header in place
            }
            // Read columns out of order first, as Column instructions do.
            for (int i = n - 1; i >= 0; i -= 3) {
                assertColumn(values.get(i), r, i);
            }
            assertEquals(n, r.columnCount());
            for (int i = 0; i < n; i++) {
                assertColumn(values.get(i), r, i);
            }
            assertEquals(StorageClass.NULL, r.typeOf(n), "a column past the end reads as NULL");
        }
    }

    private static void assertColumn(V expected, RecordReader r, int i) {
        switch (expected) {
            case Null x -> assertEquals(StorageClass.NULL, r.typeOf(i));
            case I x -> assertEquals(x.v(), r.getLong(i));
            case D x -> assertEquals(Double.doubleToRawLongBits(x.v()), Double.doubleToRawLongBits(r.getDouble(i)));
            case T x -> assertEquals(x.v(), r.getText(i));
            case B x -> assertArrayEquals(x.v(), r.getBlob(i));
        }
    }

    private static CorruptDatabaseException corrupt(String hex) {
        RecordReader r = new RecordReader();
        assertThrows(CorruptDatabaseException.class, () -> r.reset(HEX.parseHex(hex), 42).columnCount());
        return assertThrows(CorruptDatabaseException.class,
                () -> r.reset(MemorySegment.ofArray(HEX.parseHex(hex)), 42).columnCount());
    }

    @Test
    void rejectsMalformedRecords() {
        assertEquals(42, corrupt("").pageNumber()); // no header size at all
        corrupt("05000101"); // header size beyond the record
        corrupt("00"); // header size smaller than its own varint
        corrupt("030a"); // serial type 10 is internal
        corrupt("030b"); // and so is 11
        corrupt("0281"); // serial type varint runs past the header
        corrupt("020601"); // an 8-byte int in a 1-byte body
        corrupt("02010102"); // body longer than its columns
    }
}
