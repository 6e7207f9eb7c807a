package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Connection#interrupt()} from another thread stops a running statement, as sqlite3_interrupt. */
class InterruptTest {
    private static final String ENDLESS = "SELECT count(*) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c)"
            + " SELECT i FROM c)";

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
            timer.schedule(c::interrupt, 50, TimeUnit.MILLISECONDS);
            SqliteException e = assertThrows(SqliteException.class, () -> c.execute(ENDLESS));
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
    void anInterruptEndsABusyWait() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("interrupt");
        try (Database db = Database.open(dir.resolve("i.db").toString()); Connection first = db.connect();
             Connection second = db.connect();
             ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            first.execute("CREATE TABLE t(a); BEGIN IMMEDIATE");
            second.setBusyTimeout(60_000);
            timer.schedule(second::interrupt, 50, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            SqliteException e = assertThrows(SqliteException.class, () -> second.execute("INSERT INTO t VALUES (1)"));
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
            timer.schedule(c::interrupt, 50, TimeUnit.MILLISECONDS);
            SqliteException e = assertThrows(SqliteException.class,
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
            timer.schedule(c::interrupt, 50, TimeUnit.MILLISECONDS);
            assertThrows(SqliteException.class,
                    () -> c.execute("INSERT INTO t SELECT i FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL"
                            + " SELECT i + 1 FROM c) SELECT i FROM c)"));
            assertEquals(1, count(c));
            c.execute("INSERT INTO t VALUES (2)");
            assertEquals(2, count(c));
        }
    }
}
