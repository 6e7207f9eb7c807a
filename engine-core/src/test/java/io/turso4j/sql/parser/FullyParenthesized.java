package io.turso4j.sql.parser;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.SqlPrinter;
import java.util.stream.Collectors;

/** Test helper: renders an expression with every operator application in parentheses, to expose the tree's shape. */
final class FullyParenthesized {
    private FullyParenthesized() {}

    static String of(Expr e) {
        return switch (e) {
            case Expr.Binary b -> "(" + of(b.left()) + " " + b.op().sql() + " " + of(b.right()) + ")";
            case Expr.Unary u -> "(" + switch (u.op()) {
                case NOT -> "NOT ";
                case NEGATE -> "- ";
                case PLUS -> "+ ";
                case BITNOT -> "~ ";
            } + of(u.operand()) + ")";
            case Expr.Between b -> "(" + of(b.expr()) + (b.not() ? " NOT" : "") + " BETWEEN " + of(b.low()) + " AND "
                    + of(b.high()) + ")";
            case Expr.Like l -> "(" + of(l.left()) + (l.not() ? " NOT " : " ") + l.op() + " " + of(l.pattern())
                    + (l.escape() == null ? "" : " ESCAPE " + of(l.escape())) + ")";
            case Expr.InList in -> "(" + of(in.expr()) + (in.not() ? " NOT" : "") + " IN ("
                    + in.values().stream().map(FullyParenthesized::of).collect(Collectors.joining(", ")) + "))";
            case Expr.NullTest n -> "(" + of(n.expr()) + (n.not() ? " NOTNULL" : " ISNULL") + ")";
            case Expr.Collate c -> "(" + of(c.expr()) + " COLLATE " + c.collation() + ")";
            default -> SqlPrinter.print(e);
        };
    }
}
