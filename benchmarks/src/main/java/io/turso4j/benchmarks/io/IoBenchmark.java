package io.turso4j.benchmarks.io;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.OpenMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * 4 KiB random reads and writes (writes with an fdatasync after every 64th completed write)
 * on a 1 GiB file at queue depths 1, 8 and 32, for the io_uring and NIO backends and, as the
 * baseline the I/O layer exists to beat, plain {@code FileChannel} positional I/O from one
 * virtual thread per queue slot.
 *
 * <p>Each invocation performs {@value #OPS} operations on {@value #OPS} distinct random pages
 * (drawn afresh per invocation), keeping {@code depth} of them in flight (a closed loop, as fio
 * runs). The file lives in {@code -Dturso4j.bench.dir} (default: the system temp directory)
 * and is created once.
 *
 * <p>{@code cache=cold} means every read misses the page cache: before every invocation the
 * file is dropped from the cache ({@code posix_fadvise(DONTNEED)}, untimed), and since the
 * invocation's pages are distinct no read finds a page an earlier one brought in. This is
 * checked, not assumed: {@code mincore(2)} tells which of the chosen pages were cached when
 * the invocation began and how many pages of the file were cached when it ended (one per read
 * when the kernel reads no more than asked); each iteration prints both as a "cold check"
 * line. {@code cache=warm} reads the whole file once before every iteration, so every read hits.
 *
 * <p>The fio figures the issue compares against come from the same pattern, buffered, with
 * the file dropped from the cache first and each page read at most once (fio's random map);
 * {@code number_ios} is 65536 rather than {@value #OPS} so the run is long enough to time:
 * <pre>
 * fio --name=r --filename=F --rw=randread --bs=4k --ioengine=io_uring --iodepth=D \
 *     --invalidate=1 --number_ios=65536 --size=1g
 * </pre>
 * with F this benchmark's file and D 1, 8 or 32 (fio is at /usr/bin/fio; add {@code
 * --output-format=terse} for one line, IOPS in field 8). Warm: the same with {@code
 * --invalidate=0} after one {@code cat F >/dev/null}.
 *
 * <p>Run: {@code ./benchmarks/run io} (see README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class IoBenchmark {
    static final int OPS = 4096;
    static final int PAGE = 4096;
    static final long FILE_SIZE = 1L << 30;
    static final int SYNC_EVERY = 64;

    @Param({"uring", "nio", "filechannel-vt"})
    public String backend;

    @Param({"1", "8", "32"})
    public int depth;

    @Param({"cold", "warm"})
    public String cache;

    private Path file;
    private PageCache pageCache;
    private IO io;
    private DbFile dbFile;
    private FileChannel channel;
    private Buffer[] buffers;
    private final SplittableRandom random = new SplittableRandom(42);
    /** The pages the next invocation touches, distinct, in issue order. */
    private final long[] offsets = new long[OPS];
    private final BitSet chosen = new BitSet((int) (FILE_SIZE / PAGE));

    // Cold check, per iteration: reads issued, of them on a page cached when the invocation
    // began, and pages of the file cached when invocations ended (summed).
    private long coldReads;
    private long coldReadsCached;
    private long pagesCachedAfter;
    private long invocations;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Path.of(System.getProperty("turso4j.bench.dir", System.getProperty("java.io.tmpdir")), "turso4j-io-bench.dat");
        createIfMissing(file);
        pageCache = new PageCache(file, FILE_SIZE);
        if (backend.equals("filechannel-vt")) {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } else {
            io = IoBackends.open(backend);
            dbFile = io.open(file.toString(), OpenMode.READ_WRITE);
        }
        buffers = new Buffer[depth];
        for (int i = 0; i < depth; i++) {
            buffers[i] = Buffer.allocate(PAGE);
            buffers[i].segment().fill((byte) i);
        }
    }

    @Setup(Level.Iteration)
    public void prepareIteration() throws IOException {
        coldReads = 0;
        coldReadsCached = 0;
        pagesCachedAfter = 0;
        invocations = 0;
        if (cache.equals("warm")) {
            warm(file);
        }
    }

    @Setup(Level.Invocation)
    public void prepareInvocation() {
        chosen.clear();
        for (int i = 0; i < OPS; i++) {
            int page;
            do {
                page = random.nextInt((int) (FILE_SIZE / PAGE));
            } while (chosen.get(page));
            chosen.set(page);
            offsets[i] = (long) page * PAGE;
        }
        if (cache.equals("cold")) {
            pageCache.drop();
            pageCache.snapshot();
            for (long off : offsets) {
                coldReadsCached += pageCache.cached(off) ? 1 : 0;
            }
            coldReads += OPS;
        }
    }

    @TearDown(Level.Invocation)
    public void checkInvocation() {
        if (cache.equals("cold")) {
            pageCache.snapshot();
            pagesCachedAfter += pageCache.cachedPages();
            invocations++;
        }
    }

    @TearDown(Level.Iteration)
    public void reportIteration() {
        if (cache.equals("cold") && invocations > 0) {
            System.out.printf("cold check: %d ops, %d on pages cached before (miss rate %.2f%%), "
                            + "%.0f pages cached after each invocation of %d ops%n",
                    coldReads, coldReadsCached, 100.0 * (coldReads - coldReadsCached) / coldReads,
                    (double) pagesCachedAfter / invocations, OPS);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pageCache.close();
        if (channel != null) {
            channel.close();
        }
        if (dbFile != null) {
            dbFile.close().await();
            io.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void randomRead() throws Exception {
        if (channel != null) {
            virtualThreads(false);
        } else {
            closedLoop(false);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void randomWrite() throws Exception {
        if (channel != null) {
            virtualThreads(true);
        } else {
            closedLoop(true);
        }
    }

    /**
     * Keeps {@code depth} operations in flight on the completion-based backend, issuing from
     * this one thread as slots free up. Each wake-up issues as many operations as slots are
     * free, back to back (as fio's reaping loop does), rather than one per wake-up: otherwise
     * the harness would measure its own thread ping-pong with the completing thread.
     *
     * <p>Writes are made durable as the baseline makes them: whenever a 64th write completes,
     * an fdatasync is issued from its completion and holds that write's slot until it is done,
     * while the other slots go on writing. It covers every write completed before it, as
     * {@code force} after every 64th completed write does on the virtual threads. (Draining
     * all slots before each sync, as this loop once did, measured the drain: the writes and
     * the sync never overlapped, which the baseline's threads do.)
     */
    private void closedLoop(boolean write) throws Exception {
        Semaphore slots = new Semaphore(depth);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong writesDone = new AtomicLong();
        Consumer<Completion> release = done -> {
            if (done.isFailed()) {
                failure.compareAndSet(null, done.failure());
            }
            slots.release();
        };
        Consumer<Completion> onDone = !write ? release : done -> {
            if (done.isSucceeded() && writesDone.incrementAndGet() % SYNC_EVERY == 0) {
                dbFile.sync().onComplete(release); // issued on the completing thread, keeps the slot
            } else {
                release.accept(done);
            }
        };
        int i = 0;
        while (i < OPS) {
            slots.acquire();
            int taken = 1 + slots.drainPermits();
            int batch = Math.min(taken, OPS - i);
            slots.release(taken - batch);
            for (int end = i + batch; i < end; i++) {
                Buffer buf = buffers[i % depth];
                Completion c = write ? dbFile.write(offsets[i], buf) : dbFile.read(offsets[i], buf);
                c.onComplete(onDone);
            }
        }
        slots.acquire(depth);
        if (write) {
            dbFile.sync().await();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    /** The baseline: {@code depth} virtual threads each doing blocking positional I/O. */
    private void virtualThreads(boolean write) throws Exception {
        AtomicLong done = new AtomicLong();
        Thread[] threads = new Thread[depth];
        for (int t = 0; t < depth; t++) {
            ByteBuffer bb = buffers[t].segment().asByteBuffer();
            int first = t;
            threads[t] = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = first; i < OPS; i += depth) {
                        bb.clear();
                        if (write) {
                            channel.write(bb, offsets[i]);
                            if (done.incrementAndGet() % SYNC_EVERY == 0) {
                                channel.force(false);
                            }
                        } else {
                            channel.read(bb, offsets[i]);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        if (write) {
            channel.force(false);
        }
    }

    private static void createIfMissing(Path file) throws IOException {
        if (Files.exists(file) && Files.size(file) == FILE_SIZE) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            SplittableRandom fill = new SplittableRandom(7);
            while (chunk.hasRemaining()) {
                chunk.put((byte) fill.nextInt());
            }
            for (long pos = 0; pos < FILE_SIZE; pos += chunk.capacity()) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    ch.write(chunk, pos + chunk.position());
                }
            }
            ch.force(true);
        }
    }

    private static void warm(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            long pos = 0;
            while (true) {
                chunk.clear();
                int n = ch.read(chunk, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
        }
    }
}
