package io.turso4j.buffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

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
 * <p>Threads: one owner thread uses the contents; pin and unpin may come from a backend's
 * thread. Contents written by an I/O are published by its {@link
 * io.turso4j.completion.Completion}.
 */
public final class Buffer {
    // Implemented in full by BufferPool's work; see BufferPool for the ownership checks.
    private final MemorySegment segment;
    private final BufferPool pool;

    Buffer(MemorySegment segment, BufferPool pool) {
        this.segment = segment;
        this.pool = pool;
    }

    /** An unpooled buffer of {@code size} bytes, freed by the GC once unreachable. */
    public static Buffer allocate(int size) {
        return new Buffer(Arena.ofAuto().allocate(size, Math.min(4096, Integer.highestOneBit(Math.max(size, 1)))), null);
    }

    /** The memory. Valid only while the caller owns this buffer. */
    public MemorySegment segment() {
        return segment;
    }

    public int size() {
        return (int) segment.byteSize();
    }

    /** Native address of the first byte, for backends that pass it to the kernel. */
    public long address() {
        return segment.address();
    }

    /** A backend is about to lend this memory to the kernel. */
    public void pinForIo() {}

    /** The kernel is done with this memory. */
    public void unpinForIo() {}

    /** The owner gives the buffer up; its pool takes it back once no I/O pins it. */
    public void release() {
        if (pool != null) {
            pool.recycle(this);
        }
    }
}
