/**
 * Off-heap, aligned page buffers and their pool: {@link io.turso4j.buffer.Buffer} (one owner
 * at a time, pinned while I/O holds it) and {@link io.turso4j.buffer.BufferPool} (slabs of a
 * shared arena, a lock-free free list, optional ownership checks and leak reports). Depends
 * on the JDK and JCTools only.
 */
package io.turso4j.buffer;
