package io.turso4j.function;

import java.util.Random;

/**
 * Argument values for differential tests: a fixed table of SQLite's edge cases (NULL, integers
 * at the ends of the range, -0.0, reals that need 17 digits, numeric and non-numeric text,
 * non-ASCII text, blobs) and a seeded random generator biased toward them.
 */
final class ArgPool {
    static final Object[] EDGES = {
        null, 0L, 1L, -1L, 2L, 3L, 7L, 10L, -10L, 255L, 1000L, Long.MAX_VALUE, Long.MIN_VALUE,
        Long.MIN_VALUE + 1, 1L << 53, (1L << 53) + 1, 4503599627370496L, 4294967297L,
        0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, 1.0 / 3, 123.456, 1e15, 1e16, 1e17, 1e308,
        -1e308, 5e-324, 1e-7, 9.223372036854775807e18, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 2.0, 0.49999999999999994, 4503599627370497.0,
        "", " ", "0", "1", "-1", " 12 ", "12abc", "abc", "ABC", "aBc", "1e5", "-3.5", ".5", "5.",
        "0x1F", "9223372036854775808", "-9223372036854775809", "1e400", "Inf", " -0.0", "a b",
        "é", "aé日本", "%", "_", "a%", "a_c", "*", "?", "[a-c]", "''", "x'y", "\"", "a\u0000b",
        "  abc  ", "xxabcxx", "12.50", "0001",
        new byte[0], new byte[] {0}, new byte[] {'A', 'b'}, new byte[] {(byte) 0xff, 0, 1},
        new byte[] {'1', '2'}, new byte[] {(byte) 0xC3, (byte) 0xA9}, new byte[] {(byte) 0x80, 'a'},
    };

    private final Random random;

    ArgPool(long seed) {
        random = new Random(seed);
    }

    Random random() {
        return random;
    }

    Object next() {
        return switch (random.nextInt(8)) {
            case 0, 1 -> EDGES[random.nextInt(EDGES.length)];
            case 2 -> smallInt();
            case 3 -> random.nextBoolean() ? random.nextLong() : (long) random.nextInt();
            case 4 -> nextReal();
            case 5 -> text();
            case 6 -> random.nextBoolean() ? Long.toString(smallInt()) : Double.toString(nextReal());
            default -> {
                byte[] b = new byte[random.nextInt(6)];
                random.nextBytes(b);
                yield b;
            }
        };
    }

    long smallInt() {
        return random.nextInt(21) - 10;
    }

    double nextReal() {
        return switch (random.nextInt(4)) {
            case 0 -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(d));
                yield d;
            }
            case 1 -> (random.nextInt(2001) - 1000) / 8.0;
            case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
            default -> Math.round(random.nextDouble() * 1e6) / 1000.0 - 500;
        };
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(8);
        String alphabet = "aAbB xyz09.-+%_*?[]^'\"é日\u00e9";
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
