package io.turso4j.storage.wal;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.completion.CompletionGroup;
import io.turso4j.completion.IoFailure;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.DbFile;
import io.turso4j.storage.format.WalFrameHeader;
import io.turso4j.storage.format.WalHeader;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * One database's write-ahead log, shared by all its connections: the {@code -wal} file, its
 * {@link WalIndex}, the newest committed snapshot, the readers' snapshots, the one write lock
 * and the checkpoint progress. SQLite's {@code wal.c} with the {@code -shm} file kept in
 * memory (one process owns the database).
 *
 * <p>Invariants:
 * <ol>
 *   <li>Frames 1..{@link #current()}.maxFrame of generation {@link #current()}.generation are
 *       committed and never change until the WAL restarts; frames after them belong to the
 *       writer's open transaction (spilled or being committed) and no reader looks at them.</li>
 *   <li>Frames 1..{@code backfilled} are copied into the database file. A checkpoint copies
 *       only up to the oldest registered reader's {@code maxFrame}, and nothing at all while a
 *       reader of an older generation is registered (it reads the database file as it was
 *       at the restart).</li>
 *   <li>The WAL restarts (generation + 1, frame 1 again, index cleared) only while the
 *       restarter holds the write lock, everything is backfilled, no checkpoint runs and no
 *       registered reader of the current generation {@link WalSnapshot#readsWal() reads the
 *       WAL}. So the index a reader consults never changes under it.</li>
 *   <li>At most one owner holds the write lock ({@link #beginWrite}, {@link #tryLockWriter}).</li>
 * </ol>
 *
 * <p>Threads: thread-safe. Shared state is guarded by one {@link ReentrantLock} held only for
 * bookkeeping, never across I/O. The writer-only methods ({@link #writeFrames},
 * {@link #writeCommitFrames}, {@link #findForWriter}) may be called only by the write lock's
 * owner.
 */
public final class Wal {
    /** Frames per vectored write: two buffers each, well under IOV_MAX. */
    private static final int FRAMES_PER_WRITE = 64;

    private final DbFile file;
    private volatile int pageSize;
    private final WalIndex index;
    private final FrameEncoder encoder;
    /** Frames of a single-frame write; at most a few are in flight (one writer, one write each). */
    private static final int FRAME_BUFFERS = 16;

    private final BufferPool headerPool = new BufferPool(WalFrameHeader.SIZE, 1 << 14, false);
    /**
     * Whole frames (header then page) for writes of one frame, the usual autocommit commit:
     * one plain write of one buffer, where a header and a page would need a vectored write
     * and its native iovec array. Replaced (the old one kept until {@link #closePools}) when
     * the page size changes.
     */
    private BufferPool framePool;
    private final List<BufferPool> retiredFramePools = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<WalSnapshot, Integer> readers = new HashMap<>();
    /** Database size at each commit frame of the current generation: checkpoints need it. */
    private final TreeMap<Integer, Integer> commitSizes = new TreeMap<>();

    /**
     * WAL writes issued that are not durable on their own, counted by the writer (the write
     * lock's hand-over orders the counting across writers).
     */
    private long writesIssued;
    /** How many of {@link #writesIssued} a successful sync covers; raised on I/O threads. */
    private final AtomicLong syncedThrough = new AtomicLong();

    private volatile WalSnapshot current;
    private int backfilled;
    private Object writer;
    private boolean checkpointing;

    /**
     * @param recovered the state {@link WalRecovery} found; its index becomes this WAL's
     */
    Wal(DbFile file, int pageSize, RandomGenerator random, WalRecovery.Result recovered) {
        this.file = file;
        this.pageSize = pageSize;
        this.index = recovered.index();
        this.encoder = new FrameEncoder(pageSize, random);
        this.framePool = new BufferPool(WalFrameHeader.SIZE + pageSize, FRAME_BUFFERS, false);
        if (recovered.maxFrame() > 0) {
            // Frames found on disk may still sit only in the OS cache (a crashed process
            // leaves them there): the next commit syncs the whole file rather than its frame.
            writesIssued = 1;
            encoder.resume(recovered.header(), recovered.checksumAtCommit());
            commitSizes.putAll(recovered.commitSizes());
        } else if (recovered.header() != null) {
            encoder.forget(recovered.header());
        }
        this.current = new WalSnapshot(0, recovered.maxFrame(), recovered.dbSize(), 0, true);
    }

    /** The {@code -wal} file; null for a read-only database that has none. */
    public DbFile file() {
        return file;
    }

    public int pageSize() {
        return pageSize;
    }

    /**
     * Changes the page size of a WAL that holds no frame and no header: only for a new
     * database, before its first write transaction. Caller holds the write lock.
     */
    public void setPageSize(int size) {
        lock.lock();
        try {
            if (index.frameCount() != 0 || encoder.header() != null) {
                throw new IllegalStateException("the WAL already has frames");
            }
            encoder.setPageSize(size);
            pageSize = size;
            retiredFramePools.add(framePool); // a failed first write may still be in flight
            framePool = new BufferPool(WalFrameHeader.SIZE + size, FRAME_BUFFERS, false);
        } finally {
            lock.unlock();
        }
    }

    /** The newest committed snapshot. */
    public WalSnapshot current() {
        return current;
    }

    /** Frames copied into the database file so far (current generation). */
    public int backfilled() {
        lock.lock();
        try {
            return backfilled;
        } finally {
            lock.unlock();
        }
    }

    // ---- readers -----------------------------------------------------------------------------

    /** Registers a reader on the newest snapshot and returns it. */
    public WalSnapshot beginRead() {
        lock.lock();
        try {
            WalSnapshot s = current;
            if (s.maxFrame() == backfilled) {
                s = s.fileOnly();
            }
            readers.merge(s, 1, Integer::sum);
            return s;
        } finally {
            lock.unlock();
        }
    }

    /** Unregisters a snapshot returned by {@link #beginRead}, {@link #beginWrite} or {@link #commit}. */
    public void endRead(WalSnapshot s) {
        lock.lock();
        try {
            unregister(s);
        } finally {
            lock.unlock();
        }
    }

    /** The frame holding the newest version of {@code page} visible in {@code s}, or 0. */
    public int find(int page, WalSnapshot s) {
        return s.readsWal() ? index.find(page, s.maxFrame()) : 0;
    }

    /** The writer's lookup: its own uncommitted frames included. */
    public int findForWriter(int page) {
        return index.find(page, index.frameCount());
    }

    /** File offset of frame {@code frame}'s page image. */
    public long pageOffset(int frame) {
        return WalHeader.SIZE + (long) (frame - 1) * (WalFrameHeader.SIZE + pageSize) + WalFrameHeader.SIZE;
    }

    /** The page held by a frame not after the caller's snapshot. */
    public int pageOf(int frame) {
        return index.pageOf(frame);
    }

    // ---- the writer --------------------------------------------------------------------------

    /**
     * Takes the write lock for {@code owner}, whose reader snapshot is {@code mine}; restarts
     * the WAL first if everything is checkpointed and no reader needs it.
     *
     * @return the writer's snapshot (registered in place of {@code mine}): same contents
     * @throws SqliteException BUSY if another owner writes, BUSY_SNAPSHOT if {@code mine} is
     *     not the newest snapshot
     */
    public WalSnapshot beginWrite(Object owner, WalSnapshot mine) {
        lock.lock();
        try {
            if (writer != null) {
                throw new SqliteException(ResultCode.BUSY, "database is locked");
            }
            if (mine.commitSeq() != current.commitSeq()) {
                throw new SqliteException(ResultCode.BUSY_SNAPSHOT, "database is locked");
            }
            writer = owner;
            unregister(mine);
            restartIfUnused();
            WalSnapshot s = current;
            readers.merge(s, 1, Integer::sum);
            return s;
        } finally {
            lock.unlock();
        }
    }

    /** Frames in the WAL including the writer's uncommitted ones. */
    public int writerFrameCount() {
        return index.frameCount();
    }

    /**
     * Appends frames for {@code pages} (images copied now, so the caller may change its pages
     * at once) and starts writing them; the index learns them at once (no reader looks past
     * its snapshot). The first frames of a new WAL generation go out only after its header is
     * written and synced: otherwise a crash could keep later frames of the new generation but
     * not its header, and recovery would replay a broken, older generation over newer
     * database pages (SQLite's ticket ff5be73dee). Writer only.
     *
     * @param commitDbSize the database size after the commit if the last frame commits, else 0
     * @param callerWaits the calling thread blocks on the writes anyway: they may run on it
     *     ({@link DbFile#forWaitingCaller}), and be done when this returns
     * @return the completion of all the writes
     */
    public Completion writeFrames(int[] pages, MemorySegment[] images, int commitDbSize, BufferPool pagePool,
            boolean callerWaits) {
        return writeFrames(pages, images, commitDbSize, pagePool, false, callerWaits).written();
    }

    /**
     * {@link #writeFrames(int[], MemorySegment[], int, BufferPool, boolean)} for a commit's last chunk
     * whose frames must be durable before the commit is published (synchronous=FULL).
     *
     * <p>When the commit is one frame, needs no new WAL header and every earlier WAL write is
     * already synced, the frame goes out as one durable write ({@link DbFile#writeDurably}),
     * which for io_uring is a single request: SQLite's write() then fdatasync() in one kernel
     * round trip. Otherwise the writes are followed by a sync of the file, as a sync chained on
     * them. Writer only.
     */
    public FrameWrite writeCommitFrames(int[] pages, MemorySegment[] images, int commitDbSize, BufferPool pagePool,
            boolean callerWaits) {
        return writeFrames(pages, images, commitDbSize, pagePool, true, callerWaits);
    }

    private FrameWrite writeFrames(int[] pages, MemorySegment[] images, int commitDbSize, BufferPool pagePool,
            boolean durable, boolean callerWaits) {
        DbFile f = callerWaits ? file.forWaitingCaller() : file;
        boolean newHeader = encoder.startIfNeeded();
        long pos = pageOffset(index.frameCount() + 1) - WalFrameHeader.SIZE;
        List<Buffer[]> batches = new ArrayList<>();
        Buffer frame = pages.length == 1 ? framePool.tryAcquire() : null;
        if (frame != null) {
            MemorySegment out = frame.segment();
            MemorySegment.copy(images[0], 0, out, WalFrameHeader.SIZE, pageSize);
            encoder.encodeFrameHeader(pages[0], commitDbSize, out.asSlice(WalFrameHeader.SIZE, pageSize), out);
            index.append(pages[0]);
            batches.add(new Buffer[] {frame});
        }
        List<Buffer> batch = new ArrayList<>();
        for (int i = frame != null ? 1 : 0; i < pages.length; i++) {
            Buffer header = headerPool.acquire();
            Buffer page = pagePool.acquire();
            MemorySegment.copy(images[i], 0, page.segment(), 0, pageSize);
            int dbSize = i == pages.length - 1 ? commitDbSize : 0;
            encoder.encodeFrameHeader(pages[i], dbSize, page.segment(), header.segment());
            index.append(pages[i]);
            batch.add(header);
            batch.add(page);
            if (batch.size() >= 2 * FRAMES_PER_WRITE || i == pages.length - 1) {
                batches.add(batch.toArray(Buffer[]::new));
                batch.clear();
            }
        }
        if (durable && !newHeader && batches.size() == 1 && batches.get(0).length == 1
                && syncedThrough.get() == writesIssued) {
            Completion done = write(f, pos, batches.get(0), true);
            return new FrameWrite(done, done);
        }
        long covered = writesIssued += batches.size() + (newHeader ? 1 : 0);
        Completion written = newHeader ? writeAfterHeader(f, pos, batches) : submitAll(f, pos, batches);
        return new FrameWrite(written, durable ? syncAfter(f, written, covered) : written);
    }

    /** Writes a new generation's header, syncs it, then the frames (ticket ff5be73dee). */
    private Completion writeAfterHeader(DbFile f, long pos, List<Buffer[]> batches) {
        Buffer h = Buffer.allocate(WalHeader.SIZE);
        encoder.header().encode(h.segment());
        Completion done = new Completion();
        write(f, 0, new Buffer[] {h}, false).onComplete(written -> {
            if (!written.isSucceeded()) {
                abandon(batches, done, written.failure());
                return;
            }
            f.sync().onComplete(synced -> {
                if (!synced.isSucceeded()) {
                    abandon(batches, done, synced.failure());
                    return;
                }
                submitAll(f, pos, batches).onComplete(frames -> {
                    if (frames.isSucceeded()) {
                        done.complete(frames.result());
                    } else {
                        done.fail(frames.failure());
                    }
                });
            });
        });
        return done;
    }

    private Completion submitAll(DbFile f, long pos, List<Buffer[]> batches) {
        CompletionGroup group = new CompletionGroup();
        for (Buffer[] bufs : batches) {
            group.add(write(f, pos, bufs, false));
            for (Buffer b : bufs) {
                pos += b.size();
            }
        }
        return group.seal().completion();
    }

    private static void abandon(List<Buffer[]> batches, Completion done, IoFailure failure) {
        for (Buffer[] bufs : batches) {
            for (Buffer b : bufs) {
                b.release();
            }
        }
        done.fail(failure);
    }

    /**
     * One write of {@code bufs} back to back (a plain write for one buffer, else a vectored
     * one; a durable one for one buffer when {@code durable}), whose buffers are released when
     * it ends; a short write is a failure.
     */
    private Completion write(DbFile f, long pos, Buffer[] bufs, boolean durable) {
        long length = 0;
        for (Buffer b : bufs) {
            length += b.size();
        }
        long expected = length;
        Completion checked = new Completion();
        Completion written = durable ? f.writeDurably(pos, bufs[0], 0, bufs[0].size())
                : bufs.length == 1 ? f.write(pos, bufs[0], 0, bufs[0].size()) : f.write(pos, bufs);
        written.onComplete(c -> {
            for (Buffer b : bufs) {
                b.release();
            }
            if (c.isSucceeded() && c.result() != expected) {
                checked.fail(new IoFailure("short write to the WAL: " + c.result() + " of " + expected + " bytes",
                        IoFailure.EIO));
            } else if (c.isSucceeded()) {
                checked.complete(c.result());
            } else {
                checked.fail(c.failure());
            }
        });
        return checked;
    }

    /** Makes the frames written so far durable. */
    public Completion sync() {
        return file.sync();
    }

    /**
     * Syncs the WAL as soon as {@code writes} succeed, issuing the sync from the thread that
     * completes them (for io_uring, its loop: no hop through the caller and back), so that a
     * commit waits once for its frames to be durable, as SQLite's write() then fsync() on one
     * thread does. The sync starts only after the writes completed, so it covers them;
     * its success marks the first {@code covered} WAL writes durable.
     *
     * @return done when both are: failed with the writes' failure if they failed (no sync is
     *     issued then), else with the sync's outcome
     */
    private Completion syncAfter(DbFile f, Completion writes, long covered) {
        Completion durable = new Completion();
        writes.onComplete(w -> {
            if (!w.isSucceeded()) {
                durable.fail(w.failure());
                return;
            }
            Completion sync;
            try {
                sync = f.sync();
            } catch (RuntimeException e) { // never leave the commit waiting on a thrown callback
                durable.fail(e instanceof IoFailure failure ? failure : new IoFailure("cannot sync " + file.path(), e));
                return;
            }
            sync.onComplete(s -> {
                if (s.isSucceeded()) {
                    syncedThrough.accumulateAndGet(covered, Math::max);
                    durable.complete(w.result());
                } else {
                    durable.fail(s.failure());
                }
            });
        });
        return durable;
    }

    /**
     * Publishes the writer's frames as the newest snapshot and releases the write lock.
     *
     * @return the writer's new reader snapshot (registered in place of {@code mine})
     */
    public WalSnapshot commit(Object owner, WalSnapshot mine, int dbSize) {
        lock.lock();
        try {
            requireWriter(owner);
            int last = index.frameCount();
            encoder.commit();
            if (last > current.maxFrame()) {
                commitSizes.put(last, dbSize);
            }
            current = new WalSnapshot(current.generation(), last, dbSize, current.commitSeq() + 1, true);
            writer = null;
            unregister(mine);
            readers.merge(current, 1, Integer::sum);
            return current;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the writer's uncommitted frames and releases the write lock once
     * {@code inFlight} (writes still running, or null) is done, so that the next writer's
     * frames cannot be overwritten by a late one.
     */
    public void rollback(Object owner, Completion inFlight) {
        lock.lock();
        try {
            requireWriter(owner);
            index.truncate(current.maxFrame());
            encoder.rewind(current.maxFrame());
        } finally {
            lock.unlock();
        }
        if (inFlight == null || inFlight.isDone()) {
            unlockWriter(owner);
        } else {
            inFlight.onComplete(c -> unlockWriter(owner));
        }
    }

    // ---- checkpoints -------------------------------------------------------------------------

    /** Takes the write lock for a checkpoint or a close; false if someone writes. */
    public boolean tryLockWriter(Object owner) {
        lock.lock();
        try {
            if (writer != null) {
                return false;
            }
            writer = owner;
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void unlockWriter(Object owner) {
        lock.lock();
        try {
            requireWriter(owner);
            writer = null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What a checkpoint may copy now: frames after {@code from} up to {@code to}, the newest
     * committed frame no registered reader is older than; null if another checkpoint runs.
     */
    CheckpointPlan beginCheckpoint() {
        lock.lock();
        try {
            if (checkpointing) {
                return null;
            }
            checkpointing = true;
            WalSnapshot s = current;
            int safe = s.maxFrame();
            for (WalSnapshot r : readers.keySet()) {
                safe = r.generation() != s.generation() ? Math.min(safe, backfilled) : Math.min(safe, r.maxFrame());
            }
            safe = Math.max(safe, backfilled);
            Integer size = commitSizes.get(safe);
            return new CheckpointPlan(s.generation(), backfilled, safe, size == null ? s.dbSize() : size, s.maxFrame());
        } finally {
            lock.unlock();
        }
    }

    /** Records a finished (or failed, {@code copied} false) checkpoint. */
    void endCheckpoint(CheckpointPlan plan, boolean copied) {
        lock.lock();
        try {
            if (copied && plan.generation() == current.generation()) {
                backfilled = Math.max(backfilled, plan.to());
            }
            checkpointing = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Restarts the WAL if {@code owner} holds the write lock and nothing needs the old frames.
     *
     * @return whether the WAL is now empty (restarted now, or already)
     */
    boolean tryRestart(Object owner) {
        lock.lock();
        try {
            requireWriter(owner);
            return restartIfUnused() || current.maxFrame() == 0;
        } finally {
            lock.unlock();
        }
    }

    private boolean restartIfUnused() {
        WalSnapshot s = current;
        if (s.maxFrame() == 0 || backfilled != s.maxFrame() || checkpointing) {
            return false;
        }
        for (WalSnapshot r : readers.keySet()) {
            if (r.readsWal() && r.generation() == s.generation()) {
                return false;
            }
        }
        current = new WalSnapshot(s.generation() + 1, 0, s.dbSize(), s.commitSeq(), true);
        index.clear();
        commitSizes.clear();
        backfilled = 0;
        encoder.restart();
        return true;
    }

    private void unregister(WalSnapshot s) {
        readers.computeIfPresent(s, (k, n) -> n == 1 ? null : n - 1);
    }

    private void requireWriter(Object owner) {
        if (writer != owner) {
            throw new IllegalStateException("the caller does not hold the WAL write lock");
        }
    }

    /** Releases the frame-header buffers; no write may be in flight. */
    public void closePools() {
        headerPool.close();
        framePool.close();
        for (BufferPool p : retiredFramePools) {
            p.close();
        }
    }

    @Override
    public String toString() {
        return "Wal[" + file.path() + ", " + current + ", backfilled " + backfilled + "]";
    }
}
