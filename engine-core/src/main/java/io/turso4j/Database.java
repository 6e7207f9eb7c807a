package io.turso4j;

import io.turso4j.completion.IoFailure;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database file opened by this process (or an in-memory database for {@code ":memory:"}),
 * shared by its connections. Thread-safe: connections may be made and closed from any thread.
 *
 * <p>Storage is not wired in yet: {@code ":memory:"} (and {@code ""}) open a database with no
 * tables, which runs every statement that reads no table; any other path fails with
 * SQLITE_CANTOPEN "unable to open database file" until the B-tree layer lands.
 */
public final class Database implements AutoCloseable {
    private final String path;
    private final IO io;
    private final FunctionRegistry functions;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Database(String path, IO io, FunctionRegistry functions) {
        this.path = path;
        this.io = io;
        this.functions = functions;
    }

    /** Opens (creating if missing) the database at {@code path} on the platform's default I/O backend. */
    public static Database open(String path) {
        return open(path, DatabaseOptions.defaults());
    }

    /** Opens the database at {@code path}; {@code ":memory:"} is a private in-memory database. */
    public static Database open(String path, DatabaseOptions options) {
        if (!path.equals(":memory:") && !path.isEmpty()) {
            throw new SqliteException(ResultCode.CANTOPEN, "unable to open database file");
        }
        IO io;
        try {
            io = IoBackends.open(options.io() != null ? options.io() : "memory");
        } catch (IoFailure e) {
            throw new SqliteException(ResultCode.CANTOPEN, "unable to open database file", e);
        }
        return new Database(path, io, FunctionRegistry.builtins());
    }

    /** A new connection. Each connection is used by one thread at a time. */
    public Connection connect() {
        if (closed) {
            throw new SqliteException(ResultCode.MISUSE, "database is closed");
        }
        Connection c = new Connection(this);
        connections.add(c);
        return c;
    }

    /** The path given to {@link #open}. */
    public String path() {
        return path;
    }

    IO io() {
        return io;
    }

    FunctionRegistry functions() {
        return functions;
    }

    void forget(Connection c) {
        connections.remove(c);
    }

    /** Closes every connection, checkpoints and removes the WAL, releases the file lock. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Connection c : connections) {
            c.close();
        }
        io.close();
    }
}
