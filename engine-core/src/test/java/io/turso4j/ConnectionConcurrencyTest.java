package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many connections on one Database: snapshots, one writer, SQLITE_BUSY and busy_timeout. */
class ConnectionConcurrencyTest {
    @TempDir
    Path dir;

    private Database open() {
        Database db = Database.open(dir.resolve("c.db").toString());
        try (Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b)");
        }
        return db;
    }

    private static long count(Connection c) {
        try (Statement s = c.prepare("SELECT count(*) FROM t")) {
            assertTrue(s.next());
            return s.getLong(0);
        }
    }

    @Test
    void readerKeepsItsSnapshotWhileAWriterCommits() {
        try (Database db = open(); Connection reader = db.connect(); Connection writer = db.connect()) {
            writer.execute("INSERT INTO t(b) VALUES (1), (2)");
            reader.execute("BEGIN");
            assertEquals(2, count(reader));
            writer.execute("INSERT INTO t(b) VALUES (3)");
            assertEquals(2, count(reader), "the reader's snapshot is from before the commit");
            assertEquals(3, count(writer));
            reader.execute("COMMIT");
            assertEquals(3, count(reader));
        }
    }

    @Test
    void secondWriterIsBusyThenWritesOnceTheFirstCommits() {
        try (Database db = open(); Connection first = db.connect(); Connection second = db.connect()) {
            first.execute("BEGIN IMMEDIATE");
            try (Statement s = second.prepare("INSERT INTO t(b) VALUES ('second')")) {
                assertEquals(StepResult.BUSY, s.step());
                SqliteException e = assertThrows(SqliteException.class, s::next);
                assertEquals(ResultCode.BUSY, e.code());
                assertEquals("database is locked", e.getMessage());
                first.execute("COMMIT");
                assertFalse(s.next());
            }
            assertEquals(1, count(first));
            SqliteException e = assertThrows(SqliteException.class, () -> second.execute("BEGIN EXCLUSIVE; BEGIN IMMEDIATE"));
            assertEquals("cannot start a transaction within a transaction", e.getMessage());
            assertThrows(SqliteException.class, () -> first.execute("BEGIN IMMEDIATE"));
            second.execute("ROLLBACK");
            first.execute("BEGIN IMMEDIATE; ROLLBACK");
        }
    }

    @Test
    void aReaderWithAnOldSnapshotCannotWrite() {
        try (Database db = open(); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("BEGIN");
            assertEquals(0, count(a));
            b.execute("INSERT INTO t(b) VALUES (1)");
            SqliteException e = assertThrows(SqliteException.class, () -> a.execute("INSERT INTO t(b) VALUES (2)"));
            assertEquals(ResultCode.BUSY_SNAPSHOT, e.code());
            a.execute("ROLLBACK");
            a.execute("INSERT INTO t(b) VALUES (2)");
            assertEquals(2, count(b));
        }
    }

    @Test
    void busyTimeoutWaitsForTheWriterOnAVirtualThread() throws Exception {
        try (Database db = open(); Connection first = db.connect(); Connection second = db.connect();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            second.execute("PRAGMA busy_timeout = 5000");
            first.execute("BEGIN IMMEDIATE; INSERT INTO t(b) VALUES ('first')");
            CountDownLatch started = new CountDownLatch(1);
            Future<Long> waiting = threads.submit(() -> {
                started.countDown();
                second.execute("INSERT INTO t(b) VALUES ('second')");
                return count(second);
            });
            started.await();
            Thread.sleep(50);
            assertFalse(waiting.isDone(), "the second writer waits while the first holds the lock");
            first.execute("COMMIT");
            assertEquals(2, waiting.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void busyTimeoutRunsOutWithSqliteBusy() {
        DatabaseOptions options = DatabaseOptions.defaults().withBusyTimeout(30);
        try (Database db = Database.open(dir.resolve("t.db").toString(), options); Connection first = db.connect();
             Connection second = db.connect()) {
            assertEquals(30, second.busyTimeout());
            first.execute("CREATE TABLE t(a); BEGIN IMMEDIATE");
            long start = System.nanoTime();
            SqliteException e = assertThrows(SqliteException.class, () -> second.execute("INSERT INTO t VALUES (1)"));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ResultCode.BUSY, e.code());
            assertTrue(waitedMillis >= 25, "waited " + waitedMillis + " ms");
        }
    }

    @Test
    void asyncApiRetriesWithoutAThread() throws Exception {
        try (Database db = open(); Connection first = db.connect(); Connection second = db.connect()) {
            second.setBusyTimeout(5000);
            first.execute("BEGIN IMMEDIATE");
            var done = second.executeAsync("INSERT INTO t(b) VALUES ('async')");
            Thread.sleep(30);
            assertFalse(done.isDone());
            first.execute("COMMIT");
            done.get(10, TimeUnit.SECONDS);
            assertEquals(1, count(first));

            second.setBusyTimeout(0);
            first.execute("BEGIN IMMEDIATE");
            var failed = second.executeAsync("INSERT INTO t(b) VALUES ('no')");
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
            assertEquals(ResultCode.BUSY, ((SqliteException) e.getCause()).code());
            first.execute("ROLLBACK");
        }
    }

    @Test
    void stepAsyncWaitsOutABusyWriter() throws Exception {
        try (Database db = open(); Connection first = db.connect(); Connection second = db.connect()) {
            second.setBusyTimeout(5000);
            first.execute("BEGIN IMMEDIATE");
            try (Statement s = second.prepare("INSERT INTO t(b) VALUES ('stepped')")) {
                var step = s.stepAsync();
                Thread.sleep(30);
                assertFalse(step.isDone());
                first.execute("COMMIT");
                assertEquals(StepResult.DONE, step.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, count(first));
        }
    }

    @Test
    void manyVirtualThreadWritersAllGetThrough() throws Exception {
        int writers = 16;
        int rowsEach = 20;
        try (Database db = open(); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                futures.add(threads.submit(() -> {
                    try (Connection c = db.connect()) {
                        c.setBusyTimeout(60_000);
                        for (int i = 0; i < rowsEach; i++) {
                            c.execute("INSERT INTO t(b) VALUES ('" + id + ":" + i + "')");
                        }
                        try (Statement s = c.prepare("SELECT count(*) FROM t")) {
                            assertTrue(s.next());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            try (Connection c = db.connect()) {
                assertEquals(writers * rowsEach, count(c));
                try (Statement s = c.prepare("PRAGMA integrity_check")) {
                    assertTrue(s.next());
                    assertEquals("ok", s.getText(0));
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private static String row(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            assertTrue(s.next());
            List<String> values = new ArrayList<>();
            for (int i = 0; i < s.columnCount(); i++) {
                values.add(s.getText(i));
            }
            return String.join("|", values);
        }
    }

    @Test
    void aCheckpointCannotRestartTheWalUnderAReader() {
        try (Database db = open(); Connection reader = db.connect(); Connection writer = db.connect()) {
            writer.execute("PRAGMA wal_autocheckpoint = 0; INSERT INTO t(b) VALUES (1)");
            reader.execute("BEGIN");
            assertEquals(1, count(reader));
            writer.execute("INSERT INTO t(b) VALUES (2)");
            String busy = row(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
            assertTrue(busy.startsWith("1|"), busy);
            reader.execute("COMMIT");
            assertEquals("0|0|0", row(writer, "PRAGMA wal_checkpoint(TRUNCATE)"));
            assertEquals(2, count(reader));
        }
    }

    @Test
    void aSecondDatabaseOnTheSameFileIsRefused() {
        try (Database db = open()) {
            SqliteException e = assertThrows(SqliteException.class, () -> Database.open(dir.resolve("c.db").toString()));
            assertEquals(ResultCode.BUSY, e.code().primary());
            assertEquals("database is locked by another process", e.getMessage());
        }
        try (Database again = Database.open(dir.resolve("c.db").toString()); Connection c = again.connect()) {
            assertEquals(0, count(c));
        }
    }
}
