package io.turso4j.storage.wal;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.completion.CompletionGroup;
import io.turso4j.completion.IoFailure;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.DbFile;
import io.turso4j.storage.IoPending;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of a checkpoint, as a resumable operation: copies the newest committed version of
 * every page that no reader still needs from the WAL into the database file, then, as the
 * mode asks and the readers allow, restarts the WAL and truncates it.
 *
 * <p>Order, which makes a crash at any point safe: sync the WAL if its commits did not (its
 * frames must be durable before the database file changes) → read a batch of frames → write them into the database
 * file → … → truncate the database file to its size when every frame is copied → sync the
 * database file → record the progress ({@link Wal#endCheckpoint}) → restart the WAL
 * ({@link Wal#tryRestart}) → truncate the WAL file (TRUNCATE only).
 *
 * <p>States: START → SYNC_WAL → COPY (READ, WRITE per batch) → SYNC_DB → RESTART → DONE.
 * {@link #step()} throws {@link IoPending} while an I/O of the current stage is in flight and
 * continues from that stage when called again. The FULL, RESTART and TRUNCATE modes hold the
 * write lock from START to DONE; a mode that cannot get it behaves as PASSIVE and reports
 * busy. Single-threaded (one caller drives one run); runs on different threads exclude each
 * other through {@link Wal#beginCheckpoint}.
 */
public final class Checkpointer {
    private static final int PAGES_PER_BATCH = 64;

    private enum Stage { START, SYNC_WAL, READ, WRITE, SYNC_DB, RESTART, TRUNCATE_WAL, DONE }

    private final Wal wal;
    private final DbFile db;
    private final BufferPool pagePool;
    private final CheckpointMode mode;
    private final boolean syncWal;
    private final boolean syncDb;
    private Stage stage = Stage.START;
    private Completion pending;
    /** What a failure of {@link #pending} is reported as. */
    private ResultCode pendingError;
    /** Bytes {@link #pending} must transfer (a short write is a failure), or -1. */
    private long pendingBytes = -1;
    private boolean busy;
    private boolean writeLocked;
    private CheckpointPlan plan;
    /** Pairs (page, frame) to copy, ascending by page. */
    private final List<int[]> copies = new ArrayList<>();
    private int nextCopy;
    private final List<int[]> batch = new ArrayList<>();
    private final List<Buffer> batchBuffers = new ArrayList<>();
    private CheckpointResult result;

    /**
     * @param syncWal whether to sync the WAL first: needed unless every commit synced it
     *     ({@code synchronous=NORMAL}); skipping it otherwise also keeps the frames of a commit
     *     that failed half-way from ever becoming durable behind the last real commit
     * @param syncDb whether to sync the database file ({@code synchronous} not OFF)
     */
    public Checkpointer(Wal wal, DbFile db, BufferPool pagePool, CheckpointMode mode, boolean syncWal,
            boolean syncDb) {
        this.wal = wal;
        this.db = db;
        this.pagePool = pagePool;
        this.mode = mode;
        this.syncWal = syncWal;
        this.syncDb = syncDb;
    }

    /**
     * Advances the checkpoint.
     *
     * @return the {@code PRAGMA wal_checkpoint} row once done
     * @throws IoPending while an I/O is in flight
     * @throws SqliteException IOERR if a read, write, sync or truncate failed; the
     *     checkpoint is then over, with nothing recorded as copied
     */
    public CheckpointResult step() {
        while (stage != Stage.DONE) {
            if (pending != null) {
                if (!pending.isDone()) {
                    throw new IoPending(pending);
                }
                Completion done = pending;
                pending = null;
                if (!done.isSucceeded()) {
                    fail(done.failure());
                }
                if (pendingBytes >= 0 && done.result() != pendingBytes) {
                    fail(new IoFailure("short transfer: " + done.result() + " of " + pendingBytes + " bytes",
                            IoFailure.EIO));
                }
            }
            advance();
        }
        return result;
    }

    private void advance() {
        switch (stage) {
            case START -> start();
            case SYNC_WAL -> {
                stage = Stage.READ;
                if (syncWal) {
                    issue(wal.sync(), ResultCode.IOERR_FSYNC);
                }
            }
            case READ -> readBatch();
            case WRITE -> writeBatch();
            case SYNC_DB -> {
                stage = Stage.RESTART;
                if (syncDb) {
                    issue(db.sync(), ResultCode.IOERR_FSYNC);
                }
            }
            case RESTART -> restart();
            case TRUNCATE_WAL -> finish();
            case DONE -> { }
        }
    }

    private void start() {
        if (mode != CheckpointMode.PASSIVE) {
            writeLocked = wal.tryLockWriter(this);
            busy = !writeLocked;
        }
        plan = wal.beginCheckpoint();
        if (plan == null) {
            busy = true;
            finish();
            return;
        }
        if (plan.to() <= plan.from()) {
            wal.endCheckpoint(plan, false);
            plan = null;
            stage = Stage.RESTART;
            return;
        }
        for (int frame = plan.from() + 1; frame <= plan.to(); frame++) {
            int page = wal.pageOf(frame);
            if (page <= plan.dbSize() && wal.find(page, snapshotAt(plan.to())) == frame) {
                copies.add(new int[] {page, frame});
            }
        }
        copies.sort((a, b) -> Integer.compare(a[0], b[0]));
        stage = Stage.SYNC_WAL;
    }

    private void issue(Completion c, ResultCode error) {
        issue(c, error, -1);
    }

    private void issue(Completion c, ResultCode error, long bytes) {
        pending = c;
        pendingError = error;
        pendingBytes = bytes;
    }

    private static WalSnapshot snapshotAt(int frame) {
        return new WalSnapshot(0, frame, 0, 0, true);
    }

    private void readBatch() {
        releaseBatch();
        if (nextCopy == copies.size()) {
            stage = Stage.SYNC_DB;
            if (plan.to() == plan.maxFrame()) {
                // Every committed frame is in the file now: drop pages past the end (auto-vacuum).
                issue(db.truncate((long) plan.dbSize() * wal.pageSize()), ResultCode.IOERR_TRUNCATE);
            }
            return;
        }
        CompletionGroup reads = new CompletionGroup();
        while (nextCopy < copies.size() && batch.size() < PAGES_PER_BATCH) {
            int[] copy = copies.get(nextCopy++);
            Buffer b = pagePool.acquire();
            batch.add(copy);
            batchBuffers.add(b);
            reads.add(wal.file().read(wal.pageOffset(copy[1]), b));
        }
        issue(reads.seal().completion(), ResultCode.IOERR_READ);
        stage = Stage.WRITE;
    }

    private void writeBatch() {
        CompletionGroup writes = new CompletionGroup();
        for (int i = 0; i < batch.size(); i++) {
            writes.add(db.write((long) (batch.get(i)[0] - 1) * wal.pageSize(), batchBuffers.get(i)));
        }
        issue(writes.seal().completion(), ResultCode.IOERR_WRITE, (long) batch.size() * wal.pageSize());
        stage = Stage.READ;
    }

    private void restart() {
        if (plan != null) {
            wal.endCheckpoint(plan, true);
            plan = null;
        }
        boolean complete = wal.backfilled() == wal.current().maxFrame();
        if (mode == CheckpointMode.RESTART || mode == CheckpointMode.TRUNCATE) {
            if (writeLocked && wal.tryRestart(this)) {
                stage = Stage.TRUNCATE_WAL;
                if (mode == CheckpointMode.TRUNCATE) {
                    issue(wal.file().truncate(0), ResultCode.IOERR_TRUNCATE);
                }
                return;
            }
            busy = true;
        } else if (mode == CheckpointMode.FULL && !complete) {
            busy = true;
        }
        finish();
    }

    private void finish() {
        releaseBatch();
        if (writeLocked) {
            wal.unlockWriter(this);
            writeLocked = false;
        }
        WalSnapshot now = wal.current();
        result = new CheckpointResult(busy, now.maxFrame(), Math.min(wal.backfilled(), now.maxFrame()));
        stage = Stage.DONE;
    }

    /**
     * Gives the run up without doing more I/O (its connection is closing). What it holds — the
     * checkpoint slot, the write lock, its buffers — is released once the I/O in flight, if
     * any, is done, so that no later checkpoint's write to a page can be overtaken by this one's.
     */
    public void abandon() {
        if (stage == Stage.DONE) {
            return;
        }
        Completion inFlight = pending;
        pending = null;
        stage = Stage.DONE;
        Runnable cleanUp = () -> {
            if (plan != null) {
                wal.endCheckpoint(plan, false);
                plan = null;
            }
            releaseBatch();
            if (writeLocked) {
                wal.unlockWriter(this);
                writeLocked = false;
            }
        };
        if (inFlight == null || inFlight.isDone()) {
            cleanUp.run();
        } else {
            inFlight.onComplete(c -> cleanUp.run());
        }
    }

    private void releaseBatch() {
        for (Buffer b : batchBuffers) {
            b.release();
        }
        batchBuffers.clear();
        batch.clear();
    }

    private void fail(IoFailure failure) {
        if (plan != null) {
            wal.endCheckpoint(plan, false);
            plan = null;
        }
        finish();
        throw new SqliteException(pendingError, "checkpoint failed: " + failure.getMessage(), failure);
    }
}
