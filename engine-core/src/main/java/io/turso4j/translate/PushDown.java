package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's WHERE-clause push-down (pushDownWhereTerms) into a FROM subquery that is a
 * compound or a multi-row VALUES whose arms neither group nor aggregate: a WHERE term that
 * reads only that subquery's columns is copied into every arm, with the columns replaced by
 * the arm's expressions. It changes results, not just speed — inside an arm each expression
 * keeps its own affinity, where the subquery's column may have another — which is why it is
 * done here as SQLite does.
 * The term also stays in the outer WHERE. Stateless; any thread.
 */
final class PushDown {
    private PushDown() {}

    /**
     * {@code sub} with the pushable terms of {@code where} added to its arms, or {@code sub}
     * itself when it takes none. {@code alias} and {@code columns} name the subquery's columns
     * as the outer query sees them.
     */
    static Select into(Select sub, String alias, List<String> columns, List<Expr> where, FunctionRegistry functions) {
        if (sub.with() != null || !sub.orderBy().isEmpty() || sub.limit() != null || !isMultiArm(sub.body())
                || !pushableArms(sub.body(), new AggregateFinder(functions))
                || !removesNoDuplicates(sub.body()) && !binaryColumns(sub.body())) {
            return sub;
        }
        List<Expr> terms = new ArrayList<>();
        for (Expr term : where) {
            if (ExprRewriter.isPushable(term, functions) && readsOnly(term, alias, columns)) {
                terms.add(term);
            }
        }
        if (terms.isEmpty()) {
            return sub;
        }
        return new Select(sub.pos(), null, push(sub.body(), terms, alias, columns), sub.orderBy(), sub.limit());
    }

    private static boolean isMultiArm(Select.Body body) {
        return body instanceof Select.Compound || (body instanceof Select.Values v && v.rows().size() > 1);
    }

    /** Whether every operator of the compound is UNION ALL (or the body is VALUES). */
    private static boolean removesNoDuplicates(Select.Body body) {
        return !(body instanceof Select.Compound c)
                || c.op() == Select.CompoundOp.UNION_ALL && removesNoDuplicates(c.left()) && removesNoDuplicates(c.right());
    }

    /**
     * Whether no arm gives a result column a collation other than BINARY: SQLite pushes into a
     * compound with UNION, INTERSECT or EXCEPT only then (its restriction 8), as the pushed
     * term would otherwise see rows that the collation has not yet merged. Only explicit
     * COLLATEs are seen here, not those of a table column an arm reads.
     */
    private static boolean binaryColumns(Select.Body body) {
        return switch (body) {
            case Select.Compound c -> binaryColumns(c.left()) && binaryColumns(c.right());
            case Select.Values v -> v.rows().stream().allMatch(row -> row.stream().allMatch(PushDown::isBinary));
            case Select.Core core -> core.columns().stream()
                    .allMatch(rc -> rc instanceof Select.ExprColumn ec && isBinary(ec.expr()));
        };
    }

    private static boolean isBinary(Expr e) {
        String name = ExprTyping.collationName(e, null);
        return name == null || name.equalsIgnoreCase("BINARY");
    }

    /** Arms that can take a WHERE term: no grouping, DISTINCT, window or aggregate; VALUES rows. */
    private static boolean pushableArms(Select.Body body, AggregateFinder aggregates) {
        return switch (body) {
            case Select.Compound c -> pushableArms(c.left(), aggregates) && pushableArms(c.right(), aggregates);
            case Select.Values v -> true;
            case Select.Core core -> !core.distinct() && core.groupBy().isEmpty() && core.having() == null
                    && core.windows().isEmpty()
                    && core.columns().stream().allMatch(rc -> rc instanceof Select.ExprColumn ec && !hasAggregate(ec.expr(), aggregates));
        };
    }

    private static boolean hasAggregate(Expr e, AggregateFinder aggregates) {
        List<Expr.Function> found = new ArrayList<>();
        aggregates.collect(e, found);
        return !found.isEmpty();
    }

    private static boolean readsOnly(Expr term, String alias, List<String> columns) {
        boolean[] ok = {true};
        ExprRewriter.substitute(term, c -> {
            if (index(c, alias, columns) < 0) {
                ok[0] = false;
            }
            return c;
        });
        return ok[0];
    }

    private static int index(Expr.Column c, String alias, List<String> columns) {
        if (c.schema() != null || (c.table() != null && !c.table().equalsIgnoreCase(alias))) {
            return -1;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(c.column())) {
                return i;
            }
        }
        return -1;
    }

    private static Select.Body push(Select.Body body, List<Expr> terms, String alias, List<String> columns) {
        return switch (body) {
            case Select.Compound c -> new Select.Compound(push(c.left(), terms, alias, columns), c.op(),
                    push(c.right(), terms, alias, columns));
            case Select.Core core -> {
                List<Expr> exprs = core.columns().stream().map(rc -> ((Select.ExprColumn) rc).expr()).toList();
                yield withWhere(core, and(core.where(), terms, exprs, alias, columns));
            }
            case Select.Values v -> {
                Select.Body arms = null;
                for (List<Expr> row : v.rows()) {
                    // Aliased as VALUES names its columns, so the arms' names stay the subquery's.
                    List<Select.ResultColumn> cols = new ArrayList<>();
                    for (int i = 0; i < row.size(); i++) {
                        cols.add(new Select.ExprColumn(row.get(i), "column" + (i + 1)));
                    }
                    Select.Core core = new Select.Core(false, cols, null, and(null, terms, row, alias, columns),
                            List.of(), null, List.of());
                    arms = arms == null ? core : new Select.Compound(arms, Select.CompoundOp.UNION_ALL, core);
                }
                yield arms;
            }
        };
    }

    private static Select.Core withWhere(Select.Core core, Expr where) {
        return new Select.Core(core.distinct(), core.columns(), core.from(), where, core.groupBy(), core.having(),
                core.windows());
    }

    /** {@code where AND term1' AND term2' …}, each term with the columns replaced by {@code exprs}. */
    private static Expr and(Expr where, List<Expr> terms, List<Expr> exprs, String alias, List<String> columns) {
        Expr result = where;
        for (Expr term : terms) {
            Expr pushed = ExprRewriter.substitute(term, c -> exprs.get(index(c, alias, columns)));
            result = result == null ? pushed : new Expr.Binary(pushed.pos(), Expr.BinaryOp.AND, result, pushed);
        }
        return result;
    }
}
