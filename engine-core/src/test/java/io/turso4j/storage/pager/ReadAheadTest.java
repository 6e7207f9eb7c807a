package io.turso4j.storage.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.ForwardingDbFile;
import io.turso4j.io.ForwardingIO;
import io.turso4j.io.OpenMode;
import io.turso4j.io.memory.MemoryIO;
import io.turso4j.storage.IoPending;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads ahead ({@link Pager#readAhead}): the room they take in the cache, and what a caller
 * gets who needs a page whose read ahead has not finished: the page read again at once when
 * the OS has it cached, else a wait for the read ahead. The files here hold every read ahead
 * until the test lets it finish, as a busy backend thread would.
 */
@ExtendWith(CheckedBuffers.class)
class ReadAheadTest {
    private static final String DB = "/t.db";

    private final HeldReadsIo io = new HeldReadsIo();
    private final Random random = new Random(7);
    private final Map<Integer, byte[]> images = new HashMap<>();
    private SharedPager shared;

    @AfterEach
    void closeIo() {
        io.close();
    }

    @Test
    void aPageStillReadAheadIsReadAgainAtOnceWhenTheOsHasIt() {
        Pager pager = withPages(8);
        pager.beginRead();
        pager.readAhead(5);
        assertEquals(1, io.held.size(), "the read ahead is under way");

        assertReads(pager, 5); // no IoPending: read again on this thread

        io.finishHeld(); // the first read lands in a buffer nobody reads any more
        assertReads(pager, 5);
        finish(pager);
    }

    @Test
    void aPageStillReadAheadIsWaitedForWhenTheOsHasNotGotIt() {
        Pager pager = withPages(8);
        io.cached = false;
        pager.beginRead();
        pager.readAhead(5);
        Completion ahead = io.held.getFirst().done;

        IoPending pending = assertThrows(IoPending.class, () -> pager.get(5));
        assertSame(ahead, pending.completion(), "the caller waits for the read ahead, and no second read is made");
        io.finishHeld();
        assertReads(pager, 5);
        finish(pager);
    }

    @Test
    void aReadAheadTakesRoomFromCleanPagesOnly() {
        Pager pager = withFullCache(12, 4);
        pager.readAhead(9);
        assertEquals(1, io.held.size(), "a clean page made room for the read ahead");
        io.finishHeld();
        assertReads(pager, 9);

        pager.beginWrite();
        List<Page> dirty = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            Page p = Drive.await(io, () -> pager.get(dirty.size() + 1));
            pager.write(p);
            dirty.add(p);
        }
        int writes = io.writes;
        pager.readAhead(10);
        assertTrue(io.held.isEmpty(), "no read ahead when only dirty or pinned pages could make room");
        assertEquals(writes, io.writes, "and no spill for one");
        dirty.forEach(pager::unpin);
        pager.rollback();
        finish(pager);
    }

    @Test
    void readsAheadNotYetUsedFillAQuarterOfTheCacheAtMost() {
        Pager pager = withFullCache(20, 8);
        pager.prefetch(9);
        assertTrue(io.held.isEmpty(), "a plain prefetch takes no room from a full cache");
        for (int n = 9; n <= 12; n++) {
            pager.readAhead(n);
        }
        assertEquals(2, io.held.size(), "two of the eight pages");
        io.finishHeld();
        pager.unpin(pager.get(9)); // used: no longer counts
        pager.readAhead(11);
        assertEquals(1, io.held.size());
        finish(pager);
    }

    @Test
    void aFailedReadAheadIsReadAgainWhenNeeded() {
        Pager pager = withPages(8);
        io.cached = false;
        pager.beginRead();
        pager.readAhead(5);
        io.failHeld();
        assertReads(pager, 5); // no IOERR: the read ahead was only a guess
        finish(pager);
    }

    @Test
    void aFailedPrefetchIsReadAgainWhenNeeded() {
        Pager pager = withPages(8);
        pager.beginRead();
        io.holdReads = true;
        pager.prefetch(5);
        io.holdReads = false;
        io.failHeld();
        assertReads(pager, 5); // no IOERR: nobody had asked for the page
        finish(pager);
    }

    @Test
    void aFileWhereReadsAheadDoNotPayGetsNone() {
        Pager pager = withFullCache(12, 8);
        io.aheadPays = false;
        pager.readAhead(9);
        assertTrue(io.held.isEmpty());
        assertReads(pager, 9);
        finish(pager);
    }

    /** Opens {@link #shared}, a database of pages {@code 1..n} with random images, committed; returns a new pager on it, its cache empty. */
    private Pager withPages(int n) {
        shared = Drive.open(io, DB);
        Pager pager = shared.newPager();
        pager.beginRead();
        pager.beginWrite();
        for (int i = 1; i <= n; i++) {
            Page p = pager.allocate();
            byte[] image = PageImages.random(random, i, pager.pageSize());
            PageImages.put(p, image);
            images.put(p.number(), image);
            pager.unpin(p);
        }
        Drive.run(io, pager::commit);
        pager.endRead();
        pager.close();
        return shared.newPager();
    }

    /** {@link #withPages} in a read transaction, its cache of {@code cache} pages full of pages {@code 1..cache}, clean and unpinned. */
    private Pager withFullCache(int pages, int cache) {
        Pager pager = withPages(pages);
        pager.setCacheSize(cache);
        pager.beginRead();
        for (int n = 1; n <= cache; n++) {
            pager.unpin(pager.get(n));
        }
        return pager;
    }

    /** Reads page {@code n}, which must not wait, and checks its bytes. */
    private void assertReads(Pager pager, int n) {
        Page p = pager.get(n);
        assertArrayEquals(images.get(n), PageImages.read(p), "page " + n);
        pager.unpin(p);
    }

    /** Ends the read transaction, closes the pager and the database. */
    private void finish(Pager pager) {
        pager.endRead();
        pager.close();
        io.finishHeld();
        assertEquals(List.of(), shared.pagePool().leaks(), "page buffers still held");
        Drive.close(io, shared);
        assertFalse(io.held.iterator().hasNext());
    }

    /**
     * Memory files whose reads ahead (and plain reads too, while {@link #holdReads}) wait for
     * {@link #finishHeld} or {@link #failHeld}, and which may say nothing is cached, or that
     * reads ahead do not pay.
     */
    private static final class HeldReadsIo extends ForwardingIO {
        /** A read ahead: the bytes at {@code pos} go to {@code into}, the buffer's memory as the kernel would hold it. */
        record Held(DbFile file, long pos, MemorySegment into, Completion done) {}

        final List<Held> held = new ArrayList<>();
        boolean cached = true;
        boolean aheadPays = true;
        /** Whether plain reads are held too. */
        boolean holdReads;
        int writes;

        HeldReadsIo() {
            super(new MemoryIO());
        }

        void finishHeld() {
            holdReads = false; // the held reads are made now
            for (Held h : held) {
                // through a buffer of its own: the held one may be released already (overtaken)
                Buffer copy = Buffer.allocate((int) h.into().byteSize());
                Completion read = h.file().read(h.pos(), copy);
                assertTrue(read.isDone());
                MemorySegment.copy(copy.segment(), 0, h.into(), 0, copy.size());
                h.done().complete(read.result());
            }
            held.clear();
        }

        void failHeld() {
            for (Held h : held) {
                h.done().fail(new IoFailure("read ahead of " + h.pos() + " failed", 5));
            }
            held.clear();
        }

        @Override
        public DbFile open(String path, OpenMode mode) {
            return new ForwardingDbFile(super.open(path, mode)) {
                @Override
                public boolean readsAheadPay() {
                    return aheadPays;
                }

                @Override
                public Completion read(long pos, Buffer buf) {
                    return holdReads ? readAhead(pos, buf) : super.read(pos, buf);
                }

                @Override
                public Completion readAhead(long pos, Buffer buf) {
                    Held h = new Held(this, pos, buf.segment(), new Completion());
                    buf.pinForIo();
                    h.done().onComplete(c -> buf.unpinForIo());
                    held.add(h);
                    return h.done();
                }

                @Override
                public Completion readIfCached(long pos, Buffer buf) {
                    return cached ? read(pos, buf) : null;
                }

                @Override
                public Completion write(long pos, Buffer buf, int off, int len) {
                    writes++;
                    return super.write(pos, buf, off, len);
                }

                @Override
                public Completion write(long pos, Buffer... bufs) {
                    writes++;
                    return super.write(pos, bufs);
                }
            };
        }
    }
}
