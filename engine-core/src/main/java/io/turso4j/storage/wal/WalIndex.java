package io.turso4j.storage.wal;

import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The in-memory WAL index: for every page, which WAL frames hold a version of it, so that a
 * reader finds the newest version visible in its snapshot. (SQLite keeps this in the
 * {@code -shm} file; turso4j keeps it in memory because one process owns a database.)
 *
 * <p>Frames are numbered from 1 in the order they were appended. For each frame the index
 * stores its page number and the previous frame holding the same page, and for each page
 * its newest frame; a lookup starts at the newest frame and walks back to the newest one
 * not after the snapshot's last frame ({@link #find(int, int)}).
 *
 * <p>Threads: one writer appends ({@link #append}) and rolls back ({@link #truncate});
 * any number of readers call {@link #find} concurrently. A frame's links are written before
 * the page's newest-frame entry is published (a volatile write through the concurrent map),
 * and readers only walk to frames older than an entry they read, so they always see
 * complete links. A reader never asks about frames past its snapshot, which the writer
 * published only after appending them. {@link #truncate} may only drop frames that no
 * snapshot includes (the writer's own uncommitted ones); but a reader may be walking through
 * exactly those frames (from a page's newest entry down to its snapshot) while the writer
 * drops them and reuses their slots for other pages. {@link #find} therefore validates its
 * walk as a seqlock does: {@link #truncate} and {@link #clear} make {@code truncations} odd
 * before changing anything and even again after, and a walk that began on an odd count or
 * saw the count move starts again.
 */
public final class WalIndex {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;

    /** Newest frame per page. */
    private final ConcurrentHashMap<Integer, Integer> newest = new ConcurrentHashMap<>();
    /** Per frame: [0] page number, [1] previous frame of the same page (0 = none); in chunks. */
    private volatile AtomicReferenceArray<int[]> chunks = new AtomicReferenceArray<>(16);
    /** Frames appended so far (by the writer; readers use their snapshot's bound instead). */
    private int frames;
    /** Odd while a truncate or clear is under way: the seqlock stamp {@link #find} validates. */
    private volatile long truncations;

    /** Number of frames appended (writer's view). */
    public int frameCount() {
        return frames;
    }

    /**
     * Records that the next frame, number {@code frameCount() + 1}, holds page {@code page}.
     *
     * @return the new frame's number
     */
    public int append(int page) {
        int frame = frames + 1;
        int[] chunk = chunkFor(frame, true);
        int slot = 2 * (frame & (CHUNK - 1));
        Integer previous = newest.get(page);
        chunk[slot] = page;
        chunk[slot + 1] = previous == null ? 0 : previous;
        newest.put(page, frame);
        frames = frame;
        return frame;
    }

    /**
     * The newest frame holding {@code page} among frames 1..{@code lastFrame}, or 0 if the page
     * is not in that part of the WAL (read it from the database file).
     */
    public int find(int page, int lastFrame) {
        while (true) {
            long stamp = truncations;
            if ((stamp & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            Integer start = newest.get(page);
            int frame = start == null ? 0 : start;
            try {
                while (frame > lastFrame) {
                    frame = previousOf(frame);
                }
            } catch (IllegalArgumentException e) {
                if (stamp == truncations) {
                    throw e;
                }
                continue; // walked into slots a concurrent clear() dropped
            }
            // As StampedLock.validate: order the reads above before the stamp's second read.
            VarHandle.acquireFence();
            if (stamp == truncations) {
                return frame;
            }
        }
    }

    /** The page held by frame {@code frame} (1-based, at most the caller's snapshot bound). */
    public int pageOf(int frame) {
        return chunkFor(frame, false)[2 * (frame & (CHUNK - 1))];
    }

    /**
     * Forgets frames after {@code lastFrame}: the writer rolls back frames it appended and
     * never committed. No reader's snapshot may include them.
     */
    public void truncate(int lastFrame) {
        if (lastFrame < 0 || lastFrame > frames) {
            throw new IllegalArgumentException("cannot truncate " + frames + " frames to " + lastFrame);
        }
        beginChange();
        for (int frame = frames; frame > lastFrame; frame--) {
            int page = pageOf(frame);
            int previous = previousOf(frame);
            if (previous == 0) {
                newest.remove(page, frame);
            } else {
                newest.replace(page, frame, previous);
            }
        }
        frames = lastFrame;
        truncations++;
    }

    /** Makes the stamp odd, ordered before the changes that follow. Writer only. */
    private void beginChange() {
        truncations++;
        VarHandle.releaseFence();
    }

    /** Forgets every frame: after a checkpoint restarts the WAL, when no reader uses it. */
    public void clear() {
        beginChange();
        newest.clear();
        chunks = new AtomicReferenceArray<>(16);
        frames = 0;
        truncations++;
    }

    private int previousOf(int frame) {
        return chunkFor(frame, false)[2 * (frame & (CHUNK - 1)) + 1];
    }

    private int[] chunkFor(int frame, boolean create) {
        int index = frame >>> CHUNK_BITS;
        AtomicReferenceArray<int[]> table = chunks;
        if (index >= table.length()) {
            if (!create) {
                throw new IllegalArgumentException("frame " + frame + " is past the end of the WAL index");
            }
            AtomicReferenceArray<int[]> grown = new AtomicReferenceArray<>(Math.max(table.length() * 2, index + 1));
            for (int i = 0; i < table.length(); i++) {
                grown.set(i, table.get(i));
            }
            chunks = grown;
            table = grown;
        }
        int[] chunk = table.get(index);
        if (chunk == null) {
            if (!create) {
                throw new IllegalArgumentException("frame " + frame + " is past the end of the WAL index");
            }
            chunk = new int[2 * CHUNK];
            table.set(index, chunk);
        }
        return chunk;
    }
}
