package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Index maintenance under random DML, against SQLite: a table with an index on an expression,
 * a partial index, a composite DESC index, a UNIQUE index over NULL-able columns, and indexed
 * STORED and VIRTUAL generated columns; random INSERT / UPDATE / DELETE / REPLACE / UPSERT.
 * After each statement its result, the table, lookups that go through each index, and
 * {@code PRAGMA integrity_check} (index against table) must match SQLite's. Prints its seed;
 * replay with {@code -Dturso4j.seed=N}.
 */
class IndexedDmlRandomTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, b TEXT, c REAL, d, "
                + "g AS (a * 2 + 1) STORED, h AS (lower(b) || '/' || coalesce(d, '-')) VIRTUAL)",
        "CREATE INDEX t_lower ON t(lower(b))",
        "CREATE INDEX t_pos ON t(c) WHERE c > 0",
        "CREATE INDEX t_ad ON t(a DESC, d)",
        "CREATE UNIQUE INDEX t_ub ON t(b, d)",
        "CREATE INDEX t_g ON t(g)",
        "CREATE INDEX t_h ON t(h)",
    };

    private static final String[] QUERIES = {
        "SELECT id FROM t WHERE lower(b) = 'x' ORDER BY id",
        "SELECT id, c FROM t WHERE c > 0.5 ORDER BY c, id",
        "SELECT id FROM t WHERE a = 2 ORDER BY d, id",
        "SELECT id FROM t WHERE g = 5 ORDER BY id",
        "SELECT id, h FROM t WHERE h >= 'x' ORDER BY h, id",
        "SELECT count(*), sum(a), group_concat(b, '') FROM t",
        "PRAGMA integrity_check",
    };

    @Test
    void indexesFollowRandomChanges() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("IndexedDmlRandomTest seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (int i = 0; i < 200; i++) {
                String sql = statement(random);
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql + " (seed " + seed + ", statement " + i + ")");
                for (String q : QUERIES) {
                    assertEquals(oracle.sqlite(q), oracle.turso(q), q + " after " + sql + " (seed " + seed + ")");
                }
            }
            String all = "SELECT * FROM t ORDER BY id";
            assertEquals(oracle.sqlite(all), oracle.turso(all), "seed " + seed);
        }
    }

    private static String statement(Random random) {
        String a = String.valueOf(random.nextInt(5) - 1);
        String b = pick(random, "NULL", "'x'", "'X'", "'y'", "'Yz'", "'x '", "''");
        String c = pick(random, "NULL", "0", "0.5", "1", "-2.5", "3", "'7'");
        String d = pick(random, "NULL", "1", "'1'", "x'01'", "2.0", "'d'");
        int id = 1 + random.nextInt(25);
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> "INSERT " + pick(random, "", "", "OR IGNORE ", "OR REPLACE ") + "INTO t(a, b, c, d) VALUES ("
                    + a + ", " + b + ", " + c + ", " + d + ")";
            case 3 -> "INSERT OR REPLACE INTO t(id, a, b, c, d) VALUES (" + id + ", " + a + ", " + b + ", " + c + ", " + d + ")";
            case 4 -> "UPDATE " + pick(random, "", "OR IGNORE ", "OR REPLACE ") + "t SET b = " + b + ", d = " + d
                    + " WHERE id % 4 = " + random.nextInt(4);
            case 5 -> "UPDATE t SET a = a + " + a + ", c = " + c + " WHERE " + pick(random, "lower(b) = 'x'", "c > 0",
                    "a = 1", "g = 3", "h LIKE 'x%'");
            case 6 -> "UPDATE t SET id = id + 100 WHERE id = " + id;
            case 7 -> "DELETE FROM t WHERE " + pick(random, "id = " + id, "c > 0.7", "lower(b) = 'y'", "a < 0", "d IS NULL");
            case 8 -> "INSERT INTO t(a, b, c, d) VALUES (" + a + ", " + b + ", " + c + ", " + d
                    + ") ON CONFLICT(b, d) DO UPDATE SET a = a + excluded.a, c = excluded.c";
            default -> "REPLACE INTO t(a, b, c, d) SELECT a + 1, b, c, d FROM t WHERE id = " + id;
        };
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
