package io.turso4j;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.parser.Parser;
import io.turso4j.storage.btree.BTree;
import io.turso4j.translate.Translator;
import io.turso4j.vdbe.VmContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session on a {@link Database}: prepares statements and holds the transaction state and
 * the change counters. Not thread-safe: one thread (typically a virtual thread) at a time.
 *
 * <p>Its statements run against its {@link VmContext}: the database's clock and randomness
 * (its IO's, so simulated runs replay) and the counters {@code changes()} and friends read.
 */
public final class Connection implements AutoCloseable {
    private final Database database;
    private final List<Statement> statements = new ArrayList<>();
    private long changes;
    private long totalChanges;
    private long lastInsertRowid;
    private long runningChanges;
    private boolean autocommit = true;
    private boolean closed;
    private final VmContext context = new Context();

    Connection(Database database) {
        this.database = database;
    }

    /**
     * Compiles the first statement in {@code sql}; {@link Statement#tail()} is the rest of the
     * text. Returns null if {@code sql} holds only whitespace and comments.
     *
     * @throws io.turso4j.error.SqliteException on a syntax or resolution error
     */
    public Statement prepare(String sql) {
        return prepareNext(new Parser(sql), sql);
    }

    /** Compiles the next statement {@code parser} reads from {@code sql}; null at the end. */
    private Statement prepareNext(Parser parser, String sql) {
        checkOpen();
        Stmt stmt = parser.next();
        if (stmt == null) {
            return null;
        }
        int end = parser.offset();
        String text = sql.substring(stmt.pos().offset(), end).strip();
        Translator.Compiled compiled = Translator.compile(stmt, sql, database.functions());
        Statement s = new Statement(this, compiled, text, sql.substring(end));
        statements.add(s);
        return s;
    }

    /**
     * Runs every statement in {@code sql} to completion, blocking (awaiting I/O) as needed.
     * The text is tokenized once, however many statements it holds.
     */
    public void execute(String sql) {
        Parser parser = new Parser(sql);
        for (Statement next; (next = prepareNext(parser, sql)) != null; ) {
            try (Statement s = next) {
                while (s.next()) {
                    // rows are discarded, as sqlite3_exec without a callback does
                }
            }
        }
    }

    /**
     * Runs every statement in {@code sql} without occupying a thread while I/O is in flight.
     * Statements and rows that need no I/O run in a loop, not a chain of callbacks, so a long
     * script or result cannot exhaust the stack.
     */
    public CompletableFuture<Void> executeAsync(String sql) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        executeInto(new Parser(sql), sql, null, result);
        return result;
    }

    /** Finishes {@code current} (if any), then the statements after it; completes {@code result}. */
    private void executeInto(Parser parser, String sql, Statement current, CompletableFuture<Void> result) {
        Statement s = current;
        try {
            for (s = s != null ? s : prepareNext(parser, sql); s != null; s = prepareNext(parser, sql)) {
                if (!runUntilIo(s)) {
                    Statement waiting = s;
                    s.pendingIo().onComplete(c -> executeInto(parser, sql, waiting, result));
                    return;
                }
                s.close();
            }
            result.complete(null);
        } catch (RuntimeException e) {
            if (s != null) {
                s.close();
            }
            result.completeExceptionally(e);
        }
    }

    /** Steps {@code s} until DONE (true) or until it waits for I/O (false); rows are discarded. */
    private static boolean runUntilIo(Statement s) {
        for (;;) {
            switch (s.step()) {
                case DONE -> {
                    return true;
                }
                case IO -> {
                    return false;
                }
                case BUSY -> throw new SqliteException(ResultCode.BUSY, "database is locked");
                case ROW -> {
                }
            }
        }
    }

    /** Rows changed by the most recent INSERT, UPDATE or DELETE ({@code changes()}). */
    public long changes() {
        return changes;
    }

    /** Rows changed since the connection opened ({@code total_changes()}). */
    public long totalChanges() {
        return totalChanges;
    }

    /** The rowid of the most recent successful INSERT ({@code last_insert_rowid()}). */
    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    /** Whether no explicit transaction is open. */
    public boolean isAutocommit() {
        return autocommit;
    }

    /** Rolls back an open transaction and releases the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Statement s : List.copyOf(statements)) {
            s.close();
        }
        database.forget(this);
    }

    void forget(Statement s) {
        statements.remove(s);
    }

    private void checkOpen() {
        if (closed) {
            throw new SqliteException(ResultCode.MISUSE, "connection is closed");
        }
    }

    /** A writing statement finished: its row count becomes {@code changes()}. */
    void statementDone(boolean wrote) {
        if (wrote) {
            changes = runningChanges;
        }
        runningChanges = 0;
    }

    VmContext context() {
        return context;
    }

    /** What the VM sees of this connection. */
    private final class Context implements VmContext {
        @Override
        public BTree btree() {
            return null;
        }

        @Override
        public long currentTimeMillis() {
            return database.io().currentTimeMillis();
        }

        @Override
        public long nextRandom() {
            return database.io().random().nextLong();
        }

        @Override
        public long changes() {
            return changes;
        }

        @Override
        public long totalChanges() {
            return totalChanges;
        }

        @Override
        public long lastInsertRowid() {
            return lastInsertRowid;
        }

        @Override
        public void rowChanged() {
            runningChanges++;
            totalChanges++;
        }

        @Override
        public void setLastInsertRowid(long rowid) {
            lastInsertRowid = rowid;
        }

        @Override
        public boolean isAutocommit() {
            return autocommit;
        }

        /** Only the mode for now: with no storage there is nothing to commit or roll back. */
        @Override
        public void setAutocommit(boolean on, boolean rollback) {
            autocommit = on;
        }
    }
}
