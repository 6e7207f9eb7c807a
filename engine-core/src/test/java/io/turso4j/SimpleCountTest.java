package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.io.sim.SimulatedIO;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT count(*) FROM t} counts t's narrowest b-tree page by page (SQLite's Count):
 * the b-tree it picks and the plan line are SQLite's, the count is every entry's — of a table,
 * an index whose interior pages hold entries too, a WITHOUT ROWID table, uncommitted changes
 * included — and a count that must wait for pages goes on where it stopped. Anything more in
 * the query (a WHERE, a second column, count(*) inside an expression) takes the general path.
 */
class SimpleCountTest {

    @Test
    void planAndCountAreSqlites() throws SQLException {
        String[] setup = {
            "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c INT, d TEXT)",
            "CREATE INDEX tbd ON t(b, d)",
            "CREATE INDEX tc ON t(c)",
            "CREATE INDEX tcp ON t(a) WHERE c > 0",
            "CREATE TABLE w(k TEXT PRIMARY KEY, v INT, x TEXT) WITHOUT ROWID",
            "CREATE TABLE w2(k INT PRIMARY KEY, v TEXT, x TEXT) WITHOUT ROWID",
            "CREATE INDEX w2v ON w2(v)",
            "CREATE TABLE p(a INTEGER PRIMARY KEY, b)",
            "CREATE INDEX pb ON p(b) WHERE b IS NOT NULL",
            "CREATE TEMP TABLE tt(a, b)",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                    + "INSERT INTO t SELECT i, 'b' || (i % 97), i % 5, printf('%.40c', 'x') FROM n",
            "INSERT INTO w SELECT b || a, c, d FROM t",
            "INSERT INTO w2 SELECT a, b, d FROM t WHERE a % 3 = 0",
            "INSERT INTO p SELECT a, CASE WHEN a % 2 THEN a END FROM t",
            "INSERT INTO tt SELECT a, b FROM t WHERE a < 100",
        };
        String[] script = {
            "EXPLAIN QUERY PLAN SELECT count(*) FROM t",
            "SELECT count(*) FROM t",
            "EXPLAIN QUERY PLAN SELECT count(*) AS n FROM t AS x",
            "EXPLAIN QUERY PLAN SELECT count(*) FROM t NOT INDEXED",
            "SELECT count(*) FROM t NOT INDEXED",
            "EXPLAIN QUERY PLAN SELECT count(*) FROM t INDEXED BY tbd",
            "EXPLAIN QUERY PLAN SELECT count(*) FROM w",
            "SELECT count(*) FROM w",
            "EXPLAIN QUERY PLAN SELECT count(*) FROM w2",
            "SELECT count(*) FROM w2",
            "EXPLAIN QUERY PLAN SELECT count(*) FROM p",
            "SELECT count(*) FROM p",
            "EXPLAIN QUERY PLAN SELECT count(*) FROM tt",
            "SELECT count(*) FROM tt",
            "SELECT count(*) FROM t LIMIT 1 OFFSET 1",
            "SELECT DISTINCT count(*) FROM t",
            // the general path
            "EXPLAIN QUERY PLAN SELECT count(*) + 1 FROM t",
            "SELECT count(*) + 1 FROM t",
            "EXPLAIN QUERY PLAN SELECT count(*) FROM t WHERE 1",
            "SELECT count(*), count(*) FROM t",
            "SELECT count(b) FROM t",
            "SELECT count(*) FROM t GROUP BY c",
            "SELECT count(*) FROM (SELECT * FROM t)",
            // uncommitted changes count, and so do deletes down to an empty tree
            "BEGIN",
            "INSERT INTO t(b, c, d) SELECT b, c, d FROM t WHERE a <= 500",
            "DELETE FROM w WHERE v = 3",
            "SELECT count(*) FROM t",
            "SELECT count(*) FROM w",
            "COMMIT",
            "DELETE FROM t",
            "SELECT count(*) FROM t",
            "EXPLAIN QUERY PLAN SELECT count(*) FROM t"};
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String[] part : new String[][] {setup, script}) {
                for (String sql : part) {
                    if (sql.startsWith("EXPLAIN QUERY PLAN ")) {
                        // the lines' ids are each engine's own instruction addresses
                        assertEquals(sqlitePlan(oracle.sqliteConnection(), sql), plan(oracle.connection(), sql), sql);
                    } else {
                        assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
                    }
                }
            }
        }
    }

    private static List<String> sqlitePlan(java.sql.Connection c, String sql) throws SQLException {
        List<String> lines = new java.util.ArrayList<>();
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(4));
            }
        }
        return lines;
    }

    @Test
    void aCountThatWaitsForPagesGoesOnWhereItStopped() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("SimpleCountTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random rnd = new Random(seed);
        SimulatedIO sim = new SimulatedIO(seed);
        PolledSteps steps = new PolledSteps(sim);
        try (Database db = Database.open("count.db", sim); Connection c = db.connect()) {
            // Index keys long enough that the index has interior pages, whose entries count too.
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, pad TEXT); CREATE INDEX tk ON t(k)");
            c.execute("BEGIN");
            for (int i = 0; i < 4000; i++) {
                c.execute("INSERT INTO t(k, pad) VALUES (printf('%.60c', 'a') || " + rnd.nextInt(1_000_000)
                        + ", zeroblob(" + rnd.nextInt(300) + "))");
            }
            c.execute("COMMIT");
            c.execute("DELETE FROM t WHERE id % 7 = " + rnd.nextInt(7));
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            c.execute("PRAGMA cache_size = 8");
            long expected = count(c, steps, "SELECT count(*) FROM t WHERE id > 0");
            assertEquals(List.of("SCAN t USING COVERING INDEX tk"), plan(c, "EXPLAIN QUERY PLAN SELECT count(*) FROM t"));
            assertEquals(expected, count(c, steps, "SELECT count(*) FROM t"), "seed " + seed);
            assertEquals(expected, count(c, steps, "SELECT count(*) FROM t NOT INDEXED"), "seed " + seed);
            assertTrue(steps.waits() > 0, "the simulator completes nothing unpolled");
        }
    }

    /** The one integer {@code sql} returns, its steps polled through {@code steps}. */
    private static long count(Connection c, PolledSteps steps, String sql) {
        try (Statement s = c.prepare(sql)) {
            assertEquals(StepResult.ROW, steps.step(s));
            return s.getLong(0);
        }
    }

    private static List<String> plan(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            java.util.ArrayList<String> lines = new java.util.ArrayList<>();
            while (s.next()) {
                lines.add(s.getText(3));
            }
            return lines;
        }
    }
}
