package io.turso4j.io.sim;

import io.turso4j.io.memory.FileBytes;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One path on the simulated disk: what readers see now ({@link #current}), what survives a
 * power loss ({@link #durable}), and the changes applied since the last successful sync, in
 * the order they were applied.
 *
 * <p>Invariant: replaying {@link #unsynced} over {@link #durable} gives {@link #current}.
 * {@link #sync()} replays them into {@code durable} and clears the list; {@link
 * #crash(RandomGenerator, double, int)} throws them away (keeping a torn prefix of the last
 * write at most) and makes {@code current} a copy of {@code durable}.
 *
 * <p>Guarded by the {@link SimulatedIO}'s lock.
 */
final class SimFile {
    /** A change not yet covered by a sync. */
    private sealed interface Change {
        void applyTo(FileBytes bytes);
    }

    private record Write(long pos, byte[] data) implements Change {
        @Override
        public void applyTo(FileBytes bytes) {
            bytes.write(pos, data, 0, data.length);
        }
    }

    private record Truncate(long length) implements Change {
        @Override
        public void applyTo(FileBytes bytes) {
            bytes.truncate(length);
        }
    }

    FileBytes current = new FileBytes();
    private FileBytes durable = new FileBytes();
    private final List<Change> unsynced = new ArrayList<>();
    /** The handle holding the file's lock, or null. */
    SimDbFile lockOwner;

    void write(long pos, byte[] data) {
        Change c = new Write(pos, data);
        c.applyTo(current);
        unsynced.add(c);
    }

    void truncate(long length) {
        Change c = new Truncate(length);
        c.applyTo(current);
        unsynced.add(c);
    }

    /** Makes every change so far durable. */
    void sync() {
        for (Change c : unsynced) {
            c.applyTo(durable);
        }
        unsynced.clear();
    }

    int unsyncedChanges() {
        return unsynced.size();
    }

    /**
     * Power loss: only synced changes survive, except that with probability {@code tornWrite}
     * a prefix of the last unsynced write, cut at a {@code sector} boundary of the file, reaches
     * the disk too. Drops the lock.
     *
     * @return how many bytes of a torn write persisted, or -1 if none was torn
     */
    long crash(RandomGenerator faults, double tornWrite, int sector) {
        long torn = -1;
        if (!unsynced.isEmpty() && unsynced.getLast() instanceof Write w && faults.nextDouble() < tornWrite) {
            long end = w.pos + w.data.length;
            // Cut points: the write's start, each sector boundary inside it, and its end.
            long firstBoundary = (w.pos / sector + 1) * sector;
            long inside = firstBoundary >= end ? 0 : (end - 1 - firstBoundary) / sector + 1;
            long pick = faults.nextLong(inside + 2);
            long cut = pick == 0 ? w.pos : pick == inside + 1 ? end : firstBoundary + (pick - 1) * sector;
            torn = cut - w.pos;
            if (torn > 0) {
                durable.write(w.pos, w.data, 0, (int) torn);
            }
        }
        unsynced.clear();
        current = durable.copy();
        lockOwner = null;
        return torn;
    }

    byte[] durableBytes() {
        return durable.toByteArray();
    }
}
