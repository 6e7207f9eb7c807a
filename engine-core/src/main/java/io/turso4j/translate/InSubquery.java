package io.turso4j.translate;

import io.turso4j.error.SqliteException;
import io.turso4j.schema.Column;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * What the planner can tell of {@code x IN (SELECT …)} before the subquery is compiled, so that
 * it may look x's column up once per value of the subquery (as SQLite plans an IN subquery):
 * the affinity of the subquery's column, and which sources of the query around it the subquery
 * may read (a lookup on a source the subquery reads is impossible; one whose subquery reads an
 * outer loop's source is rebuilt per row of that loop).
 *
 * <p>Worked out from the syntax and the schema alone. A column reference counts as the
 * subquery's own only when a stored table of one of its FROM clauses has that column (or it
 * names a result column); any other that the query around could resolve is taken as reading
 * that source. When the subquery's column type cannot be settled so (a column of a view, a CTE
 * or a FROM subquery; an explicit COLLATE, which would change the comparison's collation) there
 * is no answer, and the IN stays a test of each row. Stateless apart from one analysis; one thread.
 */
final class InSubquery {
    /**
     * @param affinities the affinity of each of the subquery's columns (one per value of the
     *     left side, a row value's several)
     * @param mask the sources of the enclosing scope the subquery may read, by bit
     * @param reads the columns of those sources it may read
     */
    record Known(List<Affinity> affinities, long mask, List<Scope.Resolved> reads) {}

    /** A FROM item of a SELECT inside the subquery: its name (alias or table name) and its stored table, or null. */
    private record Item(String name, Table table) {}

    /** One SELECT core being looked into: its FROM items and result column aliases. */
    private record Level(List<Item> items, List<String> aliases) {}

    private final Scope scope;
    private final Function<Name, Table> tables;
    private final Deque<Level> levels = new ArrayDeque<>();
    private long mask;
    /** The columns of the enclosing scope's sources the subquery may read. */
    private final List<Scope.Resolved> reads = new ArrayList<>();
    private boolean unknown;

    private InSubquery(Scope scope, Function<Name, Table> tables) {
        this.scope = scope;
        this.tables = tables;
    }

