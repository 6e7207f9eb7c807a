package io.turso4j.buffer;

import org.jctools.queues.atomic.MpmcAtomicArrayQueue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Page buffers of one size carved from slabs of a shared {@link Arena} and recycled through
 * a lock-free free list (a JCTools MPMC queue). Thread-safe; no locks.
 *
 * <p>Memory: a slab is one aligned allocation of at most {@value #SLAB_BYTES} bytes and
 * {@value #SLAB_BUFFERS} buffers, cut into buffers spaced {@link #stride()} apart, each aligned
 * to 4096 (or to its size when smaller). Slabs are carved on demand, never freed before {@link
 * #close()}, up to {@link #capacity()} buffers in all.
 *
 * <p>Free list: one queue per shelf of {@value #SHELF_BUFFERS} buffers, made when the shelf's
 * first slab is carved; a buffer goes back to its own shelf's queue, which has room for all of
 * the shelf, so returning one never fails. The pool thus costs memory for the buffers it has
 * carved, not for its capacity: a page pool may hand out up to 1 GiB, and a queue for all of
 * that (3 MiB of arrays) made at every open would be garbage the GC copies for as long as the
 * database stays open. Taking a buffer polls the shelves in order, so the buffers in use stay
 * on the first shelves.
 *
 * <p>Ownership checks ({@value #CHECK_PROPERTY}{@code =true}, {@link
 * #setChecksEnabledByDefault}, or the constructor): each handed-out buffer is a fresh handle
 * that refuses use after release, and the pool remembers where every unreleased buffer was
 * acquired so {@link #leaks()} can name them. Off, acquire and release touch only the free
 * list and the buffer's state word.
 */
public final class BufferPool implements AutoCloseable {
    /** System property that turns ownership checks on for pools created without a choice. */
    public static final String CHECK_PROPERTY = "turso4j.buffer.check";

    private static final long SLAB_BYTES = 1 << 20;
    /** At most this many buffers per slab: a pool of small buffers carves no more than it needs. */
    private static final int SLAB_BUFFERS = 256;
    /** Buffers per shelf of the free list; a multiple of {@link #SLAB_BUFFERS}. */
    static final int SHELF_BUFFERS = 4096;
    private static final long DEFAULT_BUDGET_BYTES = 1L << 30;

    private static volatile Boolean checksOverride;

    private final int bufferSize;
    private final long stride;
    private final long alignment;
    private final int capacity;
    private final boolean checked;
    private final Arena arena = Arena.ofShared();
    /** Shelf i's free list, or null until its first slab is carved. */
    private final AtomicReferenceArray<MpmcAtomicArrayQueue<Buffer>> shelves;
    /** Buffers carved so far, never more than {@link #capacity}. */
    private final AtomicInteger carved = new AtomicInteger();
    /** Checked pools only: buffers acquired and not yet released. */
    private final Set<Buffer> outstanding;

    /** A pool with up to 1 GiB of buffers, checked as {@link #checksEnabledByDefault()} says. */
    public BufferPool(int bufferSize) {
        this(bufferSize, (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, DEFAULT_BUDGET_BYTES / bufferSize)),
                checksEnabledByDefault());
    }

    /**
     * @param bufferSize bytes per buffer
     * @param capacity the most buffers this pool will ever hand out at once
     * @param checked whether to catch use after release and report leaks
     */
    public BufferPool(int bufferSize, int capacity, boolean checked) {
        if (bufferSize <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("buffer size and capacity must be positive");
        }
        this.bufferSize = bufferSize;
        this.alignment = alignmentFor(bufferSize);
        this.stride = (bufferSize + alignment - 1) / alignment * alignment;
        this.capacity = capacity;
        this.checked = checked;
        this.shelves = new AtomicReferenceArray<>((capacity + SHELF_BUFFERS - 1) / SHELF_BUFFERS);
        this.outstanding = checked ? ConcurrentHashMap.newKeySet() : null;
    }

    /** Whether pools and unpooled buffers created without a choice check ownership. */
    public static boolean checksEnabledByDefault() {
        Boolean forced = checksOverride;
        return forced != null ? forced : Boolean.getBoolean(CHECK_PROPERTY);
    }

    /** Overrides {@value #CHECK_PROPERTY} for pools and buffers created from now on. */
    public static void setChecksEnabledByDefault(boolean on) {
        checksOverride = on;
    }

    /** 4096, or the largest power of two not above {@code size} when that is smaller. */
    static long alignmentFor(int size) {
        return Math.min(4096, Integer.highestOneBit(Math.max(size, 1)));
    }

    public int bufferSize() {
        return bufferSize;
    }

    /** Distance between neighbouring buffers in a slab. */
    public long stride() {
        return stride;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isChecked() {
        return checked;
    }

    /**
     * A buffer owned by the caller until {@link Buffer#release()}. Its contents are whatever
     * its last owner left there.
     *
     * @throws IllegalStateException if {@link #capacity()} buffers are out already
     */
    public Buffer acquire() {
        Buffer b = tryAcquire();
        if (b == null) {
            throw new IllegalStateException("buffer pool exhausted: " + capacity + " buffers of " + bufferSize + " bytes in use");
        }
        return b;
    }

    /** Like {@link #acquire()}, but null when the pool is exhausted. */
    public Buffer tryAcquire() {
        Buffer b = pollShelves();
        if (b == null) {
            b = carveSlab();
            if (b == null) {
                b = pollShelves(); // one may have come back while we looked for room
                if (b == null) {
                    return null;
                }
            }
        }
        b.reown();
        if (checked) {
            b.acquiredAt = new Throwable("acquired here");
            outstanding.add(b);
        }
        return b;
    }

    /** A free buffer from the lowest shelf that has one, or null. */
    private Buffer pollShelves() {
        for (int i = 0; i < shelves.length(); i++) {
            MpmcAtomicArrayQueue<Buffer> shelf = shelves.get(i);
            if (shelf == null) {
                return null; // shelves are made in order: none beyond
            }
            Buffer b = shelf.poll();
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /**
     * Carves a new slab, keeps its first buffer for the caller and frees the rest. Threads
     * racing here each carve their own slab; the count keeps the total within capacity, and a
     * slab never spans two shelves.
     */
    private Buffer carveSlab() {
        int perSlab = (int) Math.max(1, Math.min(SLAB_BUFFERS, SLAB_BYTES / stride));
        int n;
        int before;
        do {
            before = carved.get();
            n = Math.min(Math.min(perSlab, capacity - before), SHELF_BUFFERS - before % SHELF_BUFFERS);
            if (n <= 0) {
                return null;
            }
        } while (!carved.compareAndSet(before, before + n));
        int shelf = before / SHELF_BUFFERS;
        MpmcAtomicArrayQueue<Buffer> free = shelf(shelf);
        MemorySegment slab = arena.allocate(stride * n, alignment);
        Buffer first = new Buffer(slab.asSlice(0, bufferSize), this, shelf, checked, true);
        for (int i = 1; i < n; i++) {
            free.offer(new Buffer(slab.asSlice(stride * i, bufferSize), this, shelf, checked, true));
        }
        return first;
    }

    /** Shelf {@code i}'s queue, made by whichever carver gets there first. */
    private MpmcAtomicArrayQueue<Buffer> shelf(int i) {
        MpmcAtomicArrayQueue<Buffer> shelf = shelves.get(i);
        if (shelf == null) {
            int room = Math.min(SHELF_BUFFERS, capacity - i * SHELF_BUFFERS);
            shelves.compareAndSet(i, null, new MpmcAtomicArrayQueue<>(Math.max(2, room)));
            shelf = shelves.get(i);
        }
        return shelf;
    }

    /** The owner released {@code b}; it may still be pinned by I/O. */
    void released(Buffer b) {
        if (checked) {
            outstanding.remove(b);
        }
    }

    /** {@code b} is released and unpinned: its memory is free for the next owner. */
    void recycle(Buffer b) {
        // A checked pool retires the handle so stale references to it keep failing.
        Buffer next = b.checked() ? new Buffer(b.memory(), this, b.shelf, true, true) : b;
        if (!shelves.get(b.shelf).offer(next)) {
            throw new IllegalStateException("free list overflow: a buffer was recycled twice");
        }
    }

    /** How many buffers are free right now (approximate while others acquire or release). */
    public int freeCount() {
        int n = 0;
        for (int i = 0; i < shelves.length(); i++) {
            MpmcAtomicArrayQueue<Buffer> shelf = shelves.get(i);
            n += shelf == null ? 0 : shelf.size();
        }
        return n;
    }

    /** How many shelves of the free list exist so far. */
    int shelvesMade() {
        int n = 0;
        while (n < shelves.length() && shelves.get(n) != null) {
            n++;
        }
        return n;
    }

    /** How many buffers have been carved from slabs so far. */
    public int carvedCount() {
        return carved.get();
    }

    /**
     * Buffers acquired and never released, each with the stack where it was acquired.
     *
     * @throws IllegalStateException if this pool does not check ownership
     */
    public List<BufferLeak> leaks() {
        if (!checked) {
            throw new IllegalStateException("leak tracking needs ownership checks (-D" + CHECK_PROPERTY + "=true)");
        }
        List<BufferLeak> out = new ArrayList<>();
        for (Buffer b : outstanding) {
            out.add(new BufferLeak(b.toString(), b.acquiredAt));
        }
        return out;
    }

    /**
     * Frees every slab. Call only when no I/O is in flight on any of its buffers: their
     * memory is unmapped.
     */
    @Override
    public void close() {
        arena.close();
    }
}
