package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Trigger semantics that once differed from SQLite's, each script compared statement by
 * statement with sqlite-jdbc (found by {@link TriggersRandomTest}).
 */
class TriggerSemanticsDifferentialTest {

    /** An UPSERT's DO UPDATE is an UPDATE of the row: its BEFORE and AFTER UPDATE triggers fire. */
    @Test
    void upsertDoUpdateFiresUpdateTriggers() throws SQLException {
        SqliteOracle.differential(
            "CREATE TABLE s(k PRIMARY KEY, v)",
            "CREATE TABLE lg(x)",
            "CREATE TRIGGER b BEFORE UPDATE ON s BEGIN INSERT INTO lg VALUES ('before ' || old.v || '->' || new.v); END",
            "CREATE TRIGGER a AFTER UPDATE OF v ON s BEGIN INSERT INTO lg VALUES ('after ' || old.v || '->' || new.v); END",
            "CREATE TRIGGER w BEFORE UPDATE ON s WHEN new.v > 3 BEGIN INSERT INTO lg VALUES ('when ' || new.v); END",
            "CREATE TRIGGER k AFTER UPDATE OF k ON s BEGIN INSERT INTO lg VALUES ('key'); END",
            "INSERT INTO s VALUES (4, 2)",
            "INSERT INTO s VALUES (4, 6) ON CONFLICT(k) DO UPDATE SET v = v + excluded.v",
            "INSERT INTO s VALUES (4, 1) ON CONFLICT(k) DO UPDATE SET v = 0 WHERE v > 100",
            "INSERT INTO s VALUES (5, 1) ON CONFLICT DO UPDATE SET v = -1",
            "SELECT * FROM lg",
            "SELECT * FROM s");
    }

    /**
     * An INSERT … SELECT into a table with row triggers reads all its source rows first, as
     * SQLite does: a trigger adding to the table the SELECT reads once fed it without end.
     */
    @Test
    void insertSelectIntoATableWithTriggersReadsItsSourceFirst() throws SQLException {
        SqliteOracle.differential(
            "CREATE TABLE t(a)",
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 25) INSERT INTO t SELECT i FROM s",
            "CREATE TABLE u(x)",
            "CREATE TRIGGER ut AFTER INSERT ON u BEGIN INSERT INTO t VALUES (new.x + 100); END",
            "CREATE TRIGGER ub BEFORE INSERT ON u WHEN new.x % 5 = 0 BEGIN DELETE FROM t WHERE a = new.x + 1; END",
            "INSERT INTO u SELECT a FROM t",
            "SELECT count(*), sum(x) FROM u",
            "SELECT count(*), sum(a) FROM t");
    }

    /** A subquery that reads no row of the statement is evaluated again at each firing. */
    @Test
    void uncorrelatedSubqueriesRunAtEachFiring() throws SQLException {
        SqliteOracle.differential(
            "CREATE TABLE t(id INTEGER PRIMARY KEY, a)",
            "CREATE TABLE log(n INTEGER PRIMARY KEY, x, c)",
            "CREATE TABLE out(n, c)",
            "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN INSERT INTO log(x, c) VALUES (new.a, (SELECT count(*) FROM log)); END",
            "CREATE TRIGGER t_upd AFTER UPDATE OF a ON t BEGIN INSERT INTO log(x) VALUES (new.a); END",
            "CREATE TRIGGER log_ins AFTER INSERT ON log WHEN (SELECT count(*) FROM log) % 2 = 0 BEGIN "
                    + "INSERT INTO out VALUES (new.n, (SELECT count(*) FROM log)); END",
            "INSERT INTO t(a) VALUES (1), (2), (3)",
            "INSERT INTO t(a) SELECT a + 10 FROM t",
            "UPDATE t SET a = a + 1",
            "SELECT * FROM log",
            "SELECT * FROM out");
    }

    /**
     * An OR clause on the statement that fires a trigger replaces those of the trigger's INSERT
     * and UPDATE steps; an UPSERT's DO UPDATE counts as OR ABORT.
     */
    @Test
    void firingStatementsConflictActionWins() throws SQLException {
        SqliteOracle.differential(
            "CREATE TABLE t(a)",
            "CREATE TABLE s(k UNIQUE, v)",
            "INSERT INTO s VALUES (1, 'orig')",
            "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT OR REPLACE INTO s VALUES (new.a, 'trig'); END",
            "INSERT INTO t VALUES (1)",
            "INSERT OR ABORT INTO t VALUES (1)",
            "INSERT OR IGNORE INTO t VALUES (2)",
            "INSERT OR IGNORE INTO t VALUES (1)",
            "SELECT * FROM s",
            "SELECT * FROM t",
            "CREATE TABLE u(k PRIMARY KEY, v)",
            "INSERT INTO u VALUES (1, 0)",
            "CREATE TRIGGER tu BEFORE UPDATE ON u BEGIN UPDATE OR REPLACE s SET k = 1 WHERE k = 2; "
                    + "INSERT OR REPLACE INTO s VALUES (1, 'from u'); END",
            "INSERT INTO u VALUES (1, 5) ON CONFLICT(k) DO UPDATE SET v = excluded.v",
            "UPDATE OR FAIL u SET v = 7",
            "UPDATE u SET v = 8",
            "SELECT * FROM s",
            "SELECT * FROM u");
    }
}
