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

    @Test
    void exceptAndIntersectRunNoRightArmAfterAnEmptyLeft() throws Exception {
        SqliteOracle.differential(
                "SELECT 1 WHERE 0 EXCEPT SELECT abs(-9223372036854775808)",
                "SELECT 1 WHERE 0 INTERSECT SELECT abs(-9223372036854775808) ORDER BY 1",
                "SELECT 1 EXCEPT SELECT 1 EXCEPT SELECT abs(-9223372036854775808) ORDER BY 1",
                "SELECT 1 WHERE 0 UNION SELECT abs(-9223372036854775808)",
                "SELECT 1 EXCEPT SELECT abs(-9223372036854775808)");
    }

    @Test
    void whereTermsWithFunctionCallsArePushedIntoCompoundArms() throws Exception {
        // Pushed into each arm, the comparison takes that arm's affinity, not the subquery column's.
        String from = "SELECT a, b FROM (SELECT 1 AS a, 1 AS b UNION ALL SELECT 0, CAST(0 AS INTEGER)) AS t WHERE ";
        SqliteOracle.differential(
                from + "b = lower(1) ORDER BY 1, 2",
                from + "lower(1) = b ORDER BY 1, 2",
                from + "b = lower(a) ORDER BY 1, 2",
                from + "b = printf('%d', a) ORDER BY 1, 2",
                from + "b = '1' ORDER BY 1, 2",
                from + "b = CAST(a AS TEXT) ORDER BY 1, 2",
                from + "b || 'x' LIKE '1%' ORDER BY 1, 2");
    }

    @Test
    void noWhereTermIsPushedIntoADistinctCompoundWithACollatedColumn() throws Exception {
        SqliteOracle.differential(
                "SELECT a, b FROM (SELECT 'x' COLLATE NOCASE AS a, CAST(0.0 AS TEXT) AS b UNION VALUES (4, round(5))) AS t"
                        + " WHERE 1e-308 < b ORDER BY 1, 2",
                "SELECT a, b FROM (SELECT 1 AS a, CAST(0.0 AS TEXT) AS b UNION ALL SELECT ('x' COLLATE NOCASE > 1) IN (1,2),"
                        + " round(5) UNION SELECT 2, 3) AS t WHERE 1e-308 < b ORDER BY 1, 2",
                "SELECT a, b FROM (SELECT 1 AS a, CAST(0.0 AS TEXT) AS b UNION ALL SELECT 'x' COLLATE NOCASE, round(5)) AS t"
                        + " WHERE 1e-308 < b ORDER BY 1, 2",
                "SELECT a, b FROM (SELECT 1 AS a, CAST(0.0 AS TEXT) AS b UNION VALUES (4, round(5))) AS t"
                        + " WHERE 1e-308 < b ORDER BY 1, 2");
    }

    @Test
    void constantValuesWithAnUntypedFirstRowTypeAnInSubqueryByThatRow() throws Exception {
        // SQLite 3.54 runs such VALUES as one co-routine typed by its first row; otherwise as a
        // UNION ALL typed by its last.
        SqliteOracle.differential(
                "SELECT 0.0 NOT IN (VALUES (0), (CAST(x'3132' AS VARCHAR(5))))",
                "SELECT 9223372036854775807 NOT IN (VALUES ((0x10 NOT BETWEEN 'Z' AND 1.5)),"
                        + " (CAST(9223372036854775807 AS VARCHAR(5))))",
                "SELECT 0.0 NOT IN (VALUES (CAST(x'3132' AS VARCHAR(5))), (0))",
                "SELECT 0.0 NOT IN (VALUES (0), (CAST(x'3132' AS VARCHAR(5))), (abs(1)))",
                "SELECT 1 IN (VALUES (lower(1)), (CAST('12abc' AS VARCHAR(5))))",
                "SELECT 1 IN (VALUES (random() * 0 + 1), (CAST('1' AS VARCHAR(5))))",
                "SELECT 1 IN (VALUES ((SELECT '1')), (CAST('1' AS VARCHAR(5))))");
    }

    @Test
    void textWithANulByteComparesByTheNumberBeforeIt() throws Exception {
        SqliteOracle.differential(
                "SELECT CAST(0 AS NUMERIC) IS ('0' || x'00'), CAST(CAST(0.0 AS FLOATY) AS ) IS ((0x10 IS -1) || x'00')",
                "SELECT CAST(0 AS INTEGER) = ('0' || x'00'), CAST(0 AS REAL) = ('0' || x'00'), CAST(1 AS NUMERIC) = ('1' || x'00')",
                "SELECT CAST(1 AS NUMERIC) = ('1' || x'00' || 'a'), CAST(1 AS NUMERIC) = ('1.5' || x'00'),"
                        + " CAST(1.5 AS NUMERIC) = ('1.5' || x'00'), CAST(5 AS NUMERIC) = ('5e' || x'00'),"
                        + " CAST(0 AS NUMERIC) = x'00', CAST(1 AS NUMERIC) > (' 1 ' || x'00')");
    }
}
