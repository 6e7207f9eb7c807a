package io.turso4j.storage.pager;

import io.turso4j.storage.format.TestSeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.sim.FaultConfig;
import io.turso4j.io.sim.SimulatedIO;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.wal.CheckpointMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Deterministic simulation: random write transactions of raw page images on a disk that
 * completes operations out of order, injects I/O errors and loses power. After every crash and
 * reopen, the database must hold exactly the pages of the last committed transaction (or of a
 * transaction whose commit was cut short, all of it or none of it) and nothing else.
 */
class SimulatedCrashTest {
    private static final String DB = "/sim.db";
    private static final int PAGE_SIZE = 512;

    /** A database state: page images by number, and the page count. */
    private record State(Map<Integer, byte[]> pages, int count) {
        State copy() {
            return new State(new HashMap<>(pages), count);
        }
    }

    private final List<String> trace = new ArrayList<>();

    /** How many seeds a run tries, from the printed one upwards ({@code -Dturso4j.simRuns}). */
    private static final int RUNS = Integer.getInteger("turso4j.simRuns", 3);

    @Test
    void everyCommittedTransactionSurvivesCrashes() {
        long seed = TestSeed.seed("everyCommittedTransactionSurvivesCrashes");
        for (int i = 0; i < RUNS; i++) {
            runSeed(seed + i, FaultConfig.NONE.withTornWrite(0.5), Synchronous.FULL);
        }
    }

    @Test
    void withSynchronousNormalACrashKeepsSomeCommittedStateSinceTheLastCheckpoint() {
        long seed = TestSeed.seed("withSynchronousNormalACrashKeepsSomeCommittedStateSinceTheLastCheckpoint");
        for (int i = 0; i < RUNS; i++) {
            runSeed(seed + i, FaultConfig.NONE.withTornWrite(0.5), Synchronous.NORMAL);
        }
    }

    @Test
    void injectedErrorsNeverLoseOrInventACommit() {
        long seed = TestSeed.seed("injectedErrorsNeverLoseOrInventACommit");
        for (int i = 0; i < RUNS; i++) {
            runSeed(seed + i, FaultConfig.NONE.withTornWrite(0.5).withReadError(0.01).withWriteError(0.01)
                    .withShortWrite(0.01), Synchronous.FULL);
        }
    }

    private void runSeed(long seed, FaultConfig faults, Synchronous sync) {
        trace.clear();
        try {
            simulate(new SimulatedIO(seed, faults), new Random(seed), 25, sync);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("failed with seed " + seed + " (replay with -Dturso4j.seed=" + seed
                    + " -Dturso4j.simRuns=1)");
            throw e;
        }
    }

    /**
     * Rounds of transactions, each ending in a crash. {@code durable} lists the states a crash
     * may leave: with FULL only the last commit; with NORMAL any commit since the last
     * checkpoint (which synced the WAL before copying), and that checkpointed state.
     */
    private void simulate(SimulatedIO io, Random r, int crashes, Synchronous sync) {
        State committed = new State(new HashMap<>(), 0);
        List<State> durable = new ArrayList<>(List.of(committed));
        try {
            for (int round = 0; round < crashes; round++) {
                SharedPager shared = retryOpen(io);
                Pager pager = shared.newPager();
                pager.setSynchronous(sync);
                if (committed.count == 0) {
                    // A database that never committed is empty again after the crash: choose again.
                    assertTrue(pager.setPageSize(PAGE_SIZE));
                }
                assertEquals(PAGE_SIZE, pager.pageSize());
                verify(io, pager, List.of(committed));
                pager.setCacheSize(3 + r.nextInt(40));
                State maybe = null;
                int transactions = 1 + r.nextInt(12);
                for (int t = 0; t < transactions && maybe == null; t++) {
                    boolean crashNow = t == transactions - 1;
                    State next = runTransaction(io, pager, r, committed, crashNow);
                    if (next == null) {
                        continue;
                    }
                    if (next.count < 0) {
                        maybe = new State(next.pages, -next.count);
                    } else {
                        committed = next;
                        if (sync == Synchronous.FULL) {
                            durable.clear();
                        }
                        durable.add(committed);
                    }
                    if (r.nextInt(4) == 0 && maybe == null && checkpoint(io, pager, r)) {
                        durable.clear();
                        durable.add(committed);
                    }
                }
                trace.add("crash");
                io.crash();
                SharedPager reopened = retryOpen(io);
                trace.add("reopened " + reopened.wal() + "; " + FileDump.database(io.contents(DB), PAGE_SIZE) + "; "
                        + FileDump.wal(io.contents(DB + "-wal")));
                Pager check = reopened.newPager();
                List<State> allowed = new ArrayList<>(durable);
                if (maybe != null) {
                    allowed.add(maybe);
                }
                State found = verify(io, check, allowed);
                committed = found;
                durable.clear();
                durable.add(found);
                check.close();
                trace.add("crash after verify");
                io.crash();
            }
        } catch (AssertionError | RuntimeException e) {
            System.out.println("trace: " + trace);
            throw e;
        }
    }

