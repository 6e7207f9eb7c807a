package io.turso4j;

import static io.turso4j.TablesTest.sqlite3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE INDEX over an existing table (the sorter-fed build, pages filled in key order) against
 * SQLite: several thousand rows with duplicate keys, NULLs and texts long enough to spill to
 * overflow pages; ASC, DESC, NOCASE and multi-column indexes, and UNIQUE ones that must fail on
 * duplicates. Lookups through each index must give SQLite's rows, and the file must pass
 * sqlite3's integrity_check. Seeded; replay with {@code -Dturso4j.seed=N}.
 */
class CreateIndexTest {
    @TempDir
    Path dir;

    @Test
    void indexesBuiltOverRowsMatchSqlite() throws Exception {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("CreateIndexTest seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle(dir)) {
            String[] setup = {"CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, b TEXT, c BLOB)", "BEGIN"};
            for (String sql : setup) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (int i = 0; i < 4000; i++) {
                String a = random.nextInt(10) == 0 ? "NULL" : String.valueOf(random.nextInt(500) - 250);
                String b = random.nextInt(10) == 0 ? "NULL"
                        : "'" + (random.nextBoolean() ? "K" : "k") + "ey" + random.nextInt(300) + "x".repeat(random.nextInt(8) == 0 ? 2000 + random.nextInt(3000) : random.nextInt(40)) + "'";
                String insert = "INSERT INTO t(a, b, c) VALUES (" + a + ", " + b + ", randomblob(" + random.nextInt(30) + "))";
                assertEquals(oracle.sqlite(insert), oracle.turso(insert), insert);
            }
            String[] script = {
                "COMMIT",
                "CREATE INDEX ia ON t(a)",
                "CREATE INDEX ib ON t(b DESC, a)",
                "CREATE INDEX ic ON t(b COLLATE NOCASE)",
                "CREATE UNIQUE INDEX iu ON t(a, id)",
                "CREATE UNIQUE INDEX bad1 ON t(a)",
                "CREATE UNIQUE INDEX bad2 ON t(b COLLATE NOCASE, a)",
                "CREATE UNIQUE INDEX ok3 ON t(length(b), id)",
                "SELECT name FROM sqlite_schema ORDER BY name",
                "SELECT id, a FROM t INDEXED BY ia WHERE a BETWEEN -20 AND 20 ORDER BY a, id",
                "SELECT id, substr(b, 1, 8), length(b) FROM t INDEXED BY ib WHERE b > 'key2' ORDER BY b DESC, a, id LIMIT 300",
                "SELECT count(*), min(b), max(b) FROM t INDEXED BY ic WHERE b >= 'KEY1' COLLATE NOCASE",
                "SELECT count(*) FROM t INDEXED BY iu WHERE a IS NULL",
                "PRAGMA integrity_check",
            };
            for (String sql : script) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql + " (seed " + seed + ")");
            }
        }
        assertEquals("ok\n", sqlite3(dir.resolve("turso.db"), "PRAGMA integrity_check"), "seed " + seed);
    }
}
