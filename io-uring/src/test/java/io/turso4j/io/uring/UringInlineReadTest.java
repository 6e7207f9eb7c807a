package io.turso4j.io.uring;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.Test;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.turso4j.io.uring.UringIOTest.TIMEOUT;
import static io.turso4j.io.uring.UringIOTest.await;
import static io.turso4j.io.uring.UringIOTest.bytes;
import static io.turso4j.io.uring.UringIOTest.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the OS page cache can serve complete inline on the caller's thread (preadv2 with
 * RWF_NOWAIT); the others, and partial ones, still go through the ring's loop.
 */
class UringInlineReadTest extends UringTestBase {

    /** Writes {@code content} with plain java.nio, synced, so it is in the page cache and on disk. */
    private Path written(String name, Buffer content) throws Exception {
        Path p = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(content.segment().asByteBuffer());
            ch.force(true);
        }
        return p;
    }

    /**
     * Parks the ring's loop thread in a completion callback until the returned latch opens, so
     * that nothing can complete through the loop meanwhile. Retries while the write completes
     * so fast that its callback runs on this thread instead.
     */
    private CountDownLatch blockLoop() throws Exception {
        DbFile scratch = io.open(dir.resolve("scratch.db").toString(), OpenMode.CREATE);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch parked = new CountDownLatch(1);
        do {
            Completion w = scratch.write(0, filled(4096, 1));
            w.onComplete(done -> {
                if (Thread.currentThread().getName().startsWith("turso4j-uring-")) {
                    parked.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        } while (!parked.await(100, TimeUnit.MILLISECONDS));
        return release;
    }

    @Test
    void aCachedReadIsDoneWhenReadReturnsWithoutTheLoop() throws Exception {
        Buffer out = filled(16384, 3);
        DbFile f = io.open(written("cached.db", out).toString(), OpenMode.READ_WRITE);
        CountDownLatch release = blockLoop();
        try {
            Buffer in = Buffer.allocate(8192);
            Completion c = f.read(4096, in);
            assertTrue(c.isDone(), "a cached read should complete before read() returns: " + c);
            assertEquals(8192, c.result());
            byte[] expected = new byte[8192];
            System.arraycopy(bytes(out), 4096, expected, 0, 8192);
            assertArrayEquals(expected, bytes(in));
            assertEquals(0, in.pins(), "an inline read leaves no I/O pin behind");
        } finally {
            release.countDown();
        }
    }

    /**
     * A range only partly in the file (so never wholly in the page cache) is the one miss the
     * kernel cannot turn into a hit behind the test's back: a cold range may be brought in by
     * another read's readahead (8 MiB on some devices) at any moment.
     */
    @Test
    void aReadTheCacheCannotWhollyServeGoesThroughTheLoop() throws Exception {
        Buffer out = filled(4096, 5);
        DbFile f = io.open(written("partial.db", out).toString(), OpenMode.READ_WRITE);
        Buffer in = filled(8192, 9);
        CountDownLatch release = blockLoop();
        Completion c;
        try {
            c = f.read(0, in);
            Thread.sleep(50);
            assertFalse(c.isDone(), "only the loop may complete a read the cache cannot wholly serve: " + c);
        } finally {
            release.countDown();
        }
        assertEquals(4096, await(c));
        byte[] expected = new byte[8192];
        System.arraycopy(bytes(out), 0, expected, 0, 4096);
        assertArrayEquals(expected, bytes(in));
    }

    @Test
    void aColdFileReadsBackWhatWasWritten() throws Exception {
        Buffer out = filled(1 << 20, 5);
        Path p = written("cold.db", out);
        dropFromPageCache(p);
        DbFile f = io.open(p.toString(), OpenMode.READ_WRITE);
        Buffer in = Buffer.allocate(1 << 20);
        assertEquals(1 << 20, await(f.read(0, in)));
        assertArrayEquals(bytes(out), bytes(in));
    }

    @Test
    void missesPauseTheInlineTryAndAWarmFileGetsItBack() throws Exception {
        Buffer out = filled(2 * 4096, 17);
        DbFile f = io.open(written("turning.db", out).toString(), OpenMode.READ_ONLY);
        // Reads running past the end: the cache never holds the whole range, so each try misses.
        for (int i = 0; i < InlineReadPolicy.MISS_STREAK; i++) {
            assertEquals(4096, await(f.read(4096, Buffer.allocate(8192))));
        }
        CountDownLatch release = blockLoop();
        List<Completion> paused = new ArrayList<>();
        Buffer in = Buffer.allocate(4096);
        Completion tried;
        try {
            for (int i = 0; i < InlineReadPolicy.SKIP; i++) {
                paused.add(f.read(0, Buffer.allocate(4096)));
            }
            tried = f.read(4096, in);
            for (Completion c : paused) {
                assertFalse(c.isDone(), "a read in the pause goes to the ring even when cached: " + c);
            }
            assertTrue(tried.isDone(), "the read after the pause tries inline again: " + tried);
        } finally {
            release.countDown();
        }
        for (Completion c : paused) {
            assertEquals(4096, await(c));
        }
        assertArrayEquals(Arrays.copyOfRange(bytes(out), 4096, 8192), bytes(in));
        assertTrue(f.read(0, in).isDone(), "after a hit every read tries inline");
    }

    @Test
    void closingWhileReadersRunNeverReadsAnotherFile() throws Exception {
        Buffer out = filled(4096, 11);
        Path p = written("busy.db", out);
        for (int round = 0; round < 20; round++) {
            DbFile f = io.open(p.toString(), OpenMode.READ_ONLY);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger wrong = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                Thread t = new Thread(() -> {
                    Buffer in = Buffer.allocate(4096);
                    go.countDown();
                    for (int i = 0; i < 2000; i++) {
                        Completion c = f.read(0, in);
                        c.awaitUninterruptibly();
                        if (c.isFailed()) {
                            IoFailure e = c.failure();
                            if (e.errno() != Libc.EBADF) {
                                wrong.incrementAndGet();
                            }
                            return;
                        }
                        if (!Arrays.equals(bytes(out), bytes(in))) {
                            wrong.incrementAndGet();
                        }
                    }
                });
                readers.add(t);
                t.start();
            }
            go.await();
            // Other files opened meanwhile may take the closed descriptor's number.
            Completion closing = f.close();
            DbFile other = io.open(written("other" + round + ".db", filled(4096, 13)).toString(), OpenMode.READ_ONLY);
            for (Thread t : readers) {
                t.join();
            }
            await(closing);
            await(other.close());
            assertEquals(0, wrong.get(), "round " + round);
        }
    }

    @Test
    void aReadAheadGoesThroughTheLoopEvenWhenCached() throws Exception {
        Buffer out = filled(8192, 21);
        DbFile f = io.open(written("ahead.db", out).toString(), OpenMode.READ_ONLY);
        Buffer in = Buffer.allocate(4096);
        CountDownLatch release = blockLoop();
        Completion c;
        try {
            c = f.readAhead(4096, in);
            Thread.sleep(50);
            assertFalse(c.isDone(), "a read ahead leaves the copy to the loop: " + c);
        } finally {
            release.countDown();
        }
        assertEquals(4096, await(c));
        assertArrayEquals(Arrays.copyOfRange(bytes(out), 4096, 8192), bytes(in));
    }

    @Test
    void readIfCachedReadsOnTheCallersThreadOrNotAtAll() throws Exception {
        Buffer out = filled(8192, 23);
        Path p = written("maybe.db", out);
        DbFile f = io.open(p.toString(), OpenMode.READ_ONLY);
        CountDownLatch release = blockLoop();
        try {
            Buffer in = Buffer.allocate(4096);
            Completion c = f.readIfCached(0, in);
            assertTrue(c != null && c.isDone(), "a cached page is read at once: " + c);
            assertArrayEquals(Arrays.copyOfRange(bytes(out), 0, 4096), bytes(in));
            // past the end of the file: never wholly cached, and nothing is issued for it
            assertEquals(null, f.readIfCached(8192, Buffer.allocate(4096)));
        } finally {
            release.countDown();
        }
        await(f.close());
        assertEquals(null, f.readIfCached(0, Buffer.allocate(4096)), "a closed file reads nothing");
    }

    /** Drops a file's clean pages from the OS page cache: posix_fadvise(POSIX_FADV_DONTNEED). */
    @SuppressWarnings("restricted")
    private static void dropFromPageCache(Path p) throws Exception {
        Linker linker = Linker.nativeLinker();
        MethodHandle fadvise = linker.downcallHandle(linker.defaultLookup().findOrThrow("posix_fadvise"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        int fd = Libc.open(p.toString(), false, false);
        try {
            int dontNeed = 4;
            assertEquals(0, (int) fadvise.invokeExact(fd, 0L, 0L, dontNeed));
        } catch (Throwable t) {
            throw new AssertionError("posix_fadvise failed", t);
        } finally {
            Libc.close(fd);
        }
    }
}
