package io.turso4j.tests.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.IO;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import io.turso4j.storage.pager.SharedPager;
import io.turso4j.storage.pager.Synchronous;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pager on a real I/O backend and real files: databases SQLite made are rewritten through
 * it and pass SQLite's integrity check; readers on virtual threads keep their snapshots while a
 * writer commits and checkpoints run; a second owner of the file is refused.
 */
abstract class PagerBackendTest {
    private static final int PAGE_SIZE = 1024;
    private static final String ROWS = "SELECT count(*) || '|' || sum(k) || '|' || sum(length(v)) FROM t";

    @TempDir
    Path dir;

    private IO io;

    protected abstract IO createIo();

    @BeforeEach
    void startIo() {
        io = createIo();
    }

    @AfterEach
    void stopIo() {
        io.close();
    }

    private static Connection sqlite(Path db) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private static String query(Path db, String sql) throws Exception {
        try (Connection c = sqlite(db); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private Path sqliteDb(String name, int rows) throws Exception {
        Path db = dir.resolve(name);
        try (Connection c = sqlite(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + PAGE_SIZE);
            s.execute("CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT)");
            s.execute("CREATE INDEX t_v ON t(v)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") "
                    + "INSERT INTO t SELECT i, printf('%.*c', 1 + i * 37 % 300, char(97 + i % 26)) FROM n");
        }
        return db;
    }

    private SharedPager open(Path db) {
        var opening = SharedPager.open(io, db.toString());
        return Pending.await(opening::step);
    }

    @Test
    void aDatabaseRewrittenThroughThePagerPassesSqlitesIntegrityCheck() throws Exception {
        Path target = sqliteDb("big.db", 3000);
        byte[] image = Files.readAllBytes(target);
        Path db = sqliteDb("small.db", 3);
        SharedPager shared = open(db);
        try (Pager pager = shared.newPager()) {
            pager.setCacheSize(16); // forces spills on the way
            pager.beginRead();
            pager.beginWrite();
            int pages = image.length / PAGE_SIZE;
            for (int n = 1; n <= pages; n++) {
                int number = n;
                Page p = n <= pager.pageCount() ? Pending.await(() -> pager.get(number)) : Pending.await(pager::allocate);
                pager.write(p);
                MemorySegment.copy(image, (n - 1) * PAGE_SIZE, p.buffer().segment(), ValueLayout.JAVA_BYTE, 0, PAGE_SIZE);
                pager.unpin(p);
            }
            Pending.run(pager::commit);
            pager.endRead();
        }
        Pending.run(shared::close);
        assertFalse(Files.exists(dir.resolve("small.db-wal")), "close removes the WAL");
        assertEquals("ok", query(db, "PRAGMA integrity_check"));
        assertEquals(query(target, ROWS), query(db, ROWS));
        assertEquals("wal", query(db, "PRAGMA journal_mode"));
    }

    @Test
    void aReadOnlyOpenReadsAndRefusesToWrite() throws Exception {
        Path db = sqliteDb("readonly.db", 500);
        byte[] before = Files.readAllBytes(db);
        SharedPager shared = Pending.await(SharedPager.openReadOnly(io, db.toString())::step);
        try (Pager pager = shared.newPager()) {
            pager.beginRead();
            assertEquals(before.length / PAGE_SIZE, pager.pageCount());
            for (int n = 1; n <= pager.pageCount(); n++) {
                int number = n;
                Page p = Pending.await(() -> pager.get(number));
                byte[] page = new byte[PAGE_SIZE];
                MemorySegment.copy(p.buffer().segment(), ValueLayout.JAVA_BYTE, 0, page, 0, PAGE_SIZE);
                assertTrue(Arrays.equals(before, (n - 1) * PAGE_SIZE, n * PAGE_SIZE, page, 0, PAGE_SIZE), "page " + n);
                pager.unpin(p);
            }
            SqliteException e = assertThrows(SqliteException.class, pager::beginWrite);
            assertEquals(ResultCode.READONLY, e.code());
            pager.endRead();
        }
        Pending.run(shared::close);
        assertTrue(Arrays.equals(before, Files.readAllBytes(db)));
        assertFalse(Files.exists(dir.resolve("readonly.db-wal")), "no WAL is created");
    }

    @Test
    void aSecondOwnerIsRefused() throws Exception {
        Path db = sqliteDb("owned.db", 3);
        SharedPager shared = open(db);
        SqliteException e = assertThrows(SqliteException.class, () -> open(db));
        assertEquals(ResultCode.BUSY, e.code());
        Pending.run(shared::close);
        Pending.run(open(db)::close);
    }

    /** Page images of one version: the version number in every 8 bytes after the header. */
    private static void stamp(Page p, long version) {
        MemorySegment s = p.buffer().segment();
        int from = p.number() == 1 ? 104 : 0;
        if (p.number() == 1) {
            DatabaseHeader.forNewDatabase(PAGE_SIZE, 0, 3040001).encode(s);
        }
        for (int at = from; at + 8 <= PAGE_SIZE; at += 8) {
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, at, version);
        }
    }

