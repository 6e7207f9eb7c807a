package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate SELECT whose rows make at most one group: aggregates without GROUP BY (over a
 * FROM clause, or over the one row of a core without FROM), and GROUP BY over no FROM. The
 * loops step every call ({@link AggregateCode}), then finish them; the result row is coded by
 * the caller after {@link #code}. Two of SQLite's shortcuts are taken here: {@code count(*)} of
 * a lone table, counted page by page in its narrowest b-tree ({@link SimpleCount}), and a lone
 * {@code min()} or {@code max()}, read from the first row an index yields.
 *
 * <p>The one-group counterpart of {@link GroupByCodegen}, apart from {@link SelectCodegen}
 * because none of it (the loops, the shortcuts, when bare columns need the row copied) is
 * shared with the other shapes of a core. Not thread-safe; one per SELECT.
 */
final class AggregateSelect {
    private final ProgramBuilder b;
    private final ExprCodegen exprs;
    /** The compilation's EXPLAIN QUERY PLAN lines, where the count shortcut notes its plan line. */
    private final PlanLines plan;

    AggregateSelect(ProgramBuilder b, ExprCodegen exprs, PlanLines plan) {
        this.b = b;
        this.exprs = exprs;
        this.plan = plan;
    }

    /**
     * Aggregates: each row that passes WHERE steps every aggregate (without FROM there is the
     * one row); then they are finalised. Without GROUP BY a row is produced even when no row
     * passed (aggregates over nothing); with GROUP BY there is then no group and no row.
     * HAVING filters the row.
     */
    void code(Select.Core core, List<Expr.Function> calls, List<Expr> where, FromCodegen from, int skip,
              List<Expr> columns) {
        FromCodegen.LoneTable counted = SimpleCount.source(core, columns, calls, where, from);
        if (counted != null) {
            int count = b.allocRegister();
            SimpleCount.code(b, plan, counted, count);
            exprs.bindAggregate(calls.getFirst(), count);
            return;
        }
        AggregateCode aggregates = new AggregateCode(b, exprs, calls);
        int stepped = b.allocRegister();
        int firstRow = b.allocRegister();
        aggregates.reset();
        b.emit(Opcode.Integer, 0, stepped);
        b.emit(Opcode.Integer, 1, firstRow);
        int next = b.newLabel();
        int after = b.newLabel();
        boolean firstOnly = false;
        if (from != null) {
            List<Expr> used = new ArrayList<>(columns);
            if (core.having() != null) {
                used.add(core.having());
            }
            List<io.turso4j.sql.ast.OrderingTerm> minMax = core.groupBy().isEmpty() && core.having() == null
                    ? minMaxOrder(calls) : null;
            from.searchesFirst(minMax != null);
            firstOnly = from.openLoops(where, used, minMax);
            if (firstOnly && minMax.getFirst().order() == io.turso4j.sql.ast.OrderingTerm.SortOrder.ASC) {
                // min() ignores NULLs, which come first in the order.
                b.emit(Opcode.IsNull, exprs.codeTemp(minMax.getFirst().expr()), next);
            }
        } else {
            for (Expr w : where) {
                exprs.jumpIfNotTrue(w, next);
            }
        }
        for (Expr g : core.groupBy()) {
            exprs.codeTemp(g);
        }
        if (!core.groupBy().isEmpty()) { // only the IfNot below reads it: no instruction per row otherwise
            b.emit(Opcode.Integer, 1, stepped);
        }
        aggregates.step();
        if (from != null) {
            // Bare columns after the loops show one row of those aggregated; copying it is
            // skipped when nothing after the loops reads a column.
            if (readsRowAfterLoops(columns, core.having())) {
                int notThisRow = b.newLabel();
                aggregates.jumpUnlessBareRow(firstRow, notThisRow);
                from.copyRowsToRegisters();
                b.resolve(notThisRow);
            }
            if (firstOnly) {
                b.emit(Opcode.Goto, 0, after);
            }
            from.closeLoops(next);
            b.resolve(after);
            from.useRegisters();
        } else {
            b.resolve(next);
        }
        aggregates.finish();
        if (!core.groupBy().isEmpty()) {
            b.emit(Opcode.IfNot, stepped, skip, 1);
        }
        if (core.having() != null) {
            exprs.jumpIfNotTrue(core.having(), skip);
        }
    }

    /**
     * For a lone {@code min(column)} or {@code max(column)}: the order in which the first row
     * the loops yield is the answer (SQLite's min/max optimization), else null.
     */
    private static List<io.turso4j.sql.ast.OrderingTerm> minMaxOrder(List<Expr.Function> calls) {
        if (calls.size() != 1) {
            return null;
        }
        Expr.Function f = calls.getFirst();
        boolean min = f.name().equalsIgnoreCase("min");
        if ((!min && !f.name().equalsIgnoreCase("max")) || f.args().size() != 1 || f.distinct() || f.star()
                || f.filter() != null || f.over() != null || (f.orderBy() != null && !f.orderBy().isEmpty())
                || !(f.args().getFirst() instanceof Expr.Column)) {
            return null;
        }
        return List.of(new io.turso4j.sql.ast.OrderingTerm(f.args().getFirst(),
                min ? io.turso4j.sql.ast.OrderingTerm.SortOrder.ASC : io.turso4j.sql.ast.OrderingTerm.SortOrder.DESC, null));
    }

    /**
     * Whether the result columns or HAVING read a column outside an aggregate's arguments (a
     * bare column), or might (a subquery, which could be correlated).
     */
    private boolean readsRowAfterLoops(List<Expr> columns, Expr having) {
        AggregateFinder finder = new AggregateFinder(exprs.functions());
        for (Expr e : columns) {
            if (readsRow(e, finder)) {
                return true;
            }
        }
        return having != null && readsRow(having, finder);
    }

    private static boolean readsRow(Expr e, AggregateFinder finder) {
        return switch (e) {
            case Expr.Function f when finder.isAggregate(f) -> false;
            case Expr.Column c -> true;
            case Expr.InSelect s -> true;
            case Expr.Exists s -> true;
            case Expr.Subquery s -> true;
            case Expr.InTable s -> true;
            default -> {
                for (Expr child : ExprTyping.children(e)) {
                    if (readsRow(child, finder)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }
}
