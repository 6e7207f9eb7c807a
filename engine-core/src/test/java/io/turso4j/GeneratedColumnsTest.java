package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated columns (VIRTUAL and STORED) against SQLite (sqlite-jdbc): values computed on write
 * and on read, indexes on them, UPDATE of their inputs, refused writes; and files exchanged
 * with sqlite3 in both directions (VIRTUAL columns take no record field).
 */
class GeneratedColumnsTest {
    @TempDir
    Path dir;

    private static final String TABLE = "CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, "
            + "b INT GENERATED ALWAYS AS (a * 2) VIRTUAL, c TEXT AS (a + 1) STORED, "
            + "d AS (b || '-' || c), e REAL AS (a) STORED, f TEXT)";

    @Test
    void computedOnWriteAndRead() throws SQLException {
        SqliteOracle.differential(TABLE,
                "INSERT INTO t(a, f) VALUES (1, 'x'), ('2', 'y'), (NULL, 'z'), ('abc', NULL)",
                "INSERT INTO t VALUES (10, 5, 'w')",
                "SELECT * FROM t ORDER BY id",
                "SELECT typeof(a), typeof(b), typeof(c), typeof(d), typeof(e) FROM t ORDER BY id",
                "SELECT id, b FROM t WHERE b > 2 ORDER BY b DESC",
                "SELECT sum(b), group_concat(d) FROM t",
                "UPDATE t SET a = a + 10 WHERE id <= 2",
                "SELECT * FROM t ORDER BY id",
                "UPDATE t SET f = 'q'",
                "SELECT * FROM t ORDER BY id",
                "DELETE FROM t WHERE b = 24",
                "SELECT * FROM t ORDER BY id",
                "PRAGMA integrity_check");
    }

    @Test
    void indexesOnGeneratedColumns() throws SQLException {
        SqliteOracle.differential(TABLE,
                "CREATE INDEX tb ON t(b)",
                "CREATE UNIQUE INDEX tc ON t(c)",
                "CREATE INDEX td ON t(d, a)",
                "INSERT INTO t(a) VALUES (1), (2), (3), (4)",
                "INSERT INTO t(a) VALUES (2)",
                "SELECT id, b FROM t WHERE b = 6",
                "SELECT c FROM t WHERE c > '2' ORDER BY c",
                "SELECT d FROM t ORDER BY d",
                "UPDATE t SET a = a * 10",
                "UPDATE t SET a = 20 WHERE id = 1",
                "SELECT * FROM t ORDER BY b",
                "INSERT OR REPLACE INTO t(a) VALUES (30)",
                "SELECT * FROM t ORDER BY id",
                "PRAGMA integrity_check",
                "CREATE TABLE u(x, y AS (x * x))",
                "INSERT INTO u VALUES (3), (-3), (4)",
                "CREATE INDEX uy ON u(y)",
                "SELECT x FROM u WHERE y = 9 ORDER BY x",
                "PRAGMA integrity_check");
    }

    @Test
    void chainedAndUpsert() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE g(k INTEGER PRIMARY KEY, z AS (y + 1), y AS (x * 2) STORED, x UNIQUE)",
                "INSERT INTO g(x) VALUES (1), (2)",
                "SELECT * FROM g",
                "INSERT INTO g(x) VALUES (1) ON CONFLICT(x) DO UPDATE SET x = excluded.x + 100",
                "SELECT * FROM g ORDER BY k",
                "INSERT INTO g(x) VALUES (5) RETURNING z, y",
                "UPDATE g SET x = 0 WHERE k = 2 RETURNING *");
    }

    @Test
    void errors() throws SQLException {
        SqliteOracle.differential(TABLE,
                "INSERT INTO t(a, b) VALUES (1, 2)",
                "INSERT INTO t(c) VALUES (1)",
                "INSERT INTO t VALUES (1, 2, 3)",
                "UPDATE t SET c = 1",
                "UPDATE t SET a = 1, b = 2",
                "CREATE TABLE e1(a, b AS (a) DEFAULT 1)",
                "CREATE TABLE e2(a AS (1))",
                "CREATE TABLE e3(a, b AS (c), c AS (b))",
                "CREATE TABLE e4(a INTEGER PRIMARY KEY AS (1), b)",
                "CREATE TABLE e5(a, b AS (rowid))",
                "CREATE TABLE e6(a, b AS (zz))");
    }

    @Test
    void fileWrittenHereIsValidForSqlite3() throws Exception {
        Path file = dir.resolve("g.db");
        try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            c.execute(TABLE);
            c.execute("CREATE INDEX tb ON t(b)");
            c.execute("CREATE INDEX td ON t(d)");
            c.execute("INSERT INTO t(a, f) VALUES (1, 'x'), (2, 'y'), (3, NULL)");
            c.execute("UPDATE t SET a = a + 5 WHERE id = 2");
        }
        assertEquals("ok", TablesTest.sqlite3(file, "PRAGMA integrity_check").strip());
        assertEquals("1|1|2|2|2-2|1.0|x\n2|7|14|8|14-8|7.0|y\n3|3|6|4|6-4|3.0|",
                TablesTest.sqlite3(file, "SELECT * FROM t ORDER BY id").strip());
    }

    @Test
    void fileWrittenBySqlite3ReadsBack() throws Exception {
        Path file = dir.resolve("s.db");
        TablesTest.sqlite3(file, TABLE + "; CREATE INDEX tb ON t(b);"
                + "INSERT INTO t(a, f) VALUES (1, 'x'), (2, 'y'), (3, NULL);");
        String expected = TablesTest.sqlite3(file, "SELECT * FROM t ORDER BY id").strip();
        try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            assertEquals(expected, String.join("\n", TablesTest.rows(c, "SELECT * FROM t ORDER BY id")));
            assertEquals(List.of("2"), TablesTest.rows(c, "SELECT id FROM t WHERE b = 4"));
            c.execute("INSERT INTO t(a) VALUES (9)");
            c.execute("UPDATE t SET a = 0 WHERE id = 1");
        }
        assertEquals("ok", TablesTest.sqlite3(file, "PRAGMA integrity_check").strip());
        assertEquals("1|0|0|1\n4|9|18|10", TablesTest.sqlite3(file, "SELECT id, a, b, c FROM t WHERE id IN (1, 4)").strip());
    }
}
