package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * SQLite's count(*) optimization (isSimpleCount, OP_Count): {@code SELECT count(*) FROM t},
 * with no WHERE, GROUP BY, HAVING, join or other result column, counts the entries of t's
 * narrowest b-tree page by page instead of stepping the aggregate once per row. The b-tree is
 * the one SQLite picks — the index whose entries it guesses smallest, if smaller than the
 * table's rows and not partial (none under NOT INDEXED), else the table — and the plan line
 * says so as SQLite's does. Stateless.
 */
final class SimpleCount {
    private SimpleCount() {}

    /** The table whose entries {@code core} counts and nothing else, or null when the shortcut does not apply. */
    static FromCodegen.LoneTable source(Select.Core core, List<Expr> columns, List<Expr.Function> calls,
                                        List<Expr> where, FromCodegen from) {
        if (from == null || !where.isEmpty() || !core.groupBy().isEmpty() || core.having() != null
                || calls.size() != 1 || columns.size() != 1 || columns.getFirst() != calls.getFirst()) {
            return null;
        }
        Expr.Function f = calls.getFirst();
        if (!f.name().equalsIgnoreCase("count") || !f.star() || f.distinct() || f.filter() != null
                || f.over() != null || !f.orderBy().isEmpty()) {
            return null;
        }
        FromCodegen.LoneTable lone = from.loneTable();
        return lone == null || lone.table().isVirtual() ? null : lone;
    }

    /** Codes the count of {@code lone}'s entries into register {@code out}, and its plan line. */
    static void code(ProgramBuilder b, PlanLines plan, FromCodegen.LoneTable lone, int out) {
        Table table = lone.table();
        Index primaryKey = table.hasRowid() ? null : table.primaryKeyIndex();
        Index best = narrowest(table, primaryKey, "".equals(lone.indexedBy()));
        int cursor = b.allocCursor();
        if (best == null || best == primaryKey) {
            WithoutRowidTables.open(b, Opcode.OpenRead, cursor, table);
        } else {
            b.emit(Opcode.OpenRead, cursor, best.rootPage(), table.db(), IndexKeys.comparator(best), 0);
        }
        b.emit(Opcode.Count, cursor, out);
        b.emit(Opcode.Close, cursor, 0);
        boolean covering = best != null && best != primaryKey;
        plan.explain("SCAN " + table.name() + (covering ? " USING COVERING INDEX " + best.name() : ""));
    }

    /** The index SQLite would count instead of the table (starting from the primary key's, if any), or null. */
    private static Index narrowest(Table table, Index primaryKey, boolean notIndexed) {
        Index best = primaryKey;
        if (notIndexed) {
            return best;
        }
        int rowSize = SqliteCosts.rowSize(table);
        for (Index index : table.indexes()) {
            int size = SqliteCosts.entrySize(index, table);
            if (!index.isPartial() && size < rowSize && (best == null || size < SqliteCosts.entrySize(best, table))) {
                best = index;
            }
        }
        return best;
    }
}
