package io.turso4j;

import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.pager.PagerOpening;
import io.turso4j.storage.pager.SharedPager;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import io.turso4j.schema.Schema;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.btree.PagerBTree;
import io.turso4j.storage.pager.Pager;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database file opened by this process (or an in-memory database for {@code ":memory:"}),
 * shared by its connections. Thread-safe: connections may be made and closed from any thread.
 *
 * <p>Opening and closing are blocking calls of the caller's thread: they drive the storage's
 * resumable open and close ({@link PagerOpening}, {@link SharedPager#close()}) and await each
 * pending completion themselves (polling backends that need driving), so nothing inside the
 * engine ever waits. {@code ":memory:"} (and {@code ""}) is a file of a private {@code memory}
 * backend.
 */
public final class Database implements AutoCloseable {
    private final String path;
    private final IO io;
    private final SharedPager shared;
    private final FunctionRegistry functions;
    private final DatabaseOptions options;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    /** The newest committed schema any connection has read; where a new connection starts from. */
    private final AtomicReference<Schema> schema;
    private volatile boolean closed;

    private Database(String path, IO io, SharedPager shared, FunctionRegistry functions, DatabaseOptions options,
            Schema schema) {
        this.path = path;
        this.schema = new AtomicReference<>(schema);
        this.options = options;
        this.io = io;
        this.shared = shared;
        this.functions = functions;
    }

    /** Opens (creating if missing) the database at {@code path} on the platform's default I/O backend. */
    public static Database open(String path) {
        return open(path, DatabaseOptions.defaults());
    }

    /** Opens the database at {@code path}; {@code ":memory:"} is a private in-memory database. */
    public static Database open(String path, DatabaseOptions options) {
        boolean memory = path.equals(":memory:") || path.isEmpty();
        IO io;
        try {
            io = IoBackends.open(memory && options.io() == null ? "memory" : options.io());
        } catch (IoFailure e) {
            throw new SqliteException(ResultCode.CANTOPEN, "unable to open database file", e);
        }
        return open(path, memory ? "memory.db" : path, io, options);
    }

    /**
     * Opens (creating if missing) the database at {@code path} on a given I/O backend, which the
     * database takes over and closes when it closes. This is how a test runs the engine on a
     * {@link io.turso4j.io.sim.SimulatedIO} it drives itself. The blocking calls (opening,
     * closing) await their I/O by polling {@code io} on
     * the caller's thread, as with {@link #open(String)}; stepping never waits: {@link
     * Statement#step()} returns {@link StepResult#IO} and the caller completes the I/O.
     */
    public static Database open(String path, IO io) {
        return open(path, path, io, DatabaseOptions.defaults());
    }

    private static Database open(String path, String file, IO io, DatabaseOptions options) {
        boolean readOnly = options.readOnly();
        try {
            PagerOpening opening = readOnly ? SharedPager.openReadOnly(io, file) : SharedPager.open(io, file);
            SharedPager shared = null;
            while (shared == null) {
                try {
                    shared = opening.step();
                } catch (IoPending p) {
                    await(io, p.completion());
                }
            }
            Database db = new Database(path, io, shared, FunctionRegistry.builtins(), options, readSchema(io, shared));
            OpenFiles.opened(db);
            return db;
        } catch (RuntimeException e) {
            io.close();
            throw e;
        }
    }

    /**
     * The schema as the file has it now, read while opening (a blocking call), so that a
     * connection's first prepare already has a schema to compile against and does no I/O.
     */
    private static Schema readSchema(IO io, SharedPager shared) {
        Pager pager = shared.newPager();
        try {
            pager.beginRead();
            try {
                BTree btree = new PagerBTree(pager);
                SchemaReader reader = null;
                for (;;) {
                    try {
                        reader = reader != null ? reader : new SchemaReader(btree, pager, btree.meta(1));
                        return reader.step();
                    } catch (IoPending p) {
                        await(io, p.completion());
                    }
                }
            } finally {
                pager.endRead();
            }
        } finally {
            pager.close();
        }
    }

    /** The newest committed schema known to this database's connections (no I/O). */
    Schema schema() {
        return schema.get();
    }

    /**
     * A connection read (or committed) {@code s}: it becomes where new connections start, unless
     * a newer schema (a higher cookie: committed schema changes only ever raise it) is known.
     */
    void publish(Schema s) {
        schema.accumulateAndGet(s, (old, candidate) -> candidate.cookie() >= old.cookie() ? candidate : old);
    }

    /**
     * Waits on the caller's thread for {@code c}: parks until it completes, or, with a backend
     * that completes operations only in {@link IO#poll()} (the simulator), drives it. The park
     * has no timeout: a timed one woke the thread every millisecond of a slow fsync.
     */
    static void await(IO io, Completion c) {
        try {
            if (!io.completesOnlyByPolling()) {
                c.await();
                return;
            }
            while (!c.isDone()) {
                if (io.poll() == 0) {
                    awaitBriefly(c); // another thread may be the one polling
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqliteException(ResultCode.INTERRUPT, "interrupted");
        }
    }

    private static void awaitBriefly(Completion c) throws InterruptedException {
        try {
            c.await(Duration.ofMillis(1));
        } catch (TimeoutException e) {
            // poll again
        }
    }

    /** A new connection. Each connection is used by one thread at a time. */
    public Connection connect() {
        if (closed) {
            throw new SqliteException(ResultCode.MISUSE, "database is closed");
        }
        Connection c = new Connection(this, shared.newPager());
        connections.add(c);
        return c;
    }

    /** A pager of its own on this file: a connection's view of it as its temp or an attached database. */
    io.turso4j.storage.pager.Pager newPager() {
        return shared.newPager();
    }

    /** The path given to {@link #open}. */
    public String path() {
        return path;
    }

    DatabaseOptions options() {
        return options;
    }

    /** Whether this is a private in-memory database ({@code ":memory:"} or {@code ""}). */
    boolean isMemory() {
        return path.equals(":memory:") || path.isEmpty();
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
        OpenFiles.closed(this);
        for (Connection c : connections) {
            c.close();
        }
        try {
            for (;;) {
                try {
                    shared.close();
                    break;
                } catch (IoPending p) {
                    await(io, p.completion());
                }
            }
        } finally {
            io.close();
        }
    }
}
