package io.turso4j;

import org.junit.jupiter.api.Test;

/**
 * Minimised statements on which the random differential tests (ExpressionDifferentialTest and
 * the others) once found turso4j differing from SQLite 3.54, each run on both engines.
 */
class KnownDifferencesTest {
    @Test
    void emptyInListOverAFunctionCallIsAValueNotATruthKeyword() throws Exception {
        // SQLite's parser keeps f() in "f() NOT IN ()" as "TRUE OR f()": y IS NOT that compares y with 1.
        SqliteOracle.differential(
                "SELECT a FROM (SELECT 1 AS a UNION SELECT -1) AS t WHERE (a IS NOT (abs(2) NOT IN ())) ORDER BY 1",
                "SELECT a FROM (SELECT 1 AS a UNION SELECT -1) AS t WHERE (a IS NOT (typeof(NULL) NOT IN ())) ORDER BY 1",
                "SELECT -1 IS NOT (abs(2) NOT IN ()), -1 IS (abs(2) NOT IN ()), 2 IS ('a' LIKE 'b' IN ()),"
                        + " 5 IS NOT (1 NOT IN ()), 0 IS (1 IN ())");
    }
}
