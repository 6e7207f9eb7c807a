package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Recursive foreign key actions (a tree of rows in one table, cycles between tables, chains of
 * ON UPDATE CASCADE, SET NULL / SET DEFAULT whose change acts further), PRAGMA
 * recursive_triggers and PRAGMA defer_foreign_keys, compared with SQLite statement by
 * statement, with the counters after each; and recursion as deep as the trigger depth limit on
 * a thread with a small stack.
 */
class FkRecursiveTest {

    /** Runs {@code script} on both engines with foreign keys on, comparing each result and the counters. */
    static void differential(String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            run(oracle, script);
        }
    }

    static void run(SqliteOracle oracle, String... script) {
        oracle.sqlite("PRAGMA foreign_keys = ON");
        oracle.turso("PRAGMA foreign_keys = ON");
        for (int i = 0; i < script.length; i++) {
            String sql = script[i];
            String expected = sqlite(oracle, sql);
            assertEquals(expected, oracle.turso(sql), "statement " + i + ": " + sql);
            // Also after a failed statement: the rows of trigger steps that ended stay counted.
            String counters = "SELECT changes(), total_changes(), last_insert_rowid()";
            assertEquals(oracle.sqlite(counters), oracle.turso(counters), "counters after " + sql);
        }
    }

    /**
     * SQLite's result; the depth limit's message as sqlite3 3.40 gives it, as turso4j does
     * (SQLite 3.54 words it "triggers nested too deep").
     */
    static String sqlite(SqliteOracle oracle, String sql) {
        return oracle.sqlite(sql).replace("triggers nested too deep", "too many levels of trigger recursion");
    }

    /** A chain of {@code n} nodes, each the child of the one before. */
    private static String chain(String table, int n) {
        return "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " + n + ") "
                + "INSERT INTO " + table + "(id, parent) SELECT i, CASE WHEN i > 1 THEN i - 1 END FROM c";
    }

    /** A binary tree of {@code n} nodes: node i's parent is i / 2. */
    private static String tree(String table, int n) {
        return "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " + n + ") "
                + "INSERT INTO " + table + "(id, parent) SELECT i, CASE WHEN i > 1 THEN i / 2 END FROM c";
    }

    @Test
    void cascadeDeletesTreesOfEveryDepth() throws SQLException {
        for (int depth : new int[] {1, 2, 3, 7, 20, 50}) {
            differential(
                    "CREATE TABLE node(id INTEGER PRIMARY KEY, parent INTEGER REFERENCES node(id) ON DELETE CASCADE)",
                    chain("node", depth),
                    "DELETE FROM node WHERE id = " + Math.max(1, depth / 2),
                    "SELECT count(*), max(id) FROM node",
                    tree("node", depth * 3),
                    "DELETE FROM node WHERE id = 1",
                    "SELECT * FROM node ORDER BY id");
        }
    }

    @Test
    void setNullSetDefaultAndRestrictInATree() throws SQLException {
        differential(
                "CREATE TABLE node(id INTEGER PRIMARY KEY, parent INTEGER DEFAULT 0 REFERENCES node(id) ON DELETE SET DEFAULT,"
                        + " up INTEGER REFERENCES node(id) ON DELETE SET NULL ON UPDATE CASCADE, tag TEXT)",
                "INSERT INTO node VALUES (0, NULL, NULL, 'root')",
                "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 30) "
                        + "INSERT INTO node SELECT i, i - 1, i - 1, 'n' || i FROM c",
                "DELETE FROM node WHERE id = 5",
                "SELECT * FROM node ORDER BY id",
                "UPDATE node SET id = 100 WHERE id = 10",
                "SELECT * FROM node ORDER BY id",
                "DELETE FROM node WHERE id = 0",
                "CREATE TABLE r(id INTEGER PRIMARY KEY, p INTEGER REFERENCES r(id) ON DELETE CASCADE,"
                        + " q INTEGER REFERENCES r(id) ON DELETE RESTRICT)",
                "INSERT INTO r VALUES (1, NULL, NULL), (2, 1, NULL), (3, 2, NULL), (4, 3, NULL), (5, NULL, 4)",
                "DELETE FROM r WHERE id = 1",
                "SELECT * FROM r ORDER BY id",
                "DELETE FROM r WHERE id = 5",
                "DELETE FROM r WHERE id = 1",
                "SELECT * FROM r ORDER BY id");
    }

    @Test
    void restrictLooksForChildrenAfterTheActionsBeforeIt() throws SQLException {
        // SQLite runs RESTRICT as an action, in the order of the references to the parent (the
        // last declared first): a child that an earlier CASCADE removes no longer restricts.
        differential(
                "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(r INTEGER REFERENCES p(id) ON DELETE RESTRICT, k INTEGER REFERENCES p(id) ON DELETE CASCADE)",
                "CREATE TABLE d(k INTEGER REFERENCES p(id) ON DELETE CASCADE, r INTEGER REFERENCES p(id) ON DELETE RESTRICT)",
                "INSERT INTO p VALUES (1), (2), (3)",
                "INSERT INTO c VALUES (1, 1), (2, 3)",
                "INSERT INTO d VALUES (2, 2)",
                "DELETE FROM p WHERE id = 1",
                "SELECT * FROM c",
                "DELETE FROM p WHERE id = 2",
                "SELECT * FROM d",
                "DELETE FROM p WHERE id = 3",
                "SELECT * FROM p ORDER BY id");
    }

    @Test
    void cyclesBetweenTables() throws SQLException {
        differential(
                "CREATE TABLE a(id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id) ON DELETE CASCADE ON UPDATE CASCADE)",
                "CREATE TABLE b(id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id) ON DELETE CASCADE ON UPDATE SET NULL)",
                "PRAGMA foreign_keys = OFF",
                "INSERT INTO a VALUES (1, 1), (2, 2), (3, 3), (4, NULL)",
                "INSERT INTO b VALUES (1, 2), (2, 3), (3, 4), (4, 1)",
                "PRAGMA foreign_keys = ON",
                "PRAGMA foreign_key_check",
                "UPDATE b SET id = 10 WHERE id = 1",
                "SELECT * FROM a ORDER BY id",
                "SELECT * FROM b ORDER BY id",
                "UPDATE a SET id = 20 WHERE id = 2",
                "SELECT * FROM a ORDER BY id",
                "SELECT * FROM b ORDER BY id",
                "DELETE FROM a WHERE id = 3",
                "SELECT * FROM a ORDER BY id",
                "SELECT * FROM b ORDER BY id");
    }

    @Test
    void updateCascadeChainsThroughOneTable() throws SQLException {
        differential(
                "CREATE TABLE t(k TEXT PRIMARY KEY, parent TEXT REFERENCES t(k) ON UPDATE CASCADE ON DELETE SET NULL, v)",
                "INSERT INTO t VALUES ('a', NULL, 1), ('b', 'a', 2), ('c', 'b', 3), ('d', 'b', 4), ('e', 'd', 5)",
                "UPDATE t SET k = 'A' WHERE k = 'a'",
                "SELECT * FROM t ORDER BY k",
                "UPDATE t SET k = upper(k)",
                "SELECT * FROM t ORDER BY k",
                "DELETE FROM t WHERE k = 'B'",
                "SELECT * FROM t ORDER BY k",
                "PRAGMA foreign_key_check");
    }

    @Test
    void triggersSeeCascadedRows() throws SQLException {
        differential(
                "CREATE TABLE node(id INTEGER PRIMARY KEY, parent INTEGER REFERENCES node(id) ON DELETE CASCADE)",
                "CREATE TABLE log(id INTEGER PRIMARY KEY, what TEXT)",
                "CREATE TRIGGER nd AFTER DELETE ON node BEGIN INSERT INTO log(what) VALUES ('deleted ' || old.id); END",
                "CREATE TRIGGER nb BEFORE DELETE ON node WHEN old.id = 6 BEGIN SELECT RAISE(IGNORE); END",
                tree("node", 12),
                "DELETE FROM node WHERE id = 1",
                "SELECT * FROM node ORDER BY id",
                "SELECT * FROM log ORDER BY id");
    }

    @Test
    void recursiveTriggersOnAndOff() throws SQLException {
        for (String mode : new String[] {"OFF", "ON"}) {
            differential(
                    "PRAGMA recursive_triggers = " + mode,
                    "PRAGMA recursive_triggers",
                    "CREATE TABLE t(x INTEGER PRIMARY KEY, y)",
                    "CREATE TABLE log(id INTEGER PRIMARY KEY, what TEXT)",
                    "CREATE TRIGGER up AFTER INSERT ON t WHEN new.x < 10 BEGIN "
                            + "INSERT INTO log(what) VALUES ('before ' || new.x); "
                            + "INSERT INTO t VALUES (new.x + 1, new.x); "
                            + "INSERT INTO log(what) VALUES ('after ' || new.x); END",
                    "INSERT INTO t VALUES (1, NULL)",
                    "SELECT * FROM t ORDER BY x",
                    "SELECT * FROM log ORDER BY id",
                    "CREATE TABLE u(v)",
                    "CREATE TRIGGER ping AFTER UPDATE ON u WHEN new.v < 50 BEGIN UPDATE u SET v = v + 1; END",
                    "INSERT INTO u VALUES (1), (30)",
                    "UPDATE u SET v = v + 1",
                    "SELECT * FROM u",
                    "CREATE TABLE w(a)",
                    "CREATE TRIGGER w1 BEFORE DELETE ON w BEGIN DELETE FROM w WHERE a = old.a + 1; "
                            + "INSERT INTO log(what) VALUES ('w ' || old.a); END",
                    "INSERT INTO w VALUES (1), (2), (3), (4), (5)",
                    "DELETE FROM w WHERE a = 1",
                    "SELECT * FROM w ORDER BY a",
                    "SELECT what FROM log WHERE what LIKE 'w%' ORDER BY id",
                    "CREATE TRIGGER ig AFTER INSERT ON w WHEN new.a > 100 BEGIN INSERT INTO w VALUES (new.a - 1); "
                            + "SELECT RAISE(IGNORE) WHERE new.a = 103; INSERT INTO log(what) VALUES ('ig ' || new.a); END",
                    "INSERT INTO w VALUES (105)",
                    "SELECT * FROM w ORDER BY a",
                    "SELECT what FROM log WHERE what LIKE 'ig%' ORDER BY id");
        }
    }

    @Test
    void mutualRecursionThroughTwoTriggers() throws SQLException {
        differential(
                "PRAGMA recursive_triggers = 1",
                "CREATE TABLE a(n)",
                "CREATE TABLE b(n)",
                "CREATE TRIGGER ta AFTER INSERT ON a WHEN new.n > 0 BEGIN INSERT INTO b VALUES (new.n - 1); END",
                "CREATE TRIGGER tb AFTER INSERT ON b WHEN new.n > 0 BEGIN INSERT INTO a VALUES (new.n - 1); END",
                "INSERT INTO a VALUES (25)",
                "SELECT count(*), sum(n) FROM a",
                "SELECT count(*), sum(n) FROM b",
                "INSERT INTO b VALUES (2000)",
                "SELECT count(*), sum(n) FROM a",
                "SELECT count(*), sum(n) FROM b");
    }

    @Test
    void depthLimitFailsTheStatementAndChangesNothing() throws SQLException {
        differential(
                "PRAGMA recursive_triggers = ON",
                "CREATE TABLE t(x)",
                "CREATE TRIGGER up AFTER INSERT ON t WHEN new.x < 1000 BEGIN INSERT INTO t VALUES (new.x + 1); END",
                "INSERT INTO t VALUES (1)",
                "SELECT count(*), max(x) FROM t",
                "DELETE FROM t",
                "INSERT INTO t VALUES (0)",
                "SELECT count(*) FROM t",
                "CREATE TABLE node(id INTEGER PRIMARY KEY, parent INTEGER REFERENCES node(id) ON DELETE CASCADE)",
                chain("node", 1000),
                "DELETE FROM node WHERE id = 1",
                "SELECT count(*) FROM node",
                chain("node", 1001),
                "DELETE FROM node WHERE id = 1",
                "SELECT count(*) FROM node",
                "DELETE FROM node WHERE id = 2",
                "SELECT count(*) FROM node");
    }

    @Test
    void deepRecursionNeedsNoJavaStack() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                depthLimitFailsTheStatementAndChangesNothing();
            } catch (Throwable t) {
                failure.set(t);
            }
        };
        Thread small = new Thread(null, work, "small-stack", 512 * 1024);
        small.start();
        small.join();
        if (failure.get() != null) {
            throw new AssertionError("on a 512 KiB stack", failure.get());
        }
        Thread virtual = Thread.ofVirtual().start(work);
        virtual.join();
        if (failure.get() != null) {
            throw new AssertionError("on a virtual thread", failure.get());
        }
    }

    @Test
    void countersAfterATriggerFails() throws SQLException {
        differential(
                "CREATE TABLE t(x)", "CREATE TABLE u(y)", "CREATE TABLE v(z)", "CREATE TABLE w(q)",
                "CREATE TRIGGER tt AFTER INSERT ON t BEGIN INSERT INTO u VALUES (new.x); INSERT INTO u VALUES (new.x); END",
                "CREATE TRIGGER uu AFTER INSERT ON u BEGIN INSERT INTO v VALUES (new.y); INSERT INTO v VALUES (new.y); END",
                "CREATE TRIGGER vv AFTER INSERT ON v BEGIN INSERT INTO w VALUES (new.z); INSERT INTO w VALUES (new.z); "
                        + "SELECT RAISE(ABORT, 'stop') WHERE new.z = 7; END",
                "INSERT INTO t VALUES (1)",
                "INSERT INTO t VALUES (7)",
                "INSERT INTO t VALUES (2), (7)",
                "BEGIN",
                "INSERT INTO t VALUES (3), (7)",
                "INSERT INTO t VALUES (4)",
                "COMMIT",
                "PRAGMA recursive_triggers = ON",
                "CREATE TABLE r(n)",
                "CREATE TRIGGER rr AFTER INSERT ON r WHEN new.n > 0 BEGIN INSERT INTO w VALUES (new.n); "
                        + "INSERT INTO r VALUES (new.n - 1); SELECT RAISE(FAIL, 'bottom') WHERE new.n = 1; END",
                "INSERT INTO r VALUES (5)",
                "SELECT count(*) FROM r");
    }

    @Test
    void deferForeignKeys() throws SQLException {
        differential(
                "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(x REFERENCES p ON DELETE RESTRICT)",
                "INSERT INTO p VALUES (1)",
                "INSERT INTO c VALUES (1)",
                "PRAGMA defer_foreign_keys",
                "BEGIN",
                "PRAGMA defer_foreign_keys = ON",
                "PRAGMA defer_foreign_keys",
                "INSERT INTO c VALUES (2)",
                "ROLLBACK",
                "SELECT * FROM c",
                "BEGIN",
                "PRAGMA defer_foreign_keys = ON",
                "DELETE FROM p",
                "INSERT INTO c VALUES (5)",
                "SELECT count(*) FROM p",
                "COMMIT",
                "INSERT INTO p VALUES (1), (5)",
                "COMMIT",
                "PRAGMA defer_foreign_keys",
                "SELECT * FROM c ORDER BY x",
                "BEGIN",
                "PRAGMA defer_foreign_keys = 1",
                "UPDATE c SET x = 9",
                "ROLLBACK",
                "PRAGMA defer_foreign_keys",
                "SELECT * FROM c ORDER BY x",
                "DELETE FROM p WHERE id = 1");
    }

    @Test
    void explainListsTheProgram() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            oracle.turso("CREATE TABLE node(id INTEGER PRIMARY KEY, parent INTEGER REFERENCES node(id) ON DELETE CASCADE)");
            String listing = oracle.turso("EXPLAIN DELETE FROM node WHERE id = 1");
            org.junit.jupiter.api.Assertions.assertTrue(listing.contains("text 'Program'"), listing);
            org.junit.jupiter.api.Assertions.assertTrue(listing.contains("text 'program'"), listing);
        }
    }

    static List<String> lines(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
