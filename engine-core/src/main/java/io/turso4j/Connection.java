package io.turso4j;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import io.turso4j.sql.parser.Parser;
import io.turso4j.schema.Schema;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.btree.PagerBTree;
import io.turso4j.storage.pager.Pager;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.storage.wal.CheckpointResult;
import io.turso4j.translate.Translator;
import io.turso4j.vdbe.ConnectionSettings;
import io.turso4j.vdbe.VmContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session on a {@link Database}: prepares statements and holds the transaction state, the
 * savepoints, the PRAGMA settings and the change counters. Not thread-safe: one thread
 * (typically a virtual thread) at a time — except {@link #interrupt()}, which any thread may call.
 *
 * <p>Its statements run against its {@link VmContext}: the database's clock and randomness
 * (its IO's, so simulated runs replay) and the counters {@code changes()} and friends read.
 */
public final class Connection implements AutoCloseable {
    private final Database database;
    /** The transaction over all of {@link #databases}; its page calls address main. */
    private final Pager pager;
    /** Main's B-tree. */
    private final BTree btree;
    private final Databases databases;
    /** The schema statements compile against, and how it is kept current (main's). */
    private final SchemaState schema;
    /** {@link #schemaWithTemp}'s main schema; it is made again when the known schema is another. */
    private Schema schemaUnderTemp;
    /** The known schema merged with the temp and attached databases' schemas; null when one changed since. */
    private Schema schemaWithTemp;
    /** Statements begun and not yet finished; the autocommit read transaction spans them. */
    private int activeStatements;
    private boolean readOpen;
    /**
     * Whether a statement inside the explicit transaction has run on the open read snapshot.
     * BEGIN, SAVEPOINT and the like read nothing, so, as in SQLite, the transaction's snapshot
     * is the one its first reading statement takes. (A statement that reads no table, such as
     * SELECT 1, still fixes it here; in SQLite it does not.)
     */
    private boolean snapshotInUse;
    private final List<Statement> statements = new ArrayList<>();
    private long changes;
    private long totalChanges;
    private long lastInsertRowid;
    private long runningChanges;
    private boolean autocommit = true;
    /**
     * The finishing statement's autocommit commit threw {@code IoPending}: the next {@link
     * #finishStatement} resumes it, also once it is published and only its auto-checkpoint is
     * still in flight (the pager is then out of its write transaction). As in SQLite, the
     * statement whose commit triggers the auto-checkpoint ends only when the checkpoint does,
     * so the next write transaction finds the WAL wholly backfilled and restarts it instead
     * of growing the file (an append makes every commit's fdatasync journal the new size).
     */
    private boolean commitUnfinished;
    /** Deferred foreign key violations pending in the transaction (SQLite's nDeferredCons). */
    private long deferredViolations;
    /**
     * The part of {@link #deferredViolations} that immediate foreign keys deferred by PRAGMA
     * defer_foreign_keys owe (SQLite's nDeferredImmCons): turning the PRAGMA off forgets it.
     */
    private long deferredImmediate;
    /** {@link #deferredViolations} when the running writing statement began: its failure restores it. */
    private long deferredAtStatementStart;
    private long deferredImmediateAtStatementStart;
    /** PRAGMA foreign_keys, until the PRAGMA's own settings object carries it. */
    private boolean closed;
    private final ConnectionSettings settings;
    private final SavepointStack savepoints;
    /** Set by {@link #interrupt()} from any thread; cleared when no statement is running. */
    private volatile boolean interrupted;
    private final VmContext context = new Context();

    Connection(Database database, Pager mainPager) {
        this.database = database;
        this.btree = new PagerBTree(mainPager);
        this.databases = new Databases(database, mainPager);
        this.pager = databases;
        this.settings = new ConnectionSettings(database.options().busyTimeoutMillis());
        this.savepoints = new SavepointStack(pager);
        this.schema = new SchemaState(database, btree, pager);
    }

    /**
     * Compiles the first statement in {@code sql}; {@link Statement#tail()} is the rest of the
     * text. Returns null if {@code sql} holds only whitespace and comments. Does no I/O: it
     * compiles against the schema this connection knows (see {@link Statement} for how a
     * statement finds schema changes as it runs).
     *
     * @throws io.turso4j.error.SqliteException on a syntax error, or a resolution error when the
     *     known schema is surely current (else the first step reports it)
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
        if (!(stmt instanceof Stmt.Detach) && mayNameTemp(text) && databases.ensureTemp()) {
            schemaWithTemp = null; // a statement that may name the temp database brings it into being
        }
        Statement s = new Statement(this, stmt, sql, text, sql.substring(end));
        statements.add(s);
        return s;
    }

    /**
     * Whether {@code text} may name the temp database: a name or keyword (quotes aside) that is
     * TEMP, TEMPORARY or a name of its schema table. A column such as {@code temperature} does not,
     * so it does not bring the temp database into being (which sqlite3's .databases would show).
     */
    private static boolean mayNameTemp(String text) {
        if (!text.toLowerCase(java.util.Locale.ROOT).contains("temp")) {
            return false;
        }
        Tokens tokens = Lexer.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i) == TokenType.STRING) {
                continue; // a value ('temp' in a WHERE or DEFAULT) names nothing
            }
            String t = tokens.text(i);
            if (t.length() >= 2 && "\"`[".indexOf(t.charAt(0)) >= 0) {
                t = t.substring(1, t.length() - 1);
            }
            if (TEMP_NAMES.contains(t.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> TEMP_NAMES =
            java.util.Set.of("temp", "temporary", "sqlite_temp_master", "sqlite_temp_schema");

    /**
     * Compiles {@code stmt} against the schema this connection knows now, without I/O.
     *
     * @throws SqliteException when it cannot
     */
    Translator.Compiled compile(Stmt stmt, String source, String text, Schema against) {
        try {
            return Translator.compile(stmt, source, text, database.functions(), against);
        } catch (StackOverflowError tooDeep) {
            return DeepCompile.run(() -> Translator.compile(stmt, source, text, database.functions(), against));
        }
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
        executeInto(new Parser(sql), sql, null, new BusyRetry(), result);
        return result;
    }

    /** Finishes {@code current} (if any), then the statements after it; completes {@code result}. */
    private void executeInto(Parser parser, String sql, Statement current, BusyRetry busy, CompletableFuture<Void> result) {
        Statement s = current;
        try {
            for (s = s != null ? s : prepareNext(parser, sql); s != null; s = prepareNext(parser, sql)) {
                StepResult r = runUntilWait(s);
                if (r != StepResult.DONE) {
                    Statement waiting = s;
                    if (r == StepResult.IO) {
                        s.pendingIo().onComplete(c -> executeInto(parser, sql, waiting, busy, result));
                    } else {
                        busy.later(busyTimeout(), () -> executeInto(parser, sql, waiting, busy, result));
                    }
                    return;
                }
                busy.reset();
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

    /** Steps {@code s} until DONE, or until it waits for I/O or for another writer (IO, BUSY); rows are discarded. */
    private static StepResult runUntilWait(Statement s) {
        for (;;) {
            StepResult r = s.step();
            if (r != StepResult.ROW) {
                return r;
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

    /**
     * How long a statement keeps retrying while another connection holds the write lock before
     * it fails with SQLITE_BUSY ({@code PRAGMA busy_timeout}, {@code sqlite3_busy_timeout}); 0
     * (the default unless {@link DatabaseOptions#busyTimeoutMillis()} says otherwise) fails at once.
     * The blocking API waits on the caller's thread; the async API retries from a timer.
     */
    public void setBusyTimeout(int millis) {
        settings.setBusyTimeoutMillis(millis);
    }

    public int busyTimeout() {
        return settings.busyTimeoutMillis();
    }

    /**
     * Makes the statements running on this connection stop at their next instruction boundary
     * with SQLITE_INTERRUPT "interrupted", as {@code sqlite3_interrupt}: a writing statement is
     * undone, and inside an explicit transaction the whole transaction is rolled back. Any
     * thread may call it; with no statement running it has no effect.
     */
    public void interrupt() {
        interrupted = true;
    }

    /** Whether {@link #interrupt()} was called since the last statement began with none running. */
    boolean interruptPending() {
        return interrupted;
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
        savepoints.clear();
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
            if (autocommit) {
                settings.setDeferForeignKeys(false); // its transaction ended, written or not
            }
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
     * The schema statements compile against now: main's as this connection last knew it (no
     * I/O; statements check it against the file as they begin, {@link #schema()}), merged with
     * the temp and attached databases' (whose cookies are read here, awaiting I/O for an
     * attached file).
     */
    Schema currentSchema() {
        Schema known = schema.known();
        if (schemaWithTemp == null || schemaUnderTemp != known || databases.hasOthers()) {
            schemaWithTemp = databases.schema(known);
            schemaUnderTemp = known;
        }
        return schemaWithTemp;
    }

    /** The connection's schema state, for a beginning statement's cookie check (stepped code). */
    SchemaState schema() {
        return schema;
    }

    /**
     * Whether {@link #currentSchema()} is, as far as can be told without waiting, the schema
     * the database has now: page 1 is at hand and its cookie is the known schema's. A prepare
     * that fails to compile reports its error at once only then (else the statement's first
     * step reads the schema again and compiles once more).
     */
    boolean schemaSurelyCurrent() {
        boolean transientRead = !readOpen;
        if (transientRead) {
            pager.beginRead();
        }
        try {
            return schema.isCurrent(schema.fileCookie());
        } catch (io.turso4j.storage.IoPending p) {
            return false;
        } finally {
            if (transientRead) {
                pager.endRead();
            }
        }
    }

    /**
     * Starts a statement: the read transaction if none is open, the write transaction for a
     * writing statement. Returns the savepoint depth the statement runs in, or 0 for none.
     * {@code reads}: inside an explicit transaction, the statement fixes the transaction's
     * snapshot (see {@link #snapshotInUse}). {@code savepoint}: a writing statement inside a
     * transaction runs in a savepoint, unless it writes once after all its checks ({@link
     * io.turso4j.vdbe.Program#needsStatementSavepoint}).
     *
     * @throws SqliteException SQLITE_BUSY when another connection writes
     */
    int beginStatement(boolean write, boolean reads, boolean savepoint) {
        if (activeStatements == 0) {
            interrupted = false; // an interrupt affects only the statements running when it came
        }
        boolean opened = false;
        if (!readOpen) {
            pager.beginRead();
            readOpen = true;
            opened = true;
            snapshotInUse = false;
        }
        snapshotInUse |= !autocommit && reads;
        try {
            if (write && !pager.inWriteTransaction()) {
                pager.beginWrite();
                savepoints.writeBegun();
            }
        } catch (RuntimeException e) {
            if (opened) {
                pager.endRead();
                readOpen = false;
                if (e instanceof SqliteException se && se.code() == ResultCode.BUSY_SNAPSHOT) {
                    // A commit landed between our fresh read and the write lock: a retry takes a
                    // newer snapshot, so this is an ordinary BUSY (as SQLite's btreeBeginTrans retries).
                    throw new SqliteException(ResultCode.BUSY, "database is locked");
                }
            }
            throw e;
        }
        activeStatements++;
        if (write) {
            deferredAtStatementStart = deferredViolations;
            deferredImmediateAtStatementStart = deferredImmediate;
        }
        return write && savepoint && !autocommit ? pager.openSavepoint() : 0;
    }

    /**
     * A statement begun as a reader turned out to write (it was compiled again as it began,
     * against a newer schema): the write transaction, and the savepoint it runs in (0 for none;
     * {@code savepoint} as {@link #beginStatement}'s).
     *
     * @throws SqliteException SQLITE_BUSY (or BUSY_SNAPSHOT) when another connection writes
     */
    int upgradeStatement(boolean savepoint) {
        if (!pager.inWriteTransaction()) {
            pager.beginWrite();
            savepoints.writeBegun();
        }
        deferredAtStatementStart = deferredViolations;
        deferredImmediateAtStatementStart = deferredImmediate;
        return autocommit || !savepoint ? 0 : pager.openSavepoint();
    }

    /**
     * Finishes a statement that ran to its end: commits if it leaves no explicit transaction.
     *
     * @param callerWaits the calling thread blocks on the commit's I/O anyway ({@link
     *     io.turso4j.storage.pager.Pager#commit(boolean)})
     * @throws io.turso4j.storage.IoPending while the commit's I/O is in flight; call again
     */
    void finishStatement(int savepoint, boolean callerWaits) {
        if (autocommit && activeStatements == 1 && (pager.inWriteTransaction() || commitUnfinished)) {
            if (pager.inWriteTransaction()) {
                btree.beforeCommit();
            }
            commitUnfinished = true;
            try {
                pager.commit(callerWaits);
            } catch (SqliteException e) {
                commitUnfinished = false;
                throw e;
            }
            commitUnfinished = false;
            schema.committed();
            settings.setDeferForeignKeys(false); // PRAGMA defer_foreign_keys lasts one transaction
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
            deferredViolations = deferredAtStatementStart;
            deferredImmediate = deferredImmediateAtStatementStart;
        } else if (autocommit && pager.inWriteTransaction()) {
            pager.rollback();
            rolledBack();
            deferredViolations = 0;
            deferredImmediate = 0;
            settings.setDeferForeignKeys(false);
        }
        leaveStatement();
    }

    /** A statement failed with conflict action ROLLBACK: the whole transaction is undone, autocommit is on again. */
    void rollbackTransaction() {
        undoTransaction();
        leaveStatement();
    }

    /**
     * An interrupted (or otherwise aborted) writing statement inside an explicit transaction
     * takes the whole transaction with it, as in SQLite.
     */
    void abortTransaction() {
        if (!autocommit && pager.inWriteTransaction()) {
            undoTransaction();
            if (activeStatements == 0 && readOpen) {
                pager.endRead();
                readOpen = false;
            }
        }
    }

    private void undoTransaction() {
        if (pager.inWriteTransaction()) {
            pager.rollback();
            rolledBack();
        }
        autocommit = true;
        savepoints.clear();
        deferredViolations = 0;
        deferredImmediate = 0;
        settings.setDeferForeignKeys(false);
    }

    private void rolledBack() {
        btree.pagesRolledBack();
        schema.rolledBack();
    }

    private void leaveStatement() {
        commitUnfinished = false;
        activeStatements--;
        if (activeStatements == 0 && readOpen && (autocommit || !snapshotInUse && !pager.inWriteTransaction())) {
            pager.endRead();
            readOpen = false;
        }
    }

    /** What the VM sees of this connection. */
    private final class Context implements VmContext {
        @Override
        public BTree btree() {
            return btree;
        }

        @Override
        public BTree btree(int db) {
            return db == 0 ? btree : databases.btree(db);
        }

        @Override
        public void schemaChanged() {
            schema.changed();
            databases.schemaChanged();
            schemaWithTemp = null;
        }

        @Override
        public void attach(String file, String name, boolean detach) {
            if (detach) {
                databases.detach(name);
            } else {
                databases.attach(file, name);
            }
            schemaWithTemp = null;
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
        public void rowsChanged(long n) {
            runningChanges += n;
        }

        /**
         * Counted at once: SQLite adds a trigger program's changes to the total as the program
         * ends, so they stay counted even if the statement then fails.
         */
        @Override
        public void triggerRowsChanged(long n) {
            totalChanges += n;
        }

        @Override
        public void uncountTriggerRows(long n) {
            totalChanges -= n;
        }

        @Override
        public void setLastInsertRowid(long rowid) {
            lastInsertRowid = rowid;
        }

        @Override
        public boolean isAutocommit() {
            return autocommit;
        }

        /** COMMIT happens when the statement finishes ({@link #finishStatement}); ROLLBACK here. */
        @Override
        public void setAutocommit(boolean on, boolean rollback) {
            if (rollback && pager.inWriteTransaction()) {
                pager.rollback();
                rolledBack();
            }
            if (on) {
                savepoints.clear();
                deferredViolations = 0; // COMMIT checked it was (Vm's AutoCommit); ROLLBACK drops them
                deferredImmediate = 0;
                settings.setDeferForeignKeys(false);
            }
            autocommit = on;
        }

        @Override
        public long deferredViolations() {
            return deferredViolations;
        }

        @Override
        public void addDeferredViolations(long delta) {
            deferredViolations += delta;
        }

        @Override
        public void addDeferredImmediateViolations(long delta) {
            deferredViolations += delta;
            deferredImmediate += delta;
        }

        @Override
        public void dropDeferredImmediateViolations() {
            deferredViolations -= deferredImmediate;
            deferredImmediate = 0;
        }

        @Override
        public Pager pager() {
            return pager;
        }

        @Override
        public Pager pager(int db) {
            return db == 0 ? pager : databases.pager(db);
        }

        @Override
        public int activeStatements() {
            return activeStatements;
        }

        @Override
        public ConnectionSettings settings() {
            return settings;
        }

        /**
         * BEGIN IMMEDIATE (and pragmas that write the header): the write lock, on the newest
         * snapshot when this statement alone holds the read (it is refreshed first). Inside a
         * transaction it upgrades it, as SQLite's OP_Transaction does before AutoCommit reports
         * "cannot start a transaction within a transaction".
         */
        @Override
        public boolean beginWrite() {
            if (pager.inWriteTransaction()) {
                return true;
            }
            boolean fresh = autocommit && activeStatements == 1;
            if (fresh) {
                pager.endRead();
                pager.beginRead();
            }
            try {
                pager.beginWrite();
            } catch (SqliteException e) {
                if (e.code() == ResultCode.BUSY || fresh && e.code() == ResultCode.BUSY_SNAPSHOT) {
                    return false; // retried with a snapshot taken then
                }
                throw e;
            }
            savepoints.writeBegun();
            return true;
        }

        @Override
        public void savepoint(int op, String name) {
            switch (op) {
                case 0 -> {
                    if (autocommit) {
                        autocommit = false;
                        savepoints.open(name, true, deferredViolations);
                    } else {
                        savepoints.open(name, false, deferredViolations);
                    }
                }
                case 1 -> {
                    if (deferredViolations > 0 && savepoints.endsTransaction(name)) {
                        // As COMMIT: the transaction stays open until the violations are fixed.
                        throw new SqliteException(ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
                    }
                    if (savepoints.release(name)) {
                        autocommit = true; // the transaction's own savepoint: commit as the statement ends
                    }
                }
                default -> {
                    deferredViolations = savepoints.deferredViolationsAt(name);
                    // The savepoint keeps the total only: the immediate keys' share cannot exceed it.
                    deferredImmediate = Math.min(deferredImmediate, Math.max(0, deferredViolations));
                    if (savepoints.rollbackTo(name)) {
                        rolledBack();
                    }
                }
            }
        }

        @Override
        public String journalMode(String requested) {
            return database.isMemory() ? "memory" : "wal";
        }

        /** Lets go of this statement's own snapshot first, when it is the only thing using it. */
        @Override
        public CheckpointResult checkpoint(CheckpointMode mode) {
            if (autocommit && activeStatements == 1 && readOpen && !pager.inWriteTransaction()) {
                pager.endRead();
                readOpen = false;
            }
            return pager.checkpoint(mode);
        }

        @Override
        public String databaseFile() {
            return database.isMemory() ? "" : java.nio.file.Path.of(database.path()).toAbsolutePath().toString();
        }

        @Override
        public boolean isInterrupted() {
            return interrupted;
        }
    }
}
