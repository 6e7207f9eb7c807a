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
        if (e instanceof Expr.Binary b) { // the commonest node: walked without a list of its operands
            collect(b.left(), out);
            collect(b.right(), out);
            return;
        }
        List<Expr> children = ExprTyping.children(e); // indexed: see ExprTyping.children
        for (int i = 0; i < children.size(); i++) {
            collect(children.get(i), out);
        }
    }

    /** Fails if {@code e} calls an aggregate (outside a subquery). */
    void rejectIn(Expr e) {
        List<Expr.Function> found = new ArrayList<>();
        collect(e, found);
        if (!found.isEmpty()) {
            throw ExprCodegen.error("misuse of aggregate function " + found.getFirst().name() + "()", found.getFirst().pos());
        }
    }
}
