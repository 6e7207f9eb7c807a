package io.turso4j.io.memory;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;

import java.lang.foreign.MemorySegment;

/**
 * A handle on a {@link MemoryFile}. Every operation runs on the caller's thread and returns
 * a completion that is already done. After {@link #close()} (or the backend's close) every
 * operation, a second close included, fails with EBADF; a read-only handle's writes,
 * truncates and syncs fail with EBADF as well.
 *
 * <p>Threads: any thread; operations on one file serialise on its guard.
 */
final class MemoryDbFile implements DbFile {
    private final MemoryIO io;
    private final String path;
    private final MemoryFile file;
    private final boolean readOnly;
    private volatile boolean closed;

    MemoryDbFile(MemoryIO io, String path, MemoryFile file, boolean readOnly) {
        this.io = io;
        this.path = path;
        this.file = file;
        this.readOnly = readOnly;
    }

    @Override
    public String path() {
        return path;
    }

    /** Every read completes at once on the caller's thread. */
    @Override
    public boolean readsAheadPay() {
        return false;
    }

    @Override
    public Completion read(long pos, Buffer buf, int off, int len) {
        DbFile.checkRange(pos, buf, off, len);
        IoFailure refused = refuse("read", false);
        if (refused != null) {
            return Completion.failed(refused);
        }
        MemorySegment dst = buf.segment();
        file.guard.lock();
        try {
            return Completion.succeeded(file.bytes.read(pos, dst, off, len));
        } finally {
            file.guard.unlock();
        }
    }

    @Override
    public Completion write(long pos, Buffer buf, int off, int len) {
        DbFile.checkRange(pos, buf, off, len);
        IoFailure refused = refuse("write", true);
        if (refused != null) {
            return Completion.failed(refused);
        }
        MemorySegment src = buf.segment();
        file.guard.lock();
        try {
            file.bytes.write(pos, src, off, len);
            return Completion.succeeded(len);
        } catch (IoFailure e) {
            return Completion.failed(e);
        } finally {
            file.guard.unlock();
        }
    }

    @Override
    public Completion write(long pos, Buffer... bufs) {
        if (pos < 0) {
            throw new IllegalArgumentException("negative file position: " + pos);
        }
        IoFailure refused = refuse("write", true);
        if (refused != null) {
            return Completion.failed(refused);
        }
        MemorySegment[] srcs = new MemorySegment[bufs.length];
        for (int i = 0; i < bufs.length; i++) {
            srcs[i] = bufs[i].segment();
        }
        file.guard.lock();
        try {
            long at = pos;
            for (MemorySegment src : srcs) {
                file.bytes.write(at, src, 0, (int) src.byteSize());
                at += src.byteSize();
            }
            return Completion.succeeded(at - pos);
        } catch (IoFailure e) {
            return Completion.failed(e);
        } finally {
            file.guard.unlock();
        }
    }

    @Override
    public Completion sync() {
        IoFailure refused = refuse("sync", true);
        return refused != null ? Completion.failed(refused) : Completion.succeeded(0);
    }

    @Override
    public Completion truncate(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative file length: " + length);
        }
        IoFailure refused = refuse("truncate", true);
        if (refused != null) {
            return Completion.failed(refused);
        }
        file.guard.lock();
        try {
            file.bytes.truncate(length);
            return Completion.succeeded(0);
        } catch (IoFailure e) {
            return Completion.failed(e);
        } finally {
            file.guard.unlock();
        }
    }

    @Override
    public Completion size() {
        IoFailure refused = refuse("size", false);
        if (refused != null) {
            return Completion.failed(refused);
        }
        file.guard.lock();
        try {
            return Completion.succeeded(file.bytes.length());
        } finally {
            file.guard.unlock();
        }
    }

    @Override
    public Completion lock() {
        IoFailure refused = refuse("lock", false);
        if (refused != null) {
            return Completion.failed(refused);
        }
        file.guard.lock();
        try {
            if (file.lockOwner != null && file.lockOwner != this) {
                return Completion.failed(new IoFailure("lock on " + path + " is held by another owner", IoFailure.EAGAIN));
            }
            file.lockOwner = this;
            return Completion.succeeded(0);
        } finally {
            file.guard.unlock();
        }
    }

    @Override
    public Completion unlock() {
        IoFailure refused = refuse("unlock", false);
        if (refused != null) {
            return Completion.failed(refused);
        }
        dropLock();
        return Completion.succeeded(0);
    }

    @Override
    public Completion close() {
        IoFailure refused = refuse("close", false);
        if (refused != null) {
            return Completion.failed(refused);
        }
        closed = true;
        dropLock();
        return Completion.succeeded(0);
    }

    private void dropLock() {
        file.guard.lock();
        try {
            if (file.lockOwner == this) {
                file.lockOwner = null;
            }
        } finally {
            file.guard.unlock();
        }
    }

    /** Why {@code op} cannot run on this handle now, or null if it can. */
    private IoFailure refuse(String op, boolean writes) {
        if (closed || io.isClosed()) {
            return new IoFailure(op + " on closed file " + path, IoFailure.EBADF);
        }
        if (writes && readOnly) {
            return new IoFailure(op + " on read-only file " + path, IoFailure.EBADF);
        }
        return null;
    }

    @Override
    public String toString() {
        return "MemoryDbFile[" + path + (closed ? ", closed" : "") + "]";
    }
}
