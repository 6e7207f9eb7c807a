package io.turso4j;

import io.turso4j.schema.Schema;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.translate.Translator;
import io.turso4j.value.Register;
import io.turso4j.vdbe.Explain;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.Vm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Statement}'s parsed SQL and what it compiles to now: the program, the schema it was
 * compiled against, and the VM that runs it (or the {@link Explain} that lists it). Compiling
 * again (against a newer schema, as {@code sqlite3_prepare_v2}'s automatic re-prepare) carries
 * the bound values over, by index, into the new VM.
 *
 * <p>Before the first successful compilation (a prepare that failed against a schema that may
 * be old waits for its first step to try again) there is no program; values bound meanwhile
 * are kept here and moved into the VM once there is one. Used by the statement's thread only.
 */
final class StatementCode {
    private final Connection connection;
    private final Stmt stmt;
    private final String source;
    private final String text;
    /** Null until the first successful {@link #compile()}. */
    private Program program;
    private Schema compiledAgainst;
    private Vm vm;
    private Explain explain;
    private List<String> columnNames = List.of();
    /** Values bound while there is no program yet, by index. */
    private final Map<Integer, Register> earlyBindings = new HashMap<>();

    /** {@code stmt} was parsed from {@code source}; {@code text} is its own text. */
    StatementCode(Connection connection, Stmt stmt, String source, String text) {
        this.connection = connection;
        this.stmt = stmt;
        this.source = source;
        this.text = text;
    }

    /**
     * Compiles against the connection's current schema (no I/O); bound values carry over.
     *
     * @throws io.turso4j.error.SqliteException when it cannot (what was compiled before stays)
     */
    void compile() {
        Schema against = connection.currentSchema();
        Translator.Compiled compiled = connection.compile(stmt, source, text, against);
        Vm previous = vm;
        compiledAgainst = against;
        program = compiled.program();
        if (compiled.explain()) {
            explain = new Explain(program);
            vm = null;
            columnNames = Explain.COLUMNS;
        } else {
            explain = null;
            vm = new Vm(program, connection.context());
            columnNames = program.columnNames();
            int count = program.parameterNames().size();
            for (int i = 1; i <= count; i++) {
                Register old = previous != null && i <= previous.program().parameterNames().size()
                        ? previous.parameter(i) : earlyBindings.get(i);
                if (old != null) {
                    vm.parameter(i).copyFrom(old);
                }
            }
            earlyBindings.clear();
        }
        if (previous != null) {
            previous.close();
        }
    }

    /** Whether there is a program and it was compiled against the connection's current schema. */
    boolean isCurrent() {
        return program != null && compiledAgainst == connection.currentSchema();
    }

    /** The program; null before the first successful compilation. */
    Program program() {
        return program;
    }

    /** The VM running the program; null for an EXPLAIN or before the first compilation. */
    Vm vm() {
        return vm;
    }

    /** The listing of an EXPLAIN; null otherwise. */
    Explain explain() {
        return explain;
    }

    List<String> columnNames() {
        return columnNames;
    }

    /** Whether running the program writes. */
    boolean writes() {
        return program != null && !program.isReadOnly();
    }

    /** Whether a writing run inside a transaction needs a savepoint ({@link Program#needsStatementSavepoint}). */
    boolean needsStatementSavepoint() {
        return program == null || program.needsStatementSavepoint();
    }

    /** Whether the program reads the database: anything but a transaction-control statement. */
    boolean reads() {
        return program == null || !program.isTransactionControl();
    }

    /** A parameter to bind into before the first compilation (any index from 1 is taken). */
    Register earlyParameter(int index) {
        return earlyBindings.computeIfAbsent(index, i -> new Register());
    }

    void clearEarlyBindings() {
        earlyBindings.clear();
    }

    void close() {
        if (vm != null) {
            vm.close();
        }
    }
}