    private static long versionOf(Page p) {
        MemorySegment s = p.buffer().segment();
        long v = s.get(ValueLayout.JAVA_LONG_UNALIGNED, PAGE_SIZE - 8);
        if (s.get(ValueLayout.JAVA_LONG_UNALIGNED, 104) != v) {
            throw new AssertionError("page " + p.number() + " is torn");
        }
        return v;
    }

    @Test
    void readersOnVirtualThreadsKeepTheirSnapshotsWhileAWriterCommits() throws Exception {
        int pages = 24;
        int versions = 150;
        Path db = dir.resolve("concurrent.db");
        SharedPager shared = open(db);
        Pager writer = shared.newPager();
        assertTrue(writer.setPageSize(PAGE_SIZE));
        writer.setAutoCheckpoint(40); // checkpoints and WAL restarts under the readers' feet
        writer.setCacheSize(10);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger snapshots = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Pager reader = shared.newPager();
            reader.setCacheSize(5 + i * 7);
            readers.add(Thread.ofVirtual().start(() -> {
                try (reader) {
                    long last = 0;
                    while (!done.get()) {
                        reader.beginRead();
                        try {
                            long[] seen = new long[reader.pageCount()];
                            for (int n = 1; n <= seen.length; n++) {
                                int number = n;
                                Page p = Pending.await(() -> reader.get(number));
                                seen[n - 1] = versionOf(p);
                                reader.unpin(p);
                                Thread.yield();
                            }
                            if (seen.length > 0) {
                                long v = seen[0];
                                if (Arrays.stream(seen).anyMatch(x -> x != v) || v < last) {
                                    throw new AssertionError("inconsistent snapshot " + Arrays.toString(seen));
                                }
                                last = v;
                                snapshots.incrementAndGet();
                            }
                        } finally {
                            reader.endRead();
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (long v = 1; v <= versions; v++) {
            writer.beginRead();
            writer.beginWrite();
            for (int n = 1; n <= pages; n++) {
                int number = n;
                Page p = n <= writer.pageCount() ? Pending.await(() -> writer.get(number)) : Pending.await(writer::allocate);
                writer.write(p);
                stamp(p, v);
                writer.unpin(p);
            }
            Pending.run(writer::commit);
            writer.endRead();
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "readers failed: " + failures);
        assertTrue(snapshots.get() > 0);
        writer.close();
        Pending.run(shared::close);

        SharedPager reopened = open(db);
        try (Pager check = reopened.newPager()) {
            check.beginRead();
            assertEquals(pages, check.pageCount());
            for (int n = 1; n <= pages; n++) {
                int number = n;
                Page p = Pending.await(() -> check.get(number));
                assertEquals(versions, versionOf(p));
                check.unpin(p);
            }
            check.endRead();
        }
        Pending.run(reopened::close);
    }

    /**
     * Measures (prints, never asserts) single-page commits per second with FULL and NORMAL
     * syncing and cold page reads per second; checks the last commit's content.
     */
    @Test
    void measuresCommitsAndReads() {
        for (Synchronous sync : List.of(Synchronous.FULL, Synchronous.NORMAL)) {
            Path db = dir.resolve("speed-" + sync + ".db");
            SharedPager shared = open(db);
            Pager pager = shared.newPager();
            pager.setSynchronous(sync);
            assertTrue(pager.setPageSize(4096));
            int commits = 300;
            long start = System.nanoTime();
            for (int i = 1; i <= commits; i++) {
                pager.beginRead();
                pager.beginWrite();
                int number = 1 + i % 50;
                Page p = number <= pager.pageCount() ? Pending.await(() -> pager.get(number)) : Pending.await(pager::allocate);
                pager.write(p);
                if (p.number() == 1) {
                    DatabaseHeader.forNewDatabase(4096, 0, 3040001).encode(p.buffer().segment());
                }
                p.buffer().segment().set(ValueLayout.JAVA_LONG_UNALIGNED, 4088, i);
                pager.unpin(p);
                Pending.run(pager::commit);
                pager.endRead();
            }
            double commitSeconds = (System.nanoTime() - start) / 1e9;
            pager.close();
            Pending.run(shared::close);

            SharedPager reopened = open(db);
            Pager reader = reopened.newPager();
            reader.beginRead();
            start = System.nanoTime();
            long last = 0;
            for (int n = 1; n <= reader.pageCount(); n++) {
                int number = n;
                Page p = Pending.await(() -> reader.get(number));
                last = Math.max(last, p.buffer().segment().get(ValueLayout.JAVA_LONG_UNALIGNED, 4088));
                reader.unpin(p);
            }
            double readSeconds = (System.nanoTime() - start) / 1e9;
            int pages = reader.pageCount();
            reader.endRead();
            reader.close();
            Pending.run(reopened::close);
            assertEquals(commits, last);
            System.out.printf("%s synchronous=%s: %.0f commits/s, %.0f cold page reads/s%n",
                    getClass().getSimpleName(), sync, commits / commitSeconds, pages / readSeconds);
        }
    }
}
