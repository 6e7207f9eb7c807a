package io.turso4j.io.nio;

import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;

import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link IO} backend on {@link AsynchronousFileChannel}, for any OS.
 *
 * <p>Each instance owns a fixed pool of platform daemon threads ({@value #THREADS_PROPERTY}
 * of them, by default twice the processor count and at least 4) and opens every channel on
 * it, so the channel runs each transfer and its completion handler on a pool thread; the
 * channel calls that only exist in blocking form (force, truncate, size, tryLock, close) run
 * there as tasks too. Platform threads, not virtual ones, on purpose: a buffered positional
 * read or write blocks its thread in the kernel, and a virtual thread would pin its carrier
 * while it does. The pool size bounds how many transfers are in the kernel at once.
 *
 * <p>Operations complete on their own: {@link #poll()} has nothing to drive. Completion
 * callbacks run on pool threads and must not block.
 *
 * <p>States: open → closed, once, by {@link #close()}, which closes every file still open
 * (their later operations fail) and lets the pool finish what is queued and end. It returns
 * once the pool has ended (unless called from a pool thread), so the files' locks are released
 * and another backend can lock them at once.
 *
 * <p>Thread-safe.
 */
public final class NioIO implements IO {
    /** System property: how many pool threads a new NioIO starts. */
    public static final String THREADS_PROPERTY = "turso4j.nio.threads";

    /** A step run on the pool that may throw what the channel throws. */
    @FunctionalInterface
    interface PoolTask {
        void run() throws IOException;
    }

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ExecutorService pool;
    /** Names this backend's pool threads, so close() can tell it is called from one. */
    private final String threadPrefix;
    private final Set<NioDbFile> openFiles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A backend with the default number of pool threads. */
    public NioIO() {
        this(Integer.getInteger(THREADS_PROPERTY, Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
    }

    /** A backend whose pool has {@code threads} platform threads. */
    public NioIO(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one pool thread, got " + threads);
        }
        threadPrefix = "turso4j-nio-" + INSTANCES.incrementAndGet() + "-";
        pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name(threadPrefix, 0).factory());
    }

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public DbFile open(String path, OpenMode mode) {
        if (closed.get()) {
            throw new IoFailure("open " + path + ": I/O backend is closed", NioFailures.EBADF);
        }
        AsynchronousFileChannel channel;
        try {
            channel = AsynchronousFileChannel.open(Path.of(path), options(mode), pool);
        } catch (IOException | RuntimeException e) {
            throw NioFailures.of("open " + path, e);
        }
        NioDbFile file = new NioDbFile(this, path, channel, mode == OpenMode.READ_ONLY);
        openFiles.add(file);
        if (closed.get()) {
            // close() ran between the check above and the add: it may have missed this file.
            file.close();
            throw new IoFailure("open " + path + ": I/O backend is closed", NioFailures.EBADF);
        }
        return file;
    }

    private static Set<StandardOpenOption> options(OpenMode mode) {
        return switch (mode) {
            case READ_ONLY -> EnumSet.of(StandardOpenOption.READ);
            case READ_WRITE -> EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
            case CREATE -> EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        };
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(Path.of(path));
    }

    @Override
    public void delete(String path) {
        try {
            Files.deleteIfExists(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw NioFailures.of("delete " + path, e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (NioDbFile f : openFiles) {
            f.close();
        }
        pool.shutdown();
        if (!Thread.currentThread().getName().startsWith(threadPrefix)) {
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs {@code task} on the pool; if it throws, or the pool refuses it, {@code c} fails
     * with the reason. The task completes {@code c} itself on success, now or later.
     */
    void execute(Completion c, String what, PoolTask task) {
        Runnable step = () -> {
            try {
                task.run();
            } catch (IOException | RuntimeException e) {
                c.fail(NioFailures.of(what, e));
            }
        };
        if (!tryExecute(step)) {
            c.fail(NioFailures.closed(what));
        }
    }

    /** Runs {@code step} on the pool; false if the pool is shut down. */
    boolean tryExecute(Runnable step) {
        try {
            pool.execute(step);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** {@code file} has closed: the backend's close no longer needs to. */
    void forget(NioDbFile file) {
        openFiles.remove(file);
    }

    @Override
    public String toString() {
        return "NioIO[" + openFiles.size() + " open" + (closed.get() ? ", closed]" : "]");
    }
}
