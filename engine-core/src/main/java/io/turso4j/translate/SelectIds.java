package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers sqlite3 gives the SELECTs of a statement, which EXPLAIN QUERY PLAN shows
 * ({@code LIST SUBQUERY 2}): its parser numbers each simple SELECT (each row of a VALUES list,
 * each {@code x IN table}) as it finishes reading it, so an inner SELECT comes before the one
 * around it and a compound's arms go left to right; a compound is known by its last arm's.
 * Keyed by where each SELECT starts in the text, which survives the rewrites the statement goes
 * through before it is compiled. Stateless apart from one numbering; one thread.
 */
final class SelectIds {
    private final Map<Integer, Integer> ids = new HashMap<>();
    private int last;

    private SelectIds() {}

    /** Per SELECT of {@code root} (by its starting offset): its number. */
    static Map<Integer, Integer> of(Select root) {
        SelectIds s = new SelectIds();
        s.select(root);
        return Map.copyOf(s.ids);
    }

    private void select(Select s) {
        if (s.with() != null) {
            s.with().ctes().forEach(c -> select(c.select()));
        }
        body(s.body(), s);
        if (s.pos().offset() >= 0) {
            ids.putIfAbsent(s.pos().offset(), last);
        }
    }

    /** {@code owner}: the SELECT whose ORDER BY and LIMIT the last arm of {@code body} reads (sqlite3's grammar). */
    private void body(Select.Body body, Select owner) {
        switch (body) {
            case Select.Compound c -> {
                body(c.left(), null);
                body(c.right(), owner);
            }
            case Select.Values v -> v.rows().forEach(row -> {
                row.forEach(this::expr);
                last++;
            });
            case Select.Core core -> {
                for (Select.ResultColumn rc : core.columns()) {
                    if (rc instanceof Select.ExprColumn ec) {
                        expr(ec.expr());
                    }
                }
                from(core.from());
                exprIfAny(core.where());
                core.groupBy().forEach(this::expr);
                exprIfAny(core.having());
                if (owner != null) {
                    owner.orderBy().forEach(t -> expr(t.expr()));
                    if (owner.limit() != null) {
                        exprIfAny(owner.limit().limit());
                        exprIfAny(owner.limit().offset());
                    }
                }
                last++;
            }
        }
    }

    private void from(Select.From from) {
        if (from == null) {
            return;
        }
        ref(from.first());
        for (Select.Join j : from.joins()) {
            ref(j.table());
            if (j.constraint() instanceof Select.On on) {
                expr(on.expr());
            }
        }
    }

    private void ref(Select.TableRef ref) {
        switch (ref) {
            case Select.SubqueryTable s -> select(s.select());
            case Select.TableFunction f -> f.args().forEach(this::expr);
            case Select.Nested n -> from(n.from());
            case Select.Table t -> {
            }
        }
    }

    private void exprIfAny(Expr e) {
        if (e != null) {
            expr(e);
        }
    }

    private void expr(Expr e) {
        switch (e) {
            case Expr.Subquery s -> select(s.select());
            case Expr.Exists x -> select(x.select());
            case Expr.InSelect i -> {
                expr(i.expr());
                select(i.select());
            }
            case Expr.InTable i -> {
                ExprTyping.children(i).forEach(this::expr);
                last++;
                // Compiled as a SELECT starting where the IN does (SubqueryCodegen.asSelect).
                ids.putIfAbsent(i.pos().offset(), last);
            }
            case Expr.Function f -> {
                ExprTyping.children(f).forEach(this::expr);
                for (OrderingTerm t : f.orderBy() == null ? List.<OrderingTerm>of() : f.orderBy()) {
                    expr(t.expr());
                }
            }
            default -> ExprTyping.children(e).forEach(this::expr);
        }
    }
}
