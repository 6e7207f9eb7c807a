package io.turso4j.buffer;

import org.jctools.queues.atomic.MpmcAtomicArrayQueue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Page buffers of one size carved from slabs of a shared {@link Arena} and recycled through
 * a lock-free free list (a JCTools MPMC queue). Thread-safe; no locks.
 *
 * <p>Memory: a slab is one aligned allocation of about {@value #SLAB_BYTES} bytes, cut into
 * buffers spaced {@link #stride()} apart, each aligned to 4096 (or to its size when smaller).
 * Slabs are carved on demand, never freed before {@link #close()}, up to {@link #capacity()}
 * buffers in all; the free list is sized to hold every buffer, so returning one never fails.
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
    private static final long DEFAULT_BUDGET_BYTES = 1L << 30;

    private static volatile Boolean checksOverride;

    private final int bufferSize;
    private final long stride;
    private final long alignment;
    private final int capacity;
    private final boolean checked;
    private final Arena arena = Arena.ofShared();
    private final MpmcAtomicArrayQueue<Buffer> free;
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
        this.free = new MpmcAtomicArrayQueue<>(Math.max(2, capacity));
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
        Buffer b = free.poll();
        if (b == null) {
            b = carveSlab();
            if (b == null) {
                b = free.poll(); // one may have come back while we looked for room
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

    /**
     * Carves a new slab, keeps its first buffer for the caller and frees the rest. Threads
     * racing here each carve their own slab; the count keeps the total within capacity.
     */
    private Buffer carveSlab() {
        int perSlab = (int) Math.max(1, SLAB_BYTES / stride);
        int n;
        int before;
        do {
            before = carved.get();
            n = Math.min(perSlab, capacity - before);
            if (n <= 0) {
                return null;
            }
        } while (!carved.compareAndSet(before, before + n));
        MemorySegment slab = arena.allocate(stride * n, alignment);
        Buffer first = new Buffer(slab.asSlice(0, bufferSize), this, checked, true);
        for (int i = 1; i < n; i++) {
            free.offer(new Buffer(slab.asSlice(stride * i, bufferSize), this, checked, true));
        }
        return first;
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
        Buffer next = b.checked() ? new Buffer(b.memory(), this, true, true) : b;
        if (!free.offer(next)) {
            throw new IllegalStateException("free list overflow: a buffer was recycled twice");
        }
    }

    /** How many buffers are free right now (approximate while others acquire or release). */
    public int freeCount() {
        return free.size();
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
