package io.turso4j.buffer;

/**
 * A buffer that was acquired from a checked {@link BufferPool} and never released.
 *
 * @param buffer what the buffer looks like now (size, address, pins)
 * @param acquiredAt a throwable whose stack trace is where the buffer was acquired
 */
public record BufferLeak(String buffer, Throwable acquiredAt) {}
