package io.turso4j.io.sim;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DbFile#writeDurably}'s default (write, then sync once the whole write succeeded), on
 * the simulator, whose crash keeps exactly what was synced. No randomness: each fault is
 * injected with probability 1.
 */
class DurableWriteTest {
    private static final long SEED = 7;

    private static Buffer filled(int size) {
        Buffer b = Buffer.allocate(size);
        for (int i = 0; i < size; i++) {
            b.segment().set(ValueLayout.JAVA_BYTE, i, (byte) (i * 13 + 1));
        }
        return b;
    }

    private static boolean synced(SimulatedIO io) {
        return io.log().stream().anyMatch(l -> l.contains(" sync ") && l.endsWith("issued"));
    }

    @Test
    void aDurableWriteSurvivesACrash() {
        SimulatedIO io = new SimulatedIO(SEED);
        DbFile f = io.open("d.db", OpenMode.CREATE);
        Buffer b = filled(1000);
        Completion c = f.writeDurably(24, b, 100, 600);
        io.drain();
        assertEquals(600, c.result());
        assertTrue(synced(io));
        io.crash();
        byte[] kept = io.contents("d.db");
        assertEquals(624, kept.length);
        assertArrayEquals(Arrays.copyOfRange(b.segment().toArray(ValueLayout.JAVA_BYTE), 100, 700),
                Arrays.copyOfRange(kept, 24, 624));
    }

    @Test
    void aFailedSyncFailsItAndKeepsNothing() {
        SimulatedIO io = new SimulatedIO(SEED, FaultConfig.NONE.withSyncError(1));
        DbFile f = io.open("s.db", OpenMode.CREATE);
        Completion c = f.writeDurably(0, filled(512), 0, 512);
        io.drain();
        assertEquals(IoFailure.EIO, c.failure().errno());
        io.crash();
        assertEquals(0, io.contents("s.db").length);
    }

    @Test
    void aFailedWriteIsNotSynced() {
        SimulatedIO io = new SimulatedIO(SEED, FaultConfig.NONE.withWriteError(1));
        DbFile f = io.open("w.db", OpenMode.CREATE);
        Completion c = f.writeDurably(0, filled(512), 0, 512);
        io.drain();
        assertEquals(IoFailure.EIO, c.failure().errno());
        assertFalse(synced(io));
    }

    @Test
    void aShortWriteCompletesShortWithoutASync() {
        SimulatedIO io = new SimulatedIO(SEED, FaultConfig.NONE.withShortWrite(1));
        DbFile f = io.open("h.db", OpenMode.CREATE);
        Completion c = f.writeDurably(0, filled(512), 0, 512);
        io.drain();
        assertTrue(c.isSucceeded());
        assertTrue(c.result() < 512, () -> "short write reported " + c.result());
        assertFalse(synced(io));
    }
}
