package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;

/**
 * One database page held in memory: its number, the off-heap buffer with its bytes, and the
 * bookkeeping the {@link PageCache} needs.
 *
 * <p>States: <b>loading</b> (a read is in flight; {@link #load()} is its completion) →
 * <b>resident</b> (the bytes are valid). A resident page is <b>clean</b> or <b>dirty</b>
 * (changed by the open write transaction and not yet written to the WAL). A page is
 * <b>pinned</b> while anyone holds it ({@code pins > 0}); only a clean, unpinned, resident
 * page may be evicted. The transitions go through {@link PageCache} (pin, unpin, markDirty,
 * markClean), which keeps its eviction list in step. A page a large scan read for itself alone
 * is <b>passing</b> ({@link #scan}) until anyone else pins it.
 *
 * <p>Threads: owned by one connection's pager; not thread-safe. The buffer's contents written
 * by a read are visible once {@link #load()} is observed done.
 */
public final class Page {
    private final int number;
    private final Buffer buffer;
    private Completion load;
    int pins;
    boolean dirty;
    /** Dropped from the cache ({@link PageCache#discard}); its buffer goes with its last pin. */
    boolean discarded;
    /** Taken out of the cache by eviction or discard: never cached again under this object. */
    boolean gone;
    /** Read ahead of need ({@link Pager#readAhead}) and not pinned since ({@link PageCache#markReadAhead}). */
    boolean readAhead;
    /** Read by {@link Pager#prefetch} and not pinned since ({@link PageCache#markPrefetched}). */
    boolean prefetched;
    /**
     * The large scan ({@link Pager#getForScan}) that read this page and has been its only user
     * since, or null: such a page goes first when room is needed ({@link PageCache#unpin}).
     */
    Object scan;

    /** Eviction-list links: set only while the page is clean, unpinned and resident. */
    Page older;
    Page newer;
    boolean listed;

    Page(int number, Buffer buffer, Completion load) {
        if (number < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + number);
        }
        this.number = number;
        this.buffer = buffer;
        this.load = load;
    }

    /** The 1-based page number. */
    public int number() {
        return number;
    }

    /** The page's bytes. Valid only while the page is pinned and resident. */
    public Buffer buffer() {
        return buffer;
    }

    /** The read that fills this page; done once the page is resident. */
    public Completion load() {
        return load;
    }

    /** Whether the bytes are valid: the read finished successfully. */
    public boolean isResident() {
        return load.isSucceeded();
    }

    public boolean isDirty() {
        return dirty;
    }

    public boolean isPinned() {
        return pins > 0;
    }

    /** Replaces a failed read with a retry. */
    void reload(Completion retry) {
        this.load = retry;
    }

    @Override
    public String toString() {
        return "Page[" + number + (dirty ? ", dirty" : "") + (pins > 0 ? ", pins=" + pins : "")
                + (load.isDone() ? "" : ", loading") + "]";
    }
}
