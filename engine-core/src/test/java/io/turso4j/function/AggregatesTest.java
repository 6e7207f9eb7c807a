package io.turso4j.function;

import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Register;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AggregatesTest {
    private static final String[] ONE_ARG = {"count", "sum", "total", "avg", "max", "min", "group_concat"};

    @Test
    void edgeCasesMatchSqlite() throws Exception {
        Object[][][] groups = {
            {},
            {{null}},
            {{null}, {null}},
            {{1L}, {2L}, {3L}},
            {{Long.MAX_VALUE}, {1L}},
            {{Long.MAX_VALUE}, {1L}, {-1L}},
            {{Long.MAX_VALUE}, {1L}, {0.5}},
            {{Long.MIN_VALUE}, {-1L}},
            {{Long.MAX_VALUE}, {Long.MAX_VALUE}, {Long.MIN_VALUE}, {Long.MIN_VALUE}},
            {{0.1}, {0.2}, {0.3}},
            {{1e308}, {1e308}},
            {{1e308}, {1e308}, {-1e308}},
            {{Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY}},
            {{1e100}, {1.0}, {-1e100}},
            {{"5"}, {" 7 "}, {"abc"}, {new byte[] {'9'}}},
            {{"1.5"}, {2L}},
            {{""}, {""}},
            {{""}, {null}, {"a"}},
            {{"b"}, {"A"}, {"a"}, {1L}, {2.5}, {new byte[] {0}}, {null}},
            {{9007199254740993L}, {1L}, {0.5}},
            {{4503599627370497L}, {-4503599627370496L}, {0.25}},
            {{"9223372036854775807"}, {"1"}},
        };
        try (Oracle oracle = new Oracle()) {
            for (Object[][] rows : groups) {
                for (String f : ONE_ARG) {
                    oracle.aggregate(f, rows);
                }
                oracle.aggregate("count", new Object[rows.length][0]);
            }
            Object[][] pairs = {{"a", "-"}, {null, "+"}, {"b", null}, {"c", "--"}, {"", "/"}};
            oracle.aggregate("group_concat", pairs);
            oracle.aggregate("string_agg", pairs);
            oracle.assertNoMismatches();
        }
    }

    @Test
    void percentilesMatchSqlite() throws Exception {
        Object[][] ys = {{}, {null}, {1L}, {1L, 5L}, {3.5, 1L, 2L, 10L, null}, {"5"}, {1L, Double.POSITIVE_INFINITY},
            {-0.0, 0.0, 7L, 7L, 9.25}};
        Object[] ps = {0L, 50L, 100L, 0.25, 0.5, 1L, 1.5, 101L, -1L, "50", "x", null};
        try (Oracle oracle = new Oracle()) {
            for (Object[] y : ys) {
                Object[][] single = new Object[y.length][];
                for (int i = 0; i < y.length; i++) {
                    single[i] = new Object[] {y[i]};
                }
                oracle.aggregate("median", single);
                for (Object p : ps) {
                    Object[][] rows = new Object[y.length][];
                    for (int i = 0; i < y.length; i++) {
                        rows[i] = new Object[] {y[i], p};
                    }
                    for (String f : new String[] {"percentile", "percentile_cont", "percentile_disc"}) {
                        oracle.aggregate(f, 2, rows);
                    }
                }
            }
            oracle.aggregate("percentile", new Object[][] {{1L, 50L}, {2L, 60L}});
            oracle.assertNoMismatches();
        }
    }

    @Test
    void randomGroupsMatchSqlite() throws Exception {
        long seed = Seeds.seed("AggregatesTest.randomGroupsMatchSqlite");
        ArgPool pool = new ArgPool(seed);
        Random random = pool.random();
        try (Oracle oracle = new Oracle()) {
            for (int g = 0; g < 400; g++) {
                Object[][] rows = new Object[random.nextInt(8)][];
                int kind = random.nextInt(3);
                for (int i = 0; i < rows.length; i++) {
                    Object v = switch (kind) {
                        case 0 -> pool.next();
                        case 1 -> random.nextBoolean() ? pool.nextReal() : (Object) random.nextLong();
                        default -> (long) random.nextInt(2000) - 1000;
                    };
                    rows[i] = new Object[] {v};
                }
                for (String f : ONE_ARG) {
                    oracle.aggregate(f, rows);
                }
                if (kind != 0) {
                    oracle.aggregate("median", rows);
                }
                Object[][] pairs = new Object[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    pairs[i] = new Object[] {rows[i][0], pool.next()};
                }
                oracle.aggregate("group_concat", pairs);
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void minAndMaxWithCollationsMatchSqlite() throws Exception {
        ArgPool pool = new ArgPool(Seeds.seed("AggregatesTest.minAndMaxWithCollationsMatchSqlite"));
        Random random = pool.random();
        String[] texts = {"a", "A", "b", "B", "a ", "A  ", "", "ab", "aB", "é", "É"};
        try (Oracle oracle = new Oracle()) {
            for (int g = 0; g < 300; g++) {
                Object[][] rows = new Object[1 + random.nextInt(6)][];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = new Object[] {random.nextInt(8) == 0 ? pool.next() : texts[random.nextInt(texts.length)]};
                }
                for (String f : new String[] {"min", "max"}) {
                    oracle.aggregate(new StubContext().with(BuiltinCollation.NOCASE), " COLLATE NOCASE", f, 1, rows);
                    oracle.aggregate(new StubContext().with(BuiltinCollation.RTRIM), " COLLATE RTRIM", f, 1, rows);
                }
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void minAndMaxUseTheCallsCollation() {
        AggregateFunction max = FunctionRegistry.builtins().aggregate("max", 1);
        AggregateFunction.Accumulator acc = max.start();
        StubContext nocase = new StubContext().with(BuiltinCollation.NOCASE);
        for (String s : new String[] {"b", "A", "B", "a"}) {
            acc.step(nocase, new Register[] {Register.of(s)}, 0, 1);
        }
        Register out = new Register();
        acc.result(out);
        assertEquals("b", out.toText()); // "B" ties with "b" under NOCASE: the first is kept
        AggregateFunction.Accumulator min = FunctionRegistry.builtins().aggregate("min", 1).start();
        for (String s : new String[] {"b", "A", "B", "a"}) {
            min.step(nocase, new Register[] {Register.of(s)}, 0, 1);
        }
        min.result(out);
        assertEquals("A", out.toText());
    }
}
