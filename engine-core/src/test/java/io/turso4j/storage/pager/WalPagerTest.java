package io.turso4j.storage.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.memory.MemoryIO;
import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.storage.wal.CheckpointResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The WAL pager on the in-memory file system: transactions, snapshots, locks, checkpoints. */
@ExtendWith(CheckedBuffers.class)
class WalPagerTest {
    private static final int PAGE_SIZE = 1024;
    private static final String DB = "/t.db";

    private final MemoryIO io = new MemoryIO();
    private final Random random = new Random(42);
    private final Map<Integer, byte[]> model = new HashMap<>();

    @AfterEach
    void closeIo() {
        io.close();
    }

    /** Closes the database after checking that its closed pagers gave every page buffer back. */
    private void close(SharedPager shared) {
        assertEquals(List.of(), shared.pagePool().leaks(), "page buffers still held");
        Drive.close(io, shared);
    }

    private SharedPager open() {
        return Drive.open(io, DB);
    }

    /** Writes the pages in one transaction (appending as needed) and commits. */
    private void commit(Pager pager, int... numbers) {
        pager.beginRead();
        pager.beginWrite();
        for (int n : numbers) {
            write(pager, n, PageImages.random(random, n, pager.pageSize()));
        }
        Drive.run(io, pager::commit);
        pager.endRead();
    }

    /**
     * Reads page {@code n}: allocate() never does I/O, so appended pages over the cache's bound
     * are spilled by the next get().
     */
    private void touch(Pager pager, int n) {
        pager.unpin(Drive.await(io, () -> pager.get(n)));
    }

    private void write(Pager pager, int n, byte[] image) {
        Page p;
        if (n <= pager.pageCount()) {
            p = Drive.await(io, () -> pager.get(n));
            pager.write(p);
        } else {
            p = pager.allocate();
            while (p.number() < n) {
                pager.unpin(p);
                p = pager.allocate();
            }
        }
        PageImages.put(p, image);
        pager.unpin(p);
        model.put(n, image);
    }

    private void assertPages(Pager pager, Map<Integer, byte[]> expected) {
        pager.beginRead();
        try {
            for (var e : expected.entrySet()) {
                Page p = Drive.await(io, () -> pager.get(e.getKey()));
                assertTrue(PageImages.same(e.getKey(), e.getValue(), PageImages.read(p)), "page " + e.getKey());
                pager.unpin(p);
            }
        } finally {
            pager.endRead();
        }
    }

    @Test
    void newDatabaseHasNoPagesUntilItsFirstWrite() {
        SharedPager shared = open();
        try (Pager pager = shared.newPager()) {
            pager.beginRead();
            assertEquals(0, pager.pageCount());
            assertThrows(CorruptDatabaseException.class, () -> pager.get(1));
            pager.endRead();
            assertTrue(pager.setPageSize(PAGE_SIZE));
            assertEquals(PAGE_SIZE, pager.pageSize());
            commit(pager, 1, 2, 3);
            assertFalse(pager.setPageSize(2048), "page size is fixed once the database has pages");
            assertEquals(PAGE_SIZE, pager.pageSize());
            assertPages(pager, model);
        }
        close(shared);
        assertFalse(io.exists(DB + "-wal"), "close checkpoints and deletes the WAL");
        byte[] file = Drive.exportFile(io, DB);
        assertEquals(3 * PAGE_SIZE, file.length);
        DatabaseHeader h = DatabaseHeader.decode(file);
        assertEquals(3, h.databaseSize());
        assertTrue(h.walMode());
        assertEquals(h.changeCounter(), h.versionValidFor());
    }

    @Test
    void committedPagesSurviveReopenThroughTheWal() {
        SharedPager shared = open();
        Pager pager = shared.newPager();
        pager.setPageSize(PAGE_SIZE);
        commit(pager, 1, 2, 3, 4);
        commit(pager, 2, 5);
        pager.close();
        // Simulate a crash: the files stay as they are, only the lock goes.
        shared.db().close();
        SharedPager reopened = open();
        try (Pager again = reopened.newPager()) {
            again.beginRead();
            assertEquals(5, again.pageCount());
            again.endRead();
            assertPages(again, model);
        }
        close(reopened);
    }

    @Test
    void aSecondOwnerIsRefused() {
        SharedPager shared = open();
        SqliteException e = assertThrows(SqliteException.class, this::open);
        assertEquals(ResultCode.BUSY, e.code());
        assertEquals("database is locked by another process", e.getMessage());
        close(shared);
        Drive.close(io, open());
    }

