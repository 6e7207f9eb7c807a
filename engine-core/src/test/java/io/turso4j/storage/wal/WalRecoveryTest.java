package io.turso4j.storage.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import io.turso4j.io.memory.MemoryIO;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.WalFrameHeader;
import io.turso4j.storage.format.WalHeader;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery keeps exactly the frames up to the last valid commit frame: a broken checksum, a
 * stale salt, a torn tail, an invalid header or a foreign page size each end the WAL there.
 */
class WalRecoveryTest {
    private static final int PAGE_SIZE = 512;
    private static final String PATH = "/r.db-wal";

    private final MemoryIO io = new MemoryIO();
    private final BufferPool pool = new BufferPool(PAGE_SIZE, 64, true);

    @AfterEach
    void close() {
        assertEquals(0, pool.leaks().size(), "every frame buffer went back to the pool");
        io.close();
    }

    private Wal recover(int dbPageSize, int dbPages) {
        WalRecovery recovery = new WalRecovery(io.open(PATH, OpenMode.CREATE), dbPageSize, dbPages,
                new SplittableRandom(7)::nextLong);
        while (true) {
            try {
                return recovery.step();
            } catch (IoPending p) {
                p.completion().awaitUninterruptibly();
            }
        }
    }

    /** Appends one transaction of {@code pages}; commits it unless {@code dbSize} is 0. */
    private static void transaction(Wal wal, int dbSize, BufferPool pool, int... pages) {
        Object owner = new Object();
        WalSnapshot s = wal.beginWrite(owner, wal.beginRead());
        MemorySegment[] images = new MemorySegment[pages.length];
        for (int i = 0; i < pages.length; i++) {
            byte[] bytes = new byte[PAGE_SIZE];
            new SplittableRandom(31L * pages[i] + dbSize).nextBytes(bytes);
            images[i] = MemorySegment.ofArray(bytes);
        }
        Completion written = wal.writeFrames(pages, images, dbSize, pool, false);
        written.awaitUninterruptibly();
        written.result();
        if (dbSize != 0) {
            wal.endRead(wal.commit(owner, s, dbSize));
        }
    }

    /** Three transactions: {1,2} commit size 2, {2,3} commit size 3, {1} never committed. */
    private void writeThree() {
        Wal wal = recover(0, 0);
        wal.setPageSize(PAGE_SIZE); // a new database chooses its page size before the first frame
        transaction(wal, 2, pool, 1, 2);
        transaction(wal, 3, pool, 2, 3);
        transaction(wal, 0, pool, 1);
        assertEquals(5, wal.writerFrameCount());
    }

    private void tamper(Consumer<MemorySegment> change) {
        DbFile f = io.open(PATH, OpenMode.READ_WRITE);
        Completion size = f.size();
        int n = (int) size.result();
        Buffer b = Buffer.allocate(n);
        f.read(0, b).result();
        change.accept(b.segment());
        f.write(0, b).result();
        f.close();
    }

    private static long frameAt(int frame) {
        return WalHeader.SIZE + (long) (frame - 1) * (WalFrameHeader.SIZE + PAGE_SIZE);
    }

    private static void assertRecovered(Wal wal, int maxFrame, int dbSize) {
        assertEquals(maxFrame, wal.current().maxFrame(), "frames kept");
        assertEquals(dbSize, wal.current().dbSize(), "database size");
        assertEquals(maxFrame, wal.writerFrameCount(), "the index holds only committed frames");
    }

    @Test
    void keepsEveryCommitAndDropsTheUncommittedTail() {
        writeThree();
        Wal wal = recover(PAGE_SIZE, 1);
        assertRecovered(wal, 4, 3);
        WalSnapshot s = wal.beginRead();
        assertEquals(3, wal.find(2, s));
        assertEquals(1, wal.find(1, s));
        assertEquals(4, wal.find(3, s));
    }

    @Test
    void aBrokenChecksumEndsTheWal() {
        writeThree();
        tamper(s -> s.set(ValueLayout.JAVA_BYTE, frameAt(3) + WalFrameHeader.SIZE + 100,
                (byte) (s.get(ValueLayout.JAVA_BYTE, frameAt(3) + WalFrameHeader.SIZE + 100) ^ 1)));
        assertRecovered(recover(PAGE_SIZE, 1), 2, 2);
    }

    @Test
    void aStaleSaltEndsTheWal() {
        writeThree();
        tamper(s -> s.set(ValueLayout.JAVA_BYTE, frameAt(4) + WalFrameHeader.SALT2_OFFSET,
                (byte) (s.get(ValueLayout.JAVA_BYTE, frameAt(4) + WalFrameHeader.SALT2_OFFSET) + 1)));
        assertRecovered(recover(PAGE_SIZE, 1), 2, 2);
    }

    @Test
    void aTornLastCommitIsDropped() {
        writeThree();
        DbFile f = io.open(PATH, OpenMode.READ_WRITE);
        f.truncate(frameAt(4) + 300).result();
        f.close();
        assertRecovered(recover(PAGE_SIZE, 1), 2, 2);
    }

    @Test
    void anInvalidHeaderMeansAnEmptyWal() {
        writeThree();
        tamper(s -> s.set(ValueLayout.JAVA_BYTE, WalHeader.SALT1_OFFSET, (byte) 0x5a));
        assertRecovered(recover(PAGE_SIZE, 7), 0, 7);
    }

    @Test
    void aWalOfAnotherPageSizeIsIgnored() {
        writeThree();
        assertRecovered(recover(1024, 7), 0, 7);
    }

    @Test
    void newCommitsContinueTheRecoveredChain() {
        writeThree();
        Wal wal = recover(PAGE_SIZE, 1);
        transaction(wal, 4, pool, 4, 1);
        assertRecovered(recover(PAGE_SIZE, 1), 6, 4);
    }
}