    /**
     * What can be known of {@code in}, whose left side belongs to {@code scope}; null when not
     * enough. {@code tables} gives the stored table a name refers to where the subquery is
     * (null when none is, or a CTE hides it).
     */
    static Known analyse(Expr.InSelect in, Scope scope, Function<Name, Table> tables) {
        int width = in.expr() instanceof Expr.Row row ? row.values().size() : 1;
        InSubquery a = new InSubquery(scope, tables);
        a.select(in.select());
        if (a.unknown) {
            return null;
        }
        // An IN compares with the expression of the compound's last arm (SQLite's exprINAffinity).
        Select.Body last = in.select().body();
        while (last instanceof Select.Compound c) {
            last = c.right();
        }
        List<Affinity> affinities = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            Affinity affinity = switch (last) {
                case Select.Core core -> core.columns().size() != width ? null : a.resultAffinity(core, i);
                case Select.Values v -> v.rows().getLast().size() != width ? null
                        : ExprTyping.affinity(v.rows().getLast().get(i));
                case Select.Compound c -> null;
            };
            if (affinity == null) {
                return null;
            }
            affinities.add(affinity);
        }
        return new Known(List.copyOf(affinities), a.mask, List.copyOf(a.reads));
    }

    /** The affinity of a core's result column {@code i}, or null when it is not an expression whose type is known. */
    private Affinity resultAffinity(Select.Core core, int i) {
        if (core.columns().get(i) instanceof Select.Star && core.columns().size() == 1) {
            // SELECT * of one table of one column (x IN table): that column's.
            List<Item> items = items(core.from());
            Table table = items.size() == 1 ? items.getFirst().table() : null;
            return table != null && table.columns().size() == 1 ? table.column(0).affinity() : null;
        }
        if (!(core.columns().get(i) instanceof Select.ExprColumn ec)) {
            return null;
        }
        Expr e = ec.expr();
        // A COLLATE or unary plus keeps its operand's affinity (a column's stays its own).
        while (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.PLUS || e instanceof Expr.Collate) {
            e = e instanceof Expr.Collate c ? c.expr() : ((Expr.Unary) e).operand();
        }
        return switch (e) {
            case Expr.Cast c -> ExprTyping.castAffinity(c);
            case Expr.Column c -> columnAffinity(c, items(core.from()));
            case Expr.Subquery s -> null;
            default -> ExprTyping.affinity(e, null);
        };
    }

    /** The affinity of the stored column {@code c} names among {@code items}; null when it is not found so. */
    private static Affinity columnAffinity(Expr.Column c, List<Item> items) {
        Affinity found = null;
        int hits = 0;
        for (Item item : items) {
            if (c.schema() != null || (c.table() != null && !c.table().equalsIgnoreCase(item.name()))) {
                continue;
            }
            if (item.table() == null) {
                return null;
            }
            int i = declared(item.table(), c.column());
            if (i >= 0) {
                found = item.table().columns().get(i).affinity();
                hits++;
            } else if (Scope.isRowidName(c.column()) && item.table().hasRowid()) {
                found = Affinity.INTEGER;
                hits++;
            }
        }
        return hits == 1 ? found : null;
    }

    private static int declared(Table table, String name) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private void select(Select s) {
        if (s.with() != null) {
            unknown = true;
            return;
        }
        body(s.body(), s.orderBy());
        if (s.limit() != null) {
            expr(s.limit().limit());
            if (s.limit().offset() != null) {
                expr(s.limit().offset());
            }
        }
    }

    /**
     * {@code orderBy}: the SELECT's ORDER BY when {@code body} is a single core (a compound's
     * names its result columns only).
     */
    private void body(Select.Body body, List<OrderingTerm> orderBy) {
        switch (body) {
            case Select.Compound c -> {
                body(c.left(), List.of());
                body(c.right(), List.of());
            }
            case Select.Values v -> v.rows().forEach(row -> {
                // Its column's affinity is read off the expression alone, which needs no column.
                unknown |= row.stream().anyMatch(e -> e instanceof Expr.Column);
                row.forEach(this::expr);
            });
            case Select.Core core -> core(core, orderBy);
        }
    }

    private void core(Select.Core core, List<OrderingTerm> orderBy) {
        if (!core.windows().isEmpty()) {
            unknown = true;
            return;
        }
        List<Item> items = items(core.from());
        // A FROM subquery or function's arguments see the SELECTs around, not their siblings.
        fromArguments(core.from());
        List<String> aliases = new ArrayList<>();
        for (Select.ResultColumn rc : core.columns()) {
            if (rc instanceof Select.ExprColumn ec && ec.alias() != null) {
                aliases.add(ec.alias());
            }
        }
        levels.push(new Level(items, aliases));
        for (Select.ResultColumn rc : core.columns()) {
            if (rc instanceof Select.ExprColumn ec) {
                expr(ec.expr());
            }
        }
        if (core.from() != null) {
            for (Select.Join j : core.from().joins()) {
                if (j.constraint() instanceof Select.On on) {
                    expr(on.expr());
                }
            }
        }
        if (core.where() != null) {
            expr(core.where());
        }
        core.groupBy().forEach(this::expr);
        if (core.having() != null) {
            expr(core.having());
        }
        orderBy.forEach(t -> expr(t.expr()));
        levels.pop();
    }

    private List<Item> items(Select.From from) {
        List<Item> out = new ArrayList<>();
        if (from != null) {
            item(from.first(), out);
            from.joins().forEach(j -> item(j.table(), out));
        }
        return out;
    }

    private void item(Select.TableRef ref, List<Item> out) {
        switch (ref) {
            case Select.Table t -> {
                Table table = tables.apply(t.name());
                String name = t.alias() != null ? t.alias() : table != null ? table.name() : t.name().name();
                out.add(new Item(name, table));
            }
            case Select.TableFunction f -> out.add(new Item(f.alias() != null ? f.alias() : f.name().name(), null));
            case Select.SubqueryTable s -> out.add(new Item(s.alias(), null));
            case Select.Nested n -> {
                if (n.alias() != null) {
                    out.add(new Item(n.alias(), null));
                } else {
                    out.addAll(items(n.from()));
                }
            }
        }
    }

    private void fromArguments(Select.From from) {
        if (from == null) {
            return;
        }
        List<Select.TableRef> refs = new ArrayList<>();
        refs.add(from.first());
        from.joins().forEach(j -> refs.add(j.table()));
        for (Select.TableRef ref : refs) {
            switch (ref) {
                case Select.TableFunction f -> f.args().forEach(this::expr);
                case Select.SubqueryTable s -> select(s.select());
                case Select.Nested n -> {
                    fromArguments(n.from());
                    for (Select.Join j : n.from().joins()) {
                        if (j.constraint() instanceof Select.On on) {
                            levels.push(new Level(items(n.from()), List.of()));
                            expr(on.expr());
                            levels.pop();
                        }
                    }
                }
                case Select.Table t -> {
                }
            }
        }
    }

    private void expr(Expr e) {
        switch (e) {
            case Expr.Column c -> column(c);
            case Expr.Subquery s -> select(s.select());
            case Expr.Exists x -> select(x.select());
            case Expr.InSelect i -> {
                expr(i.expr());
                select(i.select());
            }
            case Expr.Function f when f.over() != null || !f.orderBy().isEmpty() -> unknown = true;
            default -> ExprTyping.children(e).forEach(this::expr);
        }
    }

    /**
     * A column reference inside the subquery: its own when a FROM item around it surely has the
     * column; else whatever of the enclosing scope it could name is read.
     */
    private void column(Expr.Column c) {
        for (Level level : levels) {
            for (Item item : level.items()) {
                if (c.schema() == null && item.table() != null
                        && (c.table() == null || c.table().equalsIgnoreCase(item.name()))
                        && (declared(item.table(), c.column()) >= 0
                            || Scope.isRowidName(c.column()) && item.table().hasRowid())) {
                    return;
                }
            }
            if (c.table() == null && level.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(c.column()))) {
                return;
            }
        }
        Scope.Resolved r;
        try {
            r = scope.find(c);
        } catch (SqliteException ambiguous) {
            unknown = true;
            return;
        }
        int source = r == null ? -1 : scope.sources().indexOf(r.source());
        if (source >= 0) {
            mask |= source >= 63 ? -1L : 1L << source;
            reads.add(r);
        }
    }
}
