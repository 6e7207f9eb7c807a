package io.turso4j.io.memory;

import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An in-process file system: each path maps to growable bytes held on the heap, and every
 * {@link DbFile} operation does its work on the calling thread and returns a completion that
 * is already done. Files outlive the handles that opened them, for as long as this instance
 * lives; {@link #delete} unlinks a path while open handles keep the bytes they had, as on
 * POSIX.
 *
 * <p>Threads: any thread may call anything. Each file's bytes and lock owner are guarded by
 * that file's own lock, held only for the copy; nothing here waits for anything else.
 */
public final class MemoryIO implements IO {

    /** A shared, thread-safe view of {@link ThreadLocalRandom}. */

    private final ConcurrentHashMap<String, MemoryFile> files = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public MemoryIO() {}

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public DbFile open(String path, OpenMode mode) {
        if (closed) {
            throw new IoFailure("memory I/O is closed", IoFailure.EBADF);
        }
        MemoryFile file = mode == OpenMode.CREATE
                ? files.computeIfAbsent(path, p -> new MemoryFile())
                : files.get(path);
        if (file == null) {
            throw new IoFailure("no such file: " + path, IoFailure.ENOENT);
        }
        return new MemoryDbFile(this, path, file, mode == OpenMode.READ_ONLY);
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path);
    }

    @Override
    public void delete(String path) {
        files.remove(path);
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the backend: handles still open fail their later operations with EBADF. */
    @Override
    public void close() {
        closed = true;
    }
}
