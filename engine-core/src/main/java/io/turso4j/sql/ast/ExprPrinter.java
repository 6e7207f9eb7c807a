package io.turso4j.sql.ast;

import io.turso4j.sql.lexer.Lexer;
import java.util.List;

/**
 * The expression and SELECT half of {@link SqlPrinter}: renders with the
 * fewest parentheses that make SQLite's precedence rules (see the table in
 * {@code io.turso4j.sql.parser.ExprParser}) rebuild the same tree. Each node
 * has a binding level; an operand is parenthesized when its level is below
 * what its position requires (left operands: the operator's level; right
 * operands: one above, since every binary operator associates to the left).
 *
 * <p>Not thread-safe: one instance per rendering.
 */
abstract class ExprPrinter {
    static final int LOWEST = 0, OR = 1, AND = 2, NOT = 3, EQUALITY = 4, COMPARE = 5, BITWISE = 7, ADD = 8,
            MUL = 9, CONCAT = 10, COLLATE = 11, UNARY = 12, PRIMARY = 13;

    final StringBuilder out = new StringBuilder(64);

    // ---- names and literals ---------------------------------------------------

    /** A name, double-quoted when it is not a plain identifier or spells a keyword. */
    final void name(String name) {
        if (isPlain(name)) {
            out.append(name);
        } else {
            out.append('"').append(name.replace("\"", "\"\"")).append('"');
        }
    }

    private static boolean isPlain(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || c0 == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return !Lexer.isKeyword(s);
    }

    final void qualified(Name n) {
        if (n.schema() != null) {
            name(n.schema());
            out.append('.');
        }
        name(n.name());
    }

    final void string(String s) {
        out.append('\'').append(s.replace("'", "''")).append('\'');
    }

