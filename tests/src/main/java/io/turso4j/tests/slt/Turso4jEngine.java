package io.turso4j.tests.slt;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.DatabaseOptions;
import io.turso4j.Statement;
import io.turso4j.completion.Completion;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * turso4j under test through the public API ({@link Database}, {@link Connection}, {@link
 * Statement}). Statements are run with the non-blocking {@link Statement#step()}; when it
 * returns {@link io.turso4j.StepResult#IO} the adapter hands {@link Statement#pendingIo()} to
 * the engine's {@link Io}, which decides how the I/O gets done: by default each database is a
 * private {@code :memory:} one (whose I/O completes inline), and a test may supply an {@code
 * Io} whose disk completes nothing until it is polled.
 *
 * <p>Storage classes come from {@link Statement#columnType(int)}, values from the typed getters
 * (text as its UTF-8 bytes). turso4j has no way yet to interrupt a running statement, so {@link
 * SltDatabase#interrupt()} is the no-op default: a file that overruns its limit is reported as
 * timed out, and its thread runs on until the statement ends.
 */
public final class Turso4jEngine implements SltEngine {

    /**
     * Where one database lives and how its pending I/O gets done. Called from the thread
     * running the file.
     */
    public interface Io {
        /** Opens a fresh, empty database (a blocking call of the API). */
        Database open();

        /** Returns once {@code pending}, which a step reported, is complete. */
        void complete(Completion pending);

        /** Closes {@code database} (a blocking call of the API: it checkpoints). */
        void close(Database database);
    }

    private final Supplier<Io> ios;

    /** Each database a private {@code :memory:} one. */
    public Turso4jEngine() {
        this(InMemory::new);
    }

    /** Each database opened by a new {@link Io} from {@code ios}. */
    public Turso4jEngine(Supplier<Io> ios) {
        this.ios = ios;
    }

    @Override
    public String name() {
        return "turso4j";
    }

    @Override
    public SltDatabase openDatabase() throws SltEngineException {
        Io io = ios.get();
        try {
            Database db = io.open();
            return new Turso4jDatabase(io, db, db.connect());
        } catch (SqliteException e) {
            throw new SltEngineException("cannot open a turso4j database: " + e.getMessage(), e);
        }
    }

    /** A private {@code :memory:} database; its I/O is done before a step returns. */
    private static final class InMemory implements Io {
        @Override
        public Database open() {
            return Database.open(":memory:", DatabaseOptions.defaults());
        }

        @Override
        public void complete(Completion pending) {
            pending.awaitUninterruptibly();
        }

        @Override
        public void close(Database database) {
            database.close();
        }
    }

    /** One connection; used by one thread. */
    private static final class Turso4jDatabase implements SltDatabase {
        private final Io io;
        private final Database database;
        private final Connection connection;

        Turso4jDatabase(Io io, Database database, Connection connection) {
            this.io = io;
            this.database = database;
            this.connection = connection;
        }

        /** Steps to the next row (true) or the end (false), having the pending I/O done between steps. */
        private boolean next(Statement s) {
            for (;;) {
                switch (s.step()) {
                    case ROW -> {
                        return true;
                    }
                    case DONE -> {
                        return false;
                    }
                    case IO -> io.complete(s.pendingIo());
                    case BUSY -> throw new SqliteException(ResultCode.BUSY, "database is locked");
                }
            }
        }

        /** Runs every statement of {@code sql} in order, discarding rows, as {@code sqlite3_exec}. */
        @Override
        public void execute(String sql) throws SltEngineException {
            try {
                for (Statement next = connection.prepare(sql); next != null; ) {
                    try (Statement s = next) {
                        while (next(s)) {
                            // rows are discarded
                        }
                        next = connection.prepare(s.tail());
                    }
                }
            } catch (SqliteException e) {
                throw new SltEngineException(e.getMessage(), e);
            }
        }

        @Override
        public void executeScript(String script) throws SltEngineException {
            execute(script);
        }

        @Override
        public QueryOutcome query(String sql) {
            Statement statement;
            try {
                statement = connection.prepare(sql);
            } catch (SqliteException e) {
                return new QueryOutcome.PrepareFailed(e.getMessage());
            }
            if (statement == null) {
                return new QueryOutcome.PrepareFailed("not a statement: " + sql);
            }
            List<SqlValue[]> rows = new ArrayList<>();
            String stepError = null;
            int columnCount;
            try (statement) {
                while (next(statement)) {
                    rows.add(readRow(statement, statement.columnCount()));
                }
            } catch (SqliteException e) {
                stepError = e.getMessage();
            } finally {
                // Read after stepping: a statement compiled again at its first step (the schema
                // changed since prepare) may have other columns than at prepare.
                columnCount = statement.columnCount();
            }
            return new QueryOutcome.Rows(columnCount, rows, stepError);
        }

        /**
         * Reads by storage class with the typed getters: {@code getObject} would box every
         * integer and decode every text to a String only for it to be encoded again. Text is
         * taken as the bytes turso4j holds, as {@link SqliteJdbcEngine} takes SQLite's.
         */
        private static SqlValue[] readRow(Statement s, int columnCount) {
            SqlValue[] row = new SqlValue[columnCount];
            for (int i = 0; i < columnCount; i++) {
                row[i] = switch (s.columnType(i)) {
                    case NULL -> SqlValue.NULL;
                    case INTEGER -> SqlValue.ofLong(s.getLong(i));
                    case REAL -> SqlValue.ofDouble(s.getDouble(i));
                    case TEXT -> new SqlValue.TextValue(s.getBlob(i));
                    case BLOB -> new SqlValue.BlobValue(s.getBlob(i));
                };
            }
            return row;
        }

        @Override
        public void close() throws SltEngineException {
            try {
                connection.close();
                io.close(database);
            } catch (SqliteException e) {
                throw new SltEngineException("closing the database failed: " + e.getMessage(), e);
            }
        }
    }
}
