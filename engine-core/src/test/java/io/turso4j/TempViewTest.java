package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.Sqlite3;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TEMP views: usable like any view by the connection that made them, never written to the
 * file (sqlite_schema has no row for them), gone when the connection closes.
 */
class TempViewTest {
    @TempDir
    Path dir;

    @Test
    void tempViewsBehaveAsSqlitesDo() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : new String[] {
                "CREATE TABLE t1(x INTEGER, y TEXT)",
                "INSERT INTO t1 VALUES (1, 'a'), (-2, 'b'), (3, 'c')",
                "CREATE TEMP VIEW v2 AS SELECT x FROM t1 WHERE x > 0",
                "CREATE TEMPORARY VIEW v3(n) AS SELECT x * 10 FROM t1",
                "SELECT * FROM v2 ORDER BY x",
                "SELECT n FROM v3 WHERE n > 0 ORDER BY n",
                "SELECT count(*) FROM v2, v3",
                "SELECT name FROM sqlite_schema WHERE type = 'view'",
                "CREATE TEMP VIEW v2 AS SELECT 1",
                "DROP VIEW v2",
                "SELECT * FROM v2",
                "DROP VIEW v3",
                "DROP VIEW v3",
            }) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    @Test
    void aTempViewEndsWithItsConnectionAndNeverReachesTheFile() throws Exception {
        Path file = dir.resolve("t.db");
        try (Database db = Database.open(file.toString())) {
            try (Connection c = db.connect()) {
                c.execute("CREATE TABLE t(a)");
                c.execute("INSERT INTO t VALUES (1), (2)");
                c.execute("CREATE TEMP VIEW tv AS SELECT a FROM t");
                try (Statement s = c.prepare("SELECT count(*) FROM tv")) {
                    s.next();
                    assertEquals(2, s.getLong(0));
                }
            }
            try (Connection other = db.connect()) {
                io.turso4j.error.SqliteException e = org.junit.jupiter.api.Assertions.assertThrows(
                        io.turso4j.error.SqliteException.class, () -> other.execute("SELECT * FROM tv"));
                assertEquals("no such table: tv", e.getMessage());
            }
        }
        assertEquals("ok", Sqlite3.output(file, "PRAGMA integrity_check;").strip());
        assertEquals("", Sqlite3.output(file, "SELECT name FROM sqlite_schema WHERE type = 'view';").strip());
    }
}
