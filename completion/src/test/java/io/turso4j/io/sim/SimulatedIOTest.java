package io.turso4j.io.sim;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.IoBackends;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Determinism, out-of-order completion, fault injection and crash semantics of the simulator.
 * Randomised tests take their seed from -Dturso4j.seed (a fixed default otherwise) and print it.
 */
class SimulatedIOTest {
    private static final long SEED = Long.getLong("turso4j.seed", 0x5EED_2026L);
    private final BufferPool pool = new BufferPool(4096, 4096, true);

    @AfterEach
    void noLeaks() {
        assertEquals(List.of(), pool.leaks());
        pool.close();
    }

    private static long seed(String test) {
        System.out.println(test + ": seed " + SEED + " (replay with -Dturso4j.seed=" + SEED + ")");
        return SEED;
    }

    private record Run(List<String> log, Map<String, byte[]> files, long clock, long random) {}

    private Run run(long seed, FaultConfig faults) {
        SimulatedIO io = new SimulatedIO(seed, faults);
        SimWorkload w = new SimWorkload(io, pool, seed);
        w.run(300);
        io.drain();
        w.rethrowCallbackErrors();
        return new Run(io.log(), w.files(), io.currentTimeMillis(), io.random().nextLong());
    }

    @Test
    void sameSeedSameLogAndBytes() {
        long seed = seed("sameSeedSameLogAndBytes");
        FaultConfig faults = new FaultConfig(0.05, 0.05, 0.05, 0.1, 0.5, 512);
        Run a = run(seed, faults);
        Run b = run(seed, faults);
        assertEquals(a.log, b.log);
        assertEquals(a.files.keySet(), b.files.keySet());
        for (String p : a.files.keySet()) {
            assertArrayEquals(a.files.get(p), b.files.get(p), p);
        }
        assertEquals(a.clock, b.clock);
        assertEquals(a.random, b.random);
        assertTrue(a.log.size() > 300);
    }

    @Test
    void differentSeedsDifferentOrders() {
        long seed = seed("differentSeedsDifferentOrders");
        assertNotEquals(run(seed, FaultConfig.NONE).log, run(seed + 1, FaultConfig.NONE).log);
    }

    @Test
    void readsSeeEveryCompletedWriteInCompletionOrder() {
        long seed = seed("readsSeeEveryCompletedWriteInCompletionOrder");
        SimulatedIO io = new SimulatedIO(seed);
        SimWorkload w = new SimWorkload(io, pool, seed);
        w.run(2000);
        io.drain();
        w.rethrowCallbackErrors();
        assertTrue(w.readsChecked > 100, "reads checked: " + w.readsChecked);
    }

    @Test
    void operationsCompleteOnlyOnPollAndOutOfOrder() {
        long seed = seed("operationsCompleteOnlyOnPollAndOutOfOrder");
        SimulatedIO io = new SimulatedIO(seed);
        DbFile f = io.open("o.db", OpenMode.CREATE);
        List<Long> order = new ArrayList<>();
        List<Completion> cs = new ArrayList<>();
        Buffer b = pool.acquire();
        for (long i = 0; i < 32; i++) {
            long id = i;
            Completion c = f.write(i * 4096, b);
            c.onComplete(x -> order.add(id));
            cs.add(c);
        }
        assertTrue(cs.stream().noneMatch(Completion::isDone), "nothing completes before poll");
        assertEquals(32, b.pins(), "each write in flight pins the buffer");
        int first = io.poll();
        assertTrue(first >= 1 && first <= 32);
        assertEquals(first, order.size());
        io.drain();
        assertEquals(32, order.size());
        assertEquals(0, b.pins());
        List<Long> sorted = order.stream().sorted().toList();
        assertEquals(java.util.stream.LongStream.range(0, 32).boxed().toList(), sorted, "each exactly once");
        assertNotEquals(sorted, order, "seed " + seed + " completed 32 writes in issue order");
        b.release();
    }

    @Test
    void pollCompletesASubsetForSomeSeed() {
        long seed = seed("pollCompletesASubsetForSomeSeed");
        boolean sawSubset = false;
        for (long s = seed; s < seed + 20 && !sawSubset; s++) {
            SimulatedIO io = new SimulatedIO(s);
            DbFile f = io.open("p.db", OpenMode.CREATE);
            for (int i = 0; i < 10; i++) {
                f.size();
            }
            sawSubset = io.poll() < 10 && io.pendingCount() > 0;
        }
        assertTrue(sawSubset, "20 seeds and every first poll completed everything");
    }

    @Test
    void injectedReadErrors() {
        SimulatedIO io = new SimulatedIO(seed("injectedReadErrors"), FaultConfig.NONE.withReadError(1));
        DbFile f = io.open("r.db", OpenMode.CREATE);
        Buffer b = pool.acquire();
        Completion r = f.read(0, b);
        io.drain();
        assertEquals(IoFailure.EIO, r.failure().errno());
        b.release();
    }

