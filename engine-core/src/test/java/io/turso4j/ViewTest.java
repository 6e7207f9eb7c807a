package io.turso4j;

import static io.turso4j.TablesTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CREATE VIEW and views used wherever a table may be in a SELECT, run on turso4j and SQLite
 * (sqlite-jdbc): the same rows (values and storage classes) and the same errors.
 */
class ViewTest {
    private static final String[] TABLES = {
        "CREATE TABLE t(a INTEGER, b TEXT, c REAL)",
        "INSERT INTO t VALUES (1, 'x', 1.5), (2, 'y', 2), (3, 'z', NULL), (4, 'x', 4)",
        "CREATE TABLE u(k INTEGER PRIMARY KEY, a, note TEXT)",
        "INSERT INTO u VALUES (1, 1, 'one'), (2, 3, 'three'), (3, 9, 'nine')",
    };

    private static void differential(String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : TABLES) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (String sql : script) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    @Test
    void viewsInFromJoinsAndSubqueries() throws SQLException {
        differential(
                "CREATE VIEW v AS SELECT a, b, c * 2 AS c2 FROM t WHERE a > 1",
                "CREATE VIEW w(x, y) AS SELECT a, note FROM u",
                "SELECT * FROM v",
                "SELECT * FROM v ORDER BY a DESC",
                "SELECT v.b, w.y FROM v JOIN w ON v.a = w.x",
                "SELECT * FROM v, w WHERE v.a = w.x",
                "SELECT * FROM t WHERE a IN (SELECT x FROM w)",
                "SELECT * FROM t WHERE a IN w",
                "SELECT * FROM t WHERE a NOT IN w",
                "SELECT (SELECT max(x) FROM w), EXISTS (SELECT 1 FROM v WHERE b = 'z')",
                "SELECT count(*), sum(c2), group_concat(b) FROM v",
                "SELECT b, count(*) FROM v GROUP BY b ORDER BY b",
                "SELECT z.* FROM v AS z WHERE z.a = 4",
                "SELECT * FROM (SELECT * FROM v) AS s WHERE s.a < 4",
                "SELECT * FROM v UNION SELECT x, y, 0 FROM w ORDER BY 1",
                "SELECT x FROM w WHERE y = 'three'",
                "SELECT * FROM w WHERE x = '3'");
    }

    @Test
    void viewsOverViewsAndCtes() throws SQLException {
        differential(
                "CREATE VIEW v1 AS SELECT a, b FROM t",
                "CREATE VIEW v2 AS SELECT a * 10 AS a10, b FROM v1 WHERE a < 4",
                "CREATE VIEW v3(n, m) AS SELECT count(*), max(a10) FROM v2",
                "CREATE VIEW v4 AS SELECT * FROM v2 JOIN v3 ON v2.a10 = v3.m",
                "SELECT * FROM v2",
                "SELECT * FROM v3",
                "SELECT * FROM v4",
                "WITH t AS (SELECT 99 AS a, 'cte' AS b) SELECT * FROM v1",
                "WITH v1 AS (SELECT 7 AS only) SELECT * FROM v1",
                "WITH q AS (SELECT * FROM v2) SELECT * FROM q, v3",
                "SELECT * FROM v1 WHERE a IN (SELECT a10 / 10 FROM v2)",
                "CREATE VIEW vc AS SELECT a FROM t UNION ALL SELECT a FROM u ORDER BY 1 LIMIT 5",
                "SELECT * FROM vc",
                "CREATE VIEW vw AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 4) SELECT i FROM r",
                "SELECT * FROM vw JOIN t ON t.a = vw.i",
                "CREATE VIEW vs AS SELECT * FROM (SELECT a + 1, b FROM t) WHERE b <> 'y'",
                "SELECT * FROM vs");
    }

    @Test
    void viewErrorsAsSqlite() throws SQLException {
        differential(
                "CREATE VIEW v AS SELECT a, b FROM t",
                "CREATE VIEW v AS SELECT 1",
                "CREATE VIEW IF NOT EXISTS v AS SELECT 1",
                "CREATE VIEW t AS SELECT 1",
                "CREATE TABLE v(x)",
                "CREATE VIEW sqlite_x AS SELECT 1",
                "CREATE VIEW p AS SELECT ?",
                "CREATE VIEW vv(a, b) AS SELECT 1, 2, 3",
                "SELECT * FROM vv",
                "CREATE VIEW c1 AS SELECT * FROM c2",
                "CREATE VIEW c2 AS SELECT * FROM c1",
                "SELECT * FROM c1",
                "SELECT * FROM c2",
                "CREATE VIEW m AS SELECT * FROM missing",
                "SELECT * FROM m",
                "INSERT INTO v VALUES (1, 2)",
                "UPDATE v SET a = 1",
                "DELETE FROM v",
                "CREATE INDEX vi ON v(a)",
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY name");
    }

    @Test
    void viewColumnNames() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a, b)");
            c.execute("INSERT INTO t VALUES (1, 2)");
            c.execute("CREATE VIEW v AS SELECT a + 1, t.b, a AS z, 'x' FROM t");
            c.execute("CREATE VIEW w(p, q, r, s) AS SELECT * FROM v");
            try (Statement s = c.prepare("SELECT * FROM v, w")) {
                List<String> names = new java.util.ArrayList<>();
                for (int i = 0; i < s.columnCount(); i++) {
                    names.add(s.columnName(i));
                }
                assertEquals(List.of("a + 1", "b", "z", "'x'", "p", "q", "r", "s"), names);
            }
            assertEquals(List.of("2|2|1|x"), rows(c, "SELECT * FROM w"));
        }
    }
}
