package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;

/**
 * What the code generator needs to know about an expression before coding it: its affinity
 * ({@code sqlite3ExprAffinity}), its collating sequence ({@code sqlite3ExprCollSeq}) and where
 * its text starts. Stateless; any thread.
 *
 * <p>Affinity: a CAST has its type's; COLLATE passes its operand's through; a scalar subquery
 * has its result column's; everything else (literals, operators, functions) has none. Columns
 * have their declared affinity — no column resolves yet, as there is no schema.
 *
 * <p>Collation: an explicit COLLATE anywhere down the left spine of operators wins, as in
 * SQLite, where the EP_Collate flag steers {@code sqlite3ExprCollSeq} into the subtree that
 * holds it; null when there is none (BINARY).
 */
final class ExprTyping {
    private ExprTyping() {}

    static Affinity affinity(Expr e) {
        return switch (e) {
            case Expr.Cast c -> Affinity.ofDeclaredType(c.type() == null ? null : c.type().name());
            case Expr.Collate c -> affinity(c.expr());
            case Expr.Subquery s -> firstColumnAffinity(s.select());
            default -> Affinity.NONE;
        };
    }

    private static Affinity firstColumnAffinity(Select select) {
        Select.Body body = select.body();
        while (body instanceof Select.Compound c) {
            body = c.left();
        }
        if (body instanceof Select.Core core && !core.columns().isEmpty()
                && core.columns().getFirst() instanceof Select.ExprColumn ec) {
            return affinity(ec.expr());
        }
        return Affinity.NONE;
    }

    /** The explicit collation of {@code e}, or null for none; an unknown name is an error. */
    static Collation collation(Expr e) {
        String name = collationName(e);
        return name == null ? null : named(name);
    }

    /** The name of the explicit collation of {@code e}, or null for none. */
    static String collationName(Expr e) {
        return switch (e) {
            case Expr.Collate c -> c.collation();
            case Expr.Cast c -> collationName(c.expr());
            case Expr.Unary u -> collationName(u.operand());
            case Expr.Binary b -> firstOf(b.left(), b.right());
            case Expr.Like l -> firstOf(l.left(), l.pattern());
            case Expr.Between b -> firstOf(b.expr(), b.low(), b.high());
            case Expr.InList i -> collationName(i.expr());
            case Expr.NullTest n -> collationName(n.expr());
            case Expr.Function f -> firstOf(f.args().toArray(Expr[]::new));
            case Expr.Case c -> c.base() != null ? collationName(c.base()) : null;
            default -> null;
        };
    }

    /** The collation for comparing {@code left} with {@code right}: the left's, else the right's. */
    static Collation binary(Expr left, Expr right) {
        Collation c = collation(left);
        return c != null ? c : collation(right);
    }

    private static String firstOf(Expr... exprs) {
        for (Expr e : exprs) {
            String c = collationName(e);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    static Collation named(String name) {
        Collation c = Collation.builtin(name);
        if (c == null) {
            throw new SqliteException(ResultCode.ERROR, "no such collation sequence: " + name);
        }
        return c;
    }

    /** The char offset where the text of {@code e} starts (its leftmost token, parentheses aside). */
    static int startOffset(Expr e) {
        return switch (e) {
            case Expr.Binary b -> startOffset(b.left());
            case Expr.Like l -> startOffset(l.left());
            case Expr.Between b -> startOffset(b.expr());
            case Expr.InList i -> startOffset(i.expr());
            case Expr.InSelect i -> startOffset(i.expr());
            case Expr.InTable i -> startOffset(i.expr());
            case Expr.NullTest n -> startOffset(n.expr());
            case Expr.Collate c -> startOffset(c.expr());
            default -> e.pos().offset();
        };
    }
}