    @Test
    void injectedWriteErrorsLeaveTheFileUnchanged() {
        SimulatedIO io = new SimulatedIO(seed("injectedWriteErrors"), FaultConfig.NONE.withWriteError(0.5));
        DbFile f = io.open("w.db", OpenMode.CREATE);
        Buffer b = pool.acquire();
        b.segment().fill((byte) 7);
        List<Completion> cs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cs.add(f.write(i * 4096L, b));
        }
        io.drain();
        byte[] bytes = io.contents("w.db");
        int failed = 0;
        for (int i = 0; i < 40; i++) {
            byte expected = cs.get(i).isFailed() ? 0 : (byte) 7;
            if (cs.get(i).isFailed()) {
                failed++;
                assertEquals(IoFailure.EIO, cs.get(i).failure().errno());
            }
            if ((long) i * 4096 < bytes.length) {
                assertEquals(expected, bytes[i * 4096], "page " + i);
            }
        }
        assertTrue(failed > 5 && failed < 35, "failed " + failed + " of 40 at p=0.5");
        b.release();
    }

    @Test
    void shortWritesApplyOnlyTheirPrefix() {
        SimulatedIO io = new SimulatedIO(seed("shortWrites"), FaultConfig.NONE.withShortWrite(1));
        DbFile f = io.open("s.db", OpenMode.CREATE);
        Buffer b = pool.acquire();
        b.segment().fill((byte) 9);
        Completion w = f.write(0, b);
        io.drain();
        long n = w.result();
        assertTrue(n >= 1 && n < 4096, "short write of " + n);
        byte[] bytes = io.contents("s.db");
        assertEquals(n, bytes.length);
        b.release();
    }

    @Test
    void failedSyncMakesNothingDurable() {
        SimulatedIO io = new SimulatedIO(seed("failedSync"), FaultConfig.NONE.withSyncError(1));
        DbFile f = io.open("y.db", OpenMode.CREATE);
        Buffer b = pool.acquire();
        f.write(0, b);
        io.drain();
        Completion s = f.sync();
        io.drain();
        assertEquals(IoFailure.EIO, s.failure().errno());
        io.crash();
        assertEquals(0, io.contents("y.db").length);
        b.release();
    }

    @Test
    void crashKeepsExactlyTheSyncedWrites() {
        long seed = seed("crashKeepsExactlyTheSyncedWrites");
        for (long s = seed; s < seed + 20; s++) {
            SimulatedIO io = new SimulatedIO(s, new FaultConfig(0.02, 0.05, 0.1, 0.1, 0, 512));
            SimWorkload w = new SimWorkload(io, pool, s);
            w.run(400);
            io.crash(); // with operations still pending
            w.rethrowCallbackErrors();
            w.checkCrashKeptExactlySynced();
            w.reopenAndCheck();
        }
    }

    @Test
    void crashMayTearTheLastUnsyncedWriteAtASectorBoundary() {
        long seed = seed("crashMayTear");
        int torn = 0;
        for (long s = seed; s < seed + 30; s++) {
            SimulatedIO io = new SimulatedIO(s, FaultConfig.NONE.withTornWrite(1));
            SimWorkload w = new SimWorkload(io, pool, s);
            w.run(200);
            io.crash();
            w.rethrowCallbackErrors();
            w.checkCrashKeptSyncedPlusTornPrefix(512);
            torn += (int) io.log().stream().filter(l -> l.startsWith("torn ") && !l.endsWith("kept=0")).count();
        }
        assertTrue(torn > 0, "no crash in 30 seeds kept any torn bytes");
    }

    @Test
    void crashInvalidatesHandlesAndFailsPendingOperations() {
        SimulatedIO io = new SimulatedIO(seed("crashInvalidates"));
        DbFile f = io.open("c.db", OpenMode.CREATE);
        Buffer b = pool.acquire();
        Completion w = f.write(0, b);
        io.crash();
        assertEquals(IoFailure.EIO, w.failure().errno());
        assertEquals(0, b.pins(), "the crash unpins what it drops");
        assertEquals(IoFailure.EBADF, f.size().failure().errno());
        DbFile again = io.open("c.db", OpenMode.READ_WRITE);
        Completion size = again.size();
        io.drain();
        assertEquals(0, size.result());
        b.release();
    }

    @Test
    void lockCloseAndReadOnlySemantics() {
        SimulatedIO io = new SimulatedIO(seed("lockClose"));
        DbFile one = io.open("l.db", OpenMode.CREATE);
        DbFile two = io.open("l.db", OpenMode.READ_ONLY);
        Completion l1 = one.lock();
        io.drain();
        Completion l2 = two.lock();
        io.drain();
        assertTrue(l1.isSucceeded());
        assertEquals(IoFailure.EAGAIN, l2.failure().errno());
        assertEquals(IoFailure.EBADF, two.sync().failure().errno(), "read-only");
        one.close();
        io.drain();
        assertEquals(IoFailure.EBADF, one.size().failure().errno());
        Completion l3 = two.lock();
        io.drain();
        assertTrue(l3.isSucceeded(), "close released the lock");
    }

    @Test
    void readPastEndZeroFills() {
        SimulatedIO io = new SimulatedIO(seed("readPastEnd"));
        DbFile f = io.open("e.db", OpenMode.CREATE);
        Buffer w = pool.acquire();
        w.segment().fill((byte) 3);
        f.write(0, w, 0, 100);
        io.drain();
        Buffer r = pool.acquire();
        r.segment().fill((byte) 5);
        Completion c = f.read(0, r);
        io.drain();
        assertEquals(100, c.result());
        assertEquals(3, r.segment().get(ValueLayout.JAVA_BYTE, 99));
        assertEquals(0, r.segment().get(ValueLayout.JAVA_BYTE, 100));
        w.release();
        r.release();
    }

    @Test
    void clockAdvancesDeterministically() {
        SimulatedIO a = new SimulatedIO(1);
        SimulatedIO b = new SimulatedIO(1);
        assertEquals(a.currentTimeMillis(), b.currentTimeMillis());
        long t = a.currentTimeMillis();
        a.open("x", OpenMode.CREATE).size();
        a.drain();
        assertEquals(t + 1, a.currentTimeMillis());
        a.advanceClock(1000);
        assertEquals(t + 1001, a.currentTimeMillis());
        assertNotEquals(new SimulatedIO(2).currentTimeMillis(), t);
    }

    @Test
    void providerIsTakenByName() {
        assertEquals("simulated", IoBackends.open("simulated").name());
    }
}
