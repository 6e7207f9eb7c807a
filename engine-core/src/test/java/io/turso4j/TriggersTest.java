package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.error.SqliteException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Triggers end to end, each script run on SQLite (sqlite-jdbc) and on turso4j: the rows, the
 * errors' messages and extended result codes, changes() and total_changes() must agree.
 */
class TriggersTest {

    /** Each statement on both engines; its result (rows, or error code and message) must be the same. */
    private static void differential(String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : script) {
                assertEquals(SqliteOracle.withCode(oracle.sqliteConnection(), sql),
                        SqliteOracle.withCode(oracle.connection(), sql), sql);
            }
        }
    }

    @Test
    void auditLog() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, qty INTEGER DEFAULT 1)",
                "CREATE TABLE log(at INTEGER PRIMARY KEY, what TEXT, id, old, new)",
                "CREATE TRIGGER ti AFTER INSERT ON t BEGIN INSERT INTO log(what, id, new) VALUES('ins', new.id, new.name); END",
                "CREATE TRIGGER tu AFTER UPDATE ON t BEGIN INSERT INTO log(what, id, old, new) VALUES('upd', new.rowid, old.name, new.name); END",
                "CREATE TRIGGER td AFTER DELETE ON t BEGIN INSERT INTO log(what, id, old) VALUES('del', old.id, old.name); END",
                "INSERT INTO t(name) VALUES ('a'), ('b'), ('c')",
                "SELECT changes(), total_changes(), last_insert_rowid()",
                "UPDATE t SET name = upper(name) WHERE id >= 2",
                "SELECT changes(), total_changes()",
                "DELETE FROM t WHERE id = 1",
                "SELECT changes(), total_changes()",
                "INSERT INTO t VALUES (10, 'ten', 5)",
                "SELECT last_insert_rowid()",
                "SELECT * FROM t",
                "SELECT * FROM log");
    }

    @Test
    void beforeTriggersChangeOtherTables() throws SQLException {
        differential(
                "CREATE TABLE item(id INTEGER PRIMARY KEY, stock INTEGER)",
                "CREATE TABLE orders(id INTEGER PRIMARY KEY, item INTEGER, n INTEGER)",
                "INSERT INTO item VALUES (1, 10), (2, 3)",
                "CREATE TRIGGER take BEFORE INSERT ON orders BEGIN UPDATE item SET stock = stock - new.n WHERE id = new.item; END",
                "CREATE TRIGGER giveback BEFORE DELETE ON orders BEGIN UPDATE item SET stock = stock + old.n WHERE id = old.item; END",
                "CREATE TRIGGER change BEFORE UPDATE OF n ON orders BEGIN UPDATE item SET stock = stock + old.n - new.n WHERE id = new.item; END",
                "INSERT INTO orders(item, n) VALUES (1, 4), (2, 1), (1, 2)",
                "SELECT * FROM item",
                "UPDATE orders SET n = n + 1 WHERE item = 1",
                "UPDATE orders SET item = item",
                "SELECT * FROM item",
                "DELETE FROM orders WHERE id = 2",
                "SELECT * FROM item",
                "SELECT * FROM orders",
                "SELECT changes()");
    }

    @Test
    void whenClausesAndNewOldValues() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d)",
                "CREATE TABLE log(x)",
                "CREATE TRIGGER big AFTER INSERT ON t WHEN new.c > 10 BEGIN INSERT INTO log VALUES ('big ' || new.c); END",
                "CREATE TRIGGER seen BEFORE INSERT ON t BEGIN INSERT INTO log VALUES (quote(new.a) || ' ' || quote(new.b) || ' ' || quote(new.c) || ' ' || quote(new.rowid) || ' ' || quote(new.oid)); END",
                "CREATE TRIGGER up BEFORE UPDATE ON t WHEN old.b IS NOT new.b BEGIN INSERT INTO log VALUES (old.b || '->' || new.b || ' ' || typeof(new.c)); END",
                "INSERT INTO t(b, c) VALUES (5, '7'), ('x', 20)",
                "INSERT INTO t VALUES (9, 1.5, 11, NULL)",
                "UPDATE t SET b = 'x'",
                "UPDATE t SET c = '3' WHERE a = 9",
                "SELECT * FROM log",
                "SELECT * FROM t");
    }

    @Test
    void updateOfColumns() throws SQLException {
        differential(
                "CREATE TABLE t(a, b, c)",
                "CREATE TABLE log(x)",
                "CREATE TRIGGER ofb AFTER UPDATE OF b ON t BEGIN INSERT INTO log VALUES ('b ' || new.b); END",
                "CREATE TRIGGER ofac AFTER UPDATE OF A, c ON t BEGIN INSERT INTO log VALUES ('ac ' || new.a || new.c); END",
                "INSERT INTO t VALUES (1, 2, 3)",
                "UPDATE t SET b = b",
                "UPDATE t SET a = 5",
                "UPDATE t SET c = 6, b = 7",
                "SELECT * FROM log");
    }

    @Test
    void raiseVariants() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b)",
                "CREATE TRIGGER skip BEFORE INSERT ON t WHEN new.b < 0 BEGIN SELECT RAISE(IGNORE); END",
                "CREATE TRIGGER abort BEFORE INSERT ON t WHEN new.b > 100 BEGIN SELECT RAISE(ABORT, 'too big'); END",
                "CREATE TRIGGER fail AFTER INSERT ON t WHEN new.b = 50 BEGIN SELECT RAISE(FAIL, 'fifty'); END",
                "CREATE TRIGGER rollback AFTER INSERT ON t WHEN new.b = 66 BEGIN SELECT RAISE(ROLLBACK, 'sixty six'); END",
                "INSERT INTO t(b) VALUES (1), (-1), (2)",
                "SELECT changes()",
                "INSERT INTO t(b) VALUES (3), (200), (4)",
                "SELECT changes(), count(*) FROM t",
                "INSERT INTO t(b) VALUES (5), (50), (6)",
                "SELECT changes(), count(*) FROM t",
                "BEGIN",
                "INSERT INTO t(b) VALUES (7)",
                "INSERT INTO t(b) VALUES (8), (66)",
                "COMMIT",
                "SELECT * FROM t",
                "BEGIN",
                "INSERT INTO t(b) VALUES (9)",
                "INSERT INTO t(b) VALUES (10), (200)",
                "INSERT INTO t(b) VALUES (11), (50)",
                "COMMIT",
                "SELECT * FROM t",
                "SELECT RAISE(IGNORE)",
                "SELECT RAISE(ABORT, 'x')");
    }

    @Test
    void raiseIgnoreAbandonsOnlyTheRow() throws SQLException {
        differential(
                "CREATE TABLE t(a)",
                "CREATE TABLE log(x)",
                "CREATE TRIGGER d BEFORE DELETE ON t BEGIN INSERT INTO log VALUES (old.a); SELECT RAISE(IGNORE) WHERE old.a % 2 = 0; INSERT INTO log VALUES ('after ' || old.a); END",
                "CREATE TRIGGER u AFTER UPDATE ON t BEGIN SELECT RAISE(IGNORE) WHERE new.a = 30; INSERT INTO log VALUES ('upd ' || new.a); END",
                "INSERT INTO t VALUES (1), (2), (3), (4)",
                "DELETE FROM t",
                "SELECT changes()",
                "UPDATE t SET a = a * 10",
                "SELECT * FROM t",
                "SELECT * FROM log");
    }

    @Test
    void lastInsertRowidInsideTriggersIsRestoredOnExit() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)",
                "CREATE TABLE log(x)",
                "CREATE TRIGGER nested AFTER INSERT ON t WHEN new.b NOT LIKE 't%' BEGIN INSERT INTO t(b) VALUES ('t' || last_insert_rowid()); END",
                "CREATE TRIGGER outer AFTER INSERT ON log BEGIN INSERT INTO t(b) VALUES (last_insert_rowid()); INSERT INTO t(b) VALUES ('t' || last_insert_rowid()); END",
                "CREATE TRIGGER skip BEFORE INSERT ON log WHEN new.x = 0 BEGIN INSERT INTO t(b) VALUES ('skipped'); SELECT RAISE(IGNORE); END",
                "INSERT INTO t VALUES (10, 'a')",
                "SELECT last_insert_rowid()",
                "INSERT INTO log VALUES (5)",
                "SELECT last_insert_rowid(), changes(), total_changes()",
                "INSERT INTO log VALUES (0)",
                "SELECT last_insert_rowid(), changes(), total_changes()",
                "SELECT * FROM t",
                "SELECT rowid, * FROM log");
    }

    @Test
    void raiseMessageExpressionsAndNames() throws SQLException {
        differential(
                "CREATE TABLE t(a, b)",
                "CREATE TRIGGER c BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'no ' || old.a) WHERE new.b IS NULL; END",
                "INSERT INTO t VALUES (1, 2)",
                "UPDATE t SET b = NULL",
                "UPDATE t SET b = 3",
                "SELECT * FROM t");
    }

    @Test
    void beforeTriggersChangingTheRowBeingChanged() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c UNIQUE)",
                "CREATE TABLE log(x)",
                "INSERT INTO t VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30), (4, 'd', 40)",
                "CREATE TRIGGER bu BEFORE UPDATE ON t WHEN old.a = 2 BEGIN DELETE FROM t WHERE a = 2; END",
                "CREATE TRIGGER bu2 BEFORE UPDATE ON t WHEN old.a = 3 BEGIN UPDATE t SET b = 'changed', c = 31 WHERE a = 3; END",
                "UPDATE t SET b = b || '!'",
                "SELECT changes()",
                "SELECT * FROM t",
                "SELECT * FROM t WHERE c = 31",
                "CREATE TRIGGER bd BEFORE DELETE ON t BEGIN DELETE FROM t WHERE a = old.a + 1; INSERT INTO log VALUES (old.a); END",
                "DELETE FROM t WHERE a IN (1, 3)",
                "SELECT changes()",
                "SELECT * FROM t",
                "SELECT * FROM log",
                "CREATE TABLE s(a INTEGER PRIMARY KEY, v)",
                "CREATE TRIGGER bi BEFORE INSERT ON s BEGIN INSERT INTO s VALUES (new.a, 'from trigger'); END",
                "INSERT INTO s VALUES (5, 'x')",
                "INSERT INTO s(v) VALUES ('y')",
                "SELECT * FROM s");
    }

    @Test
    void cascadingTriggers() throws SQLException {
        differential(
                "CREATE TABLE a(x)",
                "CREATE TABLE b(x)",
                "CREATE TABLE c(x)",
                "CREATE TRIGGER ab AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.x * 2); END",
                "CREATE TRIGGER bc AFTER INSERT ON b BEGIN INSERT INTO c VALUES (new.x + 1); INSERT INTO a VALUES (new.x); END",
                "CREATE TRIGGER cc AFTER INSERT ON c BEGIN UPDATE c SET x = x * 100 WHERE x = new.x; END",
                "CREATE TRIGGER cu AFTER UPDATE ON c BEGIN INSERT INTO b VALUES (-1); END",
                "INSERT INTO a VALUES (1), (2)",
                "SELECT changes(), total_changes()",
                "SELECT * FROM a",
                "SELECT * FROM b",
                "SELECT * FROM c");
    }

    @Test
    void selfRecursionIsOff() throws SQLException {
        differential(
                "CREATE TABLE t(n)",
                "CREATE TRIGGER again AFTER INSERT ON t WHEN new.n < 5 BEGIN INSERT INTO t VALUES (new.n + 1); END",
                "INSERT INTO t VALUES (1)",
                "SELECT * FROM t",
                "CREATE TRIGGER del AFTER DELETE ON t BEGIN DELETE FROM t WHERE n = old.n + 1; END",
                "DELETE FROM t WHERE n = 1",
                "SELECT * FROM t");
    }

    @Test
    void createAndDropErrors() throws SQLException {
        differential(
                "CREATE TABLE t(a)",
                "CREATE TRIGGER x AFTER INSERT ON nosuch BEGIN SELECT 1; END",
                "CREATE TRIGGER x INSTEAD OF INSERT ON t BEGIN SELECT 1; END",
                "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END",
                "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 2; END",
                "CREATE TRIGGER \"x\" AFTER INSERT ON t BEGIN SELECT 2; END",
                "CREATE TRIGGER IF NOT EXISTS x AFTER INSERT ON t BEGIN SELECT 2; END",
                "CREATE TRIGGER sqlite_x AFTER INSERT ON t BEGIN SELECT 2; END",
                "CREATE TRIGGER y AFTER INSERT ON sqlite_master BEGIN SELECT 2; END",
                "CREATE TRIGGER main.z BEFORE DELETE ON t FOR EACH ROW BEGIN SELECT 3; END",
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY name",
                "CREATE TRIGGER q AFTER INSERT ON t BEGIN INSERT INTO main.t VALUES (1); END",
                "CREATE TRIGGER q AFTER INSERT ON t BEGIN DELETE FROM main.t; END",
                "CREATE TRIGGER q AFTER INSERT ON t BEGIN UPDATE t INDEXED BY i SET a = 1; END",
                "CREATE TRIGGER q AFTER INSERT ON t BEGIN DELETE FROM t NOT INDEXED; END",
                "DROP TRIGGER nosuch",
                "DROP TRIGGER IF EXISTS nosuch",
                "DROP TRIGGER X",
                "DROP TRIGGER main.z",
                "DROP TRIGGER z",
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY name");
    }

    @Test
    void namesAreCheckedWhenTheTriggerFires() throws SQLException {
        differential(
                "CREATE TABLE t(a)",
                "CREATE TABLE u(b)",
                "CREATE TRIGGER badcol AFTER INSERT ON t BEGIN INSERT INTO u VALUES (new.nope); END",
                "INSERT INTO t VALUES (1)",
                "DROP TRIGGER badcol",
                "CREATE TRIGGER badtab AFTER INSERT ON t BEGIN INSERT INTO nosuch VALUES (new.a); END",
                "INSERT INTO t VALUES (1)",
                "DROP TRIGGER badtab",
                "CREATE TRIGGER unqualified AFTER INSERT ON t BEGIN INSERT INTO u VALUES (a); END",
                "INSERT INTO t VALUES (1)",
                "DROP TRIGGER unqualified",
                "CREATE TRIGGER oldinsert AFTER INSERT ON t BEGIN INSERT INTO u VALUES (old.a); END",
                "INSERT INTO t VALUES (1)",
                "DROP TRIGGER oldinsert",
                "CREATE TRIGGER scoped AFTER UPDATE ON t BEGIN UPDATE u SET b = b + new.a WHERE b = old.a; END",
                "INSERT INTO u VALUES (5), (6)",
                "INSERT INTO t VALUES (5)",
                "UPDATE t SET a = 100",
                "SELECT * FROM u",
                "SELECT * FROM t");
    }

    @Test
    void triggersSurviveReopeningTheSchema() throws SQLException {
        differential(
                "CREATE TABLE t(a)",
                "CREATE TABLE log(x)",
                "CREATE TRIGGER one AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('one'); END",
                "CREATE TRIGGER two AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('two'); END",
                "CREATE TRIGGER three BEFORE INSERT ON t BEGIN INSERT INTO log VALUES ('three'); END",
                "INSERT INTO t VALUES (1)",
                "SELECT * FROM log");
    }

    /**
     * A chain of 1001 triggers, each firing the next: one level past SQLITE_MAX_TRIGGER_DEPTH
     * fails when it runs, with sqlite3 3.40's message (sqlite-jdbc's 3.54 refuses such a chain
     * while preparing it, as "triggers nested too deep"); 1000 levels run.
     */
    @Test
    void tooManyLevelsOfTriggerRecursion() throws InterruptedException {
        // Compiling 1000 nested trigger programs needs more than a default thread stack (tursodb runs with 8 MB).
        Throwable[] failure = new Throwable[1];
        Thread deep = new Thread(null, () -> {
            try {
                deepChain();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "deep-triggers", 64L << 20);
        deep.start();
        deep.join();
        if (failure[0] instanceof AssertionError e) {
            throw e;
        } else if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }

    /**
     * A small stack runs out long before SQLite's limit: the statement is compiled on a larger
     * one instead (DeepCompile), and runs as in SQLite.
     */
    @Test
    void tooDeepForTheCallersStackStillRuns() throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread shallow = new Thread(null, () -> {
            try (Database database = Database.open(":memory:"); Connection c = database.connect()) {
                chain(c, 300);
                c.execute("INSERT INTO t0 VALUES (1)");
                assertEquals("rows: [integer 301]", rows(c, "SELECT x FROM t300"));
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "shallow-triggers", 256L << 10);
        shallow.start();
        shallow.join();
        if (failure[0] instanceof AssertionError e) {
            throw e;
        } else if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }

    private static void chain(Connection c, int n) {
        c.execute("BEGIN");
        c.execute("CREATE TABLE t0(x)");
        for (int i = 1; i <= n; i++) {
            c.execute("CREATE TABLE t" + i + "(x)");
            c.execute("CREATE TRIGGER r" + i + " AFTER INSERT ON t" + (i - 1) + " BEGIN INSERT INTO t" + i
                    + " VALUES (new.x + 1); END");
        }
        c.execute("COMMIT");
    }

    private static void deepChain() {
        try (Database database = Database.open(":memory:"); Connection c = database.connect()) {
            chain(c, 1001);
            Statement deepest = c.prepare("INSERT INTO t0 VALUES (1)");
            SqliteException e = org.junit.jupiter.api.Assertions.assertThrows(SqliteException.class, deepest::next);
            assertEquals("too many levels of trigger recursion", e.getMessage());
            deepest.close();
            assertEquals("rows: [integer 0]", rows(c, "SELECT count(*) FROM t1000"));
            c.execute("INSERT INTO t1 VALUES (1)");
            assertEquals("rows: [integer 1001]", rows(c, "SELECT x FROM t1001"));
        }
    }

    private static String rows(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            List<String> rows = new ArrayList<>();
            while (s.next()) {
                rows.add(SqliteOracle.describe(s.getObject(0)));
            }
            return "rows: " + rows;
        }
    }

    /** Random audit-style workloads over two tables with triggers; replay with -Dturso4j.seed=… */
    @Test
    void randomWorkloads() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("TriggersTest.randomWorkloads seed " + seed);
        Random random = new Random(seed);
        List<String> script = new ArrayList<>(List.of(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER, w TEXT)",
                "CREATE TABLE s(k INTEGER, total INTEGER)",
                "CREATE TABLE log(e)",
                "INSERT INTO s VALUES (0, 0), (1, 0), (2, 0)",
                "CREATE TRIGGER ai AFTER INSERT ON t BEGIN UPDATE s SET total = total + new.v WHERE k = new.v % 3; END",
                "CREATE TRIGGER bd BEFORE DELETE ON t WHEN old.v > 40 BEGIN SELECT RAISE(IGNORE); END",
                "CREATE TRIGGER ad AFTER DELETE ON t BEGIN UPDATE s SET total = total - old.v WHERE k = old.v % 3; INSERT INTO log VALUES ('d' || old.id); END",
                "CREATE TRIGGER au AFTER UPDATE OF v ON t BEGIN UPDATE s SET total = total - old.v WHERE k = old.v % 3; UPDATE s SET total = total + new.v WHERE k = new.v % 3; END",
                "CREATE TRIGGER bu BEFORE UPDATE ON t WHEN new.v > 90 BEGIN SELECT RAISE(ABORT, 'too big'); END"));
        for (int i = 0; i < 40; i++) {
            int v = random.nextInt(100);
            script.add(switch (random.nextInt(4)) {
                case 0 -> "INSERT INTO t(v, w) VALUES (" + v + ", 'w" + v + "'), (" + random.nextInt(50) + ", NULL)";
                case 1 -> "UPDATE t SET v = v + " + random.nextInt(30) + " WHERE id % 3 = " + random.nextInt(3);
                case 2 -> "DELETE FROM t WHERE v < " + v;
                default -> "UPDATE t SET w = 'x' WHERE v > " + v;
            });
            script.add("SELECT changes(), total_changes()");
        }
        script.add("SELECT * FROM t");
        script.add("SELECT * FROM s");
        script.add("SELECT * FROM log");
        differential(script.toArray(String[]::new));
    }
}
