package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Prints how long {@code SELECT count(*) FROM t1 WHERE a IN (SELECT b FROM t2)} takes with 10k
 * rows in each table — a non-correlated IN, whose subquery fills a temporary index once — next
 * to a correlated one that must run its subquery for every row. Timings are printed, never
 * asserted; only the counts are checked.
 */
class InSubqueryTimingTest {
    private static final int ROWS = 10_000;

    @Test
    void nonCorrelatedInRunsItsSubqueryOnce() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t1(a INTEGER)");
            c.execute("CREATE TABLE t2(b INTEGER)");
            c.execute("BEGIN");
            for (int i = 0; i < ROWS; i++) {
                c.execute("INSERT INTO t1 VALUES(" + i + ")");
                c.execute("INSERT INTO t2 VALUES(" + (i * 3) + ")");
            }
            c.execute("COMMIT");
            long expected = (ROWS + 2) / 3;
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                assertEquals(expected, count(c, "SELECT count(*) FROM t1 WHERE a IN (SELECT b FROM t2)"));
                long once = System.nanoTime() - start;
                start = System.nanoTime();
                assertEquals(expected + 4, count(c, "SELECT count(*) FROM t1 WHERE a IN (1, 2, 3, 4, 5, 6) OR a IN (SELECT b FROM t2)"));
                long list = System.nanoTime() - start;
                System.out.printf("InSubqueryTimingTest round %d: a IN (SELECT b FROM t2) over %d x %d rows: %.1f ms;"
                        + " with a constant list too: %.1f ms%n", round, ROWS, ROWS, once / 1e6, list / 1e6);
            }
            long start = System.nanoTime();
            assertEquals(17L, count(c, "SELECT count(*) FROM t1 WHERE a < 50 AND a IN (SELECT b FROM t2 WHERE b >= t1.a - t1.a)"));
            System.out.printf("InSubqueryTimingTest: correlated IN, re-run (as every IN was before) for 50 of the rows: %.1f ms%n",
                    (System.nanoTime() - start) / 1e6);
        }
    }

    private static long count(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            s.next();
            return ((Number) s.getObject(0)).longValue();
        }
    }
}
