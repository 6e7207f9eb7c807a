package io.turso4j.benchmarks.io;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The OS page cache's view of one file: drops its pages ({@code posix_fadvise(POSIX_FADV_DONTNEED)},
 * what {@code fio --invalidate=1} does) and tells which of them are cached ({@code mincore(2)}
 * on a read-only shared mapping of the file, which never faults a page in), so a benchmark can
 * both make its reads cold and prove they were.
 *
 * <p>Threads: one at a time (the benchmark's setup and teardown thread).
 */
@SuppressWarnings("restricted") // downcalls are the point; the JVM runs with --enable-native-access
final class PageCache implements AutoCloseable {
    static final int PAGE = 4096;
    private static final int O_RDONLY = 0;
    private static final int POSIX_FADV_DONTNEED = 4;
    private static final int PROT_READ = 1;
    private static final int MAP_SHARED = 1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = downcall("open",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle FADVISE = downcall("posix_fadvise",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle MMAP = downcall("mmap",
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle MINCORE = downcall("mincore",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.ADDRESS));
    private static final MethodHandle MUNMAP = downcall("munmap",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle CLOSE = downcall("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private final Path file;
    private final long size;
    private final int fd;
    private final MemorySegment mapping;
    private final Arena arena = Arena.ofConfined();
    /** mincore's answer: one byte per page, bit 0 set when the page is cached. */
    private final MemorySegment residency;

    /** Opens {@code file}, whose length is {@code size}, a multiple of {@link #PAGE}. */
    PageCache(Path file, long size) {
        this.file = file;
        this.size = size;
        this.residency = arena.allocate(size / PAGE);
        try {
            fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_RDONLY);
            if (fd < 0) {
                throw new IllegalStateException("open failed for " + file);
            }
            mapping = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, size, PROT_READ, MAP_SHARED, fd, 0L);
            if (mapping.address() == -1L) {
                throw new IllegalStateException("mmap failed for " + file);
            }
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Evicts every clean cached page of the file. */
    void drop() {
        try {
            int rc = (int) FADVISE.invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED);
            if (rc != 0) {
                throw new IllegalStateException("posix_fadvise failed for " + file + ": " + rc);
            }
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Takes a fresh snapshot of which pages are cached; read it with {@link #cached}. */
    void snapshot() {
        try {
            if ((int) MINCORE.invokeExact(mapping, size, residency) != 0) {
                throw new IllegalStateException("mincore failed for " + file);
            }
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Whether the page holding byte {@code offset} was cached at the last {@link #snapshot}. */
    boolean cached(long offset) {
        return (residency.get(ValueLayout.JAVA_BYTE, offset / PAGE) & 1) != 0;
    }

    /** How many pages of the file were cached at the last {@link #snapshot}. */
    long cachedPages() {
        long n = 0;
        for (long p = 0; p < size / PAGE; p++) {
            n += residency.get(ValueLayout.JAVA_BYTE, p) & 1;
        }
        return n;
    }

    @Override
    public void close() {
        try {
            int unmapped = (int) MUNMAP.invokeExact(mapping, size);
            int closed = (int) CLOSE.invokeExact(fd);
            if (unmapped != 0 || closed != 0) {
                throw new IllegalStateException("munmap/close failed for " + file);
            }
        } catch (Throwable t) {
            throw unchecked(t);
        } finally {
            arena.close();
        }
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... options) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), fd, options);
    }

    private static RuntimeException unchecked(Throwable t) {
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
