package io.turso4j.sql.ast;

import java.util.List;

/**
 * Renders any AST back to SQL text that SQLite (and our parser) reads back
 * as an equal tree. Output is canonical, not a copy of the input: one space
 * between tokens, keywords upper case, names quoted only when needed,
 * {@code REPLACE INTO} as {@code INSERT OR REPLACE INTO},
 * {@code LIMIT a, b} as {@code LIMIT b OFFSET a}.
 *
 * <p>Stateless entry point; each call uses its own buffer, so any thread may call.
 */
public final class SqlPrinter extends ExprPrinter {
    private SqlPrinter() {}

    public static String print(Stmt s) {
        SqlPrinter p = new SqlPrinter();
        p.stmt(s);
        return p.out.toString();
    }

    public static String print(Expr e) {
        SqlPrinter p = new SqlPrinter();
        p.expr(e);
        return p.out.toString();
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Select sel -> select(sel);
            case Insert i -> insert(i);
            case Update u -> update(u);
            case Delete d -> delete(d);
            case CreateTable c -> new DdlPrinter(this).createTable(c);
            case CreateIndex c -> new DdlPrinter(this).createIndex(c);
            case CreateView c -> new DdlPrinter(this).createView(c);
            case CreateTrigger c -> createTrigger(c);
            case CreateVirtualTable c -> new DdlPrinter(this).createVirtualTable(c);
            case Stmt.Drop d -> {
                out.append("DROP ").append(d.kind().name()).append(d.ifExists() ? " IF EXISTS " : " ");
                qualified(d.name());
            }
            case Stmt.AlterTable a -> new DdlPrinter(this).alterTable(a);
            case Stmt.Begin b -> out.append(b.kind() == null ? "BEGIN" : "BEGIN " + b.kind().name());
            case Stmt.Commit c -> out.append("COMMIT");
            case Stmt.Rollback r -> {
                out.append("ROLLBACK");
                if (r.savepoint() != null) {
                    out.append(" TO ");
                    name(r.savepoint());
                }
            }
            case Stmt.Savepoint sp -> {
                out.append("SAVEPOINT ");
                name(sp.name());
            }
            case Stmt.Release r -> {
                out.append("RELEASE ");
                name(r.name());
            }
            case Stmt.Pragma p -> pragma(p);
            case Stmt.Attach a -> {
                out.append("ATTACH ");
                expr(a.file());
                out.append(" AS ");
                expr(a.schema());
                if (a.key() != null) {
                    out.append(" KEY ");
                    expr(a.key());
                }
            }
            case Stmt.Detach d -> {
                out.append("DETACH ");
                expr(d.schema());
            }
            case Stmt.Analyze a -> optionalName("ANALYZE", a.name());
            case Stmt.Reindex r -> optionalName("REINDEX", r.name());
            case Stmt.Vacuum v -> {
                out.append("VACUUM");
                if (v.schema() != null) {
                    out.append(' ');
                    name(v.schema());
                }
                if (v.into() != null) {
                    out.append(" INTO ");
                    expr(v.into());
                }
            }
            case Stmt.Explain e -> {
                out.append(e.queryPlan() ? "EXPLAIN QUERY PLAN " : "EXPLAIN ");
                stmt(e.stmt());
            }
        }
    }

    private void optionalName(String keyword, Name name) {
        out.append(keyword);
        if (name != null) {
            out.append(' ');
            qualified(name);
        }
    }

    private void pragma(Stmt.Pragma p) {
        out.append("PRAGMA ");
        qualified(p.name());
        if (p.value() == null) {
            return;
        }
        out.append(p.call() ? "(" : " = ");
        String v = p.value();
        if (v.matches("-?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|-?\\.[0-9]+([eE][-+]?[0-9]+)?|-?0[xX][0-9a-fA-F_]+")) {
            out.append(v);
        } else {
            string(v);
        }
        if (p.call()) {
            out.append(')');
        }
    }

    // ---- SELECT ---------------------------------------------------------------

    @Override
    void select(Select s) {
        with(s.with());
        body(s.body());
        if (!s.orderBy().isEmpty()) {
            out.append(" ORDER BY ");
            orderingTerms(s.orderBy());
        }
        limit(s.limit());
    }

    private void with(Select.With w) {
        if (w == null) {
            return;
        }
        out.append(w.recursive() ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < w.ctes().size(); i++) {
            Select.Cte c = w.ctes().get(i);
            if (i > 0) {
                out.append(", ");
            }
            name(c.name());
            if (!c.columns().isEmpty()) {
                names(c.columns());
            }
            out.append(" AS ");
            if (c.materialized() != null) {
                out.append(c.materialized() == Select.Materialized.MATERIALIZED ? "MATERIALIZED " : "NOT MATERIALIZED ");
            }
            out.append('(');
            select(c.select());
            out.append(')');
        }
        out.append(' ');
    }

    private void limit(Select.Limit l) {
        if (l == null) {
            return;
        }
        out.append(" LIMIT ");
        expr(l.limit());
        if (l.offset() != null) {
            out.append(" OFFSET ");
            expr(l.offset());
        }
    }

    private void body(Select.Body b) {
        switch (b) {
            case Select.Compound c -> {
                body(c.left());
                out.append(switch (c.op()) {
                    case UNION -> " UNION ";
                    case UNION_ALL -> " UNION ALL ";
                    case INTERSECT -> " INTERSECT ";
                    case EXCEPT -> " EXCEPT ";
                });
                body(c.right());
            }
            case Select.Values v -> {
                out.append("VALUES ");
                for (int i = 0; i < v.rows().size(); i++) {
                    out.append(i > 0 ? ", (" : "(");
                    exprs(v.rows().get(i));
                    out.append(')');
                }
            }
            case Select.Core c -> core(c);
        }
    }

    private void core(Select.Core c) {
        out.append(c.distinct() ? "SELECT DISTINCT " : "SELECT ");
        resultColumns(c.columns());
        if (c.from() != null) {
            out.append(" FROM ");
            from(c.from());
        }
        if (c.where() != null) {
            out.append(" WHERE ");
            expr(c.where());
        }
        if (!c.groupBy().isEmpty()) {
            out.append(" GROUP BY ");
            exprs(c.groupBy());
        }
        if (c.having() != null) {
            out.append(" HAVING ");
            expr(c.having());
        }
        for (int i = 0; i < c.windows().size(); i++) {
            Window.Definition d = c.windows().get(i);
            out.append(i == 0 ? " WINDOW " : ", ");
            name(d.name());
            out.append(" AS ");
            windowSpec(d.spec());
        }
    }

    void resultColumns(List<Select.ResultColumn> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            switch (columns.get(i)) {
                case Select.Star s -> out.append('*');
                case Select.TableStar t -> {
                    name(t.table());
                    out.append(".*");
                }
                case Select.ExprColumn e -> {
                    expr(e.expr());
                    alias(e.alias());
                }
            }
        }
    }

    private void alias(String alias) {
        if (alias != null) {
            out.append(" AS ");
            name(alias);
        }
    }

    void from(Select.From f) {
        tableRef(f.first());
        for (Select.Join j : f.joins()) {
            if (j.op().kind() == Select.JoinKind.COMMA) {
                out.append(", ");
            } else {
                out.append(j.op().natural() ? " NATURAL " : " ");
                out.append(switch (j.op().kind()) {
                    case PLAIN, COMMA -> "JOIN ";
                    case INNER -> "INNER JOIN ";
                    case CROSS -> "CROSS JOIN ";
                    case LEFT -> "LEFT JOIN ";
                    case RIGHT -> "RIGHT JOIN ";
                    case FULL -> "FULL JOIN ";
                });
            }
            tableRef(j.table());
            switch (j.constraint()) {
                case null -> { }
                case Select.On on -> {
                    out.append(" ON ");
                    expr(on.expr());
                }
                case Select.Using u -> {
                    out.append(" USING ");
                    names(u.columns());
                }
            }
        }
    }

    private void tableRef(Select.TableRef t) {
        switch (t) {
            case Select.Table tb -> {
                qualified(tb.name());
                alias(tb.alias());
                if (tb.indexedBy() != null) {
                    if (tb.indexedBy().isEmpty()) {
                        out.append(" NOT INDEXED");
                    } else {
                        out.append(" INDEXED BY ");
                        name(tb.indexedBy());
                    }
                }
            }
            case Select.TableFunction f -> {
                qualified(f.name());
                out.append('(');
                exprs(f.args());
                out.append(')');
                alias(f.alias());
            }
            case Select.SubqueryTable s -> {
                out.append('(');
                select(s.select());
                out.append(')');
                alias(s.alias());
            }
            case Select.Nested n -> {
                out.append('(');
                from(n.from());
                out.append(')');
                alias(n.alias());
            }
        }
    }

    // ---- DML ------------------------------------------------------------------

    private void insert(Insert i) {
        with(i.with());
        out.append("INSERT ");
        if (i.orAction() != null) {
            out.append("OR ").append(i.orAction().name()).append(' ');
        }
        out.append("INTO ");
        qualified(i.table());
        alias(i.alias());
        if (!i.columns().isEmpty()) {
            out.append(' ');
            names(i.columns());
        }
        if (i.source() == null) {
            out.append(" DEFAULT VALUES");
        } else {
            out.append(' ');
            select(i.source());
        }
        for (Insert.Upsert u : i.upserts()) {
            out.append(" ON CONFLICT");
            if (!u.target().isEmpty()) {
                out.append(" (");
                orderingTerms(u.target());
                out.append(')');
                if (u.targetWhere() != null) {
                    out.append(" WHERE ");
                    expr(u.targetWhere());
                }
            }
            if (u.doNothing()) {
                out.append(" DO NOTHING");
            } else {
                out.append(" DO UPDATE SET ");
                sets(u.sets());
                if (u.where() != null) {
                    out.append(" WHERE ");
                    expr(u.where());
                }
            }
        }
        returning(i.returning());
    }

    private void returning(List<Select.ResultColumn> r) {
        if (!r.isEmpty()) {
            out.append(" RETURNING ");
            resultColumns(r);
        }
    }

    private void sets(List<Update.Set> sets) {
        for (int i = 0; i < sets.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Update.Set s = sets.get(i);
            if (!s.rowValue()) {
                name(s.columns().get(0));
            } else {
                names(s.columns());
            }
            out.append(" = ");
            expr(s.value());
        }
    }

    private void qualifiedTable(Update.QualifiedTable t) {
        qualified(t.name());
        alias(t.alias());
        if (t.indexedBy() != null) {
            if (t.indexedBy().isEmpty()) {
                out.append(" NOT INDEXED");
            } else {
                out.append(" INDEXED BY ");
                name(t.indexedBy());
            }
        }
    }

    private void update(Update u) {
        with(u.with());
        out.append("UPDATE ");
        if (u.orAction() != null) {
            out.append("OR ").append(u.orAction().name()).append(' ');
        }
        qualifiedTable(u.table());
        out.append(" SET ");
        sets(u.sets());
        if (u.from() != null) {
            out.append(" FROM ");
            from(u.from());
        }
        whereOrderLimit(u.where(), u.returning(), u.orderBy(), u.limit());
    }

    private void delete(Delete d) {
        with(d.with());
        out.append("DELETE FROM ");
        qualifiedTable(d.table());
        whereOrderLimit(d.where(), d.returning(), d.orderBy(), d.limit());
    }

    private void whereOrderLimit(Expr where, List<Select.ResultColumn> returning, List<OrderingTerm> orderBy,
                                 Select.Limit limit) {
        if (where != null) {
            out.append(" WHERE ");
            expr(where);
        }
        returning(returning);
        if (!orderBy.isEmpty()) {
            out.append(" ORDER BY ");
            orderingTerms(orderBy);
        }
        limit(limit);
    }

    private void createTrigger(CreateTrigger c) {
        out.append(c.temp() ? "CREATE TEMP TRIGGER " : "CREATE TRIGGER ");
        if (c.ifNotExists()) {
            out.append("IF NOT EXISTS ");
        }
        qualified(c.name());
        if (c.time() != null) {
            out.append(c.time() == CreateTrigger.Time.INSTEAD_OF ? " INSTEAD OF" : " " + c.time().name());
        }
        out.append(' ').append(c.event().name());
        if (!c.updateOf().isEmpty()) {
            out.append(" OF ");
            for (int i = 0; i < c.updateOf().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                name(c.updateOf().get(i));
            }
        }
        out.append(" ON ");
        qualified(c.table());
        if (c.forEachRow()) {
            out.append(" FOR EACH ROW");
        }
        if (c.when() != null) {
            out.append(" WHEN ");
            expr(c.when());
        }
        out.append(" BEGIN ");
        for (Stmt s : c.body()) {
            stmt(s);
            out.append("; ");
        }
        out.append("END");
    }
}