    @Test
    void aReaderKeepsItsSnapshotWhileAWriterCommits() {
        SharedPager shared = open();
        Pager writer = shared.newPager();
        Pager reader = shared.newPager();
        commit(writer, 1, 2, 3);
        Map<Integer, byte[]> before = new HashMap<>(model);
        reader.beginRead();
        Page old = Drive.await(io, () -> reader.get(2));
        reader.unpin(old);
        commit(writer, 2, 3, 4);
        assertEquals(3, reader.pageCount());
        for (int n = 1; n <= 3; n++) {
            int number = n;
            Page p = Drive.await(io, () -> reader.get(number));
            assertTrue(PageImages.same(n, before.get(n), PageImages.read(p)), "page " + n);
            reader.unpin(p);
        }
        SqliteException stale = assertThrows(SqliteException.class, reader::beginWrite);
        assertEquals(ResultCode.BUSY_SNAPSHOT, stale.code());
        reader.endRead();
        assertPages(reader, model);
        writer.close();
        reader.close();
        close(shared);
    }

    @Test
    void oneWriterAtATime() {
        SharedPager shared = open();
        Pager a = shared.newPager();
        Pager b = shared.newPager();
        commit(a, 1);
        a.beginRead();
        b.beginRead();
        a.beginWrite();
        SqliteException busy = assertThrows(SqliteException.class, b::beginWrite);
        assertEquals(ResultCode.BUSY, busy.code());
        a.rollback();
        a.endRead();
        b.beginWrite();
        b.rollback();
        b.endRead();
        a.close();
        b.close();
        close(shared);
    }

    @Test
    void rollbackAndSavepointsRestorePagesWithoutIo() {
        SharedPager shared = open();
        Pager pager = shared.newPager();
        commit(pager, 1, 2, 3);
        Map<Integer, byte[]> committed = new HashMap<>(model);

        pager.beginRead();
        pager.beginWrite();
        write(pager, 2, PageImages.random(random, 2, pager.pageSize()));
        Map<Integer, byte[]> atSavepoint = new HashMap<>(model);
        int depth = pager.openSavepoint();
        write(pager, 2, PageImages.random(random, 2, pager.pageSize()));
        write(pager, 3, PageImages.random(random, 3, pager.pageSize()));
        write(pager, 5, PageImages.random(random, 5, pager.pageSize()));
        assertEquals(5, pager.pageCount());
        pager.rollbackToSavepoint(depth);
        assertEquals(3, pager.pageCount());
        for (int n = 1; n <= 3; n++) {
            int number = n;
            Page p = Drive.await(io, () -> pager.get(number));
            assertTrue(PageImages.same(n, atSavepoint.get(n), PageImages.read(p)), "page " + n + " after ROLLBACK TO");
            pager.unpin(p);
        }
        pager.rollback();
        pager.endRead();
        model.clear();
        model.putAll(committed);
        assertPages(pager, committed);
        pager.close();
        close(shared);
    }

