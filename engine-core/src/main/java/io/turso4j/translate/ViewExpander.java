package io.turso4j.translate;

import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Update;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.Tokens;
import io.turso4j.sql.parser.Parser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Views, expanded before code generation as SQLite's selectExpander does: every FROM item that
 * names a view (and no common table expression visible there) becomes a reference to a CTE
 * holding the view's SELECT, aliased with the view's name unless it has an alias of its own.
 * The CTEs go on the WITH of the outermost SELECT being expanded (one per view, named
 * {@code "view <name>"}, which nothing written unquoted can name), so the view's declared
 * column names and its columns' affinities flow through the CTE machinery, and a view inside
 * a view finds its CTE wherever it is compiled.
 *
 * <p>A view's SELECT is defined in the schema, not where it is used: the CTEs visible at the
 * use do not reach into it (its table names are qualified with {@code main}, which CTE lookup
 * passes over; an unknown one fails as "no such table: main.x", as in SQLite), and its
 * unnamed result columns are named from its own text (they get that text as alias, since
 * later naming reads the statement's text). Meeting a view already being expanded is "view v
 * is circularly defined". A declared column list must match the SELECT's width ("expected 2
 * columns for 'v' but got 3").
 *
 * <p>Not thread-safe: one per statement compilation.
 */
final class ViewExpander {
    private final Schema schema;
    /** Views being expanded, innermost last (folded names). */
    private final Deque<String> expanding = new ArrayDeque<>();
    private final Map<String, Select> parsed = new HashMap<>();
    /**
     * The CTEs standing for the views met under the outermost SELECT being walked (by folded
     * view name), added to its WITH; null when no SELECT is being walked.
     */
    private Map<String, Select.Cte> generated;

    /** Starts the CTE names of views: a space keeps them apart from any name written unquoted. */
    static final String CTE_PREFIX = "view ";

    /**
     * Where the walk is: the CTE names visible (folded), and inside a view's SELECT, that
     * view's text (to name its columns from) — null outside views.
     */
    private record Ctx(Set<String> ctes, String viewSql, Tokens viewTokens) {
        Ctx with(Set<String> more) {
            if (more.isEmpty()) {
                return this;
            }
            Set<String> all = new HashSet<>(ctes);
            all.addAll(more);
            return new Ctx(all, viewSql, viewTokens);
        }
    }

    private ViewExpander(Schema schema) {
        this.schema = schema;
    }

    private static boolean hasViews(Schema schema) {
        return schema != null && !schema.views().isEmpty();
    }

    /** {@code select} with its views expanded. */
    static Select expand(Select select, Schema schema) {
        return hasViews(schema) ? new ViewExpander(schema).select(select, new Ctx(Set.of(), null, null)) : select;
    }

    /** An INSERT whose rows' SELECT has its views expanded (the statement's WITH stays visible). */
    static Insert expand(Insert insert, Schema schema) {
        if (!hasViews(schema) || insert.source() == null) {
            return insert;
        }
        Set<String> ctes = insert.with() == null ? Set.of() : cteNames(insert.with());
        Select source = new ViewExpander(schema).select(insert.source(), new Ctx(ctes, null, null));
        return new Insert(insert.pos(), insert.with(), insert.orAction(), insert.table(), insert.alias(),
                insert.columns(), source, insert.upserts(), insert.returning());
    }

    /**
     * An UPDATE whose WHERE and SET values have the views in their subqueries expanded, and
     * whose FROM reads its views as CTEs added to the statement's WITH.
     */
    static Update expand(Update update, Schema schema) {
        if (!hasViews(schema)) {
            return update;
        }
        ViewExpander x = new ViewExpander(schema);
        Ctx ctx = new Ctx(update.with() == null ? Set.of() : cteNames(update.with()), null, null);
        Select.From from = update.from();
        Select.With with = update.with();
        if (from != null) {
            x.generated = new LinkedHashMap<>();
            from = x.from(from, ctx);
            if (!x.generated.isEmpty()) {
                List<Select.Cte> ctes = new ArrayList<>(with == null ? List.of() : with.ctes());
                ctes.addAll(x.generated.values());
                with = new Select.With(with != null && with.recursive(), ctes);
            }
            x.generated = null;
        }
        List<Update.Set> sets = update.sets().stream().map(s -> new Update.Set(s.columns(), x.expr(s.value(), ctx), s.rowValue()))
                .toList();
        return new Update(update.pos(), with, update.orAction(), update.table(), sets, from,
                x.expr(update.where(), ctx), update.returning(), update.orderBy(), update.limit());
    }

    /** {@code e} with the views in its subqueries expanded (a trigger's WHEN). */
    static Expr expand(Expr e, Schema schema) {
        return hasViews(schema) && e != null ? new ViewExpander(schema).expr(e, new Ctx(Set.of(), null, null)) : e;
    }

    /** A DELETE whose WHERE has the views in its subqueries expanded. */
    static Delete expand(Delete delete, Schema schema) {
        if (!hasViews(schema)) {
            return delete;
        }
        Ctx ctx = new Ctx(delete.with() == null ? Set.of() : cteNames(delete.with()), null, null);
        return new Delete(delete.pos(), delete.with(), delete.table(), new ViewExpander(schema).expr(delete.where(), ctx),
                delete.returning(), delete.orderBy(), delete.limit());
    }

    private static Set<String> cteNames(Select.With with) {
        Set<String> names = new HashSet<>();
        for (Select.Cte cte : with.ctes()) {
            names.add(Identifiers.fold(cte.name()));
        }
        return names;
    }

    private Select select(Select s, Ctx outer) {
        boolean root = generated == null;
        if (root) {
            generated = new LinkedHashMap<>();
        }
        Ctx ctx = outer;
        List<Select.Cte> ctes = new ArrayList<>();
        if (s.with() != null) {
            Set<String> names = cteNames(s.with());
            // Every CTE of the WITH is visible in each of them (RECURSIVE is optional in SQLite).
            ctx = outer.with(names);
            for (Select.Cte cte : s.with().ctes()) {
                ctes.add(new Select.Cte(cte.name(), cte.columns(), cte.materialized(), select(cte.select(), ctx)));
            }
        }
        Select.Body body = body(s.body(), ctx);
        List<OrderingTerm> orderBy = orderBy(s.orderBy(), ctx);
        Select.Limit limit = s.limit() == null ? null
                : new Select.Limit(expr(s.limit().limit(), ctx), expr(s.limit().offset(), ctx));
        Select.With with = s.with();
        if (root) {
            if (!generated.isEmpty()) {
                ctes.addAll(generated.values());
                with = new Select.With(with != null && with.recursive(), ctes);
            }
            generated = null;
        }
        if (with == s.with() && with != null) {
            with = new Select.With(with.recursive(), ctes);
        }
        return new Select(s.pos(), with, body, orderBy, limit);
    }

    private Select.Body body(Select.Body body, Ctx ctx) {
        return switch (body) {
            case Select.Compound c -> new Select.Compound(body(c.left(), ctx), c.op(), body(c.right(), ctx));
            case Select.Values v -> new Select.Values(v.rows().stream().map(r -> exprs(r, ctx)).toList());
            case Select.Core core -> {
                Select.From from = core.from() == null ? null : from(core.from(), ctx);
                List<Select.ResultColumn> columns = new ArrayList<>();
                for (Select.ResultColumn rc : core.columns()) {
                    columns.add(rc instanceof Select.ExprColumn ec ? column(ec, ctx) : rc);
                }
                yield new Select.Core(core.distinct(), columns, from, expr(core.where(), ctx),
                        exprs(core.groupBy(), ctx), expr(core.having(), ctx), core.windows());
            }
        };
    }

    /** A result column; inside a view an unnamed expression is named by its text there. */
    private Select.ExprColumn column(Select.ExprColumn ec, Ctx ctx) {
        String alias = ec.alias();
        if (alias == null && ctx.viewSql() != null && !(ec.expr() instanceof Expr.Column)) {
            alias = ColumnNames.span(ctx.viewTokens(), ctx.viewSql(), ec.expr());
        }
        return new Select.ExprColumn(expr(ec.expr(), ctx), alias);
    }

    private Select.From from(Select.From from, Ctx ctx) {
        List<Select.Join> joins = new ArrayList<>();
        for (Select.Join j : from.joins()) {
            Select.JoinConstraint c = j.constraint() instanceof Select.On on ? new Select.On(expr(on.expr(), ctx))
                    : j.constraint();
            joins.add(new Select.Join(j.op(), ref(j.table(), ctx), c));
        }
        return new Select.From(ref(from.first(), ctx), joins);
    }

    private Select.TableRef ref(Select.TableRef ref, Ctx ctx) {
        return switch (ref) {
            case Select.Table t -> table(t, ctx);
            case Select.SubqueryTable s -> new Select.SubqueryTable(select(s.select(), ctx), s.alias());
            case Select.Nested n -> new Select.Nested(from(n.from(), ctx), n.alias());
            case Select.TableFunction f -> new Select.TableFunction(f.name(), exprs(f.args(), ctx), f.alias());
        };
    }

    private Select.TableRef table(Select.Table t, Ctx ctx) {
        Name name = t.name();
        String folded = Identifiers.fold(name.name());
        if (name.schema() == null && ctx.ctes().contains(folded)) {
            return t;
        }
        if (name.schema() != null && !Identifiers.same(name.schema(), "main")) {
            return t;
        }
        View view = schema.table(name.name()) == null ? schema.view(name.name()) : null;
        if (view == null) {
            // Inside a view, names are the schema's: qualified so that no CTE of the user's catches them.
            return ctx.viewSql() != null && name.schema() == null
                    ? new Select.Table(new Name("main", name.name()), t.alias(), t.indexedBy()) : t;
        }
        Select.Cte cte = generated.get(folded);
        if (cte == null) {
            cte = view(view);
            generated.put(folded, cte);
        }
        return new Select.Table(Name.of(cte.name()), t.alias() != null ? t.alias() : view.name(), t.indexedBy());
    }

    /** The CTE standing for {@code view}: its SELECT, expanded, with the declared column names. */
    private Select.Cte view(View view) {
        String folded = Identifiers.fold(view.name());
        if (expanding.contains(folded)) {
            throw ExprCodegen.error("view " + view.name() + " is circularly defined");
        }
        Select select = parsed.computeIfAbsent(folded, k -> ((CreateView) Parser.parse(view.sql())).select());
        expanding.addLast(folded);
        try {
            Select body = select(select, new Ctx(Set.of(), view.sql(), Lexer.tokenize(view.sql())));
            if (!view.columns().isEmpty()) {
                Map<String, Select.Cte> visible = new HashMap<>();
                generated.values().forEach(cte -> visible.put(Identifiers.fold(cte.name()), cte));
                int width = columnCount(body, visible);
                if (width != view.columns().size()) {
                    throw ExprCodegen.error("expected " + view.columns().size() + " columns for '" + view.name()
                            + "' but got " + width);
                }
            }
            return new Select.Cte(CTE_PREFIX + view.name(), view.columns(), null, body);
        } finally {
            expanding.removeLast();
        }
    }

    /** How many columns {@code select} has, its {@code *}s counted from the sources' columns. */
    private int columnCount(Select select, Map<String, Select.Cte> outer) {
        Map<String, Select.Cte> ctes = outer;
        if (select.with() != null) {
            ctes = new HashMap<>(outer);
            for (Select.Cte cte : select.with().ctes()) {
                ctes.put(Identifiers.fold(cte.name()), cte);
            }
        }
        Select.Body body = select.body();
        while (body instanceof Select.Compound c) {
            body = c.left();
        }
        return switch (body) {
            case Select.Values v -> v.rows().getFirst().size();
            case Select.Core core -> {
                int n = 0;
                for (Select.ResultColumn rc : core.columns()) {
                    n += switch (rc) {
                        case Select.ExprColumn ec -> 1;
                        case Select.Star s -> core.from() == null ? 0 : width(core.from(), null, ctes);
                        case Select.TableStar ts -> core.from() == null ? 0 : width(core.from(), ts.table(), ctes);
                    };
                }
                yield n;
            }
            case Select.Compound c -> throw new IllegalStateException("unreachable");
        };
    }

    /** The width of the FROM's sources (only of the one named {@code only}, when not null). */
    private int width(Select.From from, String only, Map<String, Select.Cte> ctes) {
        List<Select.TableRef> refs = new ArrayList<>();
        refs.add(from.first());
        from.joins().forEach(j -> refs.add(j.table()));
        int n = 0;
        for (Select.TableRef ref : refs) {
            switch (ref) {
                case Select.Table t -> {
                    String shown = t.alias() != null ? t.alias() : t.name().name();
                    if (only != null && !Identifiers.same(only, shown)) {
                        continue;
                    }
                    Select.Cte cte = t.name().schema() == null ? ctes.get(Identifiers.fold(t.name().name())) : null;
                    if (cte != null) {
                        n += cte.columns().isEmpty() ? columnCount(cte.select(), ctes) : cte.columns().size();
                    } else {
                        Table table = schema.table(t.name().name());
                        n += table == null ? 0 : table.columns().size();
                    }
                }
                case Select.SubqueryTable s -> {
                    if (only == null || Identifiers.same(only, s.alias())) {
                        n += columnCount(s.select(), ctes);
                    }
                }
                case Select.Nested nested -> n += width(nested.from(), only, ctes);
                case Select.TableFunction f -> {
                    // no such table: reported when the statement is compiled
                }
            }
        }
        return n;
    }

    private List<OrderingTerm> orderBy(List<OrderingTerm> terms, Ctx ctx) {
        return terms.stream().map(t -> new OrderingTerm(expr(t.expr(), ctx), t.order(), t.nulls())).toList();
    }

    private List<Expr> exprs(List<Expr> list, Ctx ctx) {
        return list.stream().map(e -> expr(e, ctx)).toList();
    }

    /** {@code e} with the views in its subqueries expanded; null stays null. */
    private Expr expr(Expr e, Ctx ctx) {
        if (e == null) {
            return null;
        }
        return switch (e) {
            case Expr.Literal l -> l;
            case Expr.Variable v -> v;
            case Expr.Column c -> c;
            case Expr.Unary u -> new Expr.Unary(u.pos(), u.op(), expr(u.operand(), ctx));
            case Expr.Binary b -> new Expr.Binary(b.pos(), b.op(), expr(b.left(), ctx), expr(b.right(), ctx));
            case Expr.Like l -> new Expr.Like(l.pos(), l.op(), l.not(), expr(l.left(), ctx), expr(l.pattern(), ctx),
                    expr(l.escape(), ctx));
            case Expr.Between b -> new Expr.Between(b.pos(), b.not(), expr(b.expr(), ctx), expr(b.low(), ctx),
                    expr(b.high(), ctx));
            case Expr.InList i -> new Expr.InList(i.pos(), i.not(), expr(i.expr(), ctx), exprs(i.values(), ctx));
            case Expr.InSelect i -> new Expr.InSelect(i.pos(), i.not(), expr(i.expr(), ctx), select(i.select(), ctx));
            case Expr.InTable i -> inTable(i, ctx);
            case Expr.NullTest n -> new Expr.NullTest(n.pos(), n.not(), expr(n.expr(), ctx));
            case Expr.Collate c -> new Expr.Collate(c.pos(), expr(c.expr(), ctx), c.collation());
            case Expr.Cast c -> new Expr.Cast(c.pos(), expr(c.expr(), ctx), c.type());
            case Expr.Case c -> new Expr.Case(c.pos(), expr(c.base(), ctx),
                    c.whens().stream().map(w -> new Expr.When(expr(w.when(), ctx), expr(w.then(), ctx))).toList(),
                    expr(c.otherwise(), ctx));
            case Expr.Exists x -> new Expr.Exists(x.pos(), select(x.select(), ctx));
            case Expr.Subquery s -> new Expr.Subquery(s.pos(), select(s.select(), ctx));
            case Expr.Function f -> new Expr.Function(f.pos(), f.name(), f.distinct(), f.star(), exprs(f.args(), ctx),
                    orderBy(f.orderBy(), ctx), expr(f.filter(), ctx), f.over());
            case Expr.Raise r -> r;
            case Expr.Row r -> new Expr.Row(r.pos(), exprs(r.values(), ctx));
        };
    }

    /** {@code x IN v} for a view {@code v} is {@code x IN (SELECT * FROM v)}. */
    private Expr inTable(Expr.InTable i, Ctx ctx) {
        Name name = i.table();
        boolean isView = i.args() == null && !(name.schema() == null && ctx.ctes().contains(Identifiers.fold(name.name())))
                && (name.schema() == null || Identifiers.same(name.schema(), "main"))
                && schema.table(name.name()) == null && schema.view(name.name()) != null;
        if (!isView) {
            return new Expr.InTable(i.pos(), i.not(), expr(i.expr(), ctx), name, i.args());
        }
        Select.Core core = new Select.Core(false, List.of(new Select.Star()),
                new Select.From(new Select.Table(name, null, null), List.of()), null, List.of(), null, List.of());
        Select all = new Select(Pos.NONE, null, core, List.of(), null);
        return new Expr.InSelect(i.pos(), i.not(), expr(i.expr(), ctx), select(all, ctx));
    }
}
