package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables end to end: CREATE, INSERT and SELECT run on turso4j and on SQLite (sqlite-jdbc) give
 * the same rows and errors; files written here pass sqlite3's integrity check and read back the
 * same in sqlite3, and files sqlite3 wrote read back the same here.
 */
class TablesTest {
    @TempDir
    Path dir;

    @Test
    void createInsertSelect() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a INTEGER, b TEXT, c REAL)",
                "INSERT INTO t VALUES (1, 'one', 1.5), (2, 'two', 2), ('3', 3, '3.25')",
                "INSERT INTO t(b) VALUES ('only b')",
                "SELECT * FROM t",
                "SELECT a, b FROM t WHERE a >= 2 ORDER BY a DESC",
                "SELECT typeof(a), typeof(b), typeof(c) FROM t",
                "SELECT count(*), sum(a) FROM t",
                "SELECT b, count(*) FROM t GROUP BY b ORDER BY 1",
                "SELECT * FROM nope",
                "INSERT INTO nope VALUES (1)",
                "INSERT INTO t VALUES (1, 2)",
                "INSERT INTO t(a, zz) VALUES (1, 2)",
                "CREATE TABLE t(x)",
                "CREATE TABLE IF NOT EXISTS t(x)",
                "SELECT name, type, tbl_name, sql FROM sqlite_master");
    }

    @Test
    void rowidAliasAndConstraints() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, v DEFAULT 7)",
                "INSERT INTO p(name) VALUES ('a'), ('b')",
                "INSERT INTO p VALUES (10, 'c', 1)",
                "INSERT INTO p(name) VALUES ('d')",
                "SELECT * FROM p",
                "INSERT INTO p VALUES (10, 'e', 1)",
                "INSERT INTO p(id) VALUES (20)",
                "INSERT INTO p(name) VALUES ('a')",
                "INSERT INTO p(name) VALUES ('x'), ('a')",
                "INSERT INTO p VALUES ('zz', 'q', 1)",
                "SELECT * FROM p",
                "SELECT last_insert_rowid(), changes()",
                "CREATE INDEX pv ON p(v)",
                "CREATE UNIQUE INDEX pv2 ON p(v, name)",
                "CREATE INDEX pv ON p(v)",
                "CREATE TABLE q(id INTEGER PRIMARY KEY, name, v)",
                "INSERT INTO q SELECT * FROM p",
                "INSERT INTO p SELECT id + 100, name || '!', v FROM q",
                "SELECT * FROM p ORDER BY id",
                "SELECT name, type, tbl_name, sql FROM sqlite_schema ORDER BY name");
    }

    @Test
    void updateAndDelete() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a NOT NULL, b UNIQUE, c REAL)",
                "CREATE INDEX ta ON t(a)",
                "INSERT INTO t(a, b, c) VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3), (4, NULL, 4)",
                "UPDATE t SET a = a * 10, c = c + 0.5 WHERE id >= 2",
                "SELECT * FROM t",
                "SELECT changes()",
                "UPDATE t SET b = 'x' WHERE id = 2",
                "UPDATE t SET a = NULL WHERE id = 3",
                "SELECT * FROM t",
                "DELETE FROM t WHERE a = 30",
                "SELECT changes()",
                "SELECT * FROM t WHERE a > 1",
                "UPDATE t SET b = 'z' WHERE id = 4",
                "SELECT * FROM t",
                "DELETE FROM t",
                "SELECT count(*) FROM t",
                "UPDATE nope SET a = 1",
                "UPDATE t SET nope = 1",
                "DELETE FROM nope");
    }

    @Test
    void joinsAndTransactions() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE a(x, y)",
                "CREATE TABLE b(x, z)",
                "INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3')",
                "INSERT INTO b VALUES (1, 'b1'), (3, 'b3'), (3, 'b33')",
                "SELECT a.x, y, z FROM a, b WHERE a.x = b.x ORDER BY 1, 3",
                "SELECT a.x, z FROM a LEFT JOIN b ON a.x = b.x ORDER BY 1, 2",
                "BEGIN",
                "INSERT INTO a VALUES (4, 'a4')",
                "ROLLBACK",
                "SELECT count(*) FROM a",
                "BEGIN",
                "INSERT INTO a VALUES (5, 'a5')",
                "CREATE TABLE c(q)",
                "COMMIT",
                "SELECT count(*) FROM a, c");
    }

    @Test
    void constraintFailureCodesAndStatementRollback() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a NOT NULL, b UNIQUE)");
            SqliteException e = assertThrows(SqliteException.class, () -> c.execute("INSERT INTO t VALUES (NULL, 1)"));
            assertEquals(ResultCode.CONSTRAINT_NOTNULL, e.code());
            c.execute("BEGIN");
            c.execute("INSERT INTO t VALUES (1, 1)");
            e = assertThrows(SqliteException.class, () -> c.execute("INSERT INTO t VALUES (2, 2), (3, 1)"));
            assertEquals(ResultCode.CONSTRAINT_UNIQUE, e.code());
            c.execute("COMMIT");
            assertEquals(List.of("1|1"), rows(c, "SELECT a, b FROM t"));
        }
    }

    @Test
    void fileWrittenHereIsValidForSqlite3() throws Exception {
        Path file = dir.resolve("w.db");
        try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT UNIQUE, r REAL)");
            c.execute("CREATE INDEX tr ON t(r)");
            StringBuilder insert = new StringBuilder("INSERT INTO t(s, r) VALUES ");
            for (int i = 0; i < 2000; i++) {
                insert.append(i == 0 ? "" : ",").append("('row ").append(i).append(" ").append("x".repeat(i % 50))
                        .append("', ").append(i * 0.5).append(")");
            }
            c.execute(insert.toString());
            c.execute("DELETE FROM t WHERE id % 3 = 0");
            c.execute("UPDATE t SET r = -r WHERE id % 5 = 0");
        }
        assertEquals("ok", sqlite3(file, "PRAGMA integrity_check").strip());
        String sums = "SELECT count(*), max(r), sum(id), sum(r) FROM t";
        Path copy = dir.resolve("oracle.db");
        sqlite3(copy, "CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT UNIQUE, r REAL);"
                + "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999) "
                + "INSERT INTO t(s, r) SELECT 'row ' || i || ' ' || substr(printf('%.50c', 'x'), 1, i % 50), i * 0.5 FROM n;"
                + "DELETE FROM t WHERE id % 3 = 0; UPDATE t SET r = -r WHERE id % 5 = 0;");
        assertEquals(sqlite3(copy, sums), sqlite3(file, sums));
        assertEquals("row 7 xxxxxxx", sqlite3(file, "SELECT s FROM t WHERE id = 8").strip());
        assertTrue(!Files.exists(dir.resolve("w.db-wal")), "WAL removed at close");
    }

    @Test
    void fileWrittenBySqlite3ReadsBack() throws Exception {
        Path file = dir.resolve("r.db");
        sqlite3(file, "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c TEXT);"
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                + "INSERT INTO t SELECT i, i * 3, printf('v%05d', i) FROM n;");
        String expected = sqlite3(file, "SELECT a, b, c FROM t WHERE a % 97 = 1 ORDER BY a");
        try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            assertEquals(expected.strip(), String.join("\n", rows(c, "SELECT a, b, c FROM t WHERE a % 97 = 1 ORDER BY a")));
            c.execute("INSERT INTO t(b, c) VALUES ('new', 'n')");
        }
        assertEquals("ok", sqlite3(file, "PRAGMA integrity_check").strip());
        assertEquals("3001|new", sqlite3(file, "SELECT a, b FROM t ORDER BY a DESC LIMIT 1").strip());
    }

    @Test
    void simulatedIoStepReturnsIoAndThePollerDrivesIt() {
        try (Database db = Database.open("sim.db", DatabaseOptions.defaults().withIo("simulated"));
             Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a)");
            Statement s = c.prepare("INSERT INTO t VALUES (1), (2), (3)");
            int ios = drive(db, s);
            s.close();
            Statement q = c.prepare("SELECT sum(a) FROM t");
            List<Long> sums = new ArrayList<>();
            for (StepResult r; (r = q.step()) != StepResult.DONE; ) {
                if (r == StepResult.IO) {
                    ios++;
                    while (!q.pendingIo().isDone()) {
                        db.io().poll();
                    }
                } else if (r == StepResult.ROW) {
                    sums.add(q.getLong(0));
                }
            }
            q.close();
            assertEquals(List.of(6L), sums);
            assertTrue(ios > 0, "the simulated backend made some step return IO");
        }
    }

    private static int drive(Database db, Statement s) {
        int ios = 0;
        for (StepResult r; (r = s.step()) != StepResult.DONE; ) {
            if (r == StepResult.IO) {
                ios++;
                while (!s.pendingIo().isDone()) {
                    db.io().poll();
                }
            }
        }
        return ios;
    }

    static List<String> rows(Connection c, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    row.append(i == 0 ? "" : "|").append(s.isNull(i) ? "" : s.getText(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static String sqlite3(Path file, String sql) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/sqlite3", file.toString(), sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
