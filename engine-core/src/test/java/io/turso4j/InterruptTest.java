package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Connection#interrupt()} from another thread stops a running statement, as sqlite3_interrupt. */
class InterruptTest {
    private static final String ENDLESS = "SELECT count(*) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c)"
            + " SELECT i FROM c)";

    /**
     * Runs {@code statement} on {@code c} while another thread interrupts {@code c} every 50 ms,
     * and returns what it threw. The interrupt is repeated because one that lands before the
     * statement has begun (a slow prepare on a busy machine) has no effect, as in SQLite; the
     * repetition has stopped, with no interrupt in flight, when this returns.
     */
    private static SqliteException interrupted(Connection c, ScheduledExecutorService timer, Executable statement) {
        ScheduledFuture<?> repeat = timer.scheduleAtFixedRate(c::interrupt, 50, 50, TimeUnit.MILLISECONDS);
        try {
            return assertThrows(SqliteException.class, statement);
        } finally {
            repeat.cancel(false);
            try {
                timer.submit(() -> { }).get(); // the one thread has finished any run in progress
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static long count(Connection c) {
        try (Statement s = c.prepare("SELECT count(*) FROM t")) {
            assertTrue(s.next());
            return s.getLong(0);
        }
    }

    @Test
    void anEndlessQueryStopsWithSqliteInterrupt() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect();
             ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            SqliteException e = interrupted(c, timer, () -> c.execute(ENDLESS));
            assertEquals(ResultCode.INTERRUPT, e.code());
            assertEquals("interrupted", e.getMessage());
            // The flag dies with the statements it stopped: the next statement runs.
            try (Statement s = c.prepare("SELECT 42")) {
                assertTrue(s.next());
                assertEquals(42, s.getLong(0));
            }
        }
    }

    @Test
    void aLongScanStopsWithSqliteInterrupt() {
        // A scan's loop (Column, AggStep, Next) runs in a loop of the VM's own, which must look
        // at the flag too. Scans run back to back while the interrupts come: one lands in a scan
        // and stops it. Were the flag not read in the loop, each scan would end normally and the
        // next statement would clear the flag, up to the bound.
        try (Database db = Database.open(":memory:"); Connection c = db.connect();
             ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            c.execute("CREATE TABLE t AS SELECT value FROM generate_series(1, 1000000)");
            SqliteException e = interrupted(c, timer, () -> {
                for (int i = 0; i < 400; i++) {
                    try (Statement s = c.prepare("SELECT sum(value) FROM t")) {
                        assertTrue(s.next());
                        assertEquals(500000500000L, s.getLong(0));
                    }
                }
            });
            assertEquals(ResultCode.INTERRUPT, e.code());
        }
    }

    @Test
    void anInterruptEndsABusyWait() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("interrupt");
        try (Database db = Database.open(dir.resolve("i.db").toString()); Connection first = db.connect();
             Connection second = db.connect();
             ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            first.execute("CREATE TABLE t(a); BEGIN IMMEDIATE");
            second.setBusyTimeout(60_000);
            long start = System.nanoTime();
            SqliteException e = interrupted(second, timer, () -> second.execute("INSERT INTO t VALUES (1)"));
            assertEquals(ResultCode.INTERRUPT, e.code());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
            first.execute("COMMIT");
            second.execute("INSERT INTO t VALUES (1)");
        }
    }

    @Test
    void anInterruptWithNothingRunningHasNoEffect() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.interrupt();
            try (Statement s = c.prepare("SELECT 1")) {
                assertTrue(s.next());
            }
        }
    }

    @Test
    void anInterruptedWriteRollsBackTheExplicitTransaction() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect();
             ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            c.execute("CREATE TABLE t(a); INSERT INTO t VALUES (0); BEGIN; INSERT INTO t VALUES (1)");
            assertEquals(2, count(c));
            SqliteException e = interrupted(c, timer,
                    () -> c.execute("INSERT INTO t SELECT i FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL"
                            + " SELECT i + 1 FROM c) SELECT i FROM c)"));
            assertEquals(ResultCode.INTERRUPT, e.code());
            assertTrue(c.isAutocommit(), "the transaction is gone");
            assertEquals(1, count(c));
        }
    }

    @Test
    void anInterruptedAutocommitWriteLeavesNothingBehind() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect();
             ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            c.execute("CREATE TABLE t(a); INSERT INTO t VALUES (0)");
            interrupted(c, timer,
                    () -> c.execute("INSERT INTO t SELECT i FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL"
                            + " SELECT i + 1 FROM c) SELECT i FROM c)"));
            assertEquals(1, count(c));
            c.execute("INSERT INTO t VALUES (2)");
            assertEquals(2, count(c));
        }
    }
}
