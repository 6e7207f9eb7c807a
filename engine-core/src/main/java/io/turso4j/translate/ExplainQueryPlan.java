package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Schema;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * {@code EXPLAIN QUERY PLAN stmt}: compiles the statement as usual, collecting one line per
 * loop and per temporary b-tree as the code generators choose them (see
 * {@link PlanLines#explain}), then returns a program that yields those lines as SQLite's
 * rows {@code (id, parent, notused, detail)}, worded as sqlite3 3.40 words them ("SCAN t",
 * "SEARCH t USING INDEX i (a=?)", "USE TEMP B-TREE FOR ORDER BY"). Lines of subqueries are not
 * nested under their parent here: they have parent 0, as a loop's line has; only the lines of a
 * MULTI-INDEX OR's branches sit below it. Stateless; any thread.
 */
final class ExplainQueryPlan {
    private ExplainQueryPlan() {}

    static Program compile(Stmt stmt, String sql, FunctionRegistry functions, Schema schema) {
        List<String> lines = List.of();
        List<Integer> depths = List.of();
        if (stmt instanceof Select select) {
            ProgramBuilder inner = new ProgramBuilder();
            SelectCodegen codegen = new SelectCodegen(inner, functions, sql, schema);
            codegen.plan().describePlan(select);
            codegen.select(select, (first, count) -> inner.emit(Opcode.ResultRow, first, count));
            lines = codegen.plan().explained();
            depths = codegen.plan().explainedDepths();
        } else {
            // Compiled for its errors; its plan is not described yet.
            Translator.compile(stmt, sql, sql, functions, schema);
        }
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        int row = b.allocRegisters(4);
        // Per depth: the id of the last line at that depth, the parent of the next one below it.
        int[] lastAt = new int[depths.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        for (int i = 0; i < lines.size(); i++) {
            int depth = depths.get(i);
            lastAt[depth] = i + 2;
            b.emit(Opcode.Integer, i + 2, row);
            b.emit(Opcode.Integer, depth == 0 ? 0 : lastAt[depth - 1], row + 1);
            b.emit(Opcode.Integer, 0, row + 2);
            b.emit(Opcode.String8, 0, row + 3, 0, lines.get(i), 0);
            b.emit(Opcode.ResultRow, row, 4);
        }
        b.emit(Opcode.Halt, 0, 0);
        b.setColumnNames(List.of("id", "parent", "notused", "detail"));
        return b.build();
    }
}
