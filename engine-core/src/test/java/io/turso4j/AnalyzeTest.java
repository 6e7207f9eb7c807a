package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * ANALYZE: the sqlite_stat1 table and rows SQLite writes (per index, per table without a
 * complete index, none for empty ones; collations and NULLs in the distinct counts; partial and
 * expression indexes), ANALYZE of one table or index, and its errors, compared with SQLite
 * (sqlite-jdbc).
 */
class AnalyzeTest {
    @Test
    void stat1RowsAsSqlite() throws SQLException {
        String rows = "SELECT tbl, idx, stat, typeof(stat) FROM sqlite_stat1 ORDER BY tbl, idx";
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : new String[] {
                "ANALYZE",
                "SELECT name, sql FROM sqlite_master WHERE name = 'sqlite_stat1'",
                "CREATE TABLE t(a, b, c)",
                "CREATE INDEX i1 ON t(a)",
                "CREATE INDEX i2 ON t(b, c COLLATE NOCASE)",
                "CREATE UNIQUE INDEX i3 ON t(c)",
                "CREATE INDEX ix ON t(lower(c), a)",
                "CREATE TABLE u(x)",
                "CREATE TABLE e(y)",
                "CREATE INDEX ie ON e(y)",
                "CREATE TABLE p(z)",
                "CREATE INDEX pz ON p(z) WHERE z > 1",
                "INSERT INTO t SELECT v % 3, v % 5, 'k' || v FROM (WITH RECURSIVE s(v) AS (SELECT 1 UNION ALL"
                        + " SELECT v + 1 FROM s WHERE v < 40) SELECT v FROM s)",
                "INSERT INTO t VALUES (NULL, NULL, NULL), (NULL, NULL, 'K1'), (1, 1, 'k1 ')",
                "INSERT INTO u VALUES (1), (2)",
                "INSERT INTO p VALUES (1), (2), (3)",
                "ANALYZE",
                rows,
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name = 'sqlite_stat1'",
                "INSERT INTO u VALUES (3)",
                "INSERT INTO t VALUES (9, 9, 'nine')",
                "ANALYZE i2",
                rows,
                "ANALYZE u",
                rows,
                "ANALYZE main",
                rows,
                "ANALYZE nope",
                "ANALYZE aux.t",
                "SELECT a FROM t WHERE a = 1 AND b = 1 ORDER BY c",
            }) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }
}
