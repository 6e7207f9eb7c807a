package io.turso4j.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.format.TestSeed;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexKey#compareIntegersInPlace} against {@link IndexKey#compareRecord} on random
 * records: whenever the in-place compare decides, it must give the order the general one
 * gives, and it must decide for every compact all-integer record sought by integers.
 */
class IndexKeyInPlaceTest {
    private static final long[] EDGES = {0, 1, -1, 127, -128, 128, 32767, -32768, 8388607, -8388608,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 40, -(1L << 47), Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void agreesWithTheGeneralCompare() {
        Random rnd = TestSeed.random("IndexKeyInPlaceTest");
        RecordReader reader = new RecordReader();
        Register scratch = new Register();
        int decided = 0;
        for (int round = 0; round < 20_000; round++) {
            int fields = 1 + rnd.nextInt(4);
            boolean[] descending = new boolean[fields];
            Collation[] collations = new Collation[fields];
            for (int i = 0; i < fields; i++) {
                descending[i] = rnd.nextBoolean();
                collations[i] = BuiltinCollation.BINARY;
            }
            IndexKeyComparator cmp = new IndexKeyComparator(collations, descending);
            // the entry: its fields and a trailing rowid, mostly integers
            RecordWriter w = new RecordWriter();
            boolean allIntegers = true;
            long[] values = new long[fields + 1];
            for (int i = 0; i <= fields; i++) {
                values[i] = value(rnd);
                int kind = rnd.nextInt(12);
                if (kind == 0) {
                    w.addText("t" + values[i]);
                    allIntegers = false;
                } else if (kind == 1) {
                    w.addDouble(values[i] + 0.5);
                    allIntegers = false;
                } else if (kind == 2) {
                    w.addNull();
                    allIntegers = false;
                } else {
                    w.addLong(values[i]);
                }
            }
            byte[] record = w.toByteArray();
            // the key: a prefix of the entry, equal or near it, integers but now and then not
            int count = 1 + rnd.nextInt(fields + 2);
            Register[] key = new Register[count];
            boolean integerKey = true;
            for (int i = 0; i < count; i++) {
                long v = i <= fields && rnd.nextInt(3) > 0 ? values[i] + rnd.nextInt(3) - 1 : value(rnd);
                if (rnd.nextInt(15) == 0) {
                    key[i] = new Register().setReal(v);
                    integerKey = false;
                } else {
                    key[i] = new Register().setInt(v);
                }
            }
            reader.reset(record, 0, record.length, 1);
            int expected = Integer.signum(IndexKey.compareRecord(cmp, reader, scratch, key, 0, count));
            // at an odd offset inside a bigger segment, as on a page
            int at = 1 + rnd.nextInt(16);
            byte[] page = new byte[at + record.length + rnd.nextInt(16)];
            System.arraycopy(record, 0, page, at, record.length);
            int got = IndexKey.compareIntegersInPlace(cmp, MemorySegment.ofArray(page), at, record.length, key, 0, count);
            if (got != IndexKey.UNDECIDED) {
                decided++;
                assertEquals(expected, Integer.signum(got), () -> "round with record " + java.util.HexFormat.of().formatHex(record));
            } else if (allIntegers && integerKey) {
                throw new AssertionError("undecided on an all-integer record: " + java.util.HexFormat.of().formatHex(record));
            }
        }
        if (decided < 5_000) {
            throw new AssertionError("only " + decided + " compares decided in place");
        }
    }

    private static long value(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> EDGES[rnd.nextInt(EDGES.length)];
            case 1 -> rnd.nextInt(3);
            case 2 -> rnd.nextInt(100_000) - 50_000;
            default -> rnd.nextLong() >> rnd.nextInt(64);
        };
    }
}
