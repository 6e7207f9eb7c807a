package io.turso4j;

/**
 * One database file opened by this process (or an in-memory database for {@code ":memory:"}),
 * shared by its connections. Thread-safe.
 *
 * <p>SKELETON: the signatures are the API seam; the bodies come with the VM.
 */
public final class Database implements AutoCloseable {
    private Database() {}

    /** Opens (creating if missing) the database at {@code path} on the platform's default I/O backend. */
    public static Database open(String path) {
        return open(path, DatabaseOptions.defaults());
    }

    /** Opens the database at {@code path}; {@code ":memory:"} is a private in-memory database. */
    public static Database open(String path, DatabaseOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A new connection. Each connection is used by one thread at a time. */
    public Connection connect() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Closes every connection, checkpoints and removes the WAL, releases the file lock. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
