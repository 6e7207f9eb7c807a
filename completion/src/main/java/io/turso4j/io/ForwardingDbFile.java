package io.turso4j.io;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;

/**
 * A {@link DbFile} that hands every operation to another: the base of files that do a few
 * operations their own way (a backend's file for a waiting caller, a test's file that counts
 * or fails some operations). {@link #forWaitingCaller()} is not forwarded: it is this file,
 * unless a subclass says otherwise, so that what the subclass changes still applies.
 * Thread-safe if the delegate is.
 */
public abstract class ForwardingDbFile implements DbFile {
    private final DbFile delegate;

    protected ForwardingDbFile(DbFile delegate) {
        this.delegate = delegate;
    }

    @Override
    public String path() {
        return delegate.path();
    }

    @Override
    public Completion read(long pos, Buffer buf, int off, int len) {
        return delegate.read(pos, buf, off, len);
    }

    @Override
    public Completion write(long pos, Buffer buf, int off, int len) {
        return delegate.write(pos, buf, off, len);
    }

    @Override
    public boolean readsAheadPay() {
        return delegate.readsAheadPay();
    }

    @Override
    public Completion write(long pos, Buffer... bufs) {
        return delegate.write(pos, bufs);
    }

    @Override
    public Completion writeDurably(long pos, Buffer buf, int off, int len) {
        return delegate.writeDurably(pos, buf, off, len);
    }

    @Override
    public Completion sync() {
        return delegate.sync();
    }

    @Override
    public Completion truncate(long length) {
        return delegate.truncate(length);
    }

    @Override
    public Completion size() {
        return delegate.size();
    }

    @Override
    public Completion lock() {
        return delegate.lock();
    }

    @Override
    public Completion unlock() {
        return delegate.unlock();
    }

    @Override
    public Completion close() {
        return delegate.close();
    }
}
