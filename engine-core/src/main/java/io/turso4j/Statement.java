package io.turso4j;

import io.turso4j.completion.Completion;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.storage.IoPending;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.value.Register;
import io.turso4j.value.ValueType;
import io.turso4j.vdbe.Explain;
import io.turso4j.vdbe.HaltError;
import io.turso4j.vdbe.Vm;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One compiled SQL statement. Not thread-safe; belongs to its {@link Connection}.
 *
 * <p>Stepping: {@link #step()} never blocks and returns ROW, DONE, IO or BUSY; on IO, wait for
 * {@link #pendingIo()} your own way and call {@code step()} again. {@link #next()} is the
 * blocking convenience (awaits I/O; cheap on a virtual thread); {@link #stepAsync()} re-steps
 * from the completion's callback.
 *
 * <p>Schema changes: the statement is compiled at prepare against the schema its connection
 * knows, with no I/O. Each run begins by checking, in stepped code, the schema cookie its read
 * transaction sees; when the schema changed (another connection's DDL) it is read again and
 * the statement compiled again with its bindings, as {@code sqlite3_prepare_v2}'s automatic
 * re-prepare, so column counts and names may change at the first step. An error such as "no
 * such table" comes from prepare when the known schema is surely current, else from that step.
 *
 * <p>After an error the statement stays failed (stepping rethrows it) until {@link #reset()}.
 * After DONE, stepping returns DONE again until {@link #reset()}. Column getters read the row
 * of the last step that returned ROW, converting as {@code sqlite3_column_*} do.
 */
public final class Statement implements AutoCloseable {
    private final Connection connection;
    /** The program and its VM, compiled again when the schema changed. */
    private final StatementCode code;
    private final String sql;
    private final String tail;
    /** The run has begun and has not yet checked that its program is compiled against the current schema. */
    private boolean checkingSchema;
    /** The I/O the schema check or the schema reload after DDL waits for. */
    private Completion schemaIo;
    private boolean hasRow;
    private boolean finished;
    /** Between {@link Connection#beginStatement} and its finish or failure. */
    private boolean started;
    /**
     * The step running now is {@link #next()}'s on a platform thread, which blocks on the
     * statement's I/O anyway: its commit may write on this thread ({@link
     * io.turso4j.storage.pager.Pager#commit(boolean)}). A virtual thread parks instead.
     */
    private boolean callerWaits;
    /** The savepoint the statement runs in (0 for none). */
    private int savepoint;
    /** The commit's I/O, when finishing the statement waits for it. */
    private Completion commitIo;
    private final BusyRetry busy = new BusyRetry();

    /**
     * Compiles {@code stmt} (parsed from {@code source}) against the schema the connection
     * knows, without I/O. An error is reported here when that schema is surely the database's
     * current one; otherwise the first step reads the schema again, compiles once more, and
     * reports the error only if it remains.
     */
    Statement(Connection connection, Stmt stmt, String source, String sql, String tail) {
        this.connection = connection;
        this.code = new StatementCode(connection, stmt, source, sql);
        this.sql = sql;
        this.tail = tail;
        try {
            code.compile();
        } catch (SqliteException e) {
            if (connection.schemaSurelyCurrent()) {
                throw e;
            }
        }
    }

    /** Runs until the next row, the end, or I/O that is not yet done. Never blocks. */
    public StepResult step() {
        hasRow = false;
        if (code.explain() != null) {
            hasRow = code.explain().step();
            return hasRow ? StepResult.ROW : StepResult.DONE;
        }
        commitIo = null;
        schemaIo = null;
        if (!started && !finished) {
            try {
                savepoint = connection.beginStatement(code.writes(), code.reads(), code.needsStatementSavepoint());
            } catch (SqliteException e) {
                // Another writer: worth retrying. An old snapshot (BUSY_SNAPSHOT) is not, as in SQLite.
                if (e.code() == ResultCode.BUSY) {
                    return StepResult.BUSY;
                }
                throw e;
            }
            started = true;
            checkingSchema = true;
        }
        if (checkingSchema) {
            StepResult waiting = checkSchema();
            if (waiting != null) {
                return waiting;
            }
            if (code.explain() != null) {
                return step(); // compiled again into an EXPLAIN, which lists the program and runs nothing
            }
        }
        Vm.Status status;
        try {
            status = code.vm().step();
        } catch (SqliteException e) {
            if (started) {
                int onError = HaltError.onError(e);
                if (onError == HaltError.FAIL) {
                    return finishFailed(e);
                }
                started = false;
                if (onError == HaltError.ROLLBACK || savepoint == 0 && code.writes() && storageFailed(e)) {
                    connection.rollbackTransaction();
                } else {
                    connection.failStatement(savepoint);
                }
                connection.statementFailed(code.program().countsChanges());
                if (e.code() == ResultCode.INTERRUPT && !code.program().isReadOnly()) {
                    connection.abortTransaction();
                }
            }
            throw e;
        }
        return switch (status) {
            case ROW -> {
                hasRow = true;
                yield StepResult.ROW;
            }
            case DONE -> connection.schema().isStale() ? readSchemaThenFinish() : finish();
            case IO -> StepResult.IO;
            case BUSY -> StepResult.BUSY;
        };
    }

    /**
     * Whether {@code e} came from the storage below (an I/O error, a full disk, corruption),
     * perhaps after the statement wrote. A statement without a savepoint ({@link
     * Program#needsStatementSavepoint}) fails its checks before its write, so only such an error can
     * leave its write half done: the whole transaction is then undone, as SQLite does without a
     * statement journal.
     */
    private static boolean storageFailed(SqliteException e) {
        return switch (e.code().primary()) {
            case IOERR, FULL, CORRUPT, NOMEM, NOTADB, CANTOPEN, READONLY -> true;
            default -> false;
        };
    }

    /**
     * As SQLite's {@code OP_Transaction} with its schema-cookie check and {@code
     * sqlite3_prepare_v2}'s automatic re-prepare: the run's read transaction sees the schema
     * cookie; when the connection's schema is not that one it is read again, and when the
     * program was compiled against another schema than the connection's, it is compiled again
     * (bindings kept), all in stepped code. Returns IO while a page is in flight, BUSY when
     * the program compiled again writes and another connection holds the write lock, else null.
     */
    private StepResult checkSchema() {
        if (!refreshSchema()) {
            return StepResult.IO;
        }
        checkingSchema = false;
        if (code.isCurrent()) {
            return null;
        }
        boolean wrote = code.writes();
        try {
            code.compile();
        } catch (SqliteException e) {
            abandon();
            throw e;
        }
        if (code.explain() != null) {
            abandon(); // EXPLAIN lists the program; it runs nothing
            return null;
        }
        if (code.writes() && !wrote) {
            try {
                savepoint = connection.upgradeStatement(code.needsStatementSavepoint());
            } catch (SqliteException e) {
                abandon();
                if (e.code() == ResultCode.BUSY || e.code() == ResultCode.BUSY_SNAPSHOT && connection.isAutocommit()) {
                    return StepResult.BUSY;
                }
                throw e;
            }
        }
        return null;
    }

    /**
     * A statement of this connection changed the schema: read it again before the statement
     * ends (inside its transaction), as SQLite's {@code OP_ParseSchema}, so that the next
     * prepare compiles against it without I/O.
     */
    private StepResult readSchemaThenFinish() {
        return refreshSchema() ? finish() : StepResult.IO;
    }

    /**
     * Brings the connection's schema up to the cookie the file has now; false (with {@link
     * #schemaIo} set) while a page is in flight, to be called again once it is done.
     */
    private boolean refreshSchema() {
        SchemaState state = connection.schema();
        try {
            state.refresh(state.fileCookie());
            return true;
        } catch (IoPending p) {
            schemaIo = p.completion();
            return false;
        }
    }

    /** The program halted: end the statement (committing in autocommit) unless already done. */
    private StepResult finish() {
        if (started) {
            try {
                connection.finishStatement(savepoint, callerWaits);
            } catch (IoPending p) {
                commitIo = p.completion();
                return StepResult.IO;
            } catch (SqliteException e) {
                started = false;
                connection.failStatement(savepoint);
                throw e;
            }
            started = false;
        }
        if (!finished) {
            finished = true;
            connection.statementDone(code.program().countsChanges());
        }
        return StepResult.DONE;
    }

    /**
     * The program failed with conflict action FAIL: the statement ends keeping its changes
     * (committing them in autocommit, as a statement that ran to its end), then reports {@code
     * failure}. Called again, by the next step, while the commit's I/O is in flight.
     */
    private StepResult finishFailed(SqliteException failure) {
        try {
            connection.finishStatement(savepoint, callerWaits);
        } catch (IoPending p) {
            commitIo = p.completion();
            return StepResult.IO;
        } catch (SqliteException e) {
            started = false;
            connection.failStatement(savepoint);
            connection.statementFailed(code.program().countsChanges());
            throw e;
        }
        started = false;
        connection.statementDone(code.program().countsChanges());
        throw failure;
    }

    /** Ends a statement left before its end (reset or closed): a reader just stops, a writer is undone. */
    private void abandon() {
        checkingSchema = false;
        if (started) {
            started = false;
            if (!code.writes()) {
                connection.finishStatement(0, false);
            } else {
                connection.failStatement(savepoint);
            }
        }
    }

    /** The I/O to wait for after {@link #step()} returned {@link StepResult#IO}. */
    public Completion pendingIo() {
        if (commitIo != null) {
            return commitIo;
        }
        return schemaIo != null ? schemaIo : code.vm() == null ? null : code.vm().pendingIo();
    }

    /**
     * Steps, awaiting I/O as needed; true when a row is ready, false when done. While another
     * connection writes, waits on this thread up to the connection's busy timeout, then fails.
     *
     * @throws SqliteException SQLITE_BUSY "database is locked" when the busy timeout is spent
     */
    public boolean next() {
        for (;;) {
            StepResult r = stepWaiting();
            if (r == StepResult.BUSY) {
                busy.await(connection.busyTimeout());
                if (connection.interruptPending()) { // interrupt() also ends a busy wait
                    busy.reset();
                    throw new SqliteException(ResultCode.INTERRUPT, "interrupted");
                }
                continue;
            }
            busy.reset();
            switch (r) {
                case ROW -> {
                    return true;
                }
                case DONE -> {
                    return false;
                }
                default -> awaitIo();
            }
        }
    }

    private StepResult stepWaiting() {
        callerWaits = !Thread.currentThread().isVirtual();
        try {
            return step();
        } finally {
            callerWaits = false;
        }
    }

    private void awaitIo() {
        connection.awaitIo(pendingIo());
    }

    /**
     * Steps to the next ROW or DONE without occupying a thread while I/O is in flight or while
     * it waits (up to the busy timeout) for another connection's write to end.
     */
    public CompletableFuture<StepResult> stepAsync() {
        CompletableFuture<StepResult> result = new CompletableFuture<>();
        stepInto(result);
        return result;
    }

    private void stepInto(CompletableFuture<StepResult> result) {
        try {
            StepResult r = step();
            if (r == StepResult.BUSY) {
                busy.later(connection.busyTimeout(), () -> stepInto(result));
                return;
            }
            busy.reset();
            if (r == StepResult.IO) {
                pendingIo().onComplete(c -> stepInto(result));
            } else {
                result.complete(r);
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Rewinds the statement so it can run again; bindings stay. */
    public void reset() {
        hasRow = false;
        abandon();
        finished = false;
        commitIo = null;
        schemaIo = null;
        if (code.explain() != null) {
            code.explain().reset();
        } else if (code.vm() != null) {
            code.vm().reset();
        }
    }

    /**
     * The SQL text after this statement (what {@link Connection#prepare} did not compile),
     * from the first token after the statement's {@code ;}.
     */
    public String tail() {
        return tail;
    }

    /** Whether running the statement changes nothing in the database ({@code sqlite3_stmt_readonly}). */
    public boolean isReadOnly() {
        return code.explain() != null || code.program() != null && code.program().isReadOnly();
    }

    /** Whether this is an {@code EXPLAIN} (its rows list the program instead of running it). */
    public boolean isExplain() {
        return code.explain() != null;
    }

    /** The statement's own SQL text. */
    public String sql() {
        return sql;
    }

    // ---- parameters (1-based, as SQLite) ---------------------------------------------------

    /**
     * How many parameters the statement has; 0 for a statement whose compilation waits for its
     * first step (its prepare failed against a schema that may be old).
     */
    public int parameterCount() {
        return code.program() == null ? 0 : code.program().parameterNames().size();
    }

    /** The index of a named parameter ({@code :a}, {@code @a}, {@code $a}), or 0 if absent. */
    public int parameterIndex(String name) {
        return code.program() == null ? 0 : code.program().parameterNames().indexOf(name) + 1;
    }

    /** The name of parameter {@code index} as written ({@code :a}, {@code ?3}), null for a plain {@code ?}. */
    public String parameterName(int index) {
        return code.program().parameterNames().get(checkParameter(index) - 1);
    }

    /** Binds null, Long/Integer/Short/Byte, Double/Float, String, byte[] or Boolean. */
    public Statement bind(int index, Object value) {
        try {
            parameter(index).setObject(value);
        } catch (IllegalArgumentException e) {
            throw new SqliteException(ResultCode.MISMATCH, "cannot bind a " + value.getClass().getName());
        }
        return this;
    }

    public Statement bindLong(int index, long value) {
        parameter(index).setInt(value);
        return this;
    }

    public Statement bindDouble(int index, double value) {
        parameter(index).setReal(value);
        return this;
    }

    public Statement clearBindings() {
        code.clearEarlyBindings();
        for (int i = 1; i <= parameterCount(); i++) {
            parameter(i).setNull();
        }
        return this;
    }

    private Register parameter(int index) {
        if (code.program() == null && index >= 1) {
            return code.earlyParameter(index);
        }
        return code.vm() == null ? new Register() : code.vm().parameter(checkParameter(index));
    }

    private int checkParameter(int index) {
        if (index < 1 || index > parameterCount()) {
            throw new SqliteException(ResultCode.RANGE, "column index out of range");
        }
        return index;
    }

    // ---- result columns (0-based, as SQLite) -----------------------------------------------

    public int columnCount() {
        return code.columnNames().size();
    }

    public String columnName(int i) {
        if (i < 0 || i >= code.columnNames().size()) {
            throw new SqliteException(ResultCode.RANGE, "column index out of range");
        }
        return code.columnNames().get(i);
    }

    public ValueType columnType(int i) {
        return column(i).type();
    }

    public boolean isNull(int i) {
        return column(i).isNull();
    }

    public long getLong(int i) {
        return column(i).toLong();
    }

    public double getDouble(int i) {
        return column(i).toDouble();
    }

    public String getText(int i) {
        return column(i).toText();
    }

    public byte[] getBlob(int i) {
        Register r = column(i);
        return switch (r.type()) {
            case NULL -> null;
            case TEXT, BLOB -> r.bytesCopy();
            case INTEGER, REAL -> r.toText().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The column as Long, Double, String, byte[] or null. */
    public Object getObject(int i) {
        return column(i).toObject();
    }

    private Register column(int i) {
        if (!hasRow) {
            throw new SqliteException(ResultCode.MISUSE, "no row: step() did not return ROW");
        }
        return code.explain() != null ? explainColumn(i) : code.vm().column(i);
    }

    private Register explainColumn(int i) {
        if (i < 0 || i >= Explain.COLUMNS.size()) {
            throw new SqliteException(ResultCode.RANGE, "column index out of range");
        }
        return code.explain().column(i);
    }

    @Override
    public void close() {
        abandon();
        code.close();
        connection.forget(this);
    }
}
