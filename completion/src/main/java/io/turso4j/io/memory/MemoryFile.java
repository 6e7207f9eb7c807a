package io.turso4j.io.memory;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One path's storage in a {@link MemoryIO}: the bytes and the handle holding the file's
 * exclusive lock, both guarded by {@link #guard}. The guard is held only while bytes are
 * copied, never across a wait.
 */
final class MemoryFile {
    final ReentrantLock guard = new ReentrantLock();
    /** Guarded by {@link #guard}. */
    final FileBytes bytes = new FileBytes();
    /** The handle holding {@link io.turso4j.io.DbFile#lock()}, or null. Guarded by {@link #guard}. */
    MemoryDbFile lockOwner;
}
