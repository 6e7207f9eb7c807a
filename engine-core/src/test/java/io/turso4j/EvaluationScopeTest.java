package io.turso4j;

import org.junit.jupiter.api.Test;

/**
 * Values SQLite 3.54 never computes must not be computed here either: each statement holds an
 * expression that raises an error when evaluated ({@code abs(-9223372036854775808)}, "integer
 * overflow") where SQLite may or may not evaluate it, and both engines must agree on the rows
 * or the error.
 */
class EvaluationScopeTest {
    private static final String BOOM = "abs(-9223372036854775808)";
    private static final String[] TABLE = {"CREATE TABLE t(x INTEGER)", "INSERT INTO t VALUES (0), (1)"};

    @Test
    void unusedColumnsOfAFromSubqueryAreNotComputed() throws Exception {
        SqliteOracle.differential(TABLE,
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b)",
                "SELECT s.a FROM (SELECT 1 AS a, " + BOOM + " AS b) s",
                "SELECT a FROM (SELECT x AS a, " + BOOM + " + x AS b FROM t) ORDER BY a",
                "SELECT count(*) FROM (SELECT x AS a, " + BOOM + " AS b FROM t)",
                "SELECT count(*) FROM (SELECT x AS a, " + BOOM + " AS b FROM t LIMIT 5)",
                "SELECT a FROM (SELECT x AS a, " + BOOM + " AS b FROM t ORDER BY a)",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b WHERE 1)",
                "SELECT a FROM (SELECT 1 AS a, (SELECT " + BOOM + ") AS b)",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b) GROUP BY a",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b) ORDER BY a",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b) JOIN t ON a = x",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b) LEFT JOIN (SELECT 2 AS c) ON 1",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b, 7 AS x) JOIN t USING (x)",
                "SELECT x FROM t WHERE x IN (SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b))",
                "SELECT (SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b))",
                "SELECT column1 FROM (VALUES (1, " + BOOM + "))",
                "SELECT a FROM (SELECT x AS a, " + BOOM + " AS b FROM t UNION ALL SELECT 5, " + BOOM + ") ORDER BY 1",
                "SELECT a FROM (SELECT x AS a, " + BOOM + " AS b FROM t UNION ALL SELECT 5, " + BOOM + " ORDER BY 1)",
                "SELECT a FROM (SELECT x AS a, " + BOOM + " AS b FROM t UNION ALL VALUES (5, " + BOOM + ") LIMIT 1)");
    }

    @Test
    void columnsThatAreReadOrThatShapeTheRowsAreComputed() throws Exception {
        SqliteOracle.differential(TABLE,
                "SELECT * FROM (SELECT 1 AS a, " + BOOM + " AS b)",
                "SELECT s.* FROM (SELECT 1 AS a, " + BOOM + " AS b) s",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b) WHERE b IS NULL",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b) ORDER BY b",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b) s WHERE EXISTS (SELECT s.b)",
                "SELECT a FROM (SELECT x AS a, " + BOOM + " AS b FROM t ORDER BY b)",
                "SELECT a FROM (SELECT x AS a, " + BOOM + " AS b FROM t ORDER BY 2)",
                "SELECT a FROM (SELECT x AS a, " + BOOM + " AS b FROM t ORDER BY " + BOOM + ")",
                "SELECT a FROM (SELECT DISTINCT 1 AS a, " + BOOM + " AS b)",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b GROUP BY 1)",
                "SELECT a FROM (SELECT count(*) AS a, " + BOOM + " AS b)",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b, row_number() OVER () AS c)",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b UNION SELECT 2, 3)",
                "SELECT a FROM (SELECT 1 AS a, " + BOOM + " AS b UNION ALL SELECT 2, 3 UNION SELECT 4, 5)",
                "SELECT column1 FROM (VALUES (1, " + BOOM + "), (2, 3))",
                // Correlated: SQLite computes every column.
                "SELECT (SELECT a FROM (SELECT t.x AS a, " + BOOM + " AS b)) FROM t",
                "SELECT (SELECT a FROM (SELECT t.x AS a, " + BOOM + " AS b LIMIT 1)) FROM t",
                // Names in an unused column still resolve.
                "SELECT count(*) FROM (SELECT 1 AS a, y AS b FROM t)");
    }

    @Test
    void viewsLeaveUnusedColumnsUncomputed() throws Exception {
        SqliteOracle.differential(
                new String[] {TABLE[0], TABLE[1], "CREATE VIEW v AS SELECT 1 AS a, " + BOOM + " AS b",
                        "CREATE VIEW w AS SELECT x AS a, " + BOOM + " + x AS b FROM t"},
                "SELECT a FROM v",
                "SELECT * FROM v",
                "SELECT a FROM (SELECT a FROM v)",
                "SELECT a FROM w ORDER BY a",
                "SELECT w.a FROM w, v WHERE w.a = v.a",
                "SELECT b FROM w");
    }

    @Test
    void commonTableExpressionsLeaveUnusedColumnsUncomputedWhereSqliteFlattensThem() throws Exception {
        SqliteOracle.differential(TABLE,
                "WITH c AS (SELECT x AS a, " + BOOM + " + x AS b FROM t) SELECT a FROM c ORDER BY a",
                "WITH c AS (SELECT x AS a, " + BOOM + " + x AS b FROM t) SELECT p.a FROM c p, c q ORDER BY 1",
                // Without FROM SQLite neither flattens a CTE nor drops its columns.
                "WITH c AS (SELECT 1 AS a, " + BOOM + " AS b) SELECT a FROM c",
                "WITH c AS NOT MATERIALIZED (SELECT 1 AS a, " + BOOM + " AS b) SELECT a FROM c",
                "WITH c AS MATERIALIZED (SELECT x AS a, " + BOOM + " AS b FROM t) SELECT a FROM c");
    }

    @Test
    void existsComputesNoResultColumn() throws Exception {
        SqliteOracle.differential(TABLE,
                "SELECT 1 WHERE EXISTS (SELECT 1 AS a, " + BOOM + " AS b)",
                "SELECT EXISTS (SELECT " + BOOM + ")",
                "SELECT 1 WHERE EXISTS (SELECT " + BOOM + " FROM t)",
                "SELECT 1 WHERE EXISTS (SELECT DISTINCT " + BOOM + " FROM t)",
                "SELECT 1 WHERE EXISTS (SELECT " + BOOM + " UNION ALL SELECT 1)",
                "SELECT 1 WHERE EXISTS (SELECT " + BOOM + " UNION SELECT 1)",
                "SELECT 1 WHERE EXISTS (SELECT " + BOOM + " FROM t LIMIT 1)",
                "SELECT 1 WHERE EXISTS (SELECT " + BOOM + " FROM t ORDER BY 1)",
                "SELECT x FROM t WHERE EXISTS (SELECT " + BOOM + " + t.x) ORDER BY x",
                "SELECT x FROM t WHERE EXISTS (SELECT 1 AS a, " + BOOM + " AS b WHERE t.x > 0)",
                "SELECT 1 WHERE EXISTS (SELECT 1 EXCEPT SELECT 2)",
                "SELECT 1 WHERE EXISTS (SELECT 1 INTERSECT SELECT 2)",
                "SELECT 1 WHERE EXISTS (SELECT x, " + BOOM + " FROM t WHERE x > 5)",
                "SELECT 1 WHERE EXISTS (SELECT y FROM t)");
    }

    @Test
    void rowsThatOffsetSkipsAreNotComputedUnlessSortedOrDistinct() throws Exception {
        SqliteOracle.differential(
                new String[] {"CREATE TABLE t(x INTEGER)", "INSERT INTO t VALUES (-9223372036854775808), (1), (2)"},
                "SELECT abs(x) FROM t LIMIT 1 OFFSET 1",
                "SELECT abs(x) FROM t LIMIT -1 OFFSET 1",
                "SELECT abs(x) FROM t ORDER BY rowid LIMIT 1 OFFSET 1",
                "SELECT abs(x) FROM t WHERE x < 0 LIMIT 1 OFFSET 1",
                "SELECT abs(x) FROM t GROUP BY x LIMIT 1 OFFSET 1",
                "SELECT abs(x), count(*) FROM t LIMIT 1 OFFSET 1",
                "SELECT abs(column1) FROM (VALUES (-9223372036854775808), (1)) LIMIT 1 OFFSET 1",
                "SELECT " + BOOM + " LIMIT 1 OFFSET 1",
                "SELECT " + BOOM + " UNION ALL SELECT 1 LIMIT 1 OFFSET 1",
                "SELECT (SELECT abs(x) FROM t LIMIT 1 OFFSET 1)",
                "SELECT a FROM (SELECT abs(x) AS a FROM t LIMIT 1 OFFSET 1)",
                // A sorter, DISTINCT or UNION needs every row's values first.
                "SELECT abs(x) FROM t ORDER BY x LIMIT 1 OFFSET 1",
                "SELECT x, abs(x) FROM t ORDER BY 1 LIMIT 1 OFFSET 1",
                "SELECT DISTINCT abs(x) FROM t LIMIT 1 OFFSET 1",
                "SELECT " + BOOM + " UNION SELECT 1 LIMIT 1 OFFSET 1",
                "SELECT " + BOOM + " UNION ALL SELECT 1 ORDER BY 1 LIMIT 1 OFFSET 1");
    }

    @Test
    void limitZeroEndsASortedOrCompoundSelectBeforeAnyRowIsComputed() throws Exception {
        SqliteOracle.differential(TABLE,
                "SELECT DISTINCT abs(x + -9223372036854775808) FROM t ORDER BY 1 LIMIT 0",
                "SELECT " + BOOM + " UNION SELECT 7 ORDER BY 1 LIMIT 0",
                "SELECT " + BOOM + " UNION ALL SELECT 7 ORDER BY 1 LIMIT 0",
                "SELECT " + BOOM + " INTERSECT SELECT 7 ORDER BY 1 LIMIT 0",
                "SELECT " + BOOM + " EXCEPT SELECT 7 ORDER BY 1 LIMIT 0 OFFSET 2",
                "SELECT x FROM t UNION SELECT abs(x + -9223372036854775808) FROM t ORDER BY 1 LIMIT 0",
                "SELECT " + BOOM + " UNION SELECT 7 ORDER BY 1 LIMIT 'a'",
                "SELECT " + BOOM + " UNION SELECT 7 ORDER BY 1 LIMIT (SELECT " + BOOM + ")",
                "SELECT " + BOOM + " UNION SELECT 7 LIMIT 0",
                "SELECT " + BOOM + " UNION SELECT 7 LIMIT 1",
                "SELECT 1 WHERE 0 UNION SELECT " + BOOM,
                "SELECT 1 WHERE 0 INTERSECT SELECT " + BOOM,
                "SELECT 1 UNION SELECT " + BOOM + " WHERE 0");
    }

    @Test
    void coalesceIfnullAndIifComputeOnlyTheArgumentsTheyNeed() throws Exception {
        SqliteOracle.differential(TABLE,
                "SELECT coalesce(('-7' IN ()), " + BOOM + ")",
                "SELECT coalesce(NULL, 1, " + BOOM + ")",
                "SELECT coalesce(NULL, NULL, " + BOOM + ")",
                "SELECT ifnull(1, " + BOOM + "), ifnull(NULL, 2)",
                "SELECT ifnull(NULL, " + BOOM + ")",
                "SELECT iif(1, 2, " + BOOM + "), iif(0, " + BOOM + ", 3), iif(0, 2), if(x, 'y', 'n') FROM t ORDER BY x",
                "SELECT iif(1, " + BOOM + ", 3)",
                "SELECT a FROM (SELECT coalesce(0, " + BOOM + ") AS a, 1 AS b UNION ALL SELECT 1, 2) ORDER BY 1",
                "SELECT typeof(coalesce(NULL, x, 2.5)), coalesce(NULL, x) || 'a' FROM t ORDER BY x");
    }

    @Test
    void aNullOperandOfInStillComputesTheList() throws Exception {
        SqliteOracle.differential(new String[] {"CREATE TABLE t(x)", "INSERT INTO t VALUES (NULL), (1)"},
                "SELECT NULL IN (1, " + BOOM + ")",
                "SELECT NULL IN (" + BOOM + ")",
                "SELECT NULL NOT IN (1, 2, " + BOOM + ")",
                "SELECT x IN (1, " + BOOM + ") FROM t",
                "SELECT 1 IN (1, " + BOOM + "), NULL IN (1, 2), NULL NOT IN (1, x) FROM t ORDER BY x",
                "SELECT x IN (x, 2), x NOT IN (3, x + 1) FROM t ORDER BY x");
    }
}
