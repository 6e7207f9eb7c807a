package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Window;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The result columns of a FROM-clause subquery that the enclosing SELECT never reads, which
 * the subquery then yields as NULL without computing them, as SQLite does: it flattens such a
 * subquery into its parent (its unused expressions vanish) or, where it cannot, replaces unused
 * result columns by NULL (select.c's disableUnusedSubqueryColumns). A value never computed
 * raises no error ({@code abs(-9223372036854775808)}) and costs nothing.
 *
 * <p>The enclosing SELECT's reads are found from its syntax, before it is compiled (the
 * subquery is coded first): every column name it mentions anywhere, nested subqueries
 * included, counts as a read of the subquery's column of that name unless qualified by another
 * table, and {@code *}, {@code t.*} and NATURAL joins read every column. That over-counts
 * (a name another table also has) but never under-counts.
 *
 * <p>SQLite keeps every column of a subquery that is DISTINCT, an aggregate, windowed, or a
 * compound other than UNION ALL, of a multi-row VALUES, and of a common table expression
 * that it does not flatten (here: one without a FROM in every arm, or with a LIMIT, ORDER BY,
 * or MATERIALIZED). Stateless; any thread.
 */
final class UnusedColumns {
    private UnusedColumns() {}

    /**
     * The column names (lower case) {@code core} and {@code extras} (its ORDER BY terms, when
     * its caller sorts) mention, qualified or not, with the qualifier when there is one as
     * {@code "table.column"} too; null when they read every column of every source.
     */
    static Set<String> mentioned(Select.Core core, List<Expr> extras) {
        Names names = new Names();
        for (Select.ResultColumn rc : core.columns()) {
            switch (rc) {
                case Select.Star s -> names.all = true;
                case Select.TableStar t -> names.stars.add(t.table().toLowerCase(Locale.ROOT));
                case Select.ExprColumn ec -> names.expr(ec.expr());
            }
        }
        names.body(core);
        extras.forEach(names::expr);
        return names.all ? null : names.result();
    }