    private SharedPager retryOpen(SimulatedIO io) {
        for (int attempt = 0; ; attempt++) {
            try {
                return Drive.open(io, DB);
            } catch (SqliteException e) {
                // An injected read error, or the lock of the abandoned attempt not yet released.
                trace.add("open failed " + e.getMessage());
                boolean transient_ = e.code().primary() == ResultCode.IOERR || e.code() == ResultCode.BUSY;
                if (!transient_ || attempt > 50) {
                    throw e;
                }
            }
        }
    }

    /**
     * One write transaction from {@code base}. Returns the new committed state; null if it
     * rolled back or failed; a state with a negated count if it was cut short by a crash
     * mid-commit ({@code crashMidCommit}).
     */
    private State runTransaction(SimulatedIO io, Pager pager, Random r, State base, boolean crashMidCommit) {
        State next = base.copy();
        try {
            pager.beginRead();
            pager.beginWrite();
            int writes = 1 + r.nextInt(30);
            int savepoint = 0;
            State atSavepoint = null;
            for (int i = 0; i < writes; i++) {
                if (savepoint == 0 && r.nextInt(10) == 0) {
                    savepoint = pager.openSavepoint();
                    atSavepoint = next.copy();
                }
                int n = next.count == 0 || r.nextInt(5) == 0 ? next.count + 1 : 1 + r.nextInt(next.count);
                byte[] image = PageImages.random(r, n, PAGE_SIZE);
                Page p;
                if (n > next.count) {
                    p = Drive.await(io, pager::allocate);
                    n = p.number();
                    image = PageImages.random(r, n, PAGE_SIZE);
                    next = new State(next.pages, n);
                } else {
                    int number = n;
                    p = Drive.await(io, () -> pager.get(number));
                    pager.write(p);
                }
                PageImages.put(p, image);
                pager.unpin(p);
                next.pages.put(n, image);
            }
            if (savepoint > 0 && r.nextBoolean()) {
                pager.rollbackToSavepoint(savepoint);
                next = atSavepoint;
            }
            if (r.nextInt(8) == 0) {
                pager.rollback();
                pager.endRead();
                trace.add("rollback");
                return null;
            }
            if (crashMidCommit) {
                try {
                    pager.commit();
                } catch (IoPending pending) {
                    int polls = r.nextInt(4);
                    for (int i = 0; i < polls; i++) {
                        io.poll();
                    }
                    trace.add("commit cut after " + polls + " polls");
                    return new State(next.pages, -next.count);
                }
            } else {
                Drive.run(io, pager::commit);
            }
            pager.endRead();
            trace.add("commit " + next.count + " pages");
            return next;
        } catch (SqliteException e) {
            trace.add("failed " + e.code());
            if (pager.inWriteTransaction()) {
                pager.rollback();
            }
            pager.endRead();
            return null;
        }
    }

    /** Runs a random checkpoint; true if it completed (so every commit before it is durable). */
    private boolean checkpoint(SimulatedIO io, Pager pager, Random r) {
        CheckpointMode mode = CheckpointMode.values()[r.nextInt(CheckpointMode.values().length)];
        try {
            trace.add("checkpoint " + mode + " " + Drive.await(io, () -> pager.checkpoint(mode)));
            return true;
        } catch (SqliteException e) {
            trace.add("checkpoint failed " + e.code());
            return false;
        }
    }

    /** Reads every page and returns which of the {@code allowed} states the database is in. */
    private State verify(SimulatedIO io, Pager pager, List<State> allowed) {
        for (int attempt = 0; ; attempt++) {
            try {
                pager.beginRead();
                try {
                    return match(io, pager, allowed);
                } finally {
                    pager.endRead();
                }
            } catch (SqliteException e) {
                if (attempt > 50) {
                    throw e;
                }
            }
        }
    }

    private State match(SimulatedIO io, Pager pager, List<State> allowed) {
        if (allowed.stream().anyMatch(a -> a.count == 0) && pager.pageCount() == 1) {
            // Nothing committed, but the first commit had given the empty file its page 1.
            Page p = Drive.await(io, () -> pager.get(1));
            byte[] empty = PageImages.read(p);
            pager.unpin(p);
            return new State(new HashMap<>(Map.of(1, empty)), 1);
        }
        List<String> mismatches = new ArrayList<>();
        for (State s : allowed) {
            if (pager.pageCount() != s.count) {
                mismatches.add("count " + pager.pageCount() + " != " + s.count);
                continue;
            }
            int bad = 0;
            for (int n = 1; n <= s.count; n++) {
                int number = n;
                Page p = Drive.await(io, () -> pager.get(number));
                byte[] actual = PageImages.read(p);
                pager.unpin(p);
                if (!PageImages.same(n, s.pages.get(n), actual)) {
                    bad = n;
                    break;
                }
            }
            if (bad == 0) {
                return s;
            }
            mismatches.add("page " + bad + " differs");
        }
        fail("database matches no allowed state: " + mismatches);
        return null;
    }

