package io.turso4j.io.uring;

import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The io_uring backend: files opened with open(2), their reads, writes (plain and vectored),
 * fdatasync and truncation performed by the kernel through one io_uring that a Netty event
 * loop drives ({@link Ring}). Operations complete on that loop thread, never on the caller's.
 *
 * <p>Threads: thread-safe. {@link #open} runs open(2) on the caller's thread (a metadata call,
 * synchronous by the {@link IO} contract); everything else is asynchronous.
 *
 * <p>Lifecycle: {@link #close()} stops the ring and waits for its loop thread to end (a bounded
 * wait, like open's: lifecycle calls are synchronous). Operations queued but not yet in the
 * kernel fail; those in the kernel finish; then the descriptors of files left open are closed,
 * so their locks are free when close returns. The loop thread is a daemon, so an IO nobody
 * closes does not keep the JVM alive.
 */
public final class UringIO implements IO {
    /** Ring entries, and so operations in the kernel at once; more wait in order. */
    public static final int DEFAULT_RING_SIZE = 256;

    private final Set<UringFile> open = ConcurrentHashMap.newKeySet();
    private final Ring ring;

    /** A backend with a ring of {@value #DEFAULT_RING_SIZE} entries. */
    public UringIO() {
        this(DEFAULT_RING_SIZE);
    }

    /**
     * A backend whose ring holds {@code ringSize} entries (a power of two up to 32768).
     *
     * @throws IoFailure if io_uring cannot be set up here
     */
    public UringIO(int ringSize) {
        try {
            this.ring = new Ring(ringSize, this::closeLeftovers);
        } catch (RuntimeException | LinkageError e) {
            throw new IoFailure("cannot start io_uring", e);
        }
    }

    @Override
    public String name() {
        return "uring";
    }

    @Override
    public DbFile open(String path, OpenMode mode) {
        if (ring.isClosed()) {
            throw new IoFailure("cannot open " + path + ": the I/O backend is closed", Libc.EBADF);
        }
        // Resolved as java.nio resolves it (exists, delete), against user.dir.
        String absolute = Path.of(path).toAbsolutePath().toString();
        int fd = Libc.open(absolute, mode != OpenMode.READ_ONLY, mode == OpenMode.CREATE);
        if (fd < 0) {
            throw new IoFailure("cannot open " + path, -fd);
        }
        UringFile file = new UringFile(path, fd, ring, this);
        open.add(file);
        // Re-check after registering: a shutdown that began meanwhile may have missed the file.
        if (ring.isClosed()) {
            open.remove(file);
            file.releaseFd();
            throw new IoFailure("cannot open " + path + ": the I/O backend is closed", Libc.EBADF);
        }
        return file;
    }

    /** A file has closed its descriptor. */
    void forget(UringFile file) {
        open.remove(file);
    }

    /** Runs on the loop once the ring is shut down and nothing is in the kernel. */
    private void closeLeftovers() {
        for (UringFile f : open) {
            open.remove(f);
            f.releaseFd();
        }
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(Path.of(path));
    }

    @Override
    public void delete(String path) {
        try {
            Files.deleteIfExists(Path.of(path));
        } catch (IOException e) {
            throw new IoFailure("cannot delete " + path, e);
        }
    }

    @Override
    public void close() {
        ring.shutdown();
    }

    @Override
    public String toString() {
        return "UringIO[" + open.size() + " open files]";
    }
}