    final void names(List<String> list) {
        out.append('(');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            name(list.get(i));
        }
        out.append(')');
    }

    final void exprs(List<Expr> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            expr(list.get(i));
        }
    }

    // ---- expressions ------------------------------------------------------------

    final void expr(Expr e) {
        expr(e, LOWEST);
    }

    /** Renders {@code e} where the grammar needs binding level {@code min} or tighter. */
    final void expr(Expr e, int min) {
        boolean paren = level(e) < min;
        if (paren) {
            out.append('(');
        }
        switch (e) {
            case Expr.Literal l -> literal(l);
            case Expr.Variable v -> out.append(v.name());
            case Expr.Column c -> {
                if (c.schema() != null) {
                    name(c.schema());
                    out.append('.');
                }
                if (c.table() != null) {
                    name(c.table());
                    out.append('.');
                }
                name(c.column());
            }
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> {
                int level = binaryLevel(b.op());
                expr(b.left(), level);
                out.append(' ').append(b.op().sql()).append(' ');
                expr(b.right(), level + 1);
            }
            case Expr.Like l -> {
                expr(l.left(), EQUALITY);
                out.append(l.not() ? " NOT " : " ").append(l.op().name()).append(' ');
                expr(l.pattern(), COMPARE);
                if (l.escape() != null) {
                    out.append(" ESCAPE ");
                    expr(l.escape(), COMPARE);
                }
            }
            case Expr.Between b -> {
                expr(b.expr(), EQUALITY);
                out.append(b.not() ? " NOT BETWEEN " : " BETWEEN ");
                expr(b.low(), NOT);
                out.append(" AND ");
                expr(b.high(), COMPARE);
            }
            case Expr.InList in -> {
                expr(in.expr(), EQUALITY);
                out.append(in.not() ? " NOT IN (" : " IN (");
                exprs(in.values());
                out.append(')');
            }
            case Expr.InSelect in -> {
                expr(in.expr(), EQUALITY);
                out.append(in.not() ? " NOT IN (" : " IN (");
                select(in.select());
                out.append(')');
            }
            case Expr.InTable in -> {
                expr(in.expr(), EQUALITY);
                out.append(in.not() ? " NOT IN " : " IN ");
                qualified(in.table());
                if (in.args() != null) {
                    out.append('(');
                    exprs(in.args());
                    out.append(')');
                }
            }
            case Expr.NullTest n -> {
                expr(n.expr(), EQUALITY);
                out.append(n.not() ? " NOTNULL" : " ISNULL");
            }
            case Expr.Collate c -> {
                expr(c.expr(), COLLATE);
                out.append(" COLLATE ");
                name(c.collation());
            }
            case Expr.Cast c -> {
                out.append("CAST(");
                expr(c.expr());
                out.append(" AS");
                if (c.type() != null) {
                    out.append(' ');
                    typeName(c.type());
                }
                out.append(')');
            }
            case Expr.Case c -> caseExpr(c);
            case Expr.Exists x -> {
                out.append("EXISTS (");
                select(x.select());
                out.append(')');
            }
            case Expr.Subquery s -> {
                out.append('(');
                select(s.select());
                out.append(')');
            }
            case Expr.Function f -> function(f);
            case Expr.Raise r -> {
                out.append("RAISE(").append(r.kind().name());
                if (r.message() != null) {
                    out.append(", ");
                    expr(r.message());
                }
                out.append(')');
            }
            case Expr.Row r -> {
                out.append('(');
                exprs(r.values());
                out.append(')');
            }
        }
        if (paren) {
            out.append(')');
        }
    }

    private static int level(Expr e) {
        return switch (e) {
            case Expr.Binary b -> binaryLevel(b.op());
            case Expr.Unary u -> u.op() == Expr.UnaryOp.NOT ? NOT : UNARY;
            case Expr.Like l -> EQUALITY;
            case Expr.Between b -> EQUALITY;
            case Expr.InList i -> EQUALITY;
            case Expr.InSelect i -> EQUALITY;
            case Expr.InTable i -> EQUALITY;
            case Expr.NullTest n -> EQUALITY;
            case Expr.Collate c -> COLLATE;
            default -> PRIMARY;
        };
    }

    private static int binaryLevel(Expr.BinaryOp op) {
        return switch (op) {
            case OR -> OR;
            case AND -> AND;
            case EQ, NE, IS, IS_NOT -> EQUALITY;
            case LT, LE, GT, GE -> COMPARE;
            case BITAND, BITOR, LSHIFT, RSHIFT -> BITWISE;
            case ADD, SUB -> ADD;
            case MUL, DIV, MOD -> MUL;
            case CONCAT, JSON_PTR, JSON_PTR_TEXT -> CONCAT;
        };
    }

    final void literal(Expr.Literal l) {
        switch (l.kind()) {
            case STRING -> string(l.text());
            case BLOB -> out.append("X'").append(l.text()).append('\'');
            default -> out.append(l.text());
        }
    }

    private void unary(Expr.Unary u) {
        switch (u.op()) {
            case NOT -> {
                out.append("NOT ");
                expr(u.operand(), NOT);
            }
            case NEGATE, PLUS, BITNOT -> {
                char sign = u.op() == Expr.UnaryOp.NEGATE ? '-' : u.op() == Expr.UnaryOp.PLUS ? '+' : '~';
                out.append(sign);
                int mark = out.length();
                expr(u.operand(), UNARY);
                if (out.charAt(mark) == '-' || out.charAt(mark) == '+') {
                    out.insert(mark, ' '); // "- -1", never the comment "--1"
                }
            }
        }
    }

    private void caseExpr(Expr.Case c) {
        out.append("CASE");
        if (c.base() != null) {
            out.append(' ');
            expr(c.base());
        }
        for (Expr.When w : c.whens()) {
            out.append(" WHEN ");
            expr(w.when());
            out.append(" THEN ");
            expr(w.then());
        }
        if (c.otherwise() != null) {
            out.append(" ELSE ");
            expr(c.otherwise());
        }
        out.append(" END");
    }

    private void function(Expr.Function f) {
        name(f.name());
        out.append('(');
        if (f.star()) {
            out.append('*');
        } else {
            if (f.distinct()) {
                out.append("DISTINCT ");
            }
            exprs(f.args());
            if (!f.orderBy().isEmpty()) {
                out.append(" ORDER BY ");
                orderingTerms(f.orderBy());
            }
        }
        out.append(')');
        if (f.filter() != null) {
            out.append(" FILTER (WHERE ");
            expr(f.filter());
            out.append(')');
        }
        if (f.over() != null) {
            out.append(" OVER ");
            switch (f.over()) {
                case Window.OverName n -> name(n.name());
                case Window.Spec s -> windowSpec(s);
            }
        }
    }

    final void typeName(TypeName t) {
        out.append(t.name());
        if (!t.args().isEmpty()) {
            out.append('(').append(String.join(", ", t.args())).append(')');
        }
    }

    final void orderingTerms(List<OrderingTerm> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            OrderingTerm t = terms.get(i);
            expr(t.expr());
            if (t.order() != null) {
                out.append(' ').append(t.order().name());
            }
            if (t.nulls() != null) {
                out.append(" NULLS ").append(t.nulls().name());
            }
        }
    }

    final void windowSpec(Window.Spec s) {
        out.append('(');
        String sep = "";
        if (s.base() != null) {
            name(s.base());
            sep = " ";
        }
        if (!s.partitionBy().isEmpty()) {
            out.append(sep).append("PARTITION BY ");
            exprs(s.partitionBy());
            sep = " ";
        }
        if (!s.orderBy().isEmpty()) {
            out.append(sep).append("ORDER BY ");
            orderingTerms(s.orderBy());
            sep = " ";
        }
        if (s.frame() != null) {
            out.append(sep);
            frame(s.frame());
        }
        out.append(')');
    }

    private void frame(Window.Frame f) {
        out.append(f.units().name()).append(' ');
        if (f.end() != null) {
            out.append("BETWEEN ");
            bound(f.start());
            out.append(" AND ");
            bound(f.end());
        } else {
            bound(f.start());
        }
        if (f.exclude() != null) {
            out.append(" EXCLUDE ").append(f.exclude().name().replace('_', ' '));
        }
    }

    private void bound(Window.Bound b) {
        if (b.offset() != null) {
            expr(b.offset(), NOT);
            out.append(' ');
        }
        out.append(b.kind().name().replace('_', ' '));
    }

    /** Renders a SELECT statement (in {@link SqlPrinter}). */
    abstract void select(Select s);
}
