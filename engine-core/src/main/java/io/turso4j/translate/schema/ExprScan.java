package io.turso4j.translate.schema;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import java.util.List;
import java.util.function.Consumer;

/**
 * Visits an expression tree node by node, parents before children, without entering
 * subqueries (a subquery is one node). What schema building needs to know of an expression —
 * is it constant, which columns does it name — is a question about its nodes. Stateless.
 */
public final class ExprScan {
    private ExprScan() {
    }

    public static void forEach(Expr e, Consumer<Expr> visit) {
        if (e == null) {
            return;
        }
        visit.accept(e);
        switch (e) {
            case Expr.Literal l -> {
            }
            case Expr.Variable v -> {
            }
            case Expr.Column c -> {
            }
            case Expr.Unary u -> forEach(u.operand(), visit);
            case Expr.Binary b -> {
                forEach(b.left(), visit);
                forEach(b.right(), visit);
            }
            case Expr.Like l -> {
                forEach(l.left(), visit);
                forEach(l.pattern(), visit);
                forEach(l.escape(), visit);
            }
            case Expr.Between b -> {
                forEach(b.expr(), visit);
                forEach(b.low(), visit);
                forEach(b.high(), visit);
            }
            case Expr.InList i -> {
                forEach(i.expr(), visit);
                all(i.values(), visit);
            }
            case Expr.InSelect i -> forEach(i.expr(), visit);
            case Expr.InTable i -> {
                forEach(i.expr(), visit);
                if (i.args() != null) {
                    all(i.args(), visit);
                }
            }
            case Expr.NullTest n -> forEach(n.expr(), visit);
            case Expr.Collate c -> forEach(c.expr(), visit);
            case Expr.Cast c -> forEach(c.expr(), visit);
            case Expr.Case c -> {
                forEach(c.base(), visit);
                for (Expr.When w : c.whens()) {
                    forEach(w.when(), visit);
                    forEach(w.then(), visit);
                }
                forEach(c.otherwise(), visit);
            }
            case Expr.Exists x -> {
            }
            case Expr.Subquery s -> {
            }
            case Expr.Function f -> {
                all(f.args(), visit);
                for (OrderingTerm t : f.orderBy()) {
                    forEach(t.expr(), visit);
                }
                forEach(f.filter(), visit);
            }
            case Expr.Raise r -> forEach(r.message(), visit);
            case Expr.Row r -> all(r.values(), visit);
        }
    }

    private static void all(List<Expr> list, Consumer<Expr> visit) {
        for (Expr e : list) {
            forEach(e, visit);
        }
    }

    /**
     * SQLite's sqlite3ExprIsConstantOrFunction as a DEFAULT value needs it: no column, no
     * subquery, no RAISE, no window function; a bound parameter only while loading (SQLite then
     * reads it as NULL). {@code true} and {@code false} as bare names are constants.
     */
    static boolean isConstantDefault(Expr e, boolean loading) {
        boolean[] constant = {true};
        forEach(e, node -> {
            boolean bad = switch (node) {
                case Expr.Column c -> c.table() != null || !isTrueFalse(c.column());
                case Expr.Variable v -> !loading;
                case Expr.Exists x -> true;
                case Expr.Subquery s -> true;
                case Expr.InSelect i -> true;
                case Expr.Raise r -> true;
                case Expr.Function f -> f.over() != null;
                default -> false;
            };
            if (bad) {
                constant[0] = false;
            }
        });
        return constant[0];
    }

    private static boolean isTrueFalse(String name) {
        return name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false");
    }

    /** Strips COLLATE wrappers (sqlite3ExprSkipCollate). */
    static Expr skipCollate(Expr e) {
        while (e instanceof Expr.Collate c) {
            e = c.expr();
        }
        return e;
    }
}
