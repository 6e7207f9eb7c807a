package io.turso4j.function;

import org.junit.jupiter.api.Test;

class StringFunctionsTest {
    private static final Object[][] FUNCTIONS = {
        {"length", 1}, {"octet_length", 1}, {"substr", 2}, {"substr", 3}, {"substring", 3},
        {"instr", 2}, {"replace", 3}, {"lower", 1}, {"upper", 1}, {"ltrim", 1}, {"ltrim", 2},
        {"rtrim", 1}, {"rtrim", 2}, {"trim", 1}, {"trim", 2}, {"char", 0}, {"char", 1},
        {"char", 3}, {"unicode", 1}, {"concat", 1}, {"concat", 2}, {"concat", 4},
        {"concat_ws", 2}, {"concat_ws", 3}, {"like", 2}, {"like", 3}, {"glob", 2}, {"unistr", 1},
    };

    @Test
    void edgeCasesMatchSqlite() throws Exception {
        try (Oracle oracle = new Oracle()) {
            for (Object[] f : FUNCTIONS) {
                ScalarDifferential.edges(oracle, (String) f[0], (Integer) f[1]);
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void substrPositionsMatchSqlite() throws Exception {
        Object[] subjects = {"", "abcdef", "aé日本x", new byte[] {1, 2, 3, 4}, 12345L, 1.5, null};
        try (Oracle oracle = new Oracle()) {
            for (Object x : subjects) {
                for (long p = -8; p <= 8; p++) {
                    oracle.scalar("substr", x, p);
                    for (long q = -8; q <= 8; q++) {
                        oracle.scalar("substr", x, p, q);
                    }
                }
                oracle.scalar("substr", x, Long.MIN_VALUE, Long.MIN_VALUE);
                oracle.scalar("substr", x, Long.MAX_VALUE, Long.MIN_VALUE);
                oracle.scalar("substr", x, 2L, Long.MIN_VALUE);
                oracle.scalar("substr", x, -2L, Long.MAX_VALUE);
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void patternsMatchSqlite() throws Exception {
        String[] patterns = {"", "%", "_", "a%", "%a", "%a%", "a_c", "A%", "%é%", "[a-c]*", "*[!a]*",
            "[^a]*", "[]]*", "a\\%", "a\\_c", "\\%%", "%\\", "[a-]*", "*?", "?*", "a*c", "**", "%%a",
            "_%_", "[z-a]", "é_", "É%", "%日"};
        String[] strings = {"", "a", "A", "abc", "ABC", "a%", "a_c", "]", "é", "É", "x日", "-", "b", "aXc"};
        try (Oracle oracle = new Oracle()) {
            for (String p : patterns) {
                for (String s : strings) {
                    oracle.scalar("like", p, s);
                    oracle.scalar("like", p, s, "\\");
                    // An escape that is also a wildcard is only the escape.
                    oracle.scalar("like", p, s, "%");
                    oracle.scalar("like", p, s, "_");
                    oracle.scalar("glob", p, s);
                }
            }
            oracle.scalar("like", "a", "a", "");
            oracle.scalar("like", "a", "a", "ab");
            oracle.scalar("like", "x".repeat(50_001), "x");
            oracle.assertNoMismatches();
        }
    }

    @Test
    void unistrEscapesMatchSqlite() throws Exception {
        String bs = "\\";
        String[] inputs = {"a" + bs + "u0041", bs + "U0001F600", bs + "+01F600", bs + "0041", bs + bs, bs, bs + "x",
            bs + "u12", bs + "u12g4", bs + "UFFFFFFFF", bs + "U00110000", bs + "d800", "x\u0000" + bs + "q", bs + "+00004",
            bs + "aBcD" + bs + "Ef01"};
        try (Oracle oracle = new Oracle()) {
            for (String in : inputs) {
                oracle.scalar("unistr", in);
                oracle.scalar("unistr_quote", in);
            }
            oracle.assertNoMismatches();
        }
    }

    /** Text that is not valid UTF-8 or holds NULs, as CAST(blob AS TEXT) makes it. */
    @Test
    void malformedTextMatchesSqlite() throws Exception {
        ArgPool pool = new ArgPool(Seeds.seed("StringFunctionsTest.malformedTextMatchesSqlite"));
        java.util.Random random = pool.random();
        byte[] alphabet = {'a', 'B', ' ', '%', '_', '\\', 0, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3,
            (byte) 0xA9, (byte) 0xE6, (byte) 0x97, (byte) 0xA5, (byte) 0xED, (byte) 0xA0, (byte) 0xF0, (byte) 0x9F,
            (byte) 0xF8, (byte) 0xFE, (byte) 0xFF, '1', 'x'};
        try (Oracle oracle = new Oracle()) {
            for (int i = 0; i < 3000; i++) {
                Object[] args = new Object[3];
                for (int k = 0; k < 3; k++) {
                    byte[] b = new byte[random.nextInt(7)];
                    for (int j = 0; j < b.length; j++) {
                        b[j] = alphabet[random.nextInt(alphabet.length)];
                    }
                    args[k] = random.nextInt(4) == 0 ? pool.next() : new Oracle.RawText(b);
                }
                for (Object[] f : FUNCTIONS) {
                    int argc = (Integer) f[1];
                    if (argc <= 3 && !f[0].equals("like") || argc == 2) {
                        oracle.scalar((String) f[0], java.util.Arrays.copyOf(args, argc));
                    }
                }
                oracle.scalar("like", args[0], args[1], new Oracle.RawText(new byte[] {(byte) 0xC3, (byte) 0xA9}));
                oracle.scalar("hex", args[0]);
                oracle.scalar("quote", args[0]);
                oracle.scalar("unhex", args[0], args[1]);
                oracle.scalar("printf", args[0], args[1], args[2]);
            }
            // Five continuation bytes push the decoded value past 2^31 (unsigned in C).
            oracle.scalar("unicode", new Oracle.RawText(new byte[] {(byte) 0xC3, (byte) 0xA0, (byte) 0xA9, (byte) 0xA9,
                (byte) 0xBF, (byte) 0xA9}));
            oracle.assertNoMismatches();
        }
    }

    @Test
    void randomArgumentsMatchSqlite() throws Exception {
        ArgPool pool = new ArgPool(Seeds.seed("StringFunctionsTest.randomArgumentsMatchSqlite"));
        try (Oracle oracle = new Oracle()) {
            for (Object[] f : FUNCTIONS) {
                ScalarDifferential.fuzz(oracle, pool, (String) f[0], (Integer) f[1], 300);
            }
            for (int i = 0; i < 2000; i++) {
                oracle.scalar("like", pool.text(), pool.text());
                oracle.scalar("glob", pool.text(), pool.text());
                oracle.scalar("substr", pool.next(), pool.smallInt(), pool.smallInt());
            }
            oracle.assertNoMismatches();
        }
    }
}
