package io.turso4j.io.nio;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link DbFile} on an {@link AsynchronousFileChannel} whose handlers run on its {@link
 * NioIO}'s pool. Reads and writes go through the channel's completion handlers ({@link
 * ReadOp}, {@link WriteOp}); the calls the channel only offers synchronously (force, truncate,
 * size, tryLock, close) run as tasks on the same pool. The issuing thread never waits.
 *
 * <p>Lock: the whole file, taken with {@code tryLock} so a held lock is refused at once with
 * EAGAIN, never waited for. The JVM refuses a second lock on one file from any channel with
 * {@link OverlappingFileLockException}, which makes it exclusive within the process; the OS
 * makes it exclusive against other processes. A file opened read-only takes a shared OS lock
 * (POSIX refuses exclusive locks on read-only descriptors): it still excludes every owner in
 * this process and every writer elsewhere.
 *
 * <p>States: open → closed, once, by {@link #close()} (or by its {@link NioIO} closing). An
 * operation issued after close fails with EBADF; one in flight at close fails with the
 * channel's close exception.
 *
 * <p>Threads: any thread may call anything.
 */
final class NioDbFile implements DbFile {
    /** The signature of the channel calls that only exist in blocking form. */
    @FunctionalInterface
    private interface ChannelCall {
        long run() throws IOException;
    }

    private final NioIO io;
    private final String path;
    private final AsynchronousFileChannel channel;
    private final boolean readOnly;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * Serialises this owner's lock, unlock and close, which run on different pool threads:
     * two overlapping lock() calls must not turn into two tryLocks, the second refused as if
     * by a stranger. Held only around tryLock and release, which never wait.
     */
    private final ReentrantLock lockGuard = new ReentrantLock();
    /** The OS lock while this owner holds it; guarded by {@link #lockGuard}. */
    private FileLock lock;

    NioDbFile(NioIO io, String path, AsynchronousFileChannel channel, boolean readOnly) {
        this.io = io;
        this.path = path;
        this.channel = channel;
        this.readOnly = readOnly;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Completion read(long pos, Buffer buf, int off, int len) {
        checkRange(pos, buf, off, len);
        if (closed.get()) {
            return Completion.failed(NioFailures.closed("read " + path));
        }
        Completion c = new Completion();
        new ReadOp(channel, path, pos, buf, off, len, c).start();
        return c;
    }

    @Override
    public Completion write(long pos, Buffer buf, int off, int len) {
        checkRange(pos, buf, off, len);
        ByteBuffer[] parts = {buf.segment().asSlice(off, len).asByteBuffer()};
        return write(pos, parts, new Buffer[] {buf});
    }

    /** One pool task chain: the write, then fdatasync on the pool thread that finished it. */
    @Override
    public Completion writeDurably(long pos, Buffer buf, int off, int len) {
        checkRange(pos, buf, off, len);
        if (closed.get()) {
            return Completion.failed(NioFailures.closed("write " + path));
        }
        Completion c = new Completion();
        ByteBuffer[] parts = {buf.segment().asSlice(off, len).asByteBuffer()};
        new WriteOp(channel, path, pos, parts, new Buffer[] {buf}, c, true).start();
        return c;
    }

    @Override
    public Completion write(long pos, Buffer... bufs) {
        checkOffset(pos);
        ByteBuffer[] parts = new ByteBuffer[bufs.length];
        for (int i = 0; i < bufs.length; i++) {
            parts[i] = bufs[i].segment().asByteBuffer();
        }
        return write(pos, parts, bufs.clone());
    }

    private Completion write(long pos, ByteBuffer[] parts, Buffer[] bufs) {
        if (closed.get()) {
            return Completion.failed(NioFailures.closed("write " + path));
        }
        Completion c = new Completion();
        new WriteOp(channel, path, pos, parts, bufs, c).start();
        return c;
    }

    @Override
    public Completion sync() {
        return onPool("sync", () -> {
            channel.force(false);
            return 0;
        });
    }

    @Override
    public Completion truncate(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        if (closed.get()) {
            return Completion.failed(NioFailures.closed("truncate " + path));
        }
        Completion c = new Completion();
        io.execute(c, "truncate " + path, () -> {
            long size = channel.size();
            if (length < size) {
                channel.truncate(length);
                c.complete(0);
            } else if (length > size) {
                grow(length, c);
            } else {
                c.complete(0);
            }
        });
        return c;
    }

    /**
     * Extends the file to {@code length} by writing its last byte (the channel's truncate only
     * shrinks); the bytes between read as zeros. A write landing past the old end while this
     * runs may be overtaken, as for any two unordered operations on one file.
     */
    private void grow(long length, Completion c) {
        Buffer zero = Buffer.allocate(1);
        zero.segment().fill((byte) 0);
        Completion w = new Completion();
        w.onComplete(done -> {
            if (done.isSucceeded()) {
                c.complete(0);
            } else {
                c.fail(NioFailures.of("truncate " + path + " to " + length, done.failure()));
            }
        });
        new WriteOp(channel, path, length - 1, new ByteBuffer[] {zero.segment().asByteBuffer()}, new Buffer[] {zero}, w).start();
    }

    @Override
    public Completion size() {
        return onPool("size", channel::size);
    }

    @Override
    public Completion lock() {
        return onPool("lock", () -> {
            lockGuard.lock();
            try {
                if (lock != null && lock.isValid()) {
                    return 0; // this owner has it already
                }
                FileLock taken;
                try {
                    taken = channel.tryLock(0, Long.MAX_VALUE, readOnly);
                } catch (OverlappingFileLockException e) {
                    throw NioFailures.lockHeld("lock " + path, "another owner in this process");
                }
                if (taken == null) {
                    throw NioFailures.lockHeld("lock " + path, "another process");
                }
                lock = taken;
                return 0;
            } finally {
                lockGuard.unlock();
            }
        });
    }

    @Override
    public Completion unlock() {
        return onPool("unlock", () -> {
            releaseLock();
            return 0;
        });
    }

    private void releaseLock() throws IOException {
        lockGuard.lock();
        try {
            if (lock != null) {
                FileLock held = lock;
                lock = null;
                held.release();
            }
        } finally {
            lockGuard.unlock();
        }
    }

    /**
     * Closes the channel on the pool: the channel's close waits for transfers in progress, a
     * wait the caller must not make. If the pool is already shut down the close runs here,
     * with nothing left in flight to wait for.
     */
    @Override
    public Completion close() {
        if (!closed.compareAndSet(false, true)) {
            return Completion.succeeded(0);
        }
        io.forget(this);
        Completion c = new Completion();
        Runnable closeNow = () -> {
            try {
                releaseLock();
                channel.close();
                c.complete(0);
            } catch (IOException | RuntimeException e) {
                c.fail(NioFailures.of("close " + path, e));
            }
        };
        if (!io.tryExecute(closeNow)) {
            closeNow.run();
        }
        return c;
    }

    /** Runs a blocking channel call on the pool; its result or exception completes the op. */
    private Completion onPool(String op, ChannelCall call) {
        String what = op + " " + path;
        if (closed.get()) {
            return Completion.failed(NioFailures.closed(what));
        }
        Completion c = new Completion();
        io.execute(c, what, () -> c.complete(call.run()));
        return c;
    }

    /** Bad arguments are the caller's bug, thrown at once rather than reported as I/O errors. */
    private static void checkRange(long pos, Buffer buf, int off, int len) {
        checkOffset(pos);
        Objects.checkFromIndexSize(off, len, buf.size());
    }

    private static void checkOffset(long pos) {
        if (pos < 0) {
            throw new IllegalArgumentException("negative file offset " + pos);
        }
    }

    @Override
    public String toString() {
        return "NioDbFile[" + path + (closed.get() ? ", closed]" : "]");
    }
}
