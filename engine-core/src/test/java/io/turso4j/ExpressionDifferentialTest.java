package io.turso4j;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT <random expression>}, and random compound SELECTs of such expressions, on SQLite 3.54 and on turso4j: the values, their storage
 * classes and the error messages must agree. Prints its seed; {@code -Dturso4j.seed=N} replays
 * it ({@code -Dturso4j.seed=random} draws a new one). Collects every mismatch and reports the
 * first few.
 *
 * <p>Known differences that other seeds can meet (about one query in tens of thousands), about
 * whether SQLite evaluates a constant that raises an error ({@code abs(-9223372036854775808)}):
 * SQLite may hoist such a constant out of a compound subquery's arm and raise its error even
 * when the arm's WHERE (or a pushed-down term) filters every row; and a CASE inside a NOT IN
 * list that SQLite leaves unevaluated (seed 424242 with {@code -Dturso4j.cases=30000}). Rows
 * OFFSET skips, LIMIT 0 and unused subquery columns are left uncomputed as in SQLite
 * (EvaluationScopeTest). Also an IN list mixing a REAL beyond 2^63 with integers and blobs
 * (same seed, compounds) compares differently.
 */
class ExpressionDifferentialTest {
    private static final int CASES = Integer.getInteger("turso4j.cases", 4000);
    /**
     * The build runs a fixed seed, so that it is reproducible: two rare shapes still differ
     * from SQLite 3.54 (see the class comment) and a random seed may meet one.
     */
    private static final long DEFAULT_SEED = 2;

    @Test
    void randomExpressionsMatchSqlite() throws Exception {
        compare("expressions", (gen, i) -> "SELECT " + gen.expression(1 + i % 4));
    }

    @Test
    void randomCompoundSelectsMatchSqlite() throws Exception {
        compare("compounds", (gen, i) -> gen.compoundSelect(1 + i % 3, i % 3));
    }

    @Test
    void randomSelectsOverSubqueriesMatchSqlite() throws Exception {
        compare("subqueries", (gen, i) -> gen.selectFromSubquery(i % 3));
    }

    private static void compare(String what, java.util.function.BiFunction<RandomExpressions, Integer, String> query)
            throws Exception {
        String property = System.getProperty("turso4j.seed", String.valueOf(DEFAULT_SEED));
        long seed = property.equals("random") ? System.nanoTime() : Long.parseLong(property);
        System.out.println("ExpressionDifferentialTest " + what + " seed: " + seed + " (replay with -Dturso4j.seed="
                + seed + ")");
        RandomExpressions gen = new RandomExpressions(seed);
        System.out.println("functions in the mix: " + gen.functionCount());
        List<String> mismatches = new ArrayList<>();
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (int i = 0; i < CASES; i++) {
                String sql = query.apply(gen, i);
                String expected = oracle.sqlite(sql);
                String actual = oracle.turso(sql);
                if (!expected.equals(actual)) {
                    mismatches.add(sql + "\n    sqlite:  " + expected + "\n    turso4j: " + actual);
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + CASES + " differ (seed " + seed + "), first ones:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(15, mismatches.size()))));
        }
    }
}
