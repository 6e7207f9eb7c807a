package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.DbFile;
import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.LockBytePage;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.storage.wal.CheckpointResult;
import io.turso4j.storage.wal.Checkpointer;
import io.turso4j.storage.wal.Wal;
import io.turso4j.storage.wal.WalSnapshot;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One connection's {@link Pager} over a {@link SharedPager}: its own {@link PageCache}, its
 * snapshot of the WAL, and its write transaction.
 *
 * <p>States and transitions (see {@link Pager}): NONE → {@link #beginRead} → READ →
 * {@link #beginWrite} → WRITE → {@link #commit} / {@link #rollback} → READ →
 * {@link #endRead} → NONE. A commit passes through the stages of {@link CommitStage}; while
 * one is under way (it threw {@link IoPending}) only {@link #commit} may be called again.
 *
 * <p>Invariants:
 * <ol>
 *   <li>Every cached page holds the bytes of this pager's snapshot, or of its own write
 *       transaction for the pages in {@link #written}. {@link #beginRead} drops the pages that
 *       commits made since the previous snapshot changed (all of them if the WAL restarted).</li>
 *   <li>A dirty page is never evicted. A page spilled to the WAL (a non-commit frame of the
 *       open transaction) turns clean only once its write has completed, so a re-read finds
 *       it; rollback drops every page in {@link #written}, spilled or dirty.</li>
 *   <li>Savepoint images are taken in {@link #write} before the caller changes the bytes, and
 *       restoring them needs no I/O: an image whose page was evicted becomes a new cache
 *       entry.</li>
 *   <li>A page written in this transaction and spilled turns dirty again when {@link #get}
 *       pins it, as the caller may change it without a new {@link #write} (which only
 *       savepoints need: their images are taken there). Spilled pages are rewritten at
 *       commit if touched again, never lost.</li>
 * </ol>
 *
 * <p>Threads: one connection at a time, like every {@link Pager}. Completions it waits for
 * may finish on any thread; it looks at them only from its caller's thread.
 */
public final class WalPager implements Pager {
    private enum State { NONE, READ, WRITE }

    /** Who a page read is for: a caller who asked ({@link #get}), or nobody yet ({@link #prefetch}, {@link #readAhead}). */
    private enum Read { ASKED, PREFETCH, AHEAD }

    /** Where a commit is, so that a retry after {@link IoPending} resumes there. */
    private enum CommitStage { IDLE, INIT_FILE, WRITE_FRAMES, CHECKPOINT }

    /**
     * Pages cached per connection until {@code PRAGMA cache_size} says otherwise; the system
     * property {@value #CACHE_PAGES_PROPERTY} overrides it (tests use a tiny cache to make
     * statements read, evict and spill pages).
     */
    public static final String CACHE_PAGES_PROPERTY = "turso4j.cache.pages";
    private static final int DEFAULT_CACHE_PAGES = 2000;
    private static final int DEFAULT_AUTOCHECKPOINT = 1000;
    /** Reads ahead not yet used may fill at most 1/this of the cache ({@link PageCache#unusedAhead}). */
    private static final int READ_AHEAD_SHARE = 4;

    private final SharedPager shared;
    private final Wal wal;
    private final PageCache cache =
            new PageCache(Math.max(1, Integer.getInteger(CACHE_PAGES_PROPERTY, DEFAULT_CACHE_PAGES)));
    private final Savepoints savepoints = new Savepoints();
    /** Pages this write transaction changed: dirty now, or spilled. */
    private final Set<Integer> written = new HashSet<>();
    /** Pages whose read was issued and not yet seen done. */
    private final List<Page> loading = new ArrayList<>();
    private State state = State.NONE;
    private WalSnapshot snapshot;
    private WalSnapshot lastSeen;
    private int pageCount;
    private Synchronous synchronous = Synchronous.FULL;
    private int autoCheckpoint = DEFAULT_AUTOCHECKPOINT;

    private Completion spillWrite;
    /** In page order, so that a simulation replays the same evictions from its seed. */
    private final Set<Page> spilling = new LinkedHashSet<>();

    private CommitStage commitStage = CommitStage.IDLE;
    /** The current {@link #commit(boolean)} call's caller blocks on its I/O anyway: the writes may run on its thread. */
    private boolean commitCallerWaits;
    /** The I/O the commit's stage waits for. */
    private Completion commitIo;
    /** The commit's frames, from its WRITE_FRAMES stage until it is done or given up. */
    private FrameBatch committing;
    private Checkpointer checkpointer;
    private boolean closed;

    WalPager(SharedPager shared) {
        this.shared = shared;
        this.wal = shared.wal();
    }

    // ---- geometry ----------------------------------------------------------------------------

    @Override
    public int pageSize() {
        return shared.pageSize();
    }

    @Override
    public int usableSize() {
        return shared.pageSize() - shared.reservedBytes();
    }

    @Override
    public boolean setPageSize(int size) {
        if (shared.isReadOnly() || state == State.WRITE && !written.isEmpty()) {
            return false;
        }
        boolean changed = shared.setPageSize(size);
        if (changed) {
            dropAll();
        }
        return changed && shared.pageSize() == size;
    }

    @Override
    public int pageCount() {
        return pageCount;
    }

    @Override
    public void setCacheSize(int pages) {
        cache.setCapacity(Math.max(1, pages));
        evictClean(); // a smaller bound frees memory now, not at the next miss
    }

    @Override
    public int cacheSize() {
        return cache.capacity();
    }

    /** {@code PRAGMA synchronous}: when commits and checkpoints sync. */
    @Override
    public void setSynchronous(Synchronous mode) {
        this.synchronous = mode;
    }

    @Override
    public Synchronous synchronous() {
        return synchronous;
    }

    /** {@code PRAGMA wal_autocheckpoint}: a PASSIVE checkpoint after a commit leaves this many frames; 0 turns it off. */
    @Override
    public void setAutoCheckpoint(int frames) {
        this.autoCheckpoint = frames;
    }

    // ---- transactions ------------------------------------------------------------------------

    @Override
    public void beginRead() {
        requireOpen();
        if (state != State.NONE) {
            throw new IllegalStateException("read transaction already open");
        }
        WalSnapshot s = wal.beginRead();
        invalidate(lastSeen, s);
        snapshot = s;
        lastSeen = s;
        pageCount = s.dbSize();
        state = State.READ;
    }

    /** Drops the cached pages that commits between {@code before} and {@code after} changed. */
    private void invalidate(WalSnapshot before, WalSnapshot after) {
        if (before == null || before.commitSeq() == after.commitSeq()) {
            return;
        }
        if (before.generation() != after.generation() || before.maxFrame() > after.maxFrame()) {
            dropAll();
            return;
        }
        for (int frame = before.maxFrame() + 1; frame <= after.maxFrame(); frame++) {
            Page p = cache.get(wal.pageOf(frame));
            if (p != null) {
                drop(p);
            }
        }
        if (after.dbSize() < before.dbSize()) {
            for (Page p : cache.all()) {
                if (p.number() > after.dbSize()) {
                    drop(p);
                }
            }
        }
    }

    @Override
    public void endRead() {
        if (state == State.WRITE) {
            throw new IllegalStateException("end the write transaction first");
        }
        if (state == State.READ) {
            wal.endRead(snapshot);
            snapshot = null;
            state = State.NONE;
        }
    }

    @Override
    public void beginWrite() {
        if (state != State.READ) {
            throw new IllegalStateException("beginWrite needs a read transaction and no write");
        }
        if (shared.isReadOnly()) {
            throw new SqliteException(ResultCode.READONLY, "attempt to write a readonly database");
        }
        snapshot = wal.beginWrite(this, snapshot);
        lastSeen = snapshot;
        state = State.WRITE;
    }

    @Override
    public boolean inWriteTransaction() {
        return state == State.WRITE;
    }

    @Override
    public void commit() {
        commit(false);
    }

    @Override
    public void commit(boolean callerWaits) {
        commitCallerWaits = callerWaits;
        if (commitStage == CommitStage.CHECKPOINT) {
            // The retry of a commit that is published but whose auto-checkpoint was pending; or
            // a later transaction's commit, which first lets that checkpoint finish.
            runAutoCheckpoint();
            if (state != State.WRITE) {
                return;
            }
        }
        requireWrite();
        if (commitStage == CommitStage.IDLE) {
            awaitSpill();
            if (written.isEmpty() && pageCount == snapshot.dbSize() || pageCount == 0) {
                wal.rollback(this, null);
                savepoints.clear();
                state = State.READ;
                return;
            }
            commitStage = CommitStage.INIT_FILE;
            if (shared.fileEmpty()) {
                commitIo = shared.initializeFile(synchronous != Synchronous.OFF);
            }
        }
        if (commitStage == CommitStage.INIT_FILE) {
            awaitCommitIo(ResultCode.IOERR_WRITE);
            prepareCommit();
        }
        while (commitStage == CommitStage.WRITE_FRAMES && !committing.allIssued()) {
            awaitCommitIo(ResultCode.IOERR_WRITE);
            commitIo = committing.writeNext(synchronous == Synchronous.FULL, commitCallerWaits);
        }
        // The last chunk's writes and, under synchronous=FULL, the WAL sync chained on them.
        awaitCommitIo(committing.lastWritesFailed() ? ResultCode.IOERR_WRITE : ResultCode.IOERR_FSYNC);
        for (Page p : committing.pages()) {
            cache.markClean(p);
        }
        committing = null;
        snapshot = wal.commit(this, snapshot, pageCount);
        lastSeen = snapshot;
        written.clear();
        savepoints.clear();
        state = State.READ;
        commitStage = CommitStage.IDLE;
        if (autoCheckpoint > 0 && snapshot.maxFrame() - wal.backfilled() >= autoCheckpoint) {
            checkpointer = newCheckpointer(CheckpointMode.PASSIVE);
            commitStage = CommitStage.CHECKPOINT;
            runAutoCheckpoint();
        }
    }

    /**
     * Stamps page 1 when it must be written anyway, and starts writing the dirty pages as
     * frames, the last a commit frame.
     *
     * <p>As SQLite in WAL mode, page 1 joins a commit only when the transaction changed it,
     * when its header no longer describes the database (size, version-valid-for, WAL
     * versions), or when no other page is dirty to carry the commit mark; a row change in an
     * unchanged-size database is then one frame and one sync, not two frames.
     */
    private void prepareCommit() {
        Page one = get(1);
        try {
            MemorySegment header = one.buffer().segment();
            if (one.isDirty() || cache.dirtyCount() == 0 || DatabaseHeader.isStaleForWalCommit(header, pageCount)) {
                write(one);
                DatabaseHeader.stampWalCommit(header, pageCount, SharedPager.SQLITE_VERSION_NUMBER);
            }
        } finally {
            unpin(one);
        }
        List<Page> pages = cache.dirtyPages();
        pages.removeIf(p -> p.number() > pageCount);
        committing = new FrameBatch(wal, shared.pagePool(), pages, pageCount);
        commitStage = CommitStage.WRITE_FRAMES;
        commitIo = committing.writeNext(synchronous == Synchronous.FULL, commitCallerWaits);
    }

    /** Waits (by throwing) for the commit stage's I/O; a failure rolls the transaction back. */
    private void awaitCommitIo(ResultCode error) {
        Completion io = commitIo;
        if (io == null) {
            return;
        }
        if (!io.isDone()) {
            throw new IoPending(io);
        }
        commitIo = null;
        if (!io.isSucceeded()) {
            committing = null;
            commitStage = CommitStage.IDLE;
            rollback();
            throw new SqliteException(error, "commit failed: " + io.failure().getMessage(), io.failure());
        }
    }

    private void runAutoCheckpoint() {
        try {
            checkpointer.step();
        } catch (SqliteException ignored) {
            // As SQLite's auto-checkpoint: a failed checkpoint does not fail the commit.
        }
        checkpointer = null;
        commitStage = CommitStage.IDLE;
    }

    @Override
    public void rollback() {
        requireWrite();
        for (Integer n : written) {
            Page p = cache.get(n);
            if (p != null) {
                drop(p);
            }
        }
        for (Page p : cache.all()) {
            if (p.number() > snapshot.dbSize()) {
                drop(p);
            }
        }
        written.clear();
        spilling.clear();
        savepoints.clear();
        // Frames still being written (a spill, or a commit given up half-way) keep the write
        // lock until they land, so that no later writer's frames can be overwritten by them.
        wal.rollback(this, commitIo != null ? commitIo : spillWrite);
        spillWrite = null;
        commitIo = null;
        committing = null;
        commitStage = CommitStage.IDLE;
        pageCount = snapshot.dbSize();
        state = State.READ;
    }

    @Override
    public int openSavepoint() {
        requireWrite();
        return savepoints.open(pageCount);
    }

    @Override
    public void releaseSavepoint(int depth) {
        requireWrite();
        savepoints.release(depth);
    }

    @Override
    public void rollbackToSavepoint(int depth) {
        requireWrite();
        int[] count = new int[1];
        Map<Integer, byte[]> images = savepoints.unwindTo(depth, count);
        for (Page p : cache.all()) {
            if (p.number() > count[0]) {
                drop(p);
            }
        }
        images.forEach((n, image) -> {
            if (n <= count[0]) {
                restore(n, image);
            }
        });
        pageCount = count[0];
    }

    private void restore(int number, byte[] image) {
        Page p = cache.get(number);
        if (p != null && !p.isResident()) {
            drop(p);
            p = null;
        }
        if (p == null) {
            p = cache.insert(number, shared.pagePool().acquire(), Completion.succeeded(pageSize()));
            cache.unpin(p);
        }
        MemorySegment.copy(image, 0, p.buffer().segment(), ValueLayout.JAVA_BYTE, 0, image.length);
        spilling.remove(p);
        cache.markDirty(p);
        written.add(number);
    }

    // ---- pages -------------------------------------------------------------------------------

    @Override
    public Page get(int number) {
        return get(number, null);
    }

    @Override
    public Page getForScan(int number, Object scan) {
        return get(number, scan);
    }

    private Page get(int number, Object scan) {
        requireRead();
        if (number < 1 || number > pageCount) {
            throw new CorruptDatabaseException(number, "page number out of range (database has "
                    + pageCount + " pages)");
        }
        Page p = cache.get(number);
        if (p == null) {
            makeRoom();
            p = startRead(number, Read.ASKED, scan);
        } else if (p.readAhead && !p.isPinned() && !p.load().isDone()) {
            p = overtake(p, scan);
        }
        Completion load = p.load();
        if (!load.isDone()) {
            throw new IoPending(load);
        }
        if (!load.isSucceeded()) {
            boolean guessed = p.readAhead || p.prefetched;
            drop(p);
            if (guessed) {
                // Nobody needed the page when its read ahead or prefetch failed: read it as
                // asked now, and report a failure of that read, not of a guess.
                return get(number, scan);
            }
            throw new SqliteException(ResultCode.IOERR_READ, "cannot read page " + number + ": "
                    + load.failure().getMessage(), load.failure());
        }
        cache.pin(p, scan);
        if (state == State.WRITE && commitStage == CommitStage.IDLE && !p.isDirty() && written.contains(number)) {
            // spilled earlier; the caller may change it again. Not once the commit has begun:
            // its frames are out, and a read retried meanwhile (the connection re-runs its
            // pre-commit check after each wait) must not leave the page dirty past the commit.
            cache.markDirty(p);
        }
        return p;
    }

    @Override
    public void prefetch(int number) {
        if (state == State.NONE || number < 1 || number > pageCount || cache.get(number) != null || cache.isFull()) {
            return;
        }
        startRead(number, Read.PREFETCH, null);
    }

    @Override
    public void readAhead(int number) {
        if (state == State.NONE || number < 1 || number > pageCount || cache.get(number) != null
                || cache.unusedAhead() >= cache.capacity() / READ_AHEAD_SHARE || !shared.db().readsAheadPay()) {
            return;
        }
        // Room from clean pages only: a read ahead is not worth a spill's writes.
        evictClean();
        if (!cache.isFull()) {
            startRead(number, Read.AHEAD, null);
        }
    }

    /**
     * Inserts page {@code number} unpinned and issues its read from the WAL or the file, as
     * {@code how} says ({@linkplain DbFile#readAhead read ahead} for {@link Read#AHEAD}); for
     * large scan {@code scan} if not null.
     */
    private Page startRead(int number, Read how, Object scan) {
        Buffer buffer = shared.pagePool().acquire();
        int frame = frameOf(number);
        long pos = offsetOf(number, frame);
        Completion load = how == Read.AHEAD ? fileOf(frame).readAhead(pos, buffer) : fileOf(frame).read(pos, buffer);
        return inserted(number, buffer, load, how, scan);
    }

    /**
     * Page {@code ahead.number()}, still being {@linkplain #readAhead read ahead} when a caller
     * needs it: read again at once on the caller's thread if the OS has it cached, rather than
     * wait for a backend thread busy elsewhere (or not yet scheduled) to finish the first read,
     * which then lands in a buffer nobody reads. Else {@code ahead} itself, to wait for.
     */
    private Page overtake(Page ahead, Object scan) {
        int number = ahead.number();
        Buffer buffer = shared.pagePool().acquire();
        int frame = frameOf(number);
        Completion now = fileOf(frame).readIfCached(offsetOf(number, frame), buffer);
        if (now == null) {
            buffer.release();
            return ahead;
        }
        loading.remove(ahead);
        cache.discard(ahead);
        ahead.buffer().release(); // recycled once the read in flight lets go of it
        return inserted(number, buffer, now, Read.ASKED, scan);
    }

    /** The WAL frame holding page {@code number} for this transaction, or 0 for the database file. */
    private int frameOf(int number) {
        return state == State.WRITE ? wal.findForWriter(number) : wal.find(number, snapshot);
    }

    /** Where page {@code number} is read from: the WAL if {@code frame} (its {@link #frameOf}) is one, else the database file. */
    private DbFile fileOf(int frame) {
        return frame > 0 ? wal.file() : shared.db();
    }

    /** Page {@code number}'s offset in {@link #fileOf}({@code frame}). */
    private long offsetOf(int number, int frame) {
        return frame > 0 ? wal.pageOffset(frame) : (long) (number - 1) * pageSize();
    }

    /** Caches page {@code number}, unpinned, its bytes coming from {@code load}. */
    private Page inserted(int number, Buffer buffer, Completion load, Read how, Object scan) {
        Page p = cache.insert(number, buffer, load);
        if (how == Read.AHEAD) {
            cache.markReadAhead(p);
        } else if (how == Read.PREFETCH) {
            cache.markPrefetched(p);
        }
        if (scan != null) {
            cache.markScanned(p, scan);
        }
        cache.unpin(p);
        if (!load.isDone()) {
            loading.add(p);
        }
        return p;
    }

    @Override
    public boolean isCurrent(Page page) {
        // Eviction, a snapshot change, a rollback or a new page size take the page out of the
        // cache (or replace it there). Its bytes change in place only by the caller's own
        // writes (which its trees' versions track) and by a rollback's restored images (after
        // which every tree's version moves, BTree.pagesRolledBack); a commit or a spill only
        // marks it clean. So a page found by identity, dirty or not, holds the bytes it held
        // when the caller last read or wrote it, and a cursor keeps reading a leaf it wrote.
        // The caller read the page, so it was resident then, and stays so: only a failed read
        // is ever replaced. (A cursor asks this once per row; the load's state was the costliest part of it.)
        return state != State.NONE && cache.holds(page);
    }

    @Override
    public void unpin(Page page) {
        if (cache.unpin(page)) {
            page.buffer().release();
        }
    }

    @Override
    public void write(Page page) {
        requireWrite();
        if (!page.isPinned() || cache.get(page.number()) != page) {
            throw new IllegalStateException("write of a page not pinned in this pager: " + page);
        }
        int n = page.number();
        if (savepoints.needsImage(n)) {
            byte[] image = new byte[pageSize()];
            MemorySegment.copy(page.buffer().segment(), ValueLayout.JAVA_BYTE, 0, image, 0, image.length);
            savepoints.record(n, image);
        }
        if (page.isDirty() && spilling.isEmpty()) {
            return; // written before in this transaction (a dirty page is in written), and not being spilled
        }
        spilling.remove(page);
        cache.markDirty(page);
        written.add(n);
    }

    @Override
    public Page allocate() {
        requireWrite();
        int n = pageCount + 1;
        if (LockBytePage.is(n, pageSize())) {
            n++;
        }
        evictClean(); // never spill here: allocate does no I/O (see Pager.allocate)
        Page stale = cache.get(n);
        if (stale != null) {
            drop(stale);
        }
        Buffer buffer = shared.pagePool().acquire();
        buffer.segment().fill((byte) 0);
        Page p = cache.insert(n, buffer, Completion.succeeded(pageSize()));
        cache.markDirty(p);
        written.add(n);
        pageCount = n;
        return p;
    }

    @Override
    public void truncate(int newCount) {
        requireWrite();
        if (newCount > pageCount || newCount < 0) {
            throw new IllegalArgumentException("cannot truncate " + pageCount + " pages to " + newCount);
        }
        for (Page p : cache.all()) {
            if (p.number() > newCount) {
                if (p.isResident() && written.contains(p.number()) && savepoints.needsImage(p.number())) {
                    byte[] image = new byte[pageSize()];
                    MemorySegment.copy(p.buffer().segment(), ValueLayout.JAVA_BYTE, 0, image, 0, image.length);
                    savepoints.record(p.number(), image);
                }
                drop(p);
            }
        }
        pageCount = newCount;
    }

    /**
     * Runs (or resumes) a checkpoint, as {@code PRAGMA wal_checkpoint(mode)}.
     *
     * @throws IoPending while its I/O is in flight; call again with the same mode
     * @throws SqliteException LOCKED inside a write transaction; IOERR on an I/O failure
     */
    @Override
    public CheckpointResult checkpoint(CheckpointMode mode) {
        if (state == State.WRITE) {
            throw new SqliteException(ResultCode.LOCKED, "database table is locked");
        }
        if (shared.isReadOnly()) {
            return new CheckpointResult(false, wal.current().maxFrame(), wal.backfilled());
        }
        if (commitStage == CommitStage.CHECKPOINT) {
            runAutoCheckpoint();
        }
        if (checkpointer == null) {
            checkpointer = newCheckpointer(mode);
        }
        try {
            CheckpointResult result = checkpointer.step();
            checkpointer = null;
            return result;
        } catch (IoPending p) {
            throw p;
        } catch (RuntimeException e) {
            checkpointer = null;
            throw e;
        }
    }

    private Checkpointer newCheckpointer(CheckpointMode mode) {
        return new Checkpointer(wal, shared.db(), shared.pagePool(), mode, synchronous == Synchronous.NORMAL,
                synchronous != Synchronous.OFF);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (checkpointer != null) {
            checkpointer.abandon();
            checkpointer = null;
            commitStage = CommitStage.IDLE;
        }
        if (state == State.WRITE) {
            rollback();
        }
        endRead();
        dropAll();
        closed = true;
        shared.pagerClosed();
    }

    // ---- cache upkeep ------------------------------------------------------------------------

    /** Makes room for one more page: evicts clean pages, or spills dirty ones in a write. */
    private void makeRoom() {
        evictClean();
        if (cache.isFull() && state == State.WRITE) {
            spill();
        }
    }

    /** Evicts clean, unpinned pages while the cache is full; no I/O. */
    private void evictClean() {
        sweepLoading();
        while (cache.isFull()) {
            Page victim = cache.evict();
            if (victim == null) {
                break;
            }
            victim.buffer().release();
        }
    }

    /** Pages whose reads finished become evictable; failed ones leave the cache. */
    private void sweepLoading() {
        loading.removeIf(p -> {
            if (!p.load().isDone()) {
                return false;
            }
            if (cache.get(p.number()) == p) {
                if (p.load().isSucceeded()) {
                    cache.loaded(p);
                } else if (!p.isPinned()) {
                    drop(p);
                }
            }
            return true;
        });
    }

    /**
     * Writes the unpinned dirty pages as non-commit frames so they can be evicted. Throws
     * {@link IoPending} until the write is done; nothing the caller did is undone.
     */
    private void spill() {
        awaitSpill();
        List<Page> victims = new ArrayList<>();
        for (Page p : cache.dirtyPages()) {
            if (!p.isPinned() && p.number() <= pageCount && victims.size() < FrameBatch.CHUNK) {
                victims.add(p);
            }
        }
        if (victims.isEmpty()) {
            return;
        }
        spilling.addAll(victims);
        spillWrite = new FrameBatch(wal, shared.pagePool(), victims, 0).writeNext(false, false);
        awaitSpill();
        makeRoom();
    }

    /** Waits (by throwing) for a spill in flight; a failed spill rolls the transaction back. */
    private void awaitSpill() {
        Completion w = spillWrite;
        if (w == null) {
            return;
        }
        if (!w.isDone()) {
            throw new IoPending(w);
        }
        spillWrite = null;
        if (!w.isSucceeded()) {
            rollback();
            throw new SqliteException(ResultCode.IOERR_WRITE, "cannot spill to the WAL: " + w.failure().getMessage(),
                    w.failure());
        }
        for (Page p : spilling) {
            cache.markClean(p);
        }
        spilling.clear();
    }

    private void drop(Page p) {
        cache.discard(p);
        spilling.remove(p);
        if (!p.isPinned()) {
            p.buffer().release();
        }
    }

    private void dropAll() {
        for (Page p : cache.all()) {
            drop(p);
        }
        loading.clear();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("pager is closed");
        }
    }

    private void requireRead() {
        if (state == State.NONE) {
            throw new IllegalStateException("no read transaction");
        }
    }

    private void requireWrite() {
        if (state != State.WRITE) {
            throw new SqliteException(ResultCode.ERROR, "no write transaction");
        }
    }

    @Override
    public String toString() {
        return "WalPager[" + state + ", " + snapshot + ", " + pageCount + " pages, cache " + cache.size() + "]";
    }
}
