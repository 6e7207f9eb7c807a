package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Trigger programs that recurse (PRAGMA recursive_triggers on, so each level runs in a frame of
 * its own) while the level that called them is in the middle of something kept per register or
 * per cursor: a GROUP BY's accumulators, a window, a MULTI-INDEX OR's row set, a json_each
 * scan; plus REPLACE's DELETE triggers and PRAGMA defer_foreign_keys switched off in a
 * transaction. Compared with SQLite statement by statement, with the counters after each.
 */
class FrameStateDifferentialTest {

    private static final String RECURSIVE = "PRAGMA recursive_triggers = ON";

    @Test
    void aggregatesOfTheCallerSurviveTheRecursion() throws SQLException {
        FkRecursiveTest.differential(
                RECURSIVE,
                "CREATE TABLE src(g, v)",
                "INSERT INTO src VALUES (1, 10), (1, 11), (2, 20), (3, 30), (3, 31), (3, 32)",
                "CREATE TABLE t(lvl, g, n, s)",
                "CREATE TRIGGER deeper AFTER INSERT ON t WHEN new.lvl < 4 BEGIN "
                        + "INSERT INTO t SELECT new.lvl + 1, g, count(*), sum(v) + new.lvl FROM src GROUP BY g; END",
                "INSERT INTO t VALUES (0, 0, 0, 0)",
                "SELECT lvl, g, n, s, count(*) FROM t GROUP BY lvl, g, n, s ORDER BY 1, 2, 3, 4",
                "CREATE TABLE w(lvl, v, rn, tot)",
                "CREATE TRIGGER wdeeper AFTER INSERT ON w WHEN new.lvl < 3 BEGIN "
                        + "INSERT INTO w SELECT new.lvl + 1, v, row_number() OVER (ORDER BY v), sum(v) OVER (ORDER BY v) FROM src; END",
                "INSERT INTO w VALUES (0, 0, 0, 0)",
                "SELECT lvl, v, rn, tot, count(*) FROM w GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
    }

    @Test
    void multiIndexOrOfTheCallerSurvivesTheRecursion() throws SQLException {
        FkRecursiveTest.differential(
                RECURSIVE,
                "CREATE TABLE src(id INTEGER PRIMARY KEY, a, b)",
                "CREATE INDEX src_a ON src(a)",
                "CREATE INDEX src_b ON src(b)",
                "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 30) "
                        + "INSERT INTO src SELECT i, i % 7, i % 5 FROM c",
                "CREATE TABLE t(lvl, id)",
                "CREATE TRIGGER deeper AFTER INSERT ON t WHEN new.lvl < 3 BEGIN "
                        + "INSERT INTO t SELECT new.lvl + 1, id FROM src WHERE a = 3 OR b = 1; END",
                "INSERT INTO t VALUES (0, 0)",
                "SELECT lvl, count(*), sum(id) FROM t GROUP BY lvl ORDER BY lvl");
    }

    @Test
    void jsonEachOfTheCallerSurvivesTheRecursion() throws SQLException {
        FkRecursiveTest.differential(
                RECURSIVE,
                "CREATE TABLE t(lvl, v)",
                "CREATE TRIGGER deeper AFTER INSERT ON t WHEN new.lvl < 3 BEGIN "
                        + "INSERT INTO t SELECT new.lvl + 1, value FROM json_each('[1, 2, 3]'); END",
                "INSERT INTO t VALUES (0, 0)",
                "SELECT lvl, v, count(*) FROM t GROUP BY lvl, v ORDER BY lvl, v");
    }

    @Test
    void replaceFiresDeleteTriggersWhenRecursive() throws SQLException {
        for (String mode : new String[] {"OFF", "ON"}) {
            FkRecursiveTest.differential(
                    "PRAGMA recursive_triggers = " + mode,
                    "CREATE TABLE t(id INTEGER PRIMARY KEY, u UNIQUE, v)",
                    "CREATE TABLE log(id INTEGER PRIMARY KEY, what TEXT)",
                    "CREATE TRIGGER td AFTER DELETE ON t BEGIN INSERT INTO log(what) VALUES ('del ' || old.id || ' ' || old.u); END",
                    "CREATE TRIGGER tbd BEFORE DELETE ON t BEGIN INSERT INTO log(what) VALUES ('bdel ' || old.id); END",
                    "INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)",
                    "REPLACE INTO t VALUES (1, 'b', 10)",
                    "INSERT OR REPLACE INTO t VALUES (4, 'c', 40)",
                    "UPDATE OR REPLACE t SET u = 'c' WHERE id = 1",
                    "SELECT * FROM t ORDER BY id",
                    "SELECT * FROM log ORDER BY id");
        }
    }

    @Test
    void deferForeignKeysOffDropsTheDeferredViolations() throws SQLException {
        FkRecursiveTest.differential(
                "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(x REFERENCES p)",
                "BEGIN",
                "PRAGMA defer_foreign_keys = ON",
                "INSERT INTO c VALUES (7)",
                "PRAGMA defer_foreign_keys = OFF",
                "COMMIT",
                "SELECT * FROM c",
                "DELETE FROM c",
                "BEGIN",
                "PRAGMA defer_foreign_keys = ON",
                "INSERT INTO c VALUES (8)",
                "PRAGMA defer_foreign_keys = OFF",
                "INSERT INTO p VALUES (8)",
                "COMMIT",
                "SELECT * FROM c",
                "BEGIN",
                "PRAGMA defer_foreign_keys = ON",
                "INSERT INTO c VALUES (9)",
                "PRAGMA defer_foreign_keys = OFF",
                "INSERT INTO c VALUES (10)",
                "INSERT INTO p VALUES (9)",
                "COMMIT",
                "SELECT * FROM c ORDER BY x",
                "BEGIN",
                "PRAGMA defer_foreign_keys = ON",
                "INSERT INTO c VALUES (11)",
                "PRAGMA defer_foreign_keys = OFF",
                "PRAGMA defer_foreign_keys = ON",
                "COMMIT",
                "INSERT INTO p VALUES (11)",
                "COMMIT",
                "SELECT * FROM c ORDER BY x");
    }
}
