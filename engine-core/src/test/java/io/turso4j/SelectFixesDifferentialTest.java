package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * SELECTs that once gave other results than SQLite's (DISTINCT with GROUP BY, a subquery's
 * column affinity, duplicate column names in a subquery, a CTE that is recursive without the
 * RECURSIVE keyword, {@code sqlite_version()}, ORDER BY and DISTINCT over a RIGHT or FULL
 * JOIN, ORDER BY names of a SELECT without FROM, IN over a VALUES of several rows), each
 * compared with sqlite-jdbc's answer.
 */
class SelectFixesDifferentialTest {
    private static void check(String[] setup, String... queries) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : setup) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (String sql : queries) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    /**
     * {@code x IN (VALUES …)} of several rows: SQLite 3.54 types constant rows whose first row
     * has no affinity by that first row (its co-routine VALUES), other rows by the last row as
     * a compound's last arm. We took the last row always, so {@code 0 IN (VALUES (0.0),
     * (CAST(1 AS TEXT)))} compared as text. Found by ExpressionDifferentialTest with a fresh seed.
     */
    @Test
    void inValuesComparesWithTheColumnsType() throws SQLException {
        check(new String[] {"CREATE TABLE t(x)", "INSERT INTO t VALUES (0), ('0'), ('0.0'), (0.0)"},
            "SELECT 0 IN (VALUES (0.0), (CAST(1 AS TEXT)))",
            "SELECT 0 NOT IN (VALUES (0.0), (CAST(NULL AS VARCHAR(5))))",
            "SELECT '0.0' IN (VALUES (0.0), (CAST(1 AS TEXT)))",
            "SELECT '0' IN (VALUES (0), (CAST(1 AS TEXT)))",
            "SELECT '0' IN (VALUES (CAST(1 AS TEXT)), (0))",
            "SELECT 0 IN (VALUES (CAST(1 AS TEXT)), (0.0))",
            "SELECT 0 IN (SELECT 0.0 UNION ALL SELECT CAST(1 AS TEXT))",
            "SELECT x, x IN (VALUES (0.0), (CAST(1 AS TEXT))), x IN (VALUES ('0'), (1)) FROM t");
    }

    /** A RIGHT or FULL JOIN's unmatched rows come last: an index order on the left no longer holds. */
    @Test
    void rightJoinRowsAreSortedToo() throws SQLException {
        check(new String[] {
            "CREATE TABLE a(p, q, PRIMARY KEY(p, q)) WITHOUT ROWID",
            "CREATE TABLE b(x INTEGER, y)",
            "CREATE INDEX b_x ON b(x)",
            "INSERT INTO a VALUES (1, 1), (2, 2), (3, 3)",
            "INSERT INTO b VALUES (1, 'one'), (5, 'five'), (NULL, 'none'), (0, 'zero')",
        },
            "SELECT a.p, b.x FROM a FULL JOIN b ON a.p = b.x ORDER BY a.p, b.x",
            "SELECT a.p, b.x FROM a FULL JOIN b ON a.p = b.x ORDER BY a.p DESC, b.x",
            "SELECT b.x, a.p FROM b RIGHT JOIN a ON a.p = b.x ORDER BY b.x",
            "SELECT a.p, b.y FROM a, b AS c FULL JOIN b ON 0 ORDER BY a.p, b.y",
            "SELECT DISTINCT b.x FROM b FULL JOIN a ON a.p = b.x + 10 ORDER BY 1",
            "SELECT b.x, count(*) FROM b FULL JOIN a ON a.p = b.x + 10 GROUP BY b.x");
    }

    /** A SELECT without FROM is not sorted, but its ORDER BY must name its aliases or an outer query's columns. */
    @Test
    void orderByWithoutFromResolvesNames() throws SQLException {
        check(new String[] {"CREATE TABLE t(a)", "INSERT INTO t VALUES (1)"},
            "SELECT 1 ORDER BY a",
            "SELECT 1 IN (2) ORDER BY a",
            "SELECT 1 ORDER BY t.a",
            "SELECT (SELECT 5 ORDER BY a) FROM t",
            "SELECT (SELECT 5 ORDER BY t.a, b) FROM t",
            "SELECT 1 AS x ORDER BY x + 1, true",
            "SELECT 1 ORDER BY (SELECT a FROM t)");
    }

    @Test
    void sqliteVersionIsTheOraclesRelease() throws SQLException {
        check(new String[0], "SELECT sqlite_version()", "SELECT typeof(sqlite_version())");
    }

    @Test
    void distinctAppliesWithGroupBy() throws SQLException {
        check(new String[] {
            "CREATE TABLE tab0(col0 INTEGER, col1 INTEGER, col2 INTEGER)",
            "INSERT INTO tab0 VALUES (1, 2, 3), (1, 2, 4), (5, 2, 3), (7, 8, 9), (NULL, NULL, 1), (NULL, NULL, 2)",
        },
            "SELECT DISTINCT + col1 FROM tab0 GROUP BY col1, col2",
            "SELECT DISTINCT col1, count(*) FROM tab0 GROUP BY col1, col2 ORDER BY 1",
            "SELECT DISTINCT col1 FROM tab0 GROUP BY col2, col1 HAVING col1 > 1",
            "SELECT DISTINCT count(*) FROM tab0 GROUP BY col0");
    }

    @Test
    void subqueryColumnsHaveTheirSourceAffinity() throws SQLException {
        check(new String[] {
            "CREATE TABLE t(a INTEGER, b TEXT, c)",
            "INSERT INTO t VALUES (2, '3', 4)",
            "CREATE VIEW v AS SELECT a, b FROM t",
        },
            "SELECT * FROM (SELECT a FROM t) WHERE a = '2'",
            "SELECT * FROM (SELECT a, b FROM t) WHERE b = 3",
            "SELECT * FROM (SELECT x.a FROM t AS x) WHERE a = '2'",
            "SELECT * FROM (SELECT * FROM t) WHERE a = '2' AND b = 3",
            "WITH w AS (SELECT a FROM t) SELECT * FROM w WHERE a = '2'",
            "SELECT * FROM v WHERE a = '2' AND b = 3",
            "SELECT * FROM (SELECT c FROM t) WHERE c = '4'");
    }

    @Test
    void duplicateSubqueryColumnNamesStayDistinct() throws SQLException {
        check(new String[] {
            "CREATE TABLE t(a, b)",
            "INSERT INTO t VALUES (2, 5)",
        },
            "SELECT * FROM (SELECT a, a FROM t)",
            "SELECT * FROM (SELECT a, b AS a, a + 1 AS a FROM t)",
            "SELECT a FROM (SELECT b AS a, a FROM t)",
            "SELECT * FROM (SELECT a, b AS a FROM t) WHERE a = 2",
            "SELECT x.* FROM (SELECT a, a FROM t) AS x");
    }

    @Test
    void selfReferenceWithoutRecursiveKeyword() throws SQLException {
        check(new String[] {"CREATE TABLE t(a)"},
            "WITH c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<5) SELECT * FROM c",
            "WITH c AS (SELECT 1 AS x UNION SELECT x+1 FROM c WHERE x<3) SELECT sum(x) FROM c",
            "WITH a(x) AS (SELECT 1), c(y) AS (SELECT x FROM a UNION ALL SELECT y+1 FROM c WHERE y<3) SELECT * FROM c");
    }
}