    @Test
    void aSmallCacheSpillsAndRollbackForgetsTheSpill() {
        SharedPager shared = open();
        Pager pager = shared.newPager();
        commit(pager, 1, 2);
        Map<Integer, byte[]> committed = new HashMap<>(model);
        pager.setCacheSize(4);
        pager.beginRead();
        pager.beginWrite();
        for (int n = 3; n <= 40; n++) {
            write(pager, n, PageImages.random(random, n, pager.pageSize()));
        }
        touch(pager, 1);
        assertTrue(shared.wal().writerFrameCount() > shared.wal().current().maxFrame(), "the cache spilled frames");
        for (int n = 3; n <= 40; n++) {
            int number = n;
            Page p = Drive.await(io, () -> pager.get(number));
            assertArrayEquals(model.get(n), PageImages.read(p), "spilled page " + n + " reads back");
            pager.unpin(p);
        }
        pager.rollback();
        pager.endRead();
        assertEquals(shared.wal().current().maxFrame(), shared.wal().writerFrameCount());
        model.clear();
        model.putAll(committed);
        assertPages(pager, committed);

        commit(pager, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertPages(pager, model);
        pager.close();
        close(shared);
    }

    @Test
    void checkpointsCopyWhatNoReaderNeeds() {
        SharedPager shared = open();
        Pager writer = shared.newPager();
        Pager reader = shared.newPager();
        commit(writer, 1, 2, 3);
        reader.beginRead();
        commit(writer, 2, 3);
        int frames = shared.wal().current().maxFrame();

        CheckpointResult passive = Drive.await(io, () -> writer.checkpoint(CheckpointMode.PASSIVE));
        assertEquals(new CheckpointResult(false, frames, 3), passive, "the reader holds back the second commit");
        CheckpointResult restart = Drive.await(io, () -> writer.checkpoint(CheckpointMode.RESTART));
        assertTrue(restart.busy());
        reader.endRead();

        CheckpointResult full = Drive.await(io, () -> writer.checkpoint(CheckpointMode.FULL));
        assertEquals(new CheckpointResult(false, frames, frames), full);
        CheckpointResult truncate = Drive.await(io, () -> writer.checkpoint(CheckpointMode.TRUNCATE));
        assertEquals(new CheckpointResult(false, 0, 0), truncate);
        assertEquals(0, Drive.exportFile(io, DB + "-wal").length);
        assertPages(reader, model);

        commit(writer, 4);
        assertPages(reader, model);
        writer.close();
        reader.close();
        close(shared);
    }

    @Test
    void autoCheckpointKeepsTheWalShort() {
        SharedPager shared = open();
        Pager pager = shared.newPager();
        pager.setPageSize(512);
        for (int i = 0; i < 130; i++) {
            commit(pager, 1, 2 + i % 20, 3 + i % 7, 30 + i % 5, 40, 41, 42, 43);
        }
        // 1040 frames were written: a checkpoint copied them all, so a later writer restarted the WAL.
        assertEquals(1, shared.wal().current().generation(), "the WAL restarted once");
        assertTrue(shared.wal().current().maxFrame() < 1000);
        assertPages(pager, model);
        pager.close();
        close(shared);
    }

    @Test
    void aTemporaryDatabaseNeverWaits() {
        SharedPager temp = SharedPager.temporary();
        Pager pager = temp.newPager();
        pager.setSynchronous(Synchronous.OFF);
        pager.setCacheSize(3);
        pager.beginRead();
        pager.beginWrite();
        Map<Integer, byte[]> written = new HashMap<>();
        for (int n = 1; n <= 50; n++) {
            Page p = pager.allocate(); // spills along the way, inline: never IoPending
            byte[] image = PageImages.random(random, n, pager.pageSize());
            PageImages.put(p, image);
            pager.unpin(p);
            written.put(n, image);
        }
        pager.commit();
        for (int n = 1; n <= 50; n++) {
            Page p = pager.get(n);
            assertTrue(PageImages.same(n, written.get(n), PageImages.read(p)), "page " + n);
            pager.unpin(p);
        }
        pager.endRead();
        pager.close();
        temp.close();
    }

    @Test
    void aTransactionLargerThanOneWalWriteCommitsWhole() {
        SharedPager shared = open();
        Pager pager = shared.newPager();
        assertTrue(pager.setPageSize(512));
        pager.setCacheSize(5000);
        int[] pages = new int[3000];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = i + 1;
        }
        commit(pager, pages);
        assertEquals(3000, shared.wal().current().maxFrame(), "one frame per page, one commit");
        pager.close();
        shared.db().close(); // crash: recovery must find every frame of the one commit
        SharedPager reopened = open();
        Pager check = reopened.newPager();
        assertPages(check, model);
        check.close();
        close(reopened);
    }

    @Test
    void aPageWrittenOnceInATransactionKeepsLaterChangesAcrossASpill() {
        SharedPager shared = open();
        Pager pager = shared.newPager();
        commit(pager, 1, 2, 3);
        pager.setCacheSize(3);
        pager.beginRead();
        pager.beginWrite();
        write(pager, 2, PageImages.random(random, 2, pager.pageSize()));
        for (int n = 4; n <= 12; n++) { // pushes page 2 out through a spill
            write(pager, n, PageImages.random(random, n, pager.pageSize()));
        }
        touch(pager, 1);
        assertTrue(shared.wal().writerFrameCount() > shared.wal().current().maxFrame(), "page 2 was spilled");
        Page again = Drive.await(io, () -> pager.get(2));
        byte[] changed = PageImages.random(random, 2, pager.pageSize());
        PageImages.put(again, changed); // no second write(): it was written in this transaction
        pager.unpin(again);
        model.put(2, changed);
        Drive.run(io, pager::commit);
        pager.endRead();
        pager.close();
        shared.db().close();
        SharedPager reopened = open();
        Pager check = reopened.newPager();
        assertPages(check, model);
        check.close();
        close(reopened);
    }

    @Test
    void aReadOnlyOpenRecoversTheWalInMemoryAndChangesNoFile() {
        SharedPager shared = open();
        Pager pager = shared.newPager();
        commit(pager, 1, 2, 3);
        commit(pager, 2);
        pager.close();
        shared.db().close(); // leaves the WAL behind, as a crash would
        byte[] db = Drive.exportFile(io, DB);
        byte[] wal = Drive.exportFile(io, DB + "-wal");

        SharedPager readOnly = Drive.await(io, SharedPager.openReadOnly(io, DB)::step);
        Pager reader = readOnly.newPager();
        assertPages(reader, model);
        reader.beginRead();
        SqliteException e = assertThrows(SqliteException.class, reader::beginWrite);
        assertEquals(ResultCode.READONLY, e.code());
        reader.endRead();
        reader.close();
        Drive.close(io, readOnly);
        assertArrayEquals(db, Drive.exportFile(io, DB), "the database file is untouched");
        assertArrayEquals(wal, Drive.exportFile(io, DB + "-wal"), "the WAL is kept as it was");

        SqliteException missing = assertThrows(SqliteException.class,
                () -> Drive.await(io, SharedPager.openReadOnly(io, "/missing.db")::step));
        assertEquals(ResultCode.CANTOPEN, missing.code());
    }
}
