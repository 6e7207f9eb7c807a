package io.turso4j.tests.io;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract of {@link IO} and {@link DbFile} that every backend keeps, as one suite each
 * backend runs by subclassing: supply a fresh {@link #createIo() backend}, a {@link
 * #pathFor(String) place for files} (a temporary directory for disk backends, any name for
 * in-memory ones), and say whether the backend {@link #drivenByPoll() completes operations
 * only in IO.poll()} (the simulator) — {@link #awaitDone(IO, Completion)} then drives it
 * instead of parking. A backend that must be configured for the suite (the simulator with
 * faults off) does so in {@link #createIo()}.
 *
 * <p>Adding a backend is one small subclass, e.g.
 * <pre>{@code
 * class SimulatedDbFileConformanceTest extends DbFileConformanceTest {
 *     protected IO createIo() { return IoBackends.open("simulated"); } // faults off
 *     protected String pathFor(String name) { return "/conformance/" + name; }
 *     protected boolean drivenByPoll() { return true; }
 * }
 * }</pre>
 *
 * <p>Randomised data comes from one seed per test, printed, and replayed with
 * {@code -Dturso4j.seed=<seed>}.
 */
@Timeout(120)
public abstract class DbFileConformanceTest {
    /** The errno {@link DbFile#lock()} fails with when another owner holds the lock. */
    static final int EAGAIN = 11;
    /** How long one operation may stay pending before the suite calls it hung. */
    static final Duration OP_TIMEOUT = Duration.ofSeconds(60);

    /** The backend under test, fresh for each test and closed after it. */
    protected IO io;
    /** Randomness for test data, from {@link #seed}. */
    protected Random random;
    private long seed;

    /** A new backend instance for one test. */
    protected abstract IO createIo();

    /** Where a test may create a file called {@code name}; distinct names give distinct files. */
    protected abstract String pathFor(String name);

    /** True when the backend completes operations only inside {@link IO#poll()}. */
    protected boolean drivenByPoll() {
        return false;
    }

    @BeforeEach
    void openBackend(TestInfo test) {
        String fixed = System.getProperty("turso4j.seed");
        seed = fixed != null ? Long.parseLong(fixed) : new SplittableRandom().nextLong();
        System.out.println(getClass().getSimpleName() + "." + test.getDisplayName() + " seed=" + seed
                + " (replay with -Dturso4j.seed=" + seed + ")");
        random = new Random(seed);
        io = createIo();
    }

    @AfterEach
    void closeBackend() {
        if (io != null) {
            io.close();
        }
    }

    // ---------------------------------------------------------------- driving completions

    /**
     * Returns once {@code c} is done: by calling {@link IO#poll()} until it is, for a backend
     * {@link #drivenByPoll() driven by poll}, otherwise by parking on it. Fails the test if it
     * stays pending for {@link #OP_TIMEOUT}.
     */
    protected final void awaitDone(IO backend, Completion c) {
        long deadline = System.nanoTime() + OP_TIMEOUT.toNanos();
        if (drivenByPoll()) {
            while (!c.isDone()) {
                if (backend.poll() == 0) {
                    if (System.nanoTime() > deadline) {
                        fail("operation still pending after polling for " + OP_TIMEOUT + ": " + c);
                    }
                    Thread.yield();
                }
            }
            return;
        }
        try {
            c.await(OP_TIMEOUT);
        } catch (TimeoutException e) {
            fail("operation still pending after " + OP_TIMEOUT + ": " + c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while awaiting " + c);
        }
    }

    /** Awaits {@code c} and returns its result; throws its {@link IoFailure} if it failed. */
    protected final long resultOf(Completion c) {
        awaitDone(io, c);
        return c.result();
    }

    /** Awaits {@code c}, which must fail, and returns why. */
    protected final IoFailure failureOf(Completion c) {
        awaitDone(io, c);
        assertTrue(c.isFailed(), () -> "expected a failure, got " + c);
        return c.failure();
    }

    // ---------------------------------------------------------------- buffers

    protected final Buffer randomBuffer(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bufferOf(bytes);
    }

    protected static Buffer bufferOf(byte[] bytes) {
        Buffer b = Buffer.allocate(bytes.length);
        b.segment().copyFrom(MemorySegment.ofArray(bytes));
        return b;
    }

    /** A buffer of {@code size} bytes all set to {@code fill}, to show what a read overwrote. */
    protected static Buffer filledBuffer(int size, int fill) {
        Buffer b = Buffer.allocate(size);
        b.segment().fill((byte) fill);
        return b;
    }

    protected static byte[] bytes(Buffer b) {
        return b.segment().toArray(ValueLayout.JAVA_BYTE);
    }

    protected static byte[] bytes(Buffer b, int off, int len) {
        return b.segment().asSlice(off, len).toArray(ValueLayout.JAVA_BYTE);
    }

    protected static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Reads {@code len} bytes at {@code pos}, which must all be there. */
    protected final byte[] readFully(DbFile f, long pos, int len) {
        Buffer b = filledBuffer(len, 0x5A);
        assertEquals(len, resultOf(f.read(pos, b)), "bytes read at " + pos);
        return bytes(b);
    }

    protected final DbFile create(String name) {
        return io.open(pathFor(name), OpenMode.CREATE);
    }

    // ---------------------------------------------------------------- cases

    @Test
    void readAfterWrite() {
        DbFile f = create("raw.db");
        Buffer page = randomBuffer(4096);
        assertEquals(4096, resultOf(f.write(0, page)));
        assertArrayEquals(bytes(page), readFully(f, 0, 4096));

        // A sub-range of a buffer, written and read at unaligned offsets.
        Buffer src = randomBuffer(1000);
        assertEquals(300, resultOf(f.write(5003, src, 100, 300)));
        Buffer dst = filledBuffer(1000, 0x77);
        assertEquals(300, resultOf(f.read(5003, dst, 50, 300)));
        assertArrayEquals(bytes(src, 100, 300), bytes(dst, 50, 300));
        assertArrayEquals(bytes(filledBuffer(50, 0x77)), bytes(dst, 0, 50), "read wrote before its range");
        assertArrayEquals(bytes(filledBuffer(650, 0x77)), bytes(dst, 350, 650), "read wrote past its range");

        // Overwrite in place.
        Buffer again = randomBuffer(4096);
        assertEquals(4096, resultOf(f.write(0, again)));
        assertArrayEquals(bytes(again), readFully(f, 0, 4096));
        resultOf(f.close());
    }

    @Test
    void vectoredWriteLaysBuffersBackToBack() {
        DbFile f = create("vec.db");
        Buffer a = randomBuffer(4096);
        Buffer b = randomBuffer(512);
        Buffer c = randomBuffer(1000);
        assertEquals(4096 + 512 + 1000, resultOf(f.write(1234, a, b, c)));
        assertEquals(1234 + 4096 + 512 + 1000, resultOf(f.size()));
        assertArrayEquals(concat(bytes(a), bytes(b), bytes(c)), readFully(f, 1234, 4096 + 512 + 1000));
        assertArrayEquals(new byte[1234], readFully(f, 0, 1234), "the hole before the write reads as zeros");

        // Many small parts, as a WAL append of several frames would issue.
        Buffer[] parts = new Buffer[16];
        byte[][] expected = new byte[16][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = randomBuffer(24 + i * 8);
            expected[i] = bytes(parts[i]);
        }
        long total = resultOf(f.write(0, parts));
        assertEquals(concat(expected).length, total);
        assertArrayEquals(concat(expected), readFully(f, 0, (int) total));
        resultOf(f.close());
    }

    @Test
    void readsPastEndOfFileAreShortAndZeroFilled() {
        DbFile f = create("eof.db");
        Buffer data = randomBuffer(100);
        resultOf(f.write(0, data));

        Buffer whole = filledBuffer(4096, 0xFF);
        assertEquals(100, resultOf(f.read(0, whole)));
        assertArrayEquals(bytes(data), bytes(whole, 0, 100));
        assertArrayEquals(new byte[4096 - 100], bytes(whole, 100, 4096 - 100), "the rest is zero-filled");

        Buffer straddle = filledBuffer(200, 0xFF);
        assertEquals(50, resultOf(f.read(50, straddle)));
        assertArrayEquals(bytes(data, 50, 50), bytes(straddle, 0, 50));
        assertArrayEquals(new byte[150], bytes(straddle, 50, 150));

        Buffer beyond = filledBuffer(4096, 0xFF);
        assertEquals(0, resultOf(f.read(8192, beyond)));
        assertArrayEquals(new byte[4096], bytes(beyond));

        Buffer empty = filledBuffer(512, 0xFF);
        DbFile g = create("empty.db");
        assertEquals(0, resultOf(g.read(0, empty)));
        assertArrayEquals(new byte[512], bytes(empty));
        resultOf(f.close());
        resultOf(g.close());
    }

    @Test
    void syncSucceedsAndKeepsData() {
        DbFile f = create("sync.db");
        Buffer page = randomBuffer(4096);
        resultOf(f.write(0, page));
        resultOf(f.sync());
        resultOf(f.sync()); // nothing new to flush is not an error
        assertArrayEquals(bytes(page), readFully(f, 0, 4096));
        resultOf(f.close());

        DbFile reopened = io.open(pathFor("sync.db"), OpenMode.READ_WRITE);
        assertArrayEquals(bytes(page), readFully(reopened, 0, 4096), "closing and reopening keeps the bytes");
        resultOf(reopened.close());
    }

    @Test
    void truncateShrinks() {
        DbFile f = create("shrink.db");
        Buffer pages = randomBuffer(3 * 4096);
        resultOf(f.write(0, pages));
        resultOf(f.truncate(4096 + 10));
        assertEquals(4096 + 10, resultOf(f.size()));
        assertArrayEquals(bytes(pages, 0, 4096 + 10), readFully(f, 0, 4096 + 10));
        Buffer tail = filledBuffer(4096, 0xFF);
        assertEquals(10, resultOf(f.read(4096, tail)), "nothing is left past the new end");

        resultOf(f.truncate(0));
        assertEquals(0, resultOf(f.size()));
        resultOf(f.close());
    }

    @Test
    void truncateGrowsWithZeros() {
        DbFile f = create("grow.db");
        Buffer head = randomBuffer(100);
        resultOf(f.write(0, head));
        resultOf(f.truncate(10_000));
        assertEquals(10_000, resultOf(f.size()));
        byte[] all = readFully(f, 0, 10_000);
        assertArrayEquals(bytes(head), Arrays.copyOf(all, 100), "growing keeps what was there");
        assertArrayEquals(new byte[10_000 - 100], Arrays.copyOfRange(all, 100, 10_000));

        resultOf(f.truncate(10_000)); // same length: nothing changes
        assertEquals(10_000, resultOf(f.size()));
        resultOf(f.close());
    }

    @Test
    void sizeFollowsWrites() {
        DbFile f = create("size.db");
        assertEquals(0, resultOf(f.size()));
        resultOf(f.write(5000, randomBuffer(100)));
        assertEquals(5100, resultOf(f.size()));
        resultOf(f.write(0, randomBuffer(100)));
        assertEquals(5100, resultOf(f.size()), "a write inside the file does not change its size");
        resultOf(f.write(5100, randomBuffer(4096), randomBuffer(4096)));
        assertEquals(5100 + 8192, resultOf(f.size()));
        resultOf(f.close());
    }

    @Test
    void exclusiveLockIsRefusedToASecondOwner() {
        DbFile first = create("lock.db");
        DbFile second = io.open(pathFor("lock.db"), OpenMode.READ_WRITE);

        resultOf(first.lock());
        assertEquals(EAGAIN, failureOf(second.lock()).errno(), "second owner while the first holds it");

        resultOf(first.unlock());
        resultOf(second.lock());
        assertEquals(EAGAIN, failureOf(first.lock()).errno(), "first owner after handing it over");

        resultOf(second.close()); // closing releases the lock
        resultOf(first.lock());
        DbFile third = io.open(pathFor("lock.db"), OpenMode.READ_WRITE);
        assertEquals(EAGAIN, failureOf(third.lock()).errno());
        resultOf(third.close());
        resultOf(first.close());
    }

    @Test
    void operationsOnAClosedFileFail() {
        DbFile f = create("closed.db");
        resultOf(f.write(0, randomBuffer(4096)));
        resultOf(f.close());

        List<Supplier<Completion>> ops = List.of(
                () -> f.read(0, Buffer.allocate(4096)),
                () -> f.write(0, randomBuffer(4096)),
                () -> f.write(0, randomBuffer(512), randomBuffer(512)),
                f::sync,
                () -> f.truncate(0),
                f::size,
                f::lock);
        for (Supplier<Completion> op : ops) {
            Completion c = op.get();
            assertFailsWithIoFailure(c);
        }
        // The data written before close is still there for the next opener.
        DbFile reopened = io.open(pathFor("closed.db"), OpenMode.READ_ONLY);
        assertEquals(4096, resultOf(reopened.size()));
        resultOf(reopened.close());
    }

    private void assertFailsWithIoFailure(Completion c) {
        awaitDone(io, c);
        assertTrue(c.isFailed(), () -> "operation on a closed file did not fail: " + c);
        assertThrows(IoFailure.class, c::result);
    }

    @Test
    void openModes() {
        String missing = pathFor("missing.db");
        assertFalse(io.exists(missing));
        assertThrows(IoFailure.class, () -> io.open(missing, OpenMode.READ_ONLY));
        assertThrows(IoFailure.class, () -> io.open(missing, OpenMode.READ_WRITE));
        assertFalse(io.exists(missing), "a failed open creates nothing");

        DbFile created = io.open(missing, OpenMode.CREATE);
        assertTrue(io.exists(missing));
        assertEquals(0, resultOf(created.size()));
        Buffer page = randomBuffer(4096);
        resultOf(created.write(0, page));
        resultOf(created.close());

        DbFile again = io.open(missing, OpenMode.CREATE);
        assertArrayEquals(bytes(page), readFully(again, 0, 4096), "CREATE keeps an existing file's bytes");
        resultOf(again.close());

        DbFile readOnly = io.open(missing, OpenMode.READ_ONLY);
        assertArrayEquals(bytes(page), readFully(readOnly, 0, 4096));
        failureOf(readOnly.write(0, randomBuffer(16)));
        assertArrayEquals(bytes(page), readFully(readOnly, 0, 4096), "a refused write changes nothing");
        resultOf(readOnly.close());

        io.delete(missing);
        assertFalse(io.exists(missing));
        io.delete(missing); // deleting what is not there is fine
    }

    /**
     * 100 virtual threads each issue 100 writes at distinct, shuffled offsets; once all
     * 10,000 are issued each thread awaits its own, then the same again for reads, and every
     * byte read back is checked against what its block was written with.
     */
    @Test
    void tenThousandOperationsInFlightFromVirtualThreads() throws Exception {
        final int threads = 100;
        final int perThread = 100;
        final int block = 512;
        DbFile f = create("many.db");
        int[] blocks = shuffledBlocks(threads * perThread);
        long dataSeed = random.nextLong();

        CountDownLatch writesIssued = new CountDownLatch(threads);
        CountDownLatch readsIssued = new CountDownLatch(threads);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            work.add(() -> {
                Completion[] writes = new Completion[perThread];
                try {
                    for (int i = 0; i < perThread; i++) {
                        int blk = blocks[first + i];
                        writes[i] = f.write((long) blk * block, bufferOf(blockBytes(dataSeed, blk, block)));
                    }
                } finally {
                    writesIssued.countDown();
                }
                writesIssued.await();
                for (Completion w : writes) {
                    assertEquals(block, resultOf(w));
                }

                Buffer[] reads = new Buffer[perThread];
                Completion[] readOps = new Completion[perThread];
                try {
                    for (int i = 0; i < perThread; i++) {
                        reads[i] = filledBuffer(block, 0xEE);
                        readOps[i] = f.read((long) blocks[first + i] * block, reads[i]);
                    }
                } finally {
                    readsIssued.countDown();
                }
                readsIssued.await();
                for (int i = 0; i < perThread; i++) {
                    int blk = blocks[first + i];
                    assertEquals(block, resultOf(readOps[i]), "bytes read of block " + blk);
                    assertArrayEquals(blockBytes(dataSeed, blk, block), bytes(reads[i]), "block " + blk);
                }
                return null;
            });
        }
        try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> done = vts.invokeAll(work);
            for (Future<Void> d : done) {
                d.get(); // rethrows a thread's assertion failure
            }
        }
        assertEquals((long) threads * perThread * block, resultOf(f.size()));
        resultOf(f.close());
    }

    private int[] shuffledBlocks(int n) {
        int[] blocks = new int[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = blocks[i];
            blocks[i] = blocks[j];
            blocks[j] = tmp;
        }
        return blocks;
    }

    /** The content of block {@code blk}: a function of the seed and the block number only. */
    private static byte[] blockBytes(long dataSeed, int blk, int size) {
        byte[] b = new byte[size];
        new SplittableRandom(dataSeed ^ (blk * 0x9E3779B97F4A7C15L)).nextBytes(b);
        return b;
    }
}
