package io.turso4j.io.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc calls io_uring does not cover for us, reached through the FFM linker: {@code
 * open(2)} (Netty's {@code FileDescriptor.from} opens write-only and truncates), {@code
 * close(2)}, {@code flock(2)}, {@code lseek(2)} for the size, {@code ftruncate(2)} for
 * kernels older than {@code IORING_OP_FTRUNCATE}, {@code preadv2(2)} with {@code
 * RWF_NOWAIT} for reads the OS page cache can serve at once ({@link #preadNoWait}), and
 * {@code pwritev2(2)} and {@code fdatasync(2)} for writes made on a waiting caller's thread
 * ({@link CallerThreadFile}).
 *
 * <p>Every call returns what the kernel would put in a completion: the result when it is
 * non-negative, {@code -errno} when it failed. errno is captured by the linker right after
 * the call, so no other native code can overwrite it in between.
 *
 * <p>Threads: any. Each call allocates its errno slot in a confined arena of its own, except
 * {@link #preadNoWait}, {@link #pwritev2} and {@link #fdatasync}, which are on the read and
 * commit paths and reuse a per-thread scratch area.
 */
@SuppressWarnings("restricted") // downcalls are the point; the JVM runs with --enable-native-access
final class Libc {
    // errno values (asm-generic/errno-base.h), as positive numbers.
    static final int ENOENT = 2;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EINVAL = 22;
    static final int ENOSYS = 38;
    static final int EOPNOTSUPP = 95;

    // open(2) flags (asm-generic/fcntl.h, x86-64 and arm64 agree).
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_CLOEXEC = 02000000;

    // flock(2) operations.
    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;
    static final int LOCK_UN = 8;

    /** preadv2(2) flag: fail with EAGAIN rather than wait for the disk (linux/fs.h). */
    private static final int RWF_NOWAIT = 0x00000008;
    private static final int SEEK_END = 2;
    private static final int CREATE_MODE = 0644;

    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(StructLayout.PathElement.groupElement("errno"));

    private static final MethodHandle OPEN;
    private static final MethodHandle CLOSE;
    private static final MethodHandle FLOCK;
    private static final MethodHandle LSEEK;
    private static final MethodHandle FTRUNCATE;
    private static final MethodHandle PREADV2;
    private static final MethodHandle PWRITEV2;
    private static final MethodHandle FDATASYNC;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static {
        Linker linker = Linker.nativeLinker();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        var libc = linker.defaultLookup();
        ValueLayout.OfInt i = ValueLayout.JAVA_INT;
        ValueLayout.OfLong l = ValueLayout.JAVA_LONG;
        OPEN = linker.downcallHandle(libc.findOrThrow("open"),
                FunctionDescriptor.of(i, ValueLayout.ADDRESS, i, i), errno, Linker.Option.firstVariadicArg(2));
        CLOSE = linker.downcallHandle(libc.findOrThrow("close"), FunctionDescriptor.of(i, i), errno);
        FLOCK = linker.downcallHandle(libc.findOrThrow("flock"), FunctionDescriptor.of(i, i, i), errno);
        LSEEK = linker.downcallHandle(libc.findOrThrow("lseek"), FunctionDescriptor.of(l, i, l, i), errno);
        FTRUNCATE = linker.downcallHandle(libc.findOrThrow("ftruncate"), FunctionDescriptor.of(i, i, l), errno);
        // critical: the call never waits (RWF_NOWAIT), so it may skip the thread-state switch.
        PREADV2 = linker.downcallHandle(libc.findOrThrow("preadv2"),
                FunctionDescriptor.of(l, i, ValueLayout.ADDRESS, i, l, i), errno, Linker.Option.critical(false));
        // not critical: both wait for the disk, and the JVM must see the thread as in native code meanwhile
        PWRITEV2 = linker.downcallHandle(libc.findOrThrow("pwritev2"),
                FunctionDescriptor.of(l, i, ValueLayout.ADDRESS, i, l, i), errno);
        FDATASYNC = linker.downcallHandle(libc.findOrThrow("fdatasync"), FunctionDescriptor.of(i, i), errno);
    }

    private Libc() {}

    /** Opens {@code path} read-only, or read-write (creating it when {@code create}); close-on-exec. */
    static int open(String path, boolean writable, boolean create) {
        int flags = (writable ? O_RDWR : O_RDONLY) | (create ? O_CREAT : 0) | O_CLOEXEC;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cPath = arena.allocateFrom(path);
            return (int) call("open", s -> (int) OPEN.invokeExact(s, cPath, flags, CREATE_MODE));
        }
    }

    static int close(int fd) {
        return (int) call("close", s -> (int) CLOSE.invokeExact(s, fd));
    }

    /** flock(2): never waits when {@code operation} carries {@link #LOCK_NB}. */
    static int flock(int fd, int operation) {
        return (int) call("flock", s -> (int) FLOCK.invokeExact(s, fd, operation));
    }

    /**
     * The file's length: {@code lseek(fd, 0, SEEK_END)}. Moving the file offset is harmless
     * because every read and write names its own position.
     */
    static long size(int fd) {
        return call("lseek", s -> (long) LSEEK.invokeExact(s, fd, 0L, SEEK_END));
    }

    static int ftruncate(int fd, long length) {
        return (int) call("ftruncate", s -> (int) FTRUNCATE.invokeExact(s, fd, length));
    }

    /**
     * Reads {@code len} bytes at {@code pos} into native memory at {@code address} only if the
     * kernel can do it without waiting for the disk: {@code preadv2(fd, iov, 1, pos,
     * RWF_NOWAIT)}. Returns the count read (possibly short: part of the range was not cached,
     * or end of file), or {@code -errno}: {@code -EAGAIN} when the data is not in the page
     * cache, {@code -EOPNOTSUPP} (or {@code -ENOSYS}/{@code -EINVAL} on old kernels) when the
     * file system cannot honour the flag.
     */
    static long preadNoWait(int fd, long address, int len, long pos) {
        Scratch s = SCRATCH.get();
        s.iov.set(ValueLayout.JAVA_LONG, 0, address);
        s.iov.set(ValueLayout.JAVA_LONG, 8, len);
        try {
            long r = (long) PREADV2.invokeExact(s.state, fd, s.iov, 1, pos, RWF_NOWAIT);
            return r >= 0 ? r : -errno(s.state);
        } catch (Throwable t) {
            throw new LinkageError("preadv2(2) downcall failed", t);
        }
    }

    /**
     * Writes {@code lengths[i]} bytes from native memory at {@code addresses[i]}, for {@code i}
     * from {@code first} on, back to back at {@code pos}, skipping the first {@code skip} bytes
     * of buffer {@code first}: {@code pwritev2(fd, iov, n, pos, flags)}, waiting for the disk
     * if it must. Returns the count written (possibly short), or {@code -errno}.
     */
    static long pwritev2(int fd, long[] addresses, int[] lengths, int first, int skip, long pos, int flags) {
        Scratch s = SCRATCH.get();
        int n = addresses.length - first;
        MemorySegment iov = s.iovs(n);
        for (int i = 0; i < n; i++) {
            int at = first + i;
            int gone = i == 0 ? skip : 0;
            iov.set(ValueLayout.JAVA_LONG, 16L * i, addresses[at] + gone);
            iov.set(ValueLayout.JAVA_LONG, 16L * i + 8, lengths[at] - gone);
        }
        try {
            long r = (long) PWRITEV2.invokeExact(s.state, fd, iov, n, pos, flags);
            return r >= 0 ? r : -errno(s.state);
        } catch (Throwable t) {
            throw new LinkageError("pwritev2(2) downcall failed", t);
        }
    }

    /** fdatasync(2): 0, or {@code -errno}. */
    static int fdatasync(int fd) {
        Scratch s = SCRATCH.get();
        try {
            int r = (int) FDATASYNC.invokeExact(s.state, fd);
            return r >= 0 ? r : -errno(s.state);
        } catch (Throwable t) {
            throw new LinkageError("fdatasync(2) downcall failed", t);
        }
    }

    /** One thread's iovecs and errno slot for the calls on hot paths; freed by the GC with it. */
    private static final class Scratch {
        final MemorySegment state = Arena.ofAuto().allocate(CAPTURE);
        MemorySegment iov = Arena.ofAuto().allocate(16, 8);

        /** Room for {@code n} iovecs, grown as needed: a commit writes up to a chunk of frames at once. */
        MemorySegment iovs(int n) {
            if (iov.byteSize() < 16L * n) {
                iov = Arena.ofAuto().allocate(16L * Math.max(n, 2 * (iov.byteSize() / 16)), 8);
            }
            return iov;
        }
    }

    /** One downcall taking the errno capture segment first; -1 from libc means "see errno". */
    @FunctionalInterface
    private interface Downcall {
        long invoke(MemorySegment errnoState) throws Throwable;
    }

    private static long call(String name, Downcall downcall) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            long r = downcall.invoke(state);
            return r >= 0 ? r : -errno(state);
        } catch (Throwable t) {
            // Only a broken link (wrong signature, missing native access) lands here.
            throw new LinkageError(name + "(2) downcall failed", t);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }
}
