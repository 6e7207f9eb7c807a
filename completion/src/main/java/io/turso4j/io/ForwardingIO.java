package io.turso4j.io;

import java.util.random.RandomGenerator;

/**
 * An {@link IO} that hands every call to another: the base of decorators that watch or change
 * a few calls (a test that counts the polls made from inside the engine, a backend kept open
 * past a database's close). Thread-safe if the delegate is.
 */
public abstract class ForwardingIO implements IO {
    private final IO delegate;

    protected ForwardingIO(IO delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public DbFile open(String path, OpenMode mode) {
        return delegate.open(path, mode);
    }

    @Override
    public boolean exists(String path) {
        return delegate.exists(path);
    }

    @Override
    public void delete(String path) {
        delegate.delete(path);
    }

    @Override
    public int poll() {
        return delegate.poll();
    }

    @Override
    public boolean completesOnlyByPolling() {
        return delegate.completesOnlyByPolling();
    }

    @Override
    public long currentTimeMillis() {
        return delegate.currentTimeMillis();
    }

    @Override
    public RandomGenerator random() {
        return delegate.random();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
