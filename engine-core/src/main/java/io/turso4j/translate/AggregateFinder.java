package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.sql.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the aggregate calls of a SELECT's result columns and HAVING (SQLite resolves these
 * in {@code sqlite3ResolveExprNames} and {@code analyzeAggregate}): a call is an aggregate
 * when the registry has an aggregate of that name and argument count. Subqueries are their
 * own scope and are not searched; an aggregate inside another's arguments, or in WHERE, is
 * "misuse of aggregate function f()". Stateless apart from the registry; one per SELECT.
 */
final class AggregateFinder {
    private final FunctionRegistry functions;

    AggregateFinder(FunctionRegistry functions) {
        this.functions = functions;
    }

    boolean isAggregate(Expr.Function f) {
        return f.over() == null && functions.aggregate(f.name(), f.star() ? 0 : f.args().size()) != null;
    }

    /** Adds the aggregate calls in {@code e} to {@code out}, outermost first. */
    void collect(Expr e, List<Expr.Function> out) {
        if (e instanceof Expr.Function f && isAggregate(f)) {
            for (Expr arg : f.args()) {
                rejectIn(arg);
            }
            if (f.filter() != null) {
                rejectIn(f.filter());
            }
            out.add(f);
            return;
        }
        for (Expr child : children(e)) {
            collect(child, out);
        }
    }

    /** Fails if {@code e} calls an aggregate (outside a subquery). */
    void rejectIn(Expr e) {
        List<Expr.Function> found = new ArrayList<>();
        collect(e, found);
        if (!found.isEmpty()) {
            throw ExprCodegen.error("misuse of aggregate function " + found.getFirst().name() + "()");
        }
    }

    private static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Literal l -> List.of();
            case Expr.Variable v -> List.of();
            case Expr.Column c -> List.of();
            case Expr.Unary u -> List.of(u.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Like l -> l.escape() == null ? List.of(l.left(), l.pattern())
                    : List.of(l.left(), l.pattern(), l.escape());
            case Expr.Between b -> List.of(b.expr(), b.low(), b.high());
            case Expr.InList i -> concat(List.of(i.expr()), i.values());
            case Expr.InSelect i -> List.of(i.expr());
            case Expr.InTable i -> concat(List.of(i.expr()), i.args() == null ? List.of() : i.args());
            case Expr.NullTest n -> List.of(n.expr());
            case Expr.Collate c -> List.of(c.expr());
            case Expr.Cast c -> List.of(c.expr());
            case Expr.Case c -> {
                List<Expr> all = new ArrayList<>();
                if (c.base() != null) {
                    all.add(c.base());
                }
                for (Expr.When w : c.whens()) {
                    all.add(w.when());
                    all.add(w.then());
                }
                if (c.otherwise() != null) {
                    all.add(c.otherwise());
                }
                yield all;
            }
            case Expr.Exists x -> List.of();
            case Expr.Subquery s -> List.of();
            case Expr.Function f -> f.filter() == null ? f.args() : concat(f.args(), List.of(f.filter()));
            case Expr.Raise r -> r.message() == null ? List.of() : List.of(r.message());
            case Expr.Row r -> r.values();
        };
    }

    private static List<Expr> concat(List<Expr> a, List<Expr> b) {
        List<Expr> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
