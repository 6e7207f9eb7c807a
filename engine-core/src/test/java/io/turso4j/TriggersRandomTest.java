package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A random subset of interacting triggers (BEFORE/AFTER, WHEN clauses, UPDATE OF, RAISE with
 * IGNORE/ABORT/FAIL, triggers firing triggers, UPSERT and REPLACE inside bodies), with
 * recursive_triggers on or off, under random INSERT / UPDATE / DELETE / REPLACE statements on
 * SQLite (sqlite-jdbc) and turso4j: every statement's result or error, and after each one
 * every table's contents, must be the same. Prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class TriggersRandomTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(id INTEGER PRIMARY KEY, a, b)",
        "CREATE TABLE log(n INTEGER PRIMARY KEY, what TEXT, x, y)",
        "CREATE TABLE s(k PRIMARY KEY, v)",
    };

    private static final String[] TRIGGERS = {
        "CREATE TRIGGER t_ins AFTER INSERT ON t WHEN new.a > 2 BEGIN "
                + "INSERT INTO log(what, x, y) VALUES ('ins', new.id, new.a); END",
        "CREATE TRIGGER t_skip BEFORE INSERT ON t WHEN new.b IS NULL BEGIN SELECT RAISE(IGNORE); END",
        "CREATE TRIGGER t_upd AFTER UPDATE OF a ON t BEGIN INSERT INTO log(what, x, y) VALUES ('upd', old.a, new.a); "
                + "UPDATE s SET v = coalesce(v, 0) + 1 WHERE k = new.id % 3; END",
        "CREATE TRIGGER t_keep BEFORE DELETE ON t WHEN old.a = 1 BEGIN SELECT RAISE(ABORT, 'no deleting ones'); END",
        "CREATE TRIGGER t_del AFTER DELETE ON t BEGIN DELETE FROM s WHERE k = old.id % 5; "
                + "INSERT INTO log(what, x) VALUES ('del', old.id); END",
        "CREATE TRIGGER log_ins AFTER INSERT ON log WHEN (SELECT count(*) FROM log) % 4 = 0 BEGIN "
                + "INSERT OR REPLACE INTO s VALUES (new.n % 5, new.x); END",
        "CREATE TRIGGER t_neg BEFORE UPDATE ON t WHEN new.a < 0 BEGIN SELECT RAISE(FAIL, 'negative'); END",
        "CREATE TRIGGER s_ins AFTER INSERT ON s BEGIN UPDATE t SET b = 'touched' WHERE id = new.k; END",
        "CREATE TRIGGER s_upd BEFORE UPDATE ON s WHEN new.v > 3 BEGIN "
                + "INSERT INTO t(a, b) VALUES (new.v, 'from s') ON CONFLICT DO NOTHING; END",
        "CREATE TRIGGER t_upd_b AFTER UPDATE OF b ON t WHEN new.b <> old.b BEGIN "
                + "UPDATE t SET a = a + 1 WHERE id = new.id AND a < 5; END",
    };

    @Test
    void randomTriggersMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("TriggersRandomTest seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            List<String> setup = new ArrayList<>(List.of(SCHEMA));
            for (String trigger : TRIGGERS) {
                if (random.nextInt(3) > 0) {
                    setup.add(trigger);
                }
            }
            setup.add("PRAGMA recursive_triggers = " + (random.nextBoolean() ? "ON" : "OFF"));
            for (String sql : setup) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql + " (seed " + seed + ")");
            }
            for (int i = 0; i < 150; i++) {
                String sql = statement(random);
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql + " (seed " + seed + ", statement " + i + ")");
                for (String table : new String[] {"t", "log", "s"}) {
                    String all = "SELECT * FROM " + table + " ORDER BY 1";
                    assertEquals(oracle.sqlite(all), oracle.turso(all), "after " + sql + " (seed " + seed + ")");
                }
            }
        }
    }

    private static String statement(Random random) {
        String a = String.valueOf(random.nextInt(9) - 2);
        String b = random.nextInt(5) == 0 ? "NULL" : "'b" + random.nextInt(4) + "'";
        int id = 1 + random.nextInt(12);
        return switch (random.nextInt(9)) {
            case 0, 1 -> "INSERT INTO t(a, b) VALUES (" + a + ", " + b + ")";
            case 2 -> "INSERT OR REPLACE INTO t VALUES (" + id + ", " + a + ", " + b + ")";
            case 3 -> "UPDATE t SET a = a + " + a + " WHERE id % 3 = " + random.nextInt(3);
            case 4 -> "UPDATE OR " + (random.nextBoolean() ? "IGNORE" : "REPLACE") + " t SET b = " + b + " WHERE id = " + id;
            case 5 -> "DELETE FROM t WHERE a = " + a;
            case 6 -> "INSERT INTO s VALUES (" + random.nextInt(5) + ", " + a + ") ON CONFLICT(k) DO UPDATE SET v = v + excluded.v";
            case 7 -> "INSERT INTO t(a, b) SELECT a + 1, b FROM t WHERE id > " + id + " LIMIT 2";
            default -> "UPDATE t SET a = -a, b = " + b + " WHERE id = " + id + " RETURNING id, a, b";
        };
    }
}
