package io.turso4j;

import static io.turso4j.TablesTest.sqlite3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial indexes and indexes on expressions: their entries kept by INSERT, UPDATE and DELETE
 * (only rows the WHERE admits; computed keys), UNIQUE on them, and the errors of CREATE INDEX,
 * compared with SQLite (sqlite-jdbc); files written here pass sqlite3's integrity check, which
 * recomputes every row's entries. The random workload prints its seed; replay with
 * {@code -Dturso4j.seed=N}.
 */
class IndexShapesTest {
    @TempDir
    Path dir;

    @Test
    void partialAndExpressionIndexesAsSqlite() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c INT)",
                "INSERT INTO t VALUES (1, 'Ab', 5), (2, 'cD', 15)",
                "CREATE INDEX ip ON t(c) WHERE c > 10",
                "CREATE INDEX ie ON t(lower(b), a + c)",
                "CREATE UNIQUE INDEX iu ON t(b) WHERE c IS NOT NULL",
                "CREATE UNIQUE INDEX iue ON t(upper(b) || 'x')",
                "INSERT INTO t VALUES (3, 'x', NULL), (4, 'y', 20)",
                "UPDATE t SET c = c + 10 WHERE a <= 2",
                "DELETE FROM t WHERE a = 4",
                "INSERT INTO t VALUES (5, 'Ab', 1)",
                "INSERT INTO t VALUES (6, 'aB', NULL)",
                "INSERT INTO t VALUES (7, 'q', NULL), (8, 'q', NULL)",
                "SELECT * FROM t ORDER BY a",
                "SELECT c FROM t WHERE c > 10 ORDER BY c",
                "SELECT a FROM t WHERE lower(b) = 'ab'",
                "CREATE INDEX bad ON t(random())",
                "CREATE INDEX bad ON t(a) WHERE random() > 0",
                "CREATE INDEX bad ON t(nosuchfn(a))",
                "CREATE INDEX bad ON t(a) WHERE (SELECT 1)",
                "CREATE INDEX bad ON t(a + ?)",
                "CREATE INDEX ok2 ON t(b) WHERE a > 1",
                "SELECT name, sql FROM sqlite_master ORDER BY name",
                "REINDEX t",
                "SELECT count(*) FROM t");
    }

    @Test
    void randomChangesKeepFilesConsistent() throws Exception {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("IndexShapesTest seed " + seed);
        Random r = new Random(seed);
        Path file = dir.resolve("shapes.db");
        try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c INT, d REAL)");
            c.execute("CREATE INDEX ip ON t(c, b) WHERE c % 3 = 0");
            c.execute("CREATE INDEX ie ON t(lower(b), c * 2 DESC)");
            c.execute("CREATE INDEX ipe ON t(length(b) + a) WHERE d IS NOT NULL AND b > 'm'");
            for (int i = 0; i < 300; i++) {
                String b = "'" + (char) ('a' + r.nextInt(26)) + (r.nextBoolean() ? "X" : "y") + r.nextInt(50) + "'";
                String d = r.nextInt(4) == 0 ? "NULL" : String.valueOf(r.nextInt(100) / 4.0);
                switch (r.nextInt(4)) {
                    case 0, 1 -> c.execute("INSERT INTO t(b, c, d) VALUES (" + b + ", " + r.nextInt(40) + ", " + d + ")");
                    case 2 -> c.execute("UPDATE t SET c = c + " + r.nextInt(5) + ", b = " + b + " WHERE a % 7 = "
                            + r.nextInt(7));
                    default -> c.execute("DELETE FROM t WHERE c = " + r.nextInt(40));
                }
            }
        }
        assertEquals("ok", sqlite3(file, "PRAGMA integrity_check").strip(), "seed " + seed);
    }
}
