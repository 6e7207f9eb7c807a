package io.turso4j.function;

import org.junit.jupiter.api.Test;

class MathFunctionsTest {
    private static final String[] UNARY = {"acos", "asin", "atan", "cos", "sin", "tan", "cosh", "sinh",
        "tanh", "acosh", "asinh", "atanh", "exp", "sqrt", "degrees", "radians", "ceil", "ceiling",
        "floor", "trunc", "ln", "log", "log10", "log2"};
    private static final String[] BINARY = {"atan2", "pow", "power", "mod", "log"};

    /**
     * Functions computed exactly (no libm rounding): these must match bit for bit. The others
     * may differ from glibc's libm by an ulp or two, which is counted and printed.
     */
    private static final String[] EXACT = {"ceil", "ceiling", "floor", "trunc", "sqrt", "mod"};

    @Test
    void exactFunctionsMatchSqliteBitForBit() throws Exception {
        ArgPool pool = new ArgPool(Seeds.seed("MathFunctionsTest.exactFunctionsMatchSqliteBitForBit"));
        try (Oracle oracle = new Oracle()) {
            for (String f : EXACT) {
                int argc = f.equals("mod") ? 2 : 1;
                ScalarDifferential.edges(oracle, f, argc);
                ScalarDifferential.fuzz(oracle, pool, f, argc, 500);
            }
            oracle.scalar("pi");
            oracle.assertNoMismatches();
        }
    }

    @Test
    void edgeCasesMatchSqlite() throws Exception {
        try (Oracle oracle = new Oracle()) {
            oracle.acceptFewUlps();
            for (String f : UNARY) {
                ScalarDifferential.edges(oracle, f, 1);
            }
            double[] specials = {1.0, -1.0, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.0, 0.5};
            for (double x : specials) {
                for (double y : specials) {
                    for (String f : BINARY) {
                        oracle.scalar(f, x, y);
                    }
                }
            }
            for (String f : BINARY) {
                ScalarDifferential.edges(oracle, f, 2);
            }
            report(oracle);
            oracle.assertNoMismatches();
        }
    }

    private static void report(Oracle oracle) {
        System.out.println("math: " + oracle.fewUlpsApart() + " of " + oracle.checks()
                + " results a few ulps from glibc's");
    }

    @Test
    void randomArgumentsMatchSqlite() throws Exception {
        ArgPool pool = new ArgPool(Seeds.seed("MathFunctionsTest.randomArgumentsMatchSqlite"));
        try (Oracle oracle = new Oracle()) {
            oracle.acceptFewUlps();
            for (String f : UNARY) {
                ScalarDifferential.fuzz(oracle, pool, f, 1, 300);
                for (int i = 0; i < 300; i++) {
                    oracle.scalar(f, pool.random().nextDouble() * 4 - 2);
                }
            }
            for (String f : BINARY) {
                ScalarDifferential.fuzz(oracle, pool, f, 2, 300);
                for (int i = 0; i < 300; i++) {
                    oracle.scalar(f, pool.random().nextDouble() * 20 - 5, pool.random().nextDouble() * 10 - 3);
                }
            }
            report(oracle);
            oracle.assertNoMismatches();
        }
    }
}
