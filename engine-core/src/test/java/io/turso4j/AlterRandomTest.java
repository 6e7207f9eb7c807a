package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random ALTER TABLE sequences (RENAME COLUMN, RENAME TO, ADD COLUMN with defaults and
 * constraints, DROP COLUMN) on a table that an index, a partial index, a view and a trigger
 * depend on, with inserts in between, against SQLite: each statement's result or error, the
 * schema's SQL text as SQLite rewrites it, the rows through the table and the view, and
 * integrity_check must match after every statement. Prints its seed; replay with
 * {@code -Dturso4j.seed=N}.
 */
class AlterRandomTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(a INTEGER, b TEXT, c REAL, d)",
        "CREATE TABLE log(x)",
        "CREATE INDEX t_b ON t(b)",
        "CREATE INDEX t_cd ON t(c, d) WHERE c > 0",
        "CREATE VIEW v AS SELECT a, b || '!' AS bb FROM t WHERE a IS NOT NULL",
        "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.a); END",
        "INSERT INTO t VALUES (1, 'x', 1.5, 'd1'), (2, 'y', -1, NULL)",
    };
    private static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "a2", "\"B b\""};
    private static final String[] TABLES = {"t", "t2", "tt"};

    @Test
    void alterSequencesMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("AlterRandomTest seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (int i = 0; i < 60; i++) {
                String table = pick(random, TABLES);
                String sql = switch (random.nextInt(6)) {
                    case 0 -> "ALTER TABLE " + table + " RENAME COLUMN " + pick(random, NAMES) + " TO " + pick(random, NAMES);
                    case 1 -> "ALTER TABLE " + table + " RENAME TO " + pick(random, TABLES);
                    case 2 -> "ALTER TABLE " + table + " ADD COLUMN " + pick(random, NAMES) + " "
                            + pick(random, "", "INT DEFAULT 7", "TEXT NOT NULL DEFAULT 'z'", "REAL CHECK (1)",
                                    "DEFAULT (1 + 2)", "NOT NULL", "UNIQUE", "AS (1) VIRTUAL", "REFERENCES log(x)");
                    case 3 -> "ALTER TABLE " + table + " DROP COLUMN " + pick(random, NAMES);
                    default -> "INSERT INTO " + table + " VALUES (" + random.nextInt(5) + ", 'v" + i + "', " + (random.nextInt(5) - 2)
                            + ", NULL)";
                };
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql + " (seed " + seed + ", statement " + i + ")");
                String[] checks = {
                    "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
                    "SELECT * FROM v",
                    "SELECT * FROM log",
                    "PRAGMA integrity_check",
                };
                for (String check : checks) {
                    assertEquals(oracle.sqlite(check), oracle.turso(check), check + " after " + sql + " (seed " + seed + ")");
                }
                for (String t : TABLES) {
                    String all = "SELECT * FROM " + t;
                    assertEquals(oracle.sqlite(all), oracle.turso(all), all + " after " + sql + " (seed " + seed + ")");
                }
            }
        }
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
