package io.turso4j.function;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrintfFormatTest {
    private static final String CONVERSIONS = "diuxXoprfeEgGsqQwzc%nTy";
    private static final Object[] VALUES = {
        null, 0L, 1L, -1L, 7L, 12L, 13L, 22L, 101L, 111L, 1234567L, -1234567L, Long.MAX_VALUE,
        Long.MIN_VALUE, 0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1.0 / 3, 2.0 / 3, 123.456, 9.995,
        0.000123456, 1e-5, 1e15, 1e16, 1e17, 1e21, 123456789012345678.0, 1e300, 5e-324,
        1.7976931348623157e308, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.30000000000000004,
        "", "abc", "it's", "\"q\"", "aé日本", "12.5", "-7", new byte[] {'h', 'i'}, new byte[0],
    };

    @Test
    void singleConversionsMatchSqlite() throws Exception {
        String[] specs = {"%", "%5", "%-5", "%05", "%+", "% ", "%#", "%!", "%,", "%.0", "%.3", "%.20",
            "%10.4", "%-10.4", "%010.4", "%+.2", "%!.20", "%!.30", "%#.0", "%!#5", "%,15.2", "%,010",
            "%.17", "%!.17", "%.16", "%!.15", "%l", "%ll", "%5l", "%.2l"};
        try (Oracle oracle = new Oracle()) {
            for (String spec : specs) {
                for (char c : CONVERSIONS.toCharArray()) {
                    for (Object v : VALUES) {
                        oracle.scalar("printf", spec + c, v);
                    }
                }
            }
            oracle.scalar("printf", "%*d|%-*d|%.*f|%*.*s", 5L, 42L, -5L, 42L, 2L, 3.14159, 8L, 2L, "abcdef");
            oracle.scalar("printf", "%*d", Long.MIN_VALUE, 1L);
            oracle.scalar("printf", "%.*d", -3L, 1L);
            oracle.scalar("printf", "%d %s %f", 1L);
            oracle.scalar("printf", "abc%");
            oracle.scalar("printf", "%5.3c|%-4.2c|%.3c", "xyz", "é", "");
            oracle.scalar("printf", "%!5.2s|%!.1q|%5.1w", "é日本", "日'本", "\"x");
            oracle.scalar("printf", (Object) null);
            oracle.scalar("printf", "a\u0000b%d", 1L);
            oracle.scalar("printf", "%1000000001d", 1L);
            oracle.scalar("printf", "%.1000000001d", 1L);
            oracle.scalar("printf", "%,.1000000d|%,d|%,d|%,d", 7L, 999L, 1000L, -1234567L);
            oracle.scalar("printf", "%.100000f|%.100000e|%#.100000g|%,.1000f", 1.0, 1.0, 1.0, 1e20);
            oracle.scalar("format", "%s and %s", "a", 2.5);
            for (String text : new String[] {"a\nb", "a\\b", "a\\b\u0001", "x\u0001'y", "\u001f", "plain", "\u007f"}) {
                for (String spec : new String[] {"%#Q", "%#q", "%#w", "%#.2Q", "%#12Q", "%#s"}) {
                    oracle.scalar("printf", spec, text);
                }
            }
            for (double v : new double[] {-1e-11, -0.001, -0.005, -0.4, -0.6, -4e-7, -0.0}) {
                for (String spec : new String[] {"%#f", "%#+f", "%#.2f", "%#.0f", "%#!f", "%#g", "%#e", "%# f"}) {
                    oracle.scalar("printf", spec, v);
                }
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void randomFormatsMatchSqlite() throws Exception {
        long seed = Seeds.seed("PrintfFormatTest.randomFormatsMatchSqlite");
        ArgPool pool = new ArgPool(seed);
        Random random = pool.random();
        try (Oracle oracle = new Oracle()) {
            for (int i = 0; i < 6000; i++) {
                StringBuilder fmt = new StringBuilder();
                int conversions = 1 + random.nextInt(2);
                java.util.List<Object> args = new java.util.ArrayList<>();
                args.add(null);
                for (int k = 0; k < conversions; k++) {
                    fmt.append(random.nextInt(4) == 0 ? "x" : "");
                    fmt.append('%');
                    int flags = random.nextInt(3);
                    for (int f = 0; f < flags; f++) {
                        fmt.append("-+ #!0,".charAt(random.nextInt(7)));
                    }
                    switch (random.nextInt(4)) {
                        case 0 -> fmt.append(random.nextInt(25));
                        case 1 -> {
                            fmt.append('*');
                            args.add((long) random.nextInt(41) - 20);
                        }
                        default -> {
                        }
                    }
                    switch (random.nextInt(4)) {
                        case 0, 1 -> fmt.append('.').append(random.nextInt(30));
                        case 2 -> {
                            fmt.append(".*");
                            args.add((long) random.nextInt(41) - 20);
                        }
                        default -> {
                        }
                    }
                    if (random.nextInt(6) == 0) {
                        fmt.append(random.nextBoolean() ? "l" : "ll");
                    }
                    // Not %, n, T or y: each conversion here takes exactly one argument, so the
                    // '*' values stay aligned with the '*'s (a stray huge width means a 1 GB string).
                    fmt.append(CONVERSIONS.charAt(random.nextInt(CONVERSIONS.length() - 4)));
                    args.add(random.nextInt(3) == 0 ? pool.nextReal() : pool.next());
                }
                args.set(0, fmt.toString());
                oracle.scalar("printf", args.toArray());
            }
            for (int i = 0; i < 5000; i++) {
                String spec = "%" + (random.nextBoolean() ? "!" : "") + "." + random.nextInt(30)
                        + "efg".charAt(random.nextInt(3));
                oracle.scalar("printf", spec, pool.nextReal());
                oracle.scalar("round", pool.nextReal(), (long) random.nextInt(32));
                oracle.scalar("quote", pool.nextReal());
            }
            oracle.assertNoMismatches();
        }
    }
}
