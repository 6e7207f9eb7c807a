package io.turso4j.storage.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import io.turso4j.io.memory.MemoryIO;
import io.turso4j.storage.IoPending;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A synchronous=FULL commit of one frame is one durable write only when nothing else in the
 * WAL waits for a sync; otherwise the commit syncs the whole file, as before.
 */
class WalDurableCommitTest {
    private static final int PAGE_SIZE = 512;
    private static final String PATH = "/d.db-wal";

    private final MemoryIO io = new MemoryIO();
    private final BufferPool pool = new BufferPool(PAGE_SIZE, 64, true);
    private Counting file;

    @AfterEach
    void close() {
        assertEquals(0, pool.leaks().size(), "every frame buffer went back to the pool");
        io.close();
    }

    /** Counts the calls that matter here and forwards everything. */
    private static final class Counting implements DbFile {
        final DbFile d;
        int syncs;
        int durableWrites;

        Counting(DbFile d) {
            this.d = d;
        }

        @Override public String path() { return d.path(); }
        @Override public Completion read(long pos, Buffer buf, int off, int len) { return d.read(pos, buf, off, len); }
        @Override public Completion write(long pos, Buffer buf, int off, int len) { return d.write(pos, buf, off, len); }
        @Override public Completion write(long pos, Buffer... bufs) { return d.write(pos, bufs); }
        @Override public Completion truncate(long length) { return d.truncate(length); }
        @Override public Completion size() { return d.size(); }
        @Override public Completion lock() { return d.lock(); }
        @Override public Completion unlock() { return d.unlock(); }
        @Override public Completion close() { return d.close(); }

        @Override
        public Completion sync() {
            syncs++;
            return d.sync();
        }

        @Override
        public Completion writeDurably(long pos, Buffer buf, int off, int len) {
            durableWrites++;
            return d.writeDurably(pos, buf, off, len);
        }
    }

    private Wal open() {
        file = new Counting(io.open(PATH, OpenMode.CREATE));
        WalRecovery recovery = new WalRecovery(file, PAGE_SIZE, 0, new SplittableRandom(3)::nextLong);
        while (true) {
            try {
                return recovery.step();
            } catch (IoPending p) {
                p.completion().awaitUninterruptibly();
            }
        }
    }

    private static MemorySegment[] images(int... pages) {
        MemorySegment[] images = new MemorySegment[pages.length];
        for (int i = 0; i < pages.length; i++) {
            byte[] bytes = new byte[PAGE_SIZE];
            new SplittableRandom(pages[i]).nextBytes(bytes);
            images[i] = MemorySegment.ofArray(bytes);
        }
        return images;
    }

    /** One committed transaction of {@code pages}; {@code full} as synchronous=FULL commits it. */
    private void commit(Wal wal, boolean full, int... pages) {
        Object owner = new Object();
        WalSnapshot s = wal.beginWrite(owner, wal.beginRead());
        Completion done = full ? wal.writeCommitFrames(pages, images(pages), 3, pool, false).durable()
                : wal.writeFrames(pages, images(pages), 3, pool, false);
        done.awaitUninterruptibly();
        done.result();
        wal.endRead(wal.commit(owner, s, 3));
    }

    /** Asserts the syncs and durable writes since the last call. */
    private void expect(int syncs, int durableWrites) {
        assertEquals(syncs, file.syncs, "syncs");
        assertEquals(durableWrites, file.durableWrites, "durable writes");
        file.syncs = 0;
        file.durableWrites = 0;
    }

    @Test
    void oneFrameAfterASyncedCommitIsOneDurableWrite() {
        Wal wal = open();
        wal.setPageSize(PAGE_SIZE);
        commit(wal, true, 1);
        expect(2, 0); // the new header's sync, then the commit's
        commit(wal, true, 2);
        expect(0, 1);
        commit(wal, true, 3);
        expect(0, 1);
        assertEquals(3, wal.current().maxFrame());
    }

    @Test
    void unsyncedFramesBeforeMakeTheCommitSyncTheFile() {
        Wal wal = open();
        wal.setPageSize(PAGE_SIZE);
        commit(wal, true, 1);
        expect(2, 0);
        commit(wal, false, 2); // synchronous=NORMAL: written, not synced
        expect(0, 0);
        commit(wal, true, 3);
        expect(1, 0);
        commit(wal, true, 3);
        expect(0, 1);
    }

    @Test
    void severalFramesAreWrittenThenSynced() {
        Wal wal = open();
        wal.setPageSize(PAGE_SIZE);
        commit(wal, true, 1);
        expect(2, 0);
        commit(wal, true, 1, 2, 3);
        expect(1, 0);
        commit(wal, true, 2);
        expect(0, 1);
    }

    @Test
    void aRecoveredWalIsSyncedByTheFirstCommit() {
        Wal first = open();
        first.setPageSize(PAGE_SIZE);
        commit(first, true, 1);
        commit(first, true, 2);
        Wal wal = open(); // as a new process finds the file
        assertEquals(2, wal.current().maxFrame());
        commit(wal, true, 3);
        expect(1, 0);
        commit(wal, true, 3);
        expect(0, 1);
    }
}