    @Test
    void aFailedReadIsAnIoErrorAndTheRetryReadsAgain() {
        long seed = TestSeed.seed("aFailedReadIsAnIoErrorAndTheRetryReadsAgain");
        SimulatedIO io = new SimulatedIO(seed);
        SharedPager shared = Drive.open(io, DB);
        Pager pager = shared.newPager();
        assertTrue(pager.setPageSize(PAGE_SIZE));
        Random r = new Random(seed);
        State s = new State(new HashMap<>(), 0);
        while (s.count < 2) {
            State next = runTransaction(io, pager, r, s, false);
            s = next == null ? s : next;
        }
        pager.close();
        Drive.close(io, shared);
        SimulatedIO faulty = new SimulatedIO(seed, FaultConfig.NONE.withReadError(0.5));
        Drive.importFile(faulty, DB, io.contents(DB));
        SharedPager reopened = retryOpen(faulty);
        Pager reader = reopened.newPager();
        reader.setCacheSize(1);
        reader.beginRead();
        State written = s;
        boolean failedOnce = false;
        boolean readAfterFailure = false;
        for (int i = 0; i < 200 && !readAfterFailure; i++) {
            try {
                int n = 1 + i % written.count;
                Page p = Drive.await(faulty, () -> reader.get(n));
                assertTrue(PageImages.same(n, written.pages.get(n), PageImages.read(p)));
                reader.unpin(p);
                readAfterFailure = failedOnce;
            } catch (SqliteException e) {
                assertEquals(ResultCode.IOERR_READ, e.code());
                failedOnce = true;
            }
        }
        assertTrue(readAfterFailure, "a read failed with IOERR_READ and a retry read the page");
        reader.endRead();
        reader.close();
    }

    @Test
    void aCommitWaitingOnItsAutoCheckpointDoesNotSwallowTheNextCommit() {
        long seed = TestSeed.seed("aCommitWaitingOnItsAutoCheckpointDoesNotSwallowTheNextCommit");
        SimulatedIO io = new SimulatedIO(seed);
        SharedPager shared = Drive.open(io, DB);
        Pager pager = shared.newPager();
        assertTrue(pager.setPageSize(PAGE_SIZE));
        pager.setAutoCheckpoint(1);
        Random r = new Random(seed);
        byte[] one = PageImages.random(r, 1, PAGE_SIZE);
        byte[] two = PageImages.random(r, 2, PAGE_SIZE);
        pager.beginRead();
        pager.beginWrite();
        Page p = pager.allocate();
        PageImages.put(p, one);
        pager.unpin(p);
        boolean checkpointPending = false;
        while (true) {
            try {
                pager.commit();
                break;
            } catch (IoPending pending) {
                if (!pager.inWriteTransaction()) {
                    checkpointPending = true; // published; only the auto-checkpoint is in flight
                    break;
                }
                Drive.waitFor(io, pending.completion());
            }
        }
        assertTrue(checkpointPending, "the commit's auto-checkpoint had I/O in flight");
        pager.endRead();
        pager.beginRead();
        pager.beginWrite();
        Page q = pager.allocate();
        PageImages.put(q, two);
        pager.unpin(q);
        Drive.run(io, pager::commit);
        assertTrue(!pager.inWriteTransaction());
        pager.endRead();
        pager.close();
        Drive.close(io, shared);

        SharedPager reopened = Drive.open(io, DB);
        Pager check = reopened.newPager();
        verify(io, check, List.of(new State(new HashMap<>(Map.of(1, one, 2, two)), 2)));
        check.close();
        Drive.close(io, reopened);
    }

    @Test
    void aCommitGivenUpHalfWayKeepsTheWriteLockUntilItsFramesLand() {
        long seed = TestSeed.seed("aCommitGivenUpHalfWayKeepsTheWriteLockUntilItsFramesLand");
        SimulatedIO io = new SimulatedIO(seed);
        SharedPager shared = Drive.open(io, DB);
        Pager pager = shared.newPager();
        Pager other = shared.newPager();
        assertTrue(pager.setPageSize(PAGE_SIZE));
        Random r = new Random(seed);
        State first = runTransaction(io, pager, r, new State(new HashMap<>(), 0), false);
        while (first == null || first.count() == 0) { // some seeds' first transaction writes nothing
            first = runTransaction(io, pager, r, first == null ? new State(new HashMap<>(), 0) : first, false);
        }
        pager.beginRead();
        pager.beginWrite();
        Page p = Drive.await(io, () -> pager.get(1));
        pager.write(p);
        PageImages.put(p, PageImages.random(r, 1, PAGE_SIZE));
        pager.unpin(p);
        assertThrows(IoPending.class, pager::commit, "the frames are in flight");
        pager.rollback();
        pager.endRead();
        other.beginRead();
        SqliteException busy = assertThrows(SqliteException.class, other::beginWrite);
        assertEquals(ResultCode.BUSY, busy.code(), "the abandoned frames still hold the write lock");
        io.drain();
        other.beginWrite();
        other.rollback();
        other.endRead();
        verify(io, other, List.of(first));
        pager.close();
        other.close();
        Drive.close(io, shared);
    }
}
