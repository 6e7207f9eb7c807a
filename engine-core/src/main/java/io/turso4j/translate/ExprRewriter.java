package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import java.util.List;
import java.util.function.Function;

/**
 * Rebuilds an expression with its column references replaced, for pushing a WHERE term down
 * into a subquery's arms. Subqueries inside the expression are left as they are (the caller
 * does not push terms that hold any). Stateless; any thread.
 */
final class ExprRewriter {
    private ExprRewriter() {}

    /** {@code e} with every column reference {@code c} replaced by {@code replace.apply(c)}. */
    static Expr substitute(Expr e, Function<Expr.Column, Expr> replace) {
        Function<Expr, Expr> r = x -> x == null ? null : substitute(x, replace);
        return switch (e) {
            case Expr.Column c -> replace.apply(c);
            case Expr.Literal l -> l;
            case Expr.Variable v -> v;
            case Expr.Unary u -> new Expr.Unary(u.pos(), u.op(), r.apply(u.operand()));
            case Expr.Binary b -> new Expr.Binary(b.pos(), b.op(), r.apply(b.left()), r.apply(b.right()));
            case Expr.Like l -> new Expr.Like(l.pos(), l.op(), l.not(), r.apply(l.left()), r.apply(l.pattern()),
                    r.apply(l.escape()));
            case Expr.Between b -> new Expr.Between(b.pos(), b.not(), r.apply(b.expr()), r.apply(b.low()), r.apply(b.high()));
            case Expr.InList i -> new Expr.InList(i.pos(), i.not(), r.apply(i.expr()), all(i.values(), r));
            case Expr.InSelect i -> new Expr.InSelect(i.pos(), i.not(), r.apply(i.expr()), i.select());
            case Expr.InTable i -> new Expr.InTable(i.pos(), i.not(), r.apply(i.expr()), i.table(),
                    i.args() == null ? null : all(i.args(), r));
            case Expr.NullTest n -> new Expr.NullTest(n.pos(), n.not(), r.apply(n.expr()));
            case Expr.Collate c -> new Expr.Collate(c.pos(), r.apply(c.expr()), c.collation());
            case Expr.Cast c -> new Expr.Cast(c.pos(), r.apply(c.expr()), c.type());
            case Expr.Case c -> new Expr.Case(c.pos(), r.apply(c.base()),
                    c.whens().stream().map(w -> new Expr.When(r.apply(w.when()), r.apply(w.then()))).toList(),
                    r.apply(c.otherwise()));
            case Expr.Exists x -> x;
            case Expr.Subquery s -> s;
            case Expr.Function f -> new Expr.Function(f.pos(), f.name(), f.distinct(), f.star(), all(f.args(), r),
                    f.orderBy(), r.apply(f.filter()), f.over());
            case Expr.Raise rs -> rs;
            case Expr.Row row -> new Expr.Row(row.pos(), all(row.values(), r));
        };
    }

    private static List<Expr> all(List<Expr> exprs, Function<Expr, Expr> r) {
        return exprs.stream().map(r).toList();
    }

    /**
     * Whether a WHERE term may be copied into a subquery: literals, operators, CASE, CAST, IN
     * lists, column references, calls of deterministic scalar functions (LIKE and GLOB among
     * them; SQLite's EP_ConstFunc), and subqueries that read nothing (a table-less SELECT or
     * VALUES of constants), which cannot refer to a column of the query they sit in.
     */
    static boolean isPushable(Expr e, FunctionRegistry functions) {
        return switch (e) {
            case Expr.Literal l -> true;
            case Expr.Column c -> true;
            case Expr.Unary u -> isPushable(u.operand(), functions);
            case Expr.Binary b -> isPushable(b.left(), functions) && isPushable(b.right(), functions);
            case Expr.Between b -> isPushable(b.expr(), functions) && isPushable(b.low(), functions)
                    && isPushable(b.high(), functions);
            case Expr.InList i -> isPushable(i.expr(), functions)
                    && i.values().stream().allMatch(v -> isPushable(v, functions));
            case Expr.InSelect i -> isPushable(i.expr(), functions) && readsNothing(i.select());
            case Expr.Subquery s -> readsNothing(s.select());
            case Expr.Exists x -> readsNothing(x.select());
            case Expr.NullTest n -> isPushable(n.expr(), functions);
            case Expr.Collate c -> isPushable(c.expr(), functions);
            case Expr.Cast c -> isPushable(c.expr(), functions);
            case Expr.Function f -> f.over() == null && f.filter() == null && f.orderBy().isEmpty() && !f.star() && !f.distinct()
                    && functions.scalar(f.name(), f.args().size()) != null && functions.isDeterministic(f.name())
                    && f.args().stream().allMatch(a -> isPushable(a, functions));
            case Expr.Like l -> (l.op() == Expr.LikeOp.LIKE || l.op() == Expr.LikeOp.GLOB)
                    && isPushable(l.left(), functions) && isPushable(l.pattern(), functions)
                    && (l.escape() == null || isPushable(l.escape(), functions));
            case Expr.Case c -> (c.base() == null || isPushable(c.base(), functions))
                    && c.whens().stream().allMatch(w -> isPushable(w.when(), functions) && isPushable(w.then(), functions))
                    && (c.otherwise() == null || isPushable(c.otherwise(), functions));
            default -> false;
        };
    }

    private static boolean readsNothing(Select select) {
        return select.with() == null && readsNothing(select.body());
    }

    private static boolean readsNothing(Select.Body body) {
        return switch (body) {
            case Select.Compound c -> readsNothing(c.left()) && readsNothing(c.right());
            case Select.Values v -> v.rows().stream().allMatch(r -> r.stream().allMatch(ExprTyping::isConstant));
            case Select.Core core -> core.from() == null
                    && (core.where() == null || ExprTyping.isConstant(core.where()))
                    && core.columns().stream().allMatch(rc -> rc instanceof Select.ExprColumn ec
                            && ExprTyping.isConstant(ec.expr()));
        };
    }
}
