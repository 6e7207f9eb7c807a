package io.turso4j.io.uring;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static io.turso4j.io.uring.UringIOTest.TIMEOUT;
import static io.turso4j.io.uring.UringIOTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Many operations in flight at once, from many threads, and shutdown with operations pending.
 * Randomised: prints its seed; replay with {@code -Dturso4j.seed=<seed>}.
 */
@ExtendWith(UringAvailable.class)
class UringIOConcurrencyTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private static long seed() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("UringIOConcurrencyTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        return seed;
    }

    private static Buffer randomPage(Random random) {
        Buffer b = Buffer.allocate(PAGE);
        byte[] bytes = new byte[PAGE];
        random.nextBytes(bytes);
        b.segment().copyFrom(java.lang.foreign.MemorySegment.ofArray(bytes));
        return b;
    }

    private static void assertSamePage(Buffer expected, Buffer actual, String what) {
        long mismatch = expected.segment().mismatch(actual.segment());
        if (mismatch != -1) {
            fail(what + ": first differing byte at " + mismatch + ": expected "
                    + expected.segment().get(ValueLayout.JAVA_BYTE, mismatch) + ", got "
                    + actual.segment().get(ValueLayout.JAVA_BYTE, mismatch));
        }
    }

    @Test
    void twoThousandWritesThenReadsInFlightTogether() throws Exception {
        Random random = new Random(seed());
        int pages = 2000;
        try (UringIO io = new UringIO()) {
            DbFile f = io.open(dir.resolve("many.db").toString(), OpenMode.CREATE);
            // Each page goes to a random slot of a shuffled order, all issued before any is awaited.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, random);
            Buffer[] written = new Buffer[pages];
            Completion[] writes = new Completion[pages];
            for (int i : order) {
                written[i] = randomPage(random);
                writes[i] = f.write((long) i * PAGE, written[i]);
            }
            for (Completion w : writes) {
                assertEquals(PAGE, await(w));
            }
            Buffer[] read = new Buffer[pages];
            Completion[] reads = new Completion[pages];
            for (int i : order) {
                read[i] = Buffer.allocate(PAGE);
                reads[i] = f.read((long) i * PAGE, read[i]);
            }
            for (int i = 0; i < pages; i++) {
                assertEquals(PAGE, await(reads[i]));
                assertSamePage(written[i], read[i], "page " + i);
            }
            assertEquals((long) pages * PAGE, await(f.size()));
            await(f.close());
        }
    }

    @Test
    void manyVirtualThreadsEachCheckingTheirOwnPages() throws Exception {
        long seed = seed();
        int threads = 200;
        int rounds = 50;
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        try (UringIO io = new UringIO(64)) { // a small ring, so that ops also wait for tags
            DbFile f = io.open(dir.resolve("vt.db").toString(), OpenMode.CREATE);
            try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    vts.submit(() -> {
                        Random random = new Random(seed + thread);
                        Buffer in = Buffer.allocate(PAGE);
                        try {
                            for (int r = 0; r < rounds; r++) {
                                long pos = (long) (thread * 4 + random.nextInt(4)) * PAGE;
                                Buffer out = randomPage(random);
                                assertEquals(PAGE, await(f.write(pos, out)));
                                assertEquals(PAGE, await(f.read(pos, in)));
                                assertSamePage(out, in, "thread " + thread + " round " + r);
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    });
                }
            }
            if (!errors.isEmpty()) {
                throw new AssertionError(errors.size() + " threads failed; first:", errors.peek());
            }
            await(f.close());
        }
    }

    @Test
    void tenThousandOperationsInFlightFromManyVirtualThreads() throws Exception {
        long seed = seed();
        int threads = 100;
        int perThread = 100;
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        try (UringIO io = new UringIO()) {
            DbFile f = io.open(dir.resolve("tenk.db").toString(), OpenMode.CREATE);
            CountDownLatch allIssued = new CountDownLatch(threads);
            try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    vts.submit(() -> {
                        try {
                            Random random = new Random(seed + thread);
                            Buffer[] out = new Buffer[perThread];
                            Completion[] writes = new Completion[perThread];
                            for (int i = 0; i < perThread; i++) {
                                out[i] = randomPage(random);
                                writes[i] = f.write((long) (i * threads + thread) * PAGE, out[i]);
                            }
                            allIssued.countDown();
                            allIssued.await(); // every thread's writes are issued before any is awaited
                            for (Completion w : writes) {
                                assertEquals(PAGE, await(w));
                            }
                            Buffer[] in = new Buffer[perThread];
                            Completion[] reads = new Completion[perThread];
                            for (int i = 0; i < perThread; i++) {
                                in[i] = Buffer.allocate(PAGE);
                                reads[i] = f.read((long) (i * threads + thread) * PAGE, in[i]);
                            }
                            for (int i = 0; i < perThread; i++) {
                                assertEquals(PAGE, await(reads[i]));
                                assertSamePage(out[i], in[i], "thread " + thread + " page " + i);
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    });
                }
            }
            if (!errors.isEmpty()) {
                throw new AssertionError(errors.size() + " threads failed; first:", errors.peek());
            }
            assertEquals((long) threads * perThread * PAGE, await(f.size()));
            await(f.close());
        }
    }

    @Test
    void closingWhileManyThreadsIssueLeavesNoOperationPending() throws Exception {
        // Races issuers against shutdown: every op must still end, succeeded or failed.
        long seed = seed();
        for (int round = 0; round < 20; round++) {
            UringIO io = new UringIO(16);
            DbFile f = io.open(dir.resolve("race.db").toString(), OpenMode.CREATE);
            ConcurrentLinkedQueue<Completion> ops = new ConcurrentLinkedQueue<>();
            Random random = new Random(seed + round);
            int closeAfterMicros = random.nextInt(2000);
            try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    vts.submit(() -> {
                        Buffer b = Buffer.allocate(PAGE);
                        for (int i = 0; i < 200; i++) {
                            ops.add(i % 3 == 0 ? f.read((long) thread * PAGE, b) : f.write((long) thread * PAGE, b));
                        }
                    });
                }
                vts.submit(() -> {
                    Thread.sleep(closeAfterMicros / 1000, (closeAfterMicros % 1000) * 1000);
                    io.close();
                    return null;
                });
            }
            for (Completion c : ops) {
                c.await(TIMEOUT);
                assertTrue(c.isSucceeded() || c.failure().getMessage().contains("closed"), c::toString);
            }
        }
    }

    @Test
    void callbacksMayIssueMoreOperationsFromTheLoop() throws Exception {
        // A chain of 300 writes, each issued by the previous one's callback on the loop thread.
        try (UringIO io = new UringIO()) {
            DbFile f = io.open(dir.resolve("chain.db").toString(), OpenMode.CREATE);
            Buffer b = randomPage(new Random(1));
            CountDownLatch done = new CountDownLatch(1);
            Completion[] last = new Completion[1];
            Runnable[] next = new Runnable[1];
            int[] issued = {0};
            next[0] = () -> {
                if (issued[0] == 300) {
                    done.countDown();
                    return;
                }
                Completion c = f.write((long) issued[0]++ * PAGE, b);
                last[0] = c;
                c.onComplete(x -> {
                    if (x.isFailed()) {
                        done.countDown();
                    } else {
                        next[0].run();
                    }
                });
            };
            next[0].run();
            assertTrue(done.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(PAGE, last[0].result());
            assertEquals(300L * PAGE, await(f.size()));
            await(f.close());
        }
    }

    @Test
    void closingTheBackendWithOperationsPendingEndsEveryOne() throws Exception {
        Path path = dir.resolve("pending.db");
        UringIO io = new UringIO(32);
        DbFile f = io.open(path.toString(), OpenMode.CREATE);
        Buffer b = randomPage(new Random(2));
        int n = 5000;
        Completion[] ops = new Completion[n];
        for (int i = 0; i < n; i++) {
            ops[i] = f.write((long) (i % 64) * PAGE, b);
        }
        await(ops[0]); // now the ring is busy: some ops in the kernel, more waiting for a tag
        io.close();
        int succeeded = 0;
        for (Completion c : ops) {
            c.await(TIMEOUT); // every op ends, one way or the other
            if (c.isSucceeded()) {
                assertEquals(PAGE, c.result());
                succeeded++;
            } else {
                assertTrue(c.failure().getMessage().contains("closed"), c.failure().getMessage());
            }
        }
        System.out.println("closing with " + n + " writes pending: " + succeeded + " had completed, the rest failed");
        assertTrue(succeeded >= 1);
        IoFailure late = assertThrows(IoFailure.class, () -> io.open(path.toString(), OpenMode.CREATE));
        assertTrue(late.getMessage().contains("closed"));
        Completion afterClose = f.write(0, b);
        afterClose.await(TIMEOUT);
        assertTrue(afterClose.isFailed());
        assertEquals(0, await(f.close()), "closing a file of a closed backend succeeds");
        assertDescriptorClosed((UringFile) f, path);
        assertNoLoopThreadLeft();
    }

    @Test
    void closingTheBackendClosesFilesLeftOpen() throws Exception {
        Path path = dir.resolve("left.db");
        UringIO io = new UringIO();
        UringFile f = (UringFile) io.open(path.toString(), OpenMode.CREATE);
        await(f.write(0, randomPage(new Random(3))));
        await(f.lock());
        io.close();
        assertDescriptorClosed(f, path);
        assertEquals(PAGE, Files.size(path));
        // Its lock went with it: a new backend can take the file.
        try (UringIO next = new UringIO()) {
            DbFile again = next.open(path.toString(), OpenMode.READ_WRITE);
            assertEquals(0, await(again.lock()));
            await(again.close());
        }
    }

    /** Close waits for the loop, so the descriptor is closed when it returns. */
    private static void assertDescriptorClosed(UringFile f, Path path) throws Exception {
        Path target = target(Path.of("/proc/self/fd/" + f.fd()));
        assertFalse(path.toRealPath().equals(target), "descriptor " + f.fd() + " of " + path + " is still open");
    }

    /** What an fd link in /proc points at, or null once the descriptor is closed. */
    private static Path target(Path fdLink) throws IOException {
        try {
            return Files.readSymbolicLink(fdLink);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void assertNoLoopThreadLeft() throws InterruptedException {
        List<Thread> loops = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("turso4j-uring-")).toList();
        for (Thread t : loops) {
            t.join(TIMEOUT); // close has returned: the thread is past its last step, or about to be
            assertFalse(t.isAlive(), t + " still running");
        }
    }

    @Test
    void theLoopThreadIsADaemon() {
        try (UringIO io = new UringIO()) {
            assertEquals("uring", io.name()); // the backend is up, so its loop thread exists
            List<Thread> loops = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("turso4j-uring-")).toList();
            assertFalse(loops.isEmpty());
            loops.forEach(t -> assertTrue(t.isDaemon(), t + " must be a daemon"));
        }
    }
}
