package io.turso4j.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.format.TestSeed;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyProbe#compare} against the general compare ({@link IndexKey#decode} then {@link
 * IndexKey#compare}) on random records of mixed types under random collations and orders, with
 * prefix and over-long keys: it must decide every well-formed record and give the general order,
 * and on a record cut short it must not throw. Replay with {@code -Dturso4j.seed=N}.
 */
class KeyProbeTest {
    private static final long[] INTEGERS = {0, 1, -1, 2, 127, -128, 128, 32767, -32768, 8388607, -8388608,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 40, -(1L << 47), 1L << 53, (1L << 53) + 1,
        Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] REALS = {0.0, -0.0, 0.5, 1.0, -1.0, 1.5, 2.0, 1e300, -1e300,
        9.223372036854775807e18, -9.223372036854775808e18, 9007199254740993.0, Double.MIN_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private static final String[] TEXTS = {"", "a", "A", "ab", "aB", "Ab", "b", "a ", "a  ", "ab ", " a",
        "a\u0000b", "a\u0000B", "é", "É", "z".repeat(70), "Z".repeat(70) + " ", "y".repeat(200)};

    /** Any collation must work in place: this one orders by length, then reversed BINARY. */
    private static final Collation ODD = new Collation() {
        @Override
        public String name() {
            return "ODD";
        }

        @Override
        public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            return aLen != bLen ? aLen - bLen : -BuiltinCollation.BINARY.compare(a, aOff, aLen, b, bOff, bLen);
        }
    };
    private static final Collation[] COLLATIONS = {null, BuiltinCollation.BINARY, BuiltinCollation.NOCASE,
        BuiltinCollation.RTRIM, ODD};

    @Test
    void agreesWithTheGeneralCompare() {
        Random rnd = TestSeed.random("KeyProbeTest");
        KeyProbe probe = new KeyProbe();
        for (int round = 0; round < 50_000; round++) {
            int fields = 1 + rnd.nextInt(4);
            boolean[] descending = new boolean[fields];
            Collation[] collations = new Collation[fields];
            for (int i = 0; i < fields; i++) {
                descending[i] = rnd.nextBoolean();
                collations[i] = COLLATIONS[rnd.nextInt(COLLATIONS.length)];
            }
            IndexKeyComparator cmp = new IndexKeyComparator(collations, descending);
            // the entry: its fields, usually a trailing rowid, now and then more or fewer
            int width = Math.max(1, fields + rnd.nextInt(3) - 1);
            Register[] entry = new Register[width];
            RecordWriter w = new RecordWriter();
            for (int i = 0; i < width; i++) {
                entry[i] = value(rnd);
                add(w, entry[i]);
            }
            byte[] record = w.toByteArray();
            // the key: a prefix (or more) of the entry, each field equal, near, or anything
            int count = 1 + rnd.nextInt(width + 1);
            Register[] key = new Register[count];
            for (int i = 0; i < count; i++) {
                key[i] = i < width && rnd.nextInt(3) > 0 ? near(rnd, entry[i]) : value(rnd);
            }
            int expected = Integer.signum(IndexKey.compare(cmp, IndexKey.decode(record, 1), key, 0, count));
            // at an odd offset inside a bigger segment, as on a page
            int at = 1 + rnd.nextInt(16);
            byte[] page = new byte[at + record.length + rnd.nextInt(16)];
            System.arraycopy(record, 0, page, at, record.length);
            MemorySegment seg = MemorySegment.ofArray(page);
            int got = probe.compare(cmp, seg, at, record.length, key, 0, count);
            int r = round;
            assertEquals(expected, got == IndexKey.UNDECIDED ? got : Integer.signum(got),
                    () -> "round " + r + ": record " + HexFormat.of().formatHex(record));
            // cut short, as a corrupt page would have it: an answer or UNDECIDED, never an exception
            probe.compare(cmp, seg, at, rnd.nextInt(record.length), key, 0, count);
        }
    }

    /** A REAL stored as NaN reads as NULL: the probe leaves it undecided, whatever the key, a NULL one too. */
    @Test
    void leavesANanUndecided() {
        byte[] record = new RecordWriter().addDouble(Double.NaN).addLong(7).toByteArray();
        IndexKeyComparator cmp = new IndexKeyComparator(new Collation[1], new boolean[1]);
        KeyProbe probe = new KeyProbe();
        for (Register k : new Register[] {new Register().setNull(), new Register().setInt(1),
            new Register().setReal(1.5), new Register().setText("a")}) {
            assertEquals(IndexKey.UNDECIDED,
                    probe.compare(cmp, MemorySegment.ofArray(record), 0, record.length, new Register[] {k}, 0, 1),
                    k::toString);
        }
    }

    private static Register value(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> new Register().setNull();
            case 1, 2 -> new Register().setInt(rnd.nextBoolean() ? INTEGERS[rnd.nextInt(INTEGERS.length)]
                    : rnd.nextInt(5) - 2);
            case 3 -> new Register().setReal(rnd.nextBoolean() ? REALS[rnd.nextInt(REALS.length)]
                    : (rnd.nextInt(9) - 4) / 2.0);
            case 4 -> new Register().setText(TEXTS[rnd.nextInt(TEXTS.length)]);
            default -> {
                byte[] b = new byte[rnd.nextInt(4) == 0 ? 70 + rnd.nextInt(100) : rnd.nextInt(4)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) rnd.nextInt(3);
                }
                yield new Register().setBlob(b);
            }
        };
    }

    /** A value equal to {@code v}, or close to it in its own storage class (or the other numeric one). */
    private static Register near(Random rnd, Register v) {
        Register out = new Register().copyFrom(v);
        switch (rnd.nextInt(3)) {
            case 0 -> { }
            case 1 -> {
                switch (v.type()) {
                    case INTEGER -> out.setReal(v.intValue() + (rnd.nextInt(3) - 1) * 0.5);
                    case REAL -> out.setInt((long) v.realValue() + rnd.nextInt(3) - 1);
                    case TEXT -> {
                        String s = new String(v.bytes(), 0, v.length(), StandardCharsets.UTF_8);
                        out.setText(rnd.nextBoolean() ? s.toUpperCase() : s + " ");
                    }
                    default -> { }
                }
            }
            default -> {
                switch (v.type()) {
                    case INTEGER -> out.setInt(v.intValue() + rnd.nextInt(3) - 1);
                    case TEXT -> {
                        String s = new String(v.bytes(), 0, v.length(), StandardCharsets.UTF_8);
                        out.setText(s.isEmpty() ? "a" : s.substring(0, s.length() - 1));
                    }
                    case BLOB -> {
                        byte[] b = v.bytesCopy();
                        out.setBlob(b.length == 0 ? new byte[] {0} : java.util.Arrays.copyOf(b, b.length - 1));
                    }
                    default -> { }
                }
            }
        }
        return out;
    }

    private static void add(RecordWriter w, Register v) {
        switch (v.type()) {
            case NULL -> w.addNull();
            case INTEGER -> w.addLong(v.intValue());
            case REAL -> w.addDouble(v.realValue());
            case TEXT -> w.addText(new String(v.bytes(), 0, v.length(), StandardCharsets.UTF_8));
            case BLOB -> w.addBlob(v.bytesCopy());
        }
    }
}
