package io.turso4j.storage.btree;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.DatabaseOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows added in rowid order through SQL (CREATE TABLE … AS SELECT and INSERT … SELECT, a new
 * rowid each time; an INTEGER PRIMARY KEY copied in order), and index entries in key order
 * (CREATE INDEX): they take the cursor's append path (no descent, SQLite's quick split onto a
 * new last leaf, bulk balancing above it). The file
 * must pass sqlite3's integrity check, hold the same rows as the source, and be as dense as
 * the same statements leave it in sqlite3: the leaves of an appended tree are full.
 */
class AppendInsertTest {
    @TempDir
    Path dir;

    private static final String SETUP = """
            CREATE TABLE t(a INTEGER PRIMARY KEY, b, c);
            WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 6000)
            INSERT INTO t SELECT x * 3, x % 97, CASE WHEN x % 500 = 0 THEN randomblob(3000 + x)
                WHEN x % 7 = 0 THEN NULL ELSE printf('%.*c', x % 40, 'v') END FROM s;
            BEGIN;
            CREATE TABLE u AS SELECT * FROM t;
            CREATE TABLE v(a INTEGER PRIMARY KEY, b, c);
            INSERT INTO v SELECT * FROM t;
            SAVEPOINT s1;
            INSERT INTO v SELECT a + 1000000, b, c FROM t WHERE b < 50;
            ROLLBACK TO s1;
            INSERT INTO v SELECT a + 2000000, b, c FROM t WHERE b >= 50;
            CREATE INDEX ua ON u(a);
            CREATE INDEX uc ON u(c, b);
            COMMIT;
            """;

    @ParameterizedTest(name = "page size {0}, auto_vacuum {1}")
    @CsvSource({"512, NONE", "1024, FULL", "4096, NONE", "4096, INCREMENTAL", "65536, NONE"})
    void appendedTablesAreSoundAndDense(int pageSize, String autoVacuum) throws Exception {
        String pragmas = "PRAGMA page_size = " + pageSize + "; PRAGMA auto_vacuum = " + autoVacuum + ";";
        Path ours = dir.resolve("ours.db");
        try (Database db = Database.open(ours.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            c.execute(pragmas + SETUP);
        }
        Path theirs = dir.resolve("theirs.db");
        Oracle.sqlite3(theirs, pragmas + "PRAGMA journal_mode = WAL;" + SETUP.replace("randomblob(3000 + x)",
                "zeroblob(3000 + x)"));
        assertEquals(List.of("ok"), Oracle.sqlite3(ours, "PRAGMA integrity_check;"));
        // counts of each copy, and of its rows missing from the source (none)
        String sameRows = "SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM (SELECT * FROM t EXCEPT SELECT * FROM u)),"
                + " (SELECT count(*) FROM v), (SELECT count(*) FROM (SELECT a % 1000000, b, c FROM v EXCEPT SELECT * FROM t));";
        List<String> counts = Oracle.sqlite3(ours, sameRows);
        assertEquals(Oracle.sqlite3(theirs, sameRows), counts);
        assertTrue(counts.get(0).matches("6000\\|0\\|\\d+\\|0"), counts.toString());
        for (String table : new String[] {"u", "v", "ua", "uc"}) {
            String pages = "SELECT count(*) FROM dbstat WHERE name = '" + table + "' AND pagetype = 'leaf';";
            int ourLeaves = Integer.parseInt(Oracle.sqlite3(ours, pages).get(0));
            int theirLeaves = Integer.parseInt(Oracle.sqlite3(theirs, pages).get(0));
            // tables come out the same; index leaves split a little differently from SQLite's
            // (whose index balance is not balance_quick), a few percent on pages of a few cells
            assertTrue(ourLeaves <= theirLeaves * 1.08 + 1,
                    table + ": " + ourLeaves + " leaves, sqlite3 " + theirLeaves);
        }
    }
}