    /**
     * The columns of {@code select} (a FROM-clause subquery, view or CTE named {@code name} in
     * the enclosing query, with result column names {@code columns}) that {@code mentioned}
     * never names, or null when SQLite computes them all (see the class comment). {@code cte}
     * is the common table expression it is the body of (null for a subquery or a view).
     */
    static BitSet unused(Select select, String name, List<String> columns, Set<String> mentioned, Select.Cte cte,
            ExprCodegen exprs) {
        if (mentioned == null || mentioned.contains("*" + name.toLowerCase(Locale.ROOT))) {
            return null;
        }
        boolean flattened = cte == null || cte.name().startsWith(ViewExpander.CTE_PREFIX);
        if (!flattened && (cte.materialized() == Select.Materialized.MATERIALIZED || select.limit() != null
                || !select.orderBy().isEmpty())) {
            return null;
        }
        List<Select.Body> arms = new ArrayList<>();
        if (!armsOf(select.body(), arms)) {
            return null;
        }
        for (Select.Body arm : arms) {
            if (!(arm instanceof Select.Core core ? plain(core, exprs, true) && (flattened || core.from() != null)
                    : flattened && ((Select.Values) arm).rows().size() == 1)) {
                return null;
            }
        }
        BitSet unused = new BitSet();
        String qualifier = name.toLowerCase(Locale.ROOT) + ".";
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).toLowerCase(Locale.ROOT);
            if (!mentioned.contains(column) && !mentioned.contains(qualifier + column)) {
                unused.set(i);
            }
        }
        for (OrderingTerm t : select.orderBy()) {
            orderedBy(t.expr(), arms, unused);
        }
        return unused.isEmpty() ? null : unused;
    }

    /**
     * The arms of an EXISTS subquery whose result columns need not be computed at all, since
     * only whether a row comes matters (SQLite computes none): every arm of a chain of UNION
     * and UNION ALL, when each is VALUES or a core that is not an aggregate or windowed. Else null.
     */
    static List<Select.Body> existsArms(Select select, ExprCodegen exprs) {
        List<Select.Body> arms = new ArrayList<>();
        Select.Body body = select.body();
        while (body instanceof Select.Compound c && (c.op() == Select.CompoundOp.UNION_ALL
                || c.op() == Select.CompoundOp.UNION)) {
            arms.add(c.right());
            body = c.left();
        }
        arms.add(body);
        for (Select.Body arm : arms) {
            if (arm instanceof Select.Compound || arm instanceof Select.Core core
                    && !plain(new Select.Core(false, core.columns(), core.from(), core.where(), core.groupBy(),
                            core.having(), core.windows()), exprs, false)) {
                return null;
            }
        }
        return arms;
    }

    /**
     * The names of a not yet compiled subquery's columns: {@link ColumnNames#of}'s, but a bare
     * column reference is named by its column, not by its text (a view's text is not the
     * statement's).
     */
    static List<String> names(Select select, SelectCodegen selects) {
        List<String> names = new ArrayList<>(ColumnNames.of(select, selects.sql(), selects));
        Select.Body leftmost = select.body();
        while (leftmost instanceof Select.Compound c) {
            leftmost = c.left();
        }
        if (leftmost instanceof Select.Core core && selects.namesOf(core) == null) {
            for (int i = 0; i < core.columns().size() && i < names.size(); i++) {
                if (core.columns().get(i) instanceof Select.ExprColumn ec && ec.alias() == null
                        && ec.expr() instanceof Expr.Column c) {
                    names.set(i, c.column());
                }
            }
        }
        return ColumnNames.distinct(names);
    }

    /** Adds the arms of a UNION ALL chain to {@code arms}; false if another compound operator joins them. */
    private static boolean armsOf(Select.Body body, List<Select.Body> arms) {
        if (body instanceof Select.Compound c) {
            return c.op() == Select.CompoundOp.UNION_ALL && armsOf(c.left(), arms) && armsOf(c.right(), arms);
        }
        arms.add(body);
        return true;
    }

    /** A core whose rows are its loops' rows one for one, its columns {@code listed} (no {@code *}) if asked. */
    private static boolean plain(Select.Core core, ExprCodegen exprs, boolean listed) {
        if (core.distinct() || !core.groupBy().isEmpty() || core.having() != null || !core.windows().isEmpty()
                || listed && !SelectCodegen.onlyExprColumns(core) || WindowCodegen.hasWindowCalls(core, List.of(), exprs)) {
            return false;
        }
        List<Expr.Function> calls = new ArrayList<>();
        AggregateFinder finder = new AggregateFinder(exprs.functions());
        for (Select.ResultColumn rc : core.columns()) {
            if (rc instanceof Select.ExprColumn ec) {
                finder.collect(ec.expr(), calls);
            }
        }
        return calls.isEmpty();
    }

    /**
     * Keeps the columns a subquery's own ORDER BY term may name: by number, by alias or
     * column name anywhere in it, or as the same expression.
     */
    private static void orderedBy(Expr term, List<Select.Body> arms, BitSet unused) {
        Expr bare = term instanceof Expr.Collate c ? c.expr() : term;
        if (bare instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            try {
                int k = Integer.parseInt(l.text());
                if (k >= 1) {
                    unused.clear(k - 1);
                }
            } catch (NumberFormatException e) {
                // Out of range: the compile reports it.
            }
        }
        Names names = new Names();
        names.expr(term);
        Set<String> inTerm = names.result();
        for (Select.Body arm : arms) {
            if (arm instanceof Select.Core core) {
                for (int i = 0; i < core.columns().size(); i++) {
                    Select.ExprColumn ec = (Select.ExprColumn) core.columns().get(i);
                    if (ec.expr().equals(bare) || ec.alias() != null && inTerm.contains(ec.alias().toLowerCase(Locale.ROOT))
                            || ec.expr() instanceof Expr.Column c && inTerm.contains(c.column().toLowerCase(Locale.ROOT))) {
                        unused.clear(i);
                    }
                }
            }
        }
    }

    /** Collects column names from syntax (see {@link #mentioned}). */
    private static final class Names {
        final Set<String> names = new HashSet<>();
        final Set<String> stars = new HashSet<>();
        boolean all;

        Set<String> result() {
            Set<String> out = new HashSet<>(names);
            stars.forEach(s -> out.add("*" + s));
            return out;
        }

        void select(Select s) {
            if (s.with() != null) {
                s.with().ctes().forEach(c -> select(c.select()));
            }
            body(s.body());
            s.orderBy().forEach(t -> expr(t.expr()));
            if (s.limit() != null) {
                expr(s.limit().limit());
                expr(s.limit().offset());
            }
        }

        void body(Select.Body body) {
            switch (body) {
                case Select.Core core -> {
                    for (Select.ResultColumn rc : core.columns()) {
                        if (rc instanceof Select.ExprColumn ec) {
                            expr(ec.expr());
                        }
                    }
                    from(core.from());
                    expr(core.where());
                    core.groupBy().forEach(this::expr);
                    expr(core.having());
                    core.windows().forEach(w -> spec(w.spec()));
                }
                case Select.Values v -> v.rows().forEach(r -> r.forEach(this::expr));
                case Select.Compound c -> {
                    body(c.left());
                    body(c.right());
                }
            }
        }

        void from(Select.From from) {
            if (from == null) {
                return;
            }
            ref(from.first());
            for (Select.Join j : from.joins()) {
                all |= j.op().natural();
                ref(j.table());
                switch (j.constraint()) {
                    case Select.On on -> expr(on.expr());
                    case Select.Using u -> u.columns().forEach(c -> names.add(c.toLowerCase(Locale.ROOT)));
                    case null -> {}
                }
            }
        }

        void ref(Select.TableRef ref) {
            switch (ref) {
                case Select.SubqueryTable s -> select(s.select());
                case Select.TableFunction f -> f.args().forEach(this::expr);
                case Select.Nested n -> from(n.from());
                case Select.Table t -> {}
            }
        }

        void spec(Window.Spec spec) {
            spec.partitionBy().forEach(this::expr);
            spec.orderBy().forEach(t -> expr(t.expr()));
            if (spec.frame() != null) {
                expr(spec.frame().start().offset());
                if (spec.frame().end() != null) {
                    expr(spec.frame().end().offset());
                }
            }
        }

        void expr(Expr e) {
            switch (e) {
                case null -> {}
                case Expr.Column c -> {
                    String column = c.column().toLowerCase(Locale.ROOT);
                    names.add(c.table() == null ? column : c.table().toLowerCase(Locale.ROOT) + "." + column);
                    if (c.table() == null || c.schema() != null) {
                        names.add(column);
                    }
                }
                case Expr.Literal l -> {}
                case Expr.Variable v -> {}
                case Expr.Unary u -> expr(u.operand());
                case Expr.Binary b -> {
                    expr(b.left());
                    expr(b.right());
                }
                case Expr.Like l -> {
                    expr(l.left());
                    expr(l.pattern());
                    expr(l.escape());
                }
                case Expr.Between b -> {
                    expr(b.expr());
                    expr(b.low());
                    expr(b.high());
                }
                case Expr.InList i -> {
                    expr(i.expr());
                    i.values().forEach(this::expr);
                }
                case Expr.InSelect i -> {
                    expr(i.expr());
                    select(i.select());
                }
                case Expr.InTable i -> {
                    expr(i.expr());
                    if (i.args() != null) {
                        i.args().forEach(this::expr);
                    }
                }
                case Expr.NullTest n -> expr(n.expr());
                case Expr.Collate c -> expr(c.expr());
                case Expr.Cast c -> expr(c.expr());
                case Expr.Case c -> {
                    expr(c.base());
                    c.whens().forEach(w -> {
                        expr(w.when());
                        expr(w.then());
                    });
                    expr(c.otherwise());
                }
                case Expr.Exists x -> select(x.select());
                case Expr.Subquery s -> select(s.select());
                case Expr.Function f -> {
                    f.args().forEach(this::expr);
                    f.orderBy().forEach(t -> expr(t.expr()));
                    expr(f.filter());
                    if (f.over() instanceof Window.Spec spec) {
                        spec(spec);
                    }
                }
                case Expr.Raise r -> expr(r.message());
                case Expr.Row r -> r.values().forEach(this::expr);
            }
        }
    }
}
