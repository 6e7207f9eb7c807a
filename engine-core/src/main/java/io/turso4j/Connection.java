package io.turso4j;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.parser.Parser;
import io.turso4j.schema.Schema;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.btree.PagerBTree;
import io.turso4j.storage.pager.Pager;
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
    private final Pager pager;
    private final BTree btree;
    /** The schema as last read from sqlite_schema; null until the first prepare, or after a change. */
    private Schema schema;
    /** Statements begun and not yet finished; the autocommit read transaction spans them. */
    private int activeStatements;
    private boolean readOpen;
    private final List<Statement> statements = new ArrayList<>();
    private long changes;
    private long totalChanges;
    private long lastInsertRowid;
    private long runningChanges;
    private boolean autocommit = true;
    /** PRAGMA foreign_keys, until the PRAGMA's own settings object carries it. */
    private boolean foreignKeys;
    private boolean closed;
    private final VmContext context = new Context();

    Connection(Database database, Pager pager) {
        this.database = database;
        this.pager = pager;
        this.btree = new PagerBTree(pager);
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
        Translator.Compiled compiled = Translator.compile(stmt, sql, text, database.functions(), currentSchema());
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
        if (pager.inWriteTransaction()) {
            pager.rollback();
        }
        if (readOpen) {
            pager.endRead();
            readOpen = false;
        }
        pager.close();
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
            totalChanges += runningChanges;
        }
        runningChanges = 0;
    }

    /** A writing statement failed and was undone: as in SQLite, {@code changes()} becomes 0. */
    void statementFailed(boolean wrote) {
        runningChanges = 0;
        if (wrote) {
            changes = 0;
        }
    }

    /** Awaits {@code c} on the caller's thread (the blocking API's wait). */
    void awaitIo(io.turso4j.completion.Completion c) {
        Database.await(database.io(), c);
    }

    VmContext context() {
        return context;
    }

    // ---- transactions -----------------------------------------------------------------------
    //
    // Autocommit, as SQLite's: the first statement to begin opens the read transaction and the
    // last to finish ends it; a writing statement upgrades it to the write transaction, which is
    // committed when the writing statement finishes while no explicit transaction is open.
    // Inside BEGIN … COMMIT a writing statement runs in a savepoint, undone if it fails.

    /**
     * The schema, read again from sqlite_schema when its cookie changed or a statement of this
     * connection changed it. Awaits I/O on the caller's thread (prepare is a blocking call).
     */
    private Schema currentSchema() {
        boolean transientRead = !readOpen;
        if (transientRead) {
            pager.beginRead();
        }
        try {
            int cookie = SchemaReader.cookie(btree, database);
            if (schema == null || schema.cookie() != cookie) {
                schema = SchemaReader.load(btree, pager, database, cookie);
            }
            return schema;
        } finally {
            if (transientRead) {
                pager.endRead();
            }
        }
    }

    /**
     * Starts a statement: the read transaction if none is open, the write transaction for a
     * writing statement. Returns the savepoint depth the statement runs in, or 0 for none.
     *
     * @throws SqliteException SQLITE_BUSY when another connection writes
     */
    int beginStatement(boolean write) {
        boolean opened = false;
        if (!readOpen) {
            pager.beginRead();
            readOpen = true;
            opened = true;
        }
        try {
            if (write && !pager.inWriteTransaction()) {
                pager.beginWrite();
            }
        } catch (RuntimeException e) {
            if (opened) {
                pager.endRead();
                readOpen = false;
            }
            throw e;
        }
        activeStatements++;
        return write && !autocommit ? pager.openSavepoint() : 0;
    }

    /**
     * Finishes a statement that ran to its end: commits if it leaves no explicit transaction.
     *
     * @throws io.turso4j.storage.IoPending while the commit's I/O is in flight; call again
     */
    void finishStatement(int savepoint) {
        if (autocommit && activeStatements == 1 && pager.inWriteTransaction()) {
            btree.beforeCommit();
            pager.commit();
        } else if (savepoint > 0) {
            pager.releaseSavepoint(savepoint);
        }
        leaveStatement();
    }

    /** Undoes what a failed (or abandoned) writing statement did, as SQLite's statement rollback. */
    void failStatement(int savepoint) {
        if (savepoint > 0) {
            pager.rollbackToSavepoint(savepoint);
            pager.releaseSavepoint(savepoint);
            rolledBack();
        } else if (autocommit && pager.inWriteTransaction()) {
            pager.rollback();
            rolledBack();
        }
        leaveStatement();
    }

    /** A statement failed with conflict action ROLLBACK: the whole transaction is undone, autocommit is on again. */
    void rollbackTransaction() {
        if (pager.inWriteTransaction()) {
            pager.rollback();
            rolledBack();
        }
        autocommit = true;
        leaveStatement();
    }

    private void rolledBack() {
        btree.pagesRolledBack();
        schema = null;
    }

    private void leaveStatement() {
        activeStatements--;
        if (activeStatements == 0 && autocommit && readOpen) {
            pager.endRead();
            readOpen = false;
        }
    }

    /** Turns foreign key enforcement on or off (what {@code PRAGMA foreign_keys} sets). */
    void setForeignKeys(boolean on) {
        foreignKeys = on;
    }

    /** What the VM sees of this connection. */
    private final class Context implements VmContext {
        @Override
        public BTree btree() {
            return btree;
        }

        @Override
        public void schemaChanged() {
            schema = null;
        }

        @Override
        public long currentTimeMillis() {
            return database.io().currentTimeMillis();
        }

        @Override
        public io.turso4j.io.IO tempIo() {
            return database.io();
        }

        @Override
        public String tempPath() {
            return database.path().equals(":memory:") || database.path().isEmpty() ? "memory.db" : database.path();
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
        }

        /**
         * Counted at once: SQLite adds a trigger program's changes to the total as the program
         * ends, so they stay counted even if the statement then fails.
         */
        @Override
        public void triggerRowChanged() {
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

        @Override
        public boolean foreignKeys() {
            return foreignKeys;
        }

        /** COMMIT happens when the statement finishes ({@link #finishStatement}); ROLLBACK here. */
        @Override
        public void setAutocommit(boolean on, boolean rollback) {
            if (rollback && pager.inWriteTransaction()) {
                pager.rollback();
                rolledBack();
            }
            autocommit = on;
        }
    }
}
