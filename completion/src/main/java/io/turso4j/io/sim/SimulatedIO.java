package io.turso4j.io.sim;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;
import io.turso4j.io.sim.SimOp.Kind;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * A deterministic, fault-injecting disk for simulation tests. Operations are queued when
 * issued and take effect only when {@link #poll()} picks them, a random subset at a time in a
 * random order; faults (EIO, short writes) are injected at that moment; {@link #crash()}
 * models a power loss. Everything random comes from the seed given to the constructor,
 * split into independent streams for the completion order, the faults, the clock start and
 * the engine's {@link #random()}, so engine randomness does not shift the I/O schedule.
 *
 * <p>Determinism: the same seed, fault config and sequence of calls produce the same {@link
 * #log()} and the same file bytes. The sequence of calls is the caller's: drive a simulation
 * from one thread (callbacks run on the thread that calls {@link #poll()}).
 *
 * <p>Durability model: an operation's effect happens when it completes. A sync covers every
 * change to its file that completed before it (whoever issued it); a failed sync covers
 * nothing. File existence is durable at once (creating or deleting a file needs no sync).
 * {@link #crash()} keeps each file's synced state, possibly plus a torn prefix of its last
 * unsynced write, fails every pending operation, and invalidates every open handle; the
 * disk can then be opened again.
 *
 * <p>Buffers are pinned from issue until completion, as a kernel backend pins them.
 *
 * <p>Threads: thread-safe (one lock, never held while callbacks run), but only
 * single-threaded use is reproducible.
 */
public final class SimulatedIO implements IO {
    /** Where the simulated clock starts, give or take a seeded day. */
    private static final long EPOCH_MILLIS = 1_700_000_000_000L;
    private static final long DAY_MILLIS = 86_400_000L;

    private final long seed;
    private final FaultConfig faults;
    private final ReentrantLock lock = new ReentrantLock();
    private final SplittableRandom schedule;
    private final SplittableRandom faultRandom;
    private final SplittableRandom engineRandom;
    /** Path order, so a crash visits files deterministically. */
    private final TreeMap<String, SimFile> disk = new TreeMap<>();
    private final List<SimOp> pending = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final RandomGenerator random;
    private long nextId;
    private long now;
    private int generation;
    private boolean closed;

    /** A simulator that completes out of order but injects no faults. */
    public SimulatedIO(long seed) {
        this(seed, FaultConfig.NONE);
    }

    public SimulatedIO(long seed, FaultConfig faults) {
        this.seed = seed;
        this.faults = faults;
        SplittableRandom root = new SplittableRandom(seed);
        this.schedule = root.split();
        this.faultRandom = root.split();
        this.engineRandom = root.split();
        this.now = EPOCH_MILLIS + root.nextLong(DAY_MILLIS);
        this.random = () -> {
            lock.lock();
            try {
                return engineRandom.nextLong();
            } finally {
                lock.unlock();
            }
        };
    }

    public long seed() {
        return seed;
    }

    public FaultConfig faults() {
        return faults;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public DbFile open(String path, OpenMode mode) {
        lock.lock();
        try {
            if (closed) {
                throw new IoFailure("simulated I/O is closed", IoFailure.EBADF);
            }
            SimFile file = mode == OpenMode.CREATE ? disk.computeIfAbsent(path, p -> new SimFile()) : disk.get(path);
            if (file == null) {
                log.add("open " + path + " " + mode + " ENOENT");
                throw new IoFailure("no such file: " + path, IoFailure.ENOENT);
            }
            log.add("open " + path + " " + mode);
            return new SimDbFile(this, path, file, mode == OpenMode.READ_ONLY, generation);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean exists(String path) {
        lock.lock();
        try {
            return disk.containsKey(path);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void delete(String path) {
        lock.lock();
        try {
            log.add("delete " + path);
            disk.remove(path);
        } finally {
            lock.unlock();
        }
    }

    /** Queues an operation for {@code f}, or fails it at once if the handle cannot take it. */
    Completion submit(SimDbFile f, Kind kind, long pos, long length, Buffer[] bufs, MemorySegment[] segs) {
        lock.lock();
        try {
            SimOp op = new SimOp(nextId++, kind, f, pos, length, segs, bufs, new Completion());
            IoFailure refused = refusal(op);
            if (refused != null) {
                log.add(op + " refused errno=" + refused.errno());
                return Completion.failed(refused);
            }
            pinAll(bufs);
            if (kind == Kind.CLOSE) {
                f.closed = true;
            }
            pending.add(op);
            log.add(op + " issued");
            return op.completion();
        } finally {
            lock.unlock();
        }
    }

    /** Pins every buffer, or none if one of them refuses (it was released). */
    private static void pinAll(Buffer[] bufs) {
        if (bufs == null) {
            return;
        }
        for (int i = 0; i < bufs.length; i++) {
            try {
                bufs[i].pinForIo();
            } catch (IllegalStateException e) {
                for (int j = 0; j < i; j++) {
                    bufs[j].unpinForIo();
                }
                throw e;
            }
        }
    }

    private IoFailure refusal(SimOp op) {
        SimDbFile f = op.file();
        if (closed || f.closed) {
            return new IoFailure(op + " on a closed file", IoFailure.EBADF);
        }
        if (f.generation != generation) {
            return new IoFailure(op + " on a handle from before a crash", IoFailure.EBADF);
        }
        if (f.readOnly && op.writes()) {
            return new IoFailure(op + " on a read-only file", IoFailure.EBADF);
        }
        return null;
    }

    /** An operation's outcome, decided under the lock and delivered after it. */
    private record Done(SimOp op, long result, IoFailure failure) {}

    /** Operations complete only in {@link #poll()}, in the order the seed picks. */
    @Override
    public boolean completesOnlyByPolling() {
        return true;
    }

    /**
     * Completes a random, non-empty subset of the pending operations (if any) in a random
     * order, applying each one's effect; then runs their callbacks on this thread. The clock
     * advances a millisecond per completed operation.
     *
     * @return how many operations completed
     */
    @Override
    public int poll() {
        List<Done> done = new ArrayList<>();
        lock.lock();
        try {
            if (pending.isEmpty()) {
                return 0;
            }
            int k = 1 + schedule.nextInt(pending.size());
            log.add("poll " + k + "/" + pending.size() + " t=" + now);
            for (int i = 0; i < k; i++) {
                SimOp op = pending.remove(schedule.nextInt(pending.size()));
                Done d = apply(op);
                log.add(op + (d.failure == null ? " -> " + d.result : " -> errno=" + d.failure.errno()));
                done.add(d);
            }
            now += k;
        } finally {
            lock.unlock();
        }
        for (Done d : done) {
            deliver(d.op, d.result, d.failure);
        }
        return done.size();
    }

    /** Polls until nothing is pending, including operations the callbacks issue. */
    public int drain() {
        int total = 0;
        for (int n; (n = poll()) > 0; ) {
            total += n;
        }
        return total;
    }

    /** How many operations wait for {@link #poll()}. */
    public int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    private Done apply(SimOp op) {
        SimFile file = op.file().file;
        try {
            return switch (op.kind()) {
                case READ -> faultRandom.nextDouble() < faults.readError()
                        ? injected(op)
                        : new Done(op, file.current.read(op.pos(), op.segments()[0], 0, (int) op.length()), null);
                case WRITE -> applyWrite(op, file);
                case SYNC -> {
                    if (faultRandom.nextDouble() < faults.syncError()) {
                        yield injected(op);
                    }
                    file.sync();
                    yield new Done(op, 0, null);
                }
                case TRUNCATE -> {
                    file.truncate(op.length());
                    yield new Done(op, 0, null);
                }
                case SIZE -> new Done(op, file.current.length(), null);
                case LOCK -> {
                    if (file.lockOwner != null && file.lockOwner != op.file()) {
                        yield new Done(op, 0, new IoFailure("lock on " + op.file().path() + " is held by another owner", IoFailure.EAGAIN));
                    }
                    file.lockOwner = op.file();
                    yield new Done(op, 0, null);
                }
                case UNLOCK, CLOSE -> {
                    if (file.lockOwner == op.file()) {
                        file.lockOwner = null;
                    }
                    yield new Done(op, 0, null);
                }
            };
        } catch (IoFailure e) {
            return new Done(op, 0, e);
        }
    }

    private Done applyWrite(SimOp op, SimFile file) {
        if (faultRandom.nextDouble() < faults.writeError()) {
            return injected(op);
        }
        long n = op.length();
        if (n > 1 && faultRandom.nextDouble() < faults.shortWrite()) {
            n = 1 + faultRandom.nextLong(n - 1);
        }
        byte[] data = new byte[(int) n];
        int at = 0;
        for (MemorySegment seg : op.segments()) {
            int take = (int) Math.min(seg.byteSize(), n - at);
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, 0, data, at, take);
            at += take;
        }
        file.write(op.pos(), data);
        return new Done(op, n, null);
    }

    private static Done injected(SimOp op) {
        return new Done(op, 0, new IoFailure("injected fault on " + op, IoFailure.EIO));
    }

    private static void deliver(SimOp op, long result, IoFailure failure) {
        if (op.pinned() != null) {
            for (Buffer b : op.pinned()) {
                b.unpinForIo();
            }
        }
        if (failure != null) {
            op.completion().fail(failure);
        } else {
            op.completion().complete(result);
        }
    }

    /**
     * Power loss. Each file keeps exactly its synced state, plus (with the configured
     * chance) a sector-aligned prefix of its last unsynced write; pending operations fail
     * with EIO; every open handle becomes invalid (EBADF). Open the files again to go on.
     */
    public void crash() {
        List<SimOp> lost;
        lock.lock();
        try {
            log.add("crash t=" + now + " pending=" + pending.size());
            for (var e : disk.entrySet()) {
                long torn = e.getValue().crash(faultRandom, faults.tornWrite(), faults.sectorSize());
                if (torn >= 0) {
                    log.add("torn " + e.getKey() + " kept=" + torn);
                }
            }
            lost = new ArrayList<>(pending);
            pending.clear();
            generation++;
        } finally {
            lock.unlock();
        }
        for (SimOp op : lost) {
            deliver(op, 0, new IoFailure("lost in a crash: " + op, IoFailure.EIO));
        }
    }

    /** The bytes a reader of {@code path} sees now. */
    public byte[] contents(String path) {
        lock.lock();
        try {
            return requireFile(path).current.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    /** The bytes of {@code path} that a crash now would keep (torn writes aside). */
    public byte[] durableContents(String path) {
        lock.lock();
        try {
            return requireFile(path).durableBytes();
        } finally {
            lock.unlock();
        }
    }

    private SimFile requireFile(String path) {
        SimFile f = disk.get(path);
        if (f == null) {
            throw new IoFailure("no such file: " + path, IoFailure.ENOENT);
        }
        return f;
    }

    /** A copy of the operation log: one line per open, issue, completion, poll and crash. */
    public List<String> log() {
        lock.lock();
        try {
            return List.copyOf(log);
        } finally {
            lock.unlock();
        }
    }

    /** Moves the simulated clock forward. */
    public void advanceClock(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        lock.lock();
        try {
            now += millis;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long currentTimeMillis() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    /** Seeded randomness for the engine, independent of the completion order and faults. */
    @Override
    public RandomGenerator random() {
        return random;
    }

    /** Stops the simulator: pending operations fail with EBADF, open handles fail later ones. */
    @Override
    public void close() {
        List<SimOp> dropped;
        lock.lock();
        try {
            closed = true;
            log.add("close");
            dropped = new ArrayList<>(pending);
            pending.clear();
        } finally {
            lock.unlock();
        }
        for (SimOp op : dropped) {
            deliver(op, 0, new IoFailure("simulated I/O closed: " + op, IoFailure.EBADF));
        }
    }
}
