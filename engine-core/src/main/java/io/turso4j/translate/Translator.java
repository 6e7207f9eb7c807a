package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.CreateTrigger;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.ast.Update;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;
import java.util.Locale;

/**
 * One parsed statement in, one {@link Program} out: SQLite's {@code sqlite3FinishCoding} at
 * the end of each statement's code generator.
 *
 * <p>What compiles today: SELECT over no table, or over subqueries and common table
 * expressions in FROM (see {@link SelectCodegen}, {@link FromCodegen}); BEGIN, COMMIT,
 * ROLLBACK, SAVEPOINT and RELEASE ({@link TransactionCodegen}); PRAGMA ({@link
 * PragmaCodegen}); and EXPLAIN. Statements that need a table fail as SQLite does when the table is missing ("no such
 * table: t"), since no schema is loaded yet; the rest fail with "… is not supported yet".
 * Stateless; any thread.
 */
public final class Translator {
    private Translator() {}

    /**
     * The compiled statement.
     *
     * @param program what to run (for EXPLAIN, the program being explained)
     * @param explain true for {@code EXPLAIN stmt}: list {@code program} instead of running it
     */
    public record Compiled(Program program, boolean explain) {}

    /**
     * Compiles {@code stmt}, parsed from {@code sql} (the text its positions refer to).
     *
     * @throws io.turso4j.error.SqliteException with SQLite's message when it cannot
     */
    public static Compiled compile(Stmt stmt, String sql, FunctionRegistry functions) {
        return compile(stmt, sql, sql, functions, Schema.empty(0));
    }

    /**
     * Compiles {@code stmt} against {@code schema}; {@code text} is the statement's own text
     * (what a CREATE stores in sqlite_schema).
     */
    public static Compiled compile(Stmt stmt, String sql, String text, FunctionRegistry functions, Schema schema) {
        if (stmt instanceof Stmt.Explain explain) {
            if (explain.queryPlan()) {
                return new Compiled(ExplainQueryPlan.compile(explain.stmt(), sql, functions, schema), false);
            }
            return new Compiled(compile(explain.stmt(), sql, text, functions, schema).program(), true);
        }
        return new Compiled(program(stmt, sql, text, functions, schema), false);
    }

    private static Program program(Stmt stmt, String sql, String text, FunctionRegistry functions, Schema schema) {
        Program inDatabase = DatabaseDdl.compile(stmt, schema, (s, own) -> programHere(s, sql, text, functions, own));
        return inDatabase != null ? inDatabase : programHere(stmt, sql, text, functions, schema);
    }

    /** {@code stmt}'s program against {@code schema}, once {@link DatabaseDdl} chose the database it changes. */
    private static Program programHere(Stmt stmt, String sql, String text, FunctionRegistry functions, Schema schema) {
        return switch (stmt) {
            case Select select -> select(ViewExpander.expand(select, schema), sql, functions, schema);
            case Insert insert -> insert(ViewExpander.expand(insert, schema), sql, functions, schema);
            case CreateTable create when create.asSelect() != null -> {
                ProgramBuilder b = CreateTableAs.code(create, sql, text, functions, schema);
                b.emit(Opcode.Halt, 0, 0);
                yield b.build();
            }
            case CreateTable create -> DdlCodegen.createTable(create, text, schema);
            case CreateIndex create -> DdlCodegen.createIndex(create, text, schema);
            case CreateView create -> DdlCodegen.createView(create, text, schema);
            case Stmt.Reindex reindex -> DdlCodegen.reindex(reindex, schema);
            case Stmt.Analyze analyze -> AnalyzeCodegen.analyze(analyze, schema);
            case Stmt.AlterTable alter -> AlterCodegen.alter(alter, text, schema);
            case CreateTrigger create -> TriggerDdl.create(create, text, schema);
            case Stmt.Drop drop when drop.kind() == Stmt.ObjectKind.TRIGGER -> TriggerDdl.drop(drop, schema);
            case Stmt.Drop drop -> DropCodegen.drop(drop, schema);
            case Update update -> {
                Update u = ViewExpander.expand(update, schema);
                yield change(sql, functions, schema, (b, selects) -> ChangeCodegen.update(b, selects, u));
            }
            case Delete delete -> {
                Delete d = ViewExpander.expand(delete, schema);
                yield change(sql, functions, schema, (b, selects) -> ChangeCodegen.delete(b, selects, d));
            }
            case Stmt.Begin begin -> TransactionCodegen.begin(begin);
            case Stmt.Commit commit -> TransactionCodegen.autoCommit(1, 0);
            case Stmt.Rollback rollback when rollback.savepoint() == null -> TransactionCodegen.autoCommit(1, 1);
            case Stmt.Rollback rollback -> TransactionCodegen.savepoint(TransactionCodegen.ROLLBACK_TO, rollback.savepoint());
            case Stmt.Savepoint savepoint -> TransactionCodegen.savepoint(TransactionCodegen.BEGIN, savepoint.name());
            case Stmt.Release release -> TransactionCodegen.savepoint(TransactionCodegen.RELEASE, release.name());
            case Stmt.Pragma pragma -> PragmaCodegen.program(pragma, schema);
            case Stmt.Attach attach -> AttachCodegen.attach(attach, sql, functions, schema);
            case Stmt.Detach detach -> AttachCodegen.detach(detach, sql, functions, schema);
            case Stmt.Vacuum vacuum -> VacuumCodegen.vacuum(vacuum, sql, functions, schema);
            default -> throw ExprCodegen.error(statementName(stmt) + " is not supported yet");
        };
    }

