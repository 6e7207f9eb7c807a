/**
 * The in-memory backend: {@link io.turso4j.io.memory.MemoryIO}, a heap-held file system whose
 * operations complete inline, used for {@code :memory:} databases and fast tests, and
 * {@link io.turso4j.io.memory.FileBytes}, the growable file image the simulator reuses.
 * Depends on {@code io}, {@code completion} and {@code buffer}.
 */
package io.turso4j.io.memory;
