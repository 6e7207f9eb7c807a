package io.turso4j.buffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An off-heap buffer for page-sized I/O: a native {@link MemorySegment}, aligned to 4096
 * bytes (or to its size when smaller), that io_uring and NIO read into and write from.
 *
 * <p>Ownership: a buffer has exactly one owner at a time, the page cache (or whoever
 * acquired it) or an I/O in flight. A backend that hands the memory to the kernel calls
 * {@link #pinForIo()} first and {@link #unpinForIo()} when the kernel is done; {@link
 * #release()} by the owner returns the buffer to its pool only once no I/O pins it, so an
 * aborted read can never scribble on a page that has been handed to someone else.
 *
 * <p>States, in one int changed by CAS: <b>owned</b> with n pins (n ≥ 0) → {@link
 * #release()} → <b>released</b> with n pins → the unpin that brings n to 0 (or the release
 * itself when n is 0) recycles it into the pool. Releasing twice, pinning a released buffer
 * and unpinning an unpinned one always throw {@link IllegalStateException}.
 *
 * <p>Checked buffers (see {@link BufferPool#checksEnabledByDefault()}) also refuse {@link
 * #segment()} and {@link #address()} once released, and are never reused: the pool recycles
 * the memory under a fresh {@code Buffer}, so a stale reference stays caught even after the
 * memory has a new owner. Unchecked buffers are reused as objects and {@link #segment()} is
 * a plain field read; a stale reference then goes unnoticed.
 *
 * <p>Threads: one owner thread uses the contents; pin and unpin may come from a backend's
 * thread. Contents written by an I/O are published by its {@link
 * io.turso4j.completion.Completion}.
 */
public final class Buffer {
    private static final int RELEASED = 1;
    /** Pins are counted in the bits above {@link #RELEASED}. */
    private static final int PIN = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Buffer.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MemorySegment segment;
    private final BufferPool pool;
    /** The pool's free-list shelf this buffer returns to (0 when unpooled). */
    final int shelf;
    private final boolean checked;

    /** {@link #RELEASED} bit | pins × {@link #PIN}. */
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    /** Where the current owner acquired it; recorded by a checked pool for leak reports. */
    Throwable acquiredAt;

    Buffer(MemorySegment segment, BufferPool pool, int shelf, boolean checked, boolean released) {
        this.segment = segment;
        this.pool = pool;
        this.shelf = shelf;
        this.checked = checked;
        this.state = released ? RELEASED : 0;
    }

    /** An unpooled buffer of {@code size} bytes, freed by the GC once unreachable. */
    public static Buffer allocate(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("buffer size must be positive: " + size);
        }
        MemorySegment memory = Arena.ofAuto().allocate(size, BufferPool.alignmentFor(size));
        return new Buffer(memory, null, 0, BufferPool.checksEnabledByDefault(), false);
    }

    /** The memory. Valid only while the caller owns this buffer. */
    public MemorySegment segment() {
        if (checked) {
            requireOwned("segment()");
        }
        return segment;
    }

    public int size() {
        return (int) segment.byteSize();
    }

    /** Native address of the first byte, for backends that pass it to the kernel. */
    public long address() {
        if (checked) {
            requireOwned("address()");
        }
        return segment.address();
    }

    /** Whether the owner has released it (a stale reference; meaningful when checked). */
    public boolean isReleased() {
        return ((int) STATE.getVolatile(this) & RELEASED) != 0;
    }

    /** How many I/O operations hold this memory now. */
    public int pins() {
        return (int) STATE.getVolatile(this) >>> 1;
    }

    /**
     * A backend is about to lend this memory to the kernel.
     *
     * @throws IllegalStateException if the buffer was already released
     */
    public void pinForIo() {
        int s;
        do {
            s = (int) STATE.getVolatile(this);
            if ((s & RELEASED) != 0) {
                throw new IllegalStateException("pin of a released buffer: " + this);
            }
        } while (!STATE.compareAndSet(this, s, s + PIN));
    }

    /**
     * The kernel is done with this memory. The last unpin of a released buffer recycles it.
     *
     * @throws IllegalStateException if it is not pinned
     */
    public void unpinForIo() {
        int s;
        do {
            s = (int) STATE.getVolatile(this);
            if (s < PIN) {
                throw new IllegalStateException("unpin of a buffer no I/O pins: " + this);
            }
        } while (!STATE.compareAndSet(this, s, s - PIN));
        if (s - PIN == RELEASED) {
            recycle();
        }
    }

    /**
     * The owner gives the buffer up; its pool takes it back once no I/O pins it.
     *
     * @throws IllegalStateException if it was already released
     */
    public void release() {
        int s;
        do {
            s = (int) STATE.getVolatile(this);
            if ((s & RELEASED) != 0) {
                throw new IllegalStateException("buffer released twice: " + this);
            }
        } while (!STATE.compareAndSet(this, s, s | RELEASED));
        if (pool != null) {
            pool.released(this);
        }
        if (s == 0) {
            recycle();
        }
    }

    private void recycle() {
        if (pool != null) {
            pool.recycle(this);
        }
    }

    /** Called by the pool on the buffer it hands out: the taker owns it, unpinned. */
    void reown() {
        STATE.setRelease(this, 0);
    }

    MemorySegment memory() {
        return segment;
    }

    boolean checked() {
        return checked;
    }

    private void requireOwned(String what) {
        if (((int) STATE.getVolatile(this) & RELEASED) != 0) {
            throw new IllegalStateException(what + " of a released buffer: " + this);
        }
    }

    @Override
    public String toString() {
        int s = (int) STATE.getVolatile(this);
        return "Buffer[" + size() + " bytes at 0x" + Long.toHexString(segment.address())
                + ((s & RELEASED) != 0 ? ", released" : ", owned") + ", pins " + (s >>> 1) + "]";
    }
}
