package io.turso4j.storage.pager;

import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.storage.wal.FrameWrite;
import io.turso4j.storage.wal.Wal;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Pages a {@link WalPager} writes to the WAL as frames: a commit's (the last frame then
 * commits) or a spill's. They go a chunk at a time ({@link #writeNext}), one chunk after the
 * other, so that a transaction of any size needs only a chunk's worth of frame buffers at
 * once. The pager waits for each chunk's I/O before the next.
 */
final class FrameBatch {
    /** Frames handed to the WAL at a time. */
    static final int CHUNK = 1024;

    private final Wal wal;
    private final BufferPool pool;
    private final List<Page> pages;
    private final int commitSize;
    /** How many of {@link #pages} have been handed to the WAL. */
    private int issued;
    /** The writes of the last chunk, once it is out (its I/O may also cover the sync after them). */
    private Completion lastWrites;

    /**
     * {@code pages}, in page order; {@code commitSize}: the database size in pages the last
     * frame commits, or 0 for frames that commit nothing.
     */
    FrameBatch(Wal wal, BufferPool pool, List<Page> pages, int commitSize) {
        this.wal = wal;
        this.pool = pool;
        this.pages = pages;
        this.commitSize = commitSize;
    }

    List<Page> pages() {
        return pages;
    }

    /** Whether every chunk has been handed to the WAL. */
    boolean allIssued() {
        return issued == pages.size();
    }

    /**
     * Starts writing the next chunk and returns its I/O: the frames' writes, and for the last
     * chunk of a commit, if {@code sync}, the WAL's sync chained on them. {@code callerWaits}:
     * the caller blocks on that I/O anyway, so the writes may run on its thread.
     */
    Completion writeNext(boolean sync, boolean callerWaits) {
        int end = Math.min(pages.size(), issued + CHUNK);
        int[] numbers = new int[end - issued];
        MemorySegment[] images = new MemorySegment[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = pages.get(issued + i).number();
            images[i] = pages.get(issued + i).buffer().segment();
        }
        boolean last = end == pages.size();
        issued = end;
        if (last && sync && commitSize > 0) {
            FrameWrite io = wal.writeCommitFrames(numbers, images, commitSize, pool, callerWaits);
            lastWrites = io.written();
            return io.durable();
        }
        Completion io = wal.writeFrames(numbers, images, last ? commitSize : 0, pool, callerWaits);
        lastWrites = last ? io : null;
        return io;
    }

    /** Whether the last chunk's writes failed, rather than the sync after them. */
    boolean lastWritesFailed() {
        return lastWrites != null && lastWrites.isDone() && !lastWrites.isSucceeded();
    }
}