    /**
     * INSERT: compiled streaming its source rows into the table, unless the source reads the
     * table (or one of its indexes), which would then see the rows being added; then compiled
     * again with the source materialized first, as SQLite does. The same holds for the
     * INSERT … SELECT steps of the triggers it fires (see {@link #change}).
     */
    private static Program insert(Insert insert, String sql, FunctionRegistry functions, Schema schema) {
        Table table = TableSource.lookup(schema, insert.table());
        boolean[] materialize = {false};
        return change(sql, functions, schema, (program, selects) -> {
            if (!materialize[0] && table != null && insert.source() != null && readsTable(program, table, selects)) {
                materialize[0] = true;
                return true;
            }
            return false;
        }, (b, selects) -> InsertCodegen.code(b, selects, insert, materialize[0], true));
    }

    /** Whether the program reads {@code table} or one of its indexes outside trigger code (which runs between rows). */
    private static boolean readsTable(Program program, Table table, SelectCodegen selects) {
        for (int i = 0; i < program.size(); i++) {
            if (program.opcode(i) != Opcode.OpenRead || selects.triggers().isTriggerCode(i)
                    || program.p3(i) != table.db()) {
                continue;
            }
            int root = program.p2(i);
            if (root == table.rootPage()) {
                return true;
            }
            for (Index index : table.indexes()) {
                if (root == index.rootPage()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Program change(String sql, FunctionRegistry functions, Schema schema,
                                  java.util.function.BiFunction<ProgramBuilder, SelectCodegen, List<String>> code) {
        return change(sql, functions, schema, (program, selects) -> false, code);
    }

    /**
     * A statement that changes rows, coded by {@code code}; coded again while {@code retry}
     * asks for it (having changed what {@code code} does) or while a trigger's INSERT … SELECT
     * step reads the table it fills — then with that step's source materialized first.
     */
    private static Program change(String sql, FunctionRegistry functions, Schema schema,
                                  java.util.function.BiPredicate<Program, SelectCodegen> retry,
                                  java.util.function.BiFunction<ProgramBuilder, SelectCodegen, List<String>> code) {
        java.util.Set<String> materializedSteps = new java.util.HashSet<>();
        while (true) {
            ProgramBuilder b = new ProgramBuilder();
            b.emit(Opcode.Init, 0, 1);
            SelectCodegen selects = new SelectCodegen(b, functions, sql, schema);
            selects.triggers().materializeSteps(materializedSteps);
            List<String> names = code.apply(b, selects);
            b.emit(Opcode.Halt, 0, 0);
            if (!names.isEmpty()) {
                b.setColumnNames(names);
            }
            Program program = b.build();
            if (!retry.test(program, selects) && !selects.triggers().readsInsertTargets(program, materializedSteps)) {
                return program;
            }
        }
    }

    private static Program select(Select select, String sql, FunctionRegistry functions, Schema schema) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        SelectCodegen codegen = new SelectCodegen(b, functions, sql, schema);
        codegen.select(select, (first, count) -> b.emit(Opcode.ResultRow, first, count));
        b.emit(Opcode.Halt, 0, 0);
        b.setColumnNames(ColumnNames.of(select, sql, codegen));
        return b.build();
    }

    private static String statementName(Stmt stmt) {
        String simple = stmt.getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
