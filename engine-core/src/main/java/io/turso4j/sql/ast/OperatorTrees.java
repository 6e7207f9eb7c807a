package io.turso4j.sql.ast;

import java.util.function.Predicate;

/**
 * Expressions as trees of operators over leaves: what "constant" means to SQLite's parser and
 * to its code generator differs only in which leaves count. Stateless.
 */
public final class OperatorTrees {
    private OperatorTrees() {}

    /**
     * Whether {@code e} is a leaf {@code leaf} accepts, or an operator (unary, binary, CAST,
     * COLLATE, IS NULL, BETWEEN, IN list, CASE) whose operands all are, recursively. Functions,
     * subqueries and everything else are neither.
     */
    public static boolean madeOf(Expr e, Predicate<Expr> leaf) {
        if (leaf.test(e)) {
            return true;
        }
        return switch (e) {
            case Expr.Unary u -> madeOf(u.operand(), leaf);
            case Expr.Binary b -> madeOf(b.left(), leaf) && madeOf(b.right(), leaf);
            case Expr.Cast c -> madeOf(c.expr(), leaf);
            case Expr.Collate c -> madeOf(c.expr(), leaf);
            case Expr.NullTest n -> madeOf(n.expr(), leaf);
            case Expr.Between b -> madeOf(b.expr(), leaf) && madeOf(b.low(), leaf) && madeOf(b.high(), leaf);
            case Expr.InList i -> madeOf(i.expr(), leaf) && i.values().stream().allMatch(v -> madeOf(v, leaf));
            case Expr.Case c -> (c.base() == null || madeOf(c.base(), leaf))
                    && c.whens().stream().allMatch(w -> madeOf(w.when(), leaf) && madeOf(w.then(), leaf))
                    && (c.otherwise() == null || madeOf(c.otherwise(), leaf));
            default -> false;
        };
    }
}
