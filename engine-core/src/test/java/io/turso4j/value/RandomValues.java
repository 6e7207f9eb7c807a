package io.turso4j.value;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Values of every storage class, biased toward SQLite's edge cases: integers near the ends of
 * the 64-bit range and near 2^53, reals such as -0.0, 1e308, 5e-324 and ones that need 17
 * digits, numeric-looking text (' 12 ', '1e5', '0x1A', '-', '.5', '5.', '1_000', huge
 * integers), non-ASCII text and blobs.
 */
final class RandomValues {
    private static final long[] EDGE_INTS = {
        0, 1, -1, 2, -2, 7, 10, 63, 64, 65, 100, 255, 256, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
        1L << 53, (1L << 53) + 1, -(1L << 53) - 1, 1L << 51, (1L << 51) - 1, -(1L << 51),
        3037000499L, 3037000500L, 4294967296L, 9223372036854775807L / 2, -9223372036854775807L / 3,
    };
    private static final double[] EDGE_REALS = {
        0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 0.1, 0.2, 0.3, 1e308, -1e308, 1.7976931348623157e308,
        5e-324, -5e-324, 2.2250738585072014e-308, 1e15, 1e16, 1e17, 123456789012345678.0,
        9.223372036854775807e18, -9.223372036854775808e18, 9.223372036854775e18, 4503599627370496.5,
        2251799813685248.0, -2251799813685248.0, 2251799813685247.0, 1e-5, 1e-4, 0.001,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3.0, 100.0, 1.0 / 3, 2.0 / 3,
    };
    private static final String[] EDGE_TEXTS = {
        "", " ", "0", "1", "-1", "+1", " 12 ", "12abc", "abc", "1e5", "1E5", "1e", "1e+", "1.5e",
        "0x1A", "0x10", " 0x10", "-", "+", ".", ".5", "5.", "-.5", "1_000", "1e400", "-1e400",
        "1e-400", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "99999999999999999999", "1.0", "2.0", "-0", "-0.0", "0.0", "00012",
        "1.5abc", "1e5abc", "12 34", "\t7\n", "3.14159", "  -2.5e-3  ", "1.7976931348623157e308",
        "4.9406564584124654e-324", "12.0e0", "Inf", "NaN", "1,5", "１２", "1.", "ab", "AB", "aB",
        "abc  ", "abc ", "ABC", "é", "É", "naïve", "日本", "zz", "a\u0000b", "10", "9", "-10",
    };

    private final Random random;

    RandomValues(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A value of a random storage class. */
    Object next() {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1, 2 -> nextInt();
            case 3, 4 -> nextReal();
            case 5, 6, 7 -> nextText();
            default -> nextBlob();
        };
    }

    long nextInt() {
        return switch (random.nextInt(4)) {
            case 0 -> EDGE_INTS[random.nextInt(EDGE_INTS.length)];
            case 1 -> random.nextLong();
            case 2 -> random.nextInt(2001) - 1000;
            default -> EDGE_INTS[random.nextInt(EDGE_INTS.length)] + random.nextInt(5) - 2;
        };
    }

    double nextReal() {
        return switch (random.nextInt(6)) {
            case 0 -> EDGE_REALS[random.nextInt(EDGE_REALS.length)];
            case 1 -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(d));
                yield d;
            }
            case 2 -> Math.round(random.nextDouble() * 2e6 - 1e6) / Math.pow(10, random.nextInt(9));
            case 3 -> random.nextLong() / Math.pow(10, random.nextInt(21));
            case 4 -> (double) nextInt();
            default -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
        };
    }

    String nextText() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> EDGE_TEXTS[random.nextInt(EDGE_TEXTS.length)];
            case 2 -> Long.toString(nextInt());
            case 3 -> {
                String s = RealFormat.SEVENTEEN_DIGITS.format(nextReal());
                yield random.nextBoolean() ? s : " " + s + " ";
            }
            default -> {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(6);
                String alphabet = "aAbBzZ09 .-+e_é日";
                for (int i = 0; i < n; i++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                yield sb.toString();
            }
        };
    }

    byte[] nextBlob() {
        if (random.nextInt(3) == 0) {
            return nextText().getBytes(StandardCharsets.UTF_8);
        }
        byte[] b = new byte[random.nextInt(5)];
        random.nextBytes(b);
        return b;
    }
}
