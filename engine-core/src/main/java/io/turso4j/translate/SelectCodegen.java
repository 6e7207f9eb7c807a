package io.turso4j.translate;

import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.Tokens;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Codes SELECT statements that read no table — a core without FROM (with WHERE, aggregates,
 * GROUP BY/HAVING over its one row), VALUES, and UNION ALL of those — with LIMIT and OFFSET,
 * and the subqueries built on them (scalar, EXISTS, IN).
 *
 * <p>Rows are handed to a {@link RowSink}, which emits whatever the caller does with a row
 * (ResultRow at the top level, a copy and a jump for a scalar subquery). Every arm of a
 * compound codes its columns into the same block of registers, so the sink sees one layout.
 * Not thread-safe; one per compilation.
 */
final class SelectCodegen {
    /** Emits the code run for each row, whose columns are in {@code first .. first+count). */
    @FunctionalInterface
    interface RowSink {
        void row(int first, int count);

        /**
         * Emits the code run for each row before its columns are computed, when the row's
         * values are then only computed to be handed to this sink: OFFSET skips a row there,
         * so that SQLite's rows skipped uncomputed are (an error they would raise is not).
         * The next call is then {@link #row} for that row. Does nothing unless overridden.
         */
        default void beforeColumns() {}
    }

    /** SQLite's SQLITE_MAX_COMPOUND_SELECT: also keeps the recursion over arms shallow. */
    private static final int MAX_COMPOUND_ARMS = 500;

    private final ProgramBuilder b;
    private final ExprCodegen exprs;
    private String sql;
    /** The database's tables, which FROM names when no CTE of that name is visible. */
    private final Schema schema;
    private Tokens tokens;
    /** The common table expressions FROM may name where code is being generated. */
    private final CteScope ctes = new CteScope();

    /** The EXPLAIN QUERY PLAN lines this compilation notes. */
    private final PlanLines plan = new PlanLines();

    /** The result column names of every core compiled, for {@link ColumnNames}. */
    private final Map<Select.Core, List<String>> coreNames = new IdentityHashMap<>(4);
    /** The result columns of every core compiled, with the scope their references resolve in. */
    private final Map<Select.Core, ResultColumns> coreColumns = new IdentityHashMap<>(4);

    /** A compiled core's result columns ({@code *} expanded) and the scope that names their columns. */
    record ResultColumns(List<Expr> exprs, Scope scope) {}

    private TriggerCodegen triggers;

    /**
     * Per arm (core or one-row VALUES) of a FROM-clause subquery: the result columns its
     * enclosing query never reads, yielded as NULL ({@link UnusedColumns}).
     */
    private final Map<Select.Body, java.util.BitSet> unusedColumns = new IdentityHashMap<>(4);
    /** The jumps around the unused columns' code (see {@link #codeColumn}): {column, address}. */
    private final List<int[]> uncomputed = new ArrayList<>();

    /**
     * Yields the columns {@code unused} of {@code arm} as NULL, without computing them, until
     * called again with null.
     */
    void leaveUncomputed(Select.Body arm, java.util.BitSet unused) {
        if (unused == null) {
            unusedColumns.remove(arm);
        } else {
            unusedColumns.put(arm, unused);
        }
    }

    /**
     * The jumps around unused columns' code coded since {@code mark} (a size of the list, from
     * {@link #uncomputedMark}), each {column, address}; a jump that becomes a Noop computes
     * its column.
     */
    List<int[]> uncomputedSince(int mark) {
        return List.copyOf(uncomputed.subList(mark, uncomputed.size()));
    }

    int uncomputedMark() {
        return uncomputed.size();
    }

    /**
     * Codes result column {@code i} of {@code arm}, {@code e}, into {@code target}. An unused
     * one is still coded, so that its names resolve (errors and correlation as SQLite's),
     * but jumped over to a NULL: {@code Goto skip; e → target; Goto done; skip: Null target; done:}.
     */
    private void codeColumn(Select.Body arm, int i, Expr e, int target) {
        java.util.BitSet unused = unusedColumns.get(arm);
        if (unused == null || !unused.get(i)) {
            exprs.code(e, target);
            return;
        }
        int skip = b.newLabel();
        int done = b.newLabel();
        uncomputed.add(new int[] {i, b.emit(Opcode.Goto, 0, skip)});
        exprs.code(e, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(skip);
        b.emit(Opcode.Null, 0, target);
        b.resolve(done);
    }

    /**
     * An ORDER BY that {@link OrderBy} would like the loops of {@code core} to yield, so that
     * it needs no sorter: the terms, and per term the result column it names (-1: its own
     * expression). {@code satisfied} is set when the chosen loops do yield that order.
     */
    static final class OrderRequest {
        final Select.Core core;
        final List<io.turso4j.sql.ast.OrderingTerm> terms;
        final int[] resultColumns;
        boolean satisfied;

        OrderRequest(Select.Core core, List<io.turso4j.sql.ast.OrderingTerm> terms, int[] resultColumns) {
            this.core = core;
            this.terms = terms;
            this.resultColumns = resultColumns;
        }

        /** The terms with each expression as the core's loops see it. */
        List<io.turso4j.sql.ast.OrderingTerm> resolved(List<Expr> columns) {
            List<io.turso4j.sql.ast.OrderingTerm> out = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                io.turso4j.sql.ast.OrderingTerm t = terms.get(i);
                Expr e = t.expr();
                if (resultColumns[i] >= 0) {
                    Expr column = columns.get(resultColumns[i]);
                    e = e instanceof Expr.Collate c ? new Expr.Collate(c.pos(), column, c.collation()) : column;
                }
                out.add(new io.turso4j.sql.ast.OrderingTerm(e, t.order(), t.nulls()));
            }
            return out;
        }
    }

    /** The ORDER BY request for the core about to be compiled (see {@link OrderRequest}), or null. */
    private OrderRequest orderRequest;

    void requestOrder(OrderRequest request) {
        orderRequest = request;
    }

    /** @param sql the text the statement was parsed from (result columns are named from it) */
    SelectCodegen(ProgramBuilder b, FunctionRegistry functions, String sql, Schema schema) {
        this.b = b;
        this.schema = schema;
        this.exprs = new ExprCodegen(b, functions, this);
        this.sql = sql;
    }

    String sql() {
        return sql;
    }

    /**
     * Makes {@code text} the text positions refer to (a trigger's body is parsed from its own
     * CREATE TRIGGER text); returns the one it replaces, to be put back.
     */
    String swapText(String text) {
        String old = sql;
        sql = text;
        tokens = null;
        return old;
    }

    Schema schema() {
        return schema;
    }

    /**
     * The stored table {@code name} names where the code being generated is; null when there is
     * none or a common table expression (or a recursive CTE's row) of that name hides it.
     */
    Table storedTable(io.turso4j.sql.ast.Name name) {
        return name.schema() == null && ctes.hides(name.name()) ? null : TableSource.lookup(schema, name);
    }

    CteScope ctes() {
        return ctes;
    }

    private Tokens tokens() {
        if (tokens == null) {
            tokens = Lexer.tokenize(sql);
        }
        return tokens;
    }

    /** The names of the result columns of {@code core}, once it has been compiled. */
    List<String> namesOf(Select.Core core) {
        return coreNames.get(core);
    }

    /** Makes {@code core}'s names and result columns those of {@code compiled}, which was compiled for it. */
    void compiledAs(Select.Core core, Select.Core compiled) {
        coreNames.put(core, coreNames.get(compiled));
        coreColumns.put(core, coreColumns.get(compiled));
    }

    /** The result columns of {@code core} once it has been compiled, else null. */
    ResultColumns resultColumns(Select.Core core) {
        return coreColumns.get(core);
    }

    /** The affinities of a compiled core's result columns, their column references resolved; null if not compiled. */
    List<Affinity> compiledAffinities(Select.Core core) {
        ResultColumns columns = coreColumns.get(core);
        if (columns == null) {
            return null;
        }
        List<Affinity> out = new ArrayList<>(columns.exprs().size());
        for (Expr x : columns.exprs()) {
            out.add(ExprTyping.affinity(x, columns.scope()));
        }
        return Collections.unmodifiableList(out);
    }

    /** The collation names of a compiled core's result columns (null for none); null if not compiled. */
    List<String> compiledCollations(Select.Core core) {
        ResultColumns columns = coreColumns.get(core);
        if (columns == null) {
            return null;
        }
        List<String> out = new ArrayList<>(columns.exprs().size());
        for (Expr x : columns.exprs()) {
            out.add(ExprTyping.collationName(x, columns.scope()));
        }
        return Collections.unmodifiableList(out);
    }

    ExprCodegen exprs() {
        return exprs;
    }

    /** The lines of the query plan, which EXPLAIN QUERY PLAN shows (see {@link PlanLines}). */
    PlanLines plan() {
        return plan;
    }

    /** The trigger programs coded into this compilation (see {@link TriggerCodegen}). */
    TriggerCodegen triggers() {
        if (triggers == null) {
            triggers = new TriggerCodegen(b, this);
        }
        return triggers;
    }

    /** Codes {@code select}; control falls out at the end after the last row. Returns the column count. */
    int select(Select select, RowSink sink) {
        return ctes.with(select.with(), () -> selectBody(select, sink));
    }

    private int selectBody(Select select, RowSink sink) {
        int arms = 1;
        for (Select.Body body = select.body(); body instanceof Select.Compound c; body = c.left()) {
            if (++arms > MAX_COMPOUND_ARMS) {
                throw ExprCodegen.error("too many terms in compound SELECT");
            }
        }
        int columns = columnCount(select.body());
        int end = b.newLabel();
        if (!select.orderBy().isEmpty() && !(select.body() instanceof Select.Core core && core.from() == null)) {
            new OrderBy(b, this).code(select, columns, () -> limit(select.limit(), sink, end), end);
        } else {
            OrderBy.checkUnsorted(select, columns, exprs().scope());
            RowSink limited = limit(select.limit(), sink, end);
            int out = b.allocRegisters(columns);
            if (CompoundCodegen.isLimitOne(select.limit()) && select.body() instanceof Select.Compound c
                    && c.op() == Select.CompoundOp.UNION) {
                new CompoundCodegen(b, this).streamingUnion(c, out, limited);
            } else {
                body(select.body(), out, limited);
            }
        }
        b.resolve(end);
        return columns;
    }

    /** Wraps {@code sink} with OFFSET (skip rows) and LIMIT (stop after n rows, jumping to end). */
    private RowSink limit(Select.Limit limit, RowSink sink, int end) {
        if (limit == null) {
            return sink;
        }
        int regLimit = exprs.codeTemp(limit.limit());
        b.emit(Opcode.MustBeInt, regLimit, 0);
        b.emit(Opcode.IfNot, regLimit, end, 0);
        int regOffset;
        if (limit.offset() != null) {
            regOffset = exprs.codeTemp(limit.offset());
            b.emit(Opcode.MustBeInt, regOffset, 0);
        } else {
            regOffset = 0;
        }
        return new RowSink() {
            /** The label past the row being handed out, once its OFFSET test is coded; else null. */
            private Integer skip;

            @Override
            public void beforeColumns() {
                if (regOffset != 0 && skip == null) {
                    skip = b.newLabel();
                    b.emit(Opcode.IfPos, regOffset, skip, 1);
                }
            }

            @Override
            public void row(int first, int count) {
                beforeColumns();
                sink.row(first, count);
                b.emit(Opcode.DecrJumpZero, regLimit, end);
                if (skip != null) {
                    b.resolve(skip);
                    skip = null;
                }
            }
        };
    }

    int columnCount(Select.Body body) {
        return switch (body) {
            case Select.Core core -> core.from() == null ? core.columns().size() : expandedCount(core);
            case Select.Values v -> v.rows().getFirst().size();
            case Select.Compound c -> {
                int left = columnCount(c.left());
                int right = columnCount(c.right());
                if (left != right) {
                    throw ExprCodegen.error("SELECTs to the left and right of " + opName(c.op())
                            + " do not have the same number of result columns");
                }
                yield left;
            }
        };
    }

    /** The number of result columns of a core with FROM ({@code *} counts its sources' columns). */
    private int expandedCount(Select.Core core) {
        if (onlyExprColumns(core)) {
            return core.columns().size();
        }
        int n = 0;
        for (Select.ResultColumn rc : core.columns()) {
            n += switch (rc) {
                case Select.ExprColumn ec -> 1;
                case Select.Star s -> sourceColumns(core.from(), null);
                case Select.TableStar t -> sourceColumns(core.from(), t.table());
            };
        }
        return n;
    }

    /** How many columns the sources of {@code from} (or the one named {@code table}) have. */
    private int sourceColumns(Select.From from, String table) {
        int n = 0;
        List<Select.TableRef> refs = new ArrayList<>();
        refs.add(from.first());
        from.joins().forEach(j -> refs.add(j.table()));
        for (Select.TableRef ref : refs) {
            switch (ref) {
                case Select.SubqueryTable s -> {
                    if (table == null || table.equalsIgnoreCase(s.alias())) {
                        n += columnCount(s.select().body());
                    }
                }
                case Select.Table t -> {
                    Scope.Source row = ctes.recursiveRow(t.name(), from);
                    Select.Cte cte = row == null ? ctes.find(t.name()) : null;
                    String name = t.alias() != null ? t.alias() : t.name().name();
                    if (row != null && (table == null || table.equalsIgnoreCase(name))) {
                        n += row.columns().size();
                    } else if (cte != null && (table == null || table.equalsIgnoreCase(name))) {
                        int[] count = {cte.columns().size()};
                        if (cte.columns().isEmpty()) {
                            ctes.building(cte, "circular reference: ", () -> count[0] = columnCount(cte.select().body()));
                        }
                        n += count[0];
                    } else if (row == null && cte == null && (table == null || table.equalsIgnoreCase(name))) {
                        Table stored = TableSource.lookup(schema, t.name());
                        Select.TableFunction call = new Select.TableFunction(t.name(), List.of(), t.alias());
                        n += stored != null ? stored.columns().size()
                                : FunctionSources.handles(call) ? FunctionSources.visibleColumns(schema, call)
                                : PragmaFunctions.isTableFunction(t.name()) ? PragmaFunctions.columnCount(schema, call) : 0;
                    }
                }
                case Select.Nested nested -> n += sourceColumns(nested.from(), table);
                case Select.TableFunction f -> {
                    String name = f.alias() != null ? f.alias() : f.name().name();
                    if (FunctionSources.handles(f) && (table == null || table.equalsIgnoreCase(name))) {
                        n += FunctionSources.visibleColumns(schema, f);
                    } else if (PragmaFunctions.isTableFunction(f.name()) && (table == null || table.equalsIgnoreCase(name))) {
                        n += PragmaFunctions.columnCount(schema, f);
                    } // else no such table: reported when the FROM clause is bound
                }
            }
        }
        if (table == null) {
            // * shows a USING (or NATURAL) join's column once.
            List<String> left = new ArrayList<>(storedColumns(from.first()));
            for (Select.Join j : from.joins()) {
                List<String> right = storedColumns(j.table());
                if (j.constraint() instanceof Select.Using u) {
                    n -= u.columns().size();
                } else if (j.op().natural()) {
                    n -= (int) right.stream().distinct().filter(left::contains).count();
                }
                left.addAll(right);
            }
        }
        return n;
    }

    /** The columns of {@code ref} when it is a stored table (lower case), else none. */
    private List<String> storedColumns(Select.TableRef ref) {
        if (ref instanceof Select.Table t && !ctes.hides(t.name().name())) {
            Table stored = TableSource.lookup(schema, t.name());
            if (stored != null) {
                return stored.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            }
        }
        return List.of();
    }

    static String opName(Select.CompoundOp op) {
        return op == Select.CompoundOp.UNION_ALL ? "UNION ALL" : op.name();
    }

    void body(Select.Body body, int out, RowSink sink) {
        switch (body) {
            case Select.Core core -> core(core, out, sink, List.of());
            case Select.Values values -> {
                int width = values.rows().getFirst().size();
                int n = values.rows().size();
                plan().explain(PlanText.constantRows(n));
                for (List<Expr> row : values.rows()) {
                    if (row.size() != width) {
                        throw ExprCodegen.error("all VALUES must have the same number of terms");
                    }
                    sink.beforeColumns();
                    for (int i = 0; i < width; i++) {
                        codeColumn(values, i, row.get(i), out + i);
                    }
                    sink.row(out, width);
                }
            }
            case Select.Compound c when c.op() == Select.CompoundOp.UNION_ALL -> {
                body(c.left(), out, sink);
                body(c.right(), out, sink);
            }
            case Select.Compound c -> new CompoundCodegen(b, this).distinct(c, out, sink);
        }
    }

    void core(Select.Core core, int out, RowSink sink, List<Expr> extras) {
        if (core.from() == null) {
            plan().explain(PlanText.constantRows(1));
        }
        if (WindowCodegen.hasWindowCalls(core, extras, exprs)) {
            new WindowCodegen(b, this).code(core, out, sink, extras);
            return;
        }
        OrderRequest order = orderRequest != null && orderRequest.core == core ? orderRequest : null;
        orderRequest = null;
        Scope outer = exprs.scope();
        FromCodegen from = null;
        List<Expr> where = new ArrayList<>();
        Select.Core arm = core;
        if (core.from() != null) {
            from = new FromCodegen(b, this);
            from.readBy(core, extras);
            exprs.pushScope(from.bind(core.from(), outer, core.where() == null ? List.of() : conjuncts(core.where())));
            where.addAll(from.joinTerms());
        }
        try {
            List<Expr> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            expand(core.columns(), from != null ? exprs.scope() : null, columns, names);
            coreNames.put(core, names);
            coreColumns.put(core, new ResultColumns(List.copyOf(columns), exprs.scope()));
            columns.addAll(extras);
            core = withAliasesResolved(core);
            if (core.where() != null) {
                where.add(core.where());
            }
            List<Expr.Function> calls = new ArrayList<>();
            AggregateFinder finder = new AggregateFinder(exprs.functions());
            for (Expr e : columns) {
                finder.collect(e, calls);
            }
            if (core.having() != null) {
                // An alias in HAVING is its result column's expression, whose calls are already in.
                List<Expr.Function> inHaving = new ArrayList<>();
                finder.collect(core.having(), inHaving);
                for (Expr.Function f : inHaving) {
                    if (calls.stream().noneMatch(c -> c == f)) {
                        calls.add(f);
                    }
                }
            }
            for (Expr w : where) {
                finder.rejectIn(w);
            }
            int skip = b.newLabel();
            int distinct = -1;
            Collation[] collations = null;
            int openDistinct = -1;
            int distinctStarted = -1;
            if (core.distinct() && from != null) {
                distinct = b.allocCursor();
                collations = new Collation[columns.size()];
                for (int i = 0; i < collations.length; i++) {
                    collations[i] = ExprTyping.collation(columns.get(i), exprs.scope());
                }
                openDistinct = b.emit(Opcode.OpenEphemeral, distinct, columns.size(), 0,
                        new IndexKeyComparator(collations, new boolean[columns.size()]), 0);
                distinctStarted = b.allocRegister(); // for newRows, if the rows come in order
                b.emit(Opcode.Integer, 0, distinctStarted);
            }
            if (calls.isEmpty() && core.groupBy().isEmpty()) {
                if (core.having() != null) {
                    // SQLite 3.39+ takes HAVING without GROUP BY on an aggregate query only.
                    throw ExprCodegen.error("HAVING clause on a non-aggregate query");
                }
                int next = b.newLabel();
                RowSink rows = distinctRows(distinct, sink);
                if (from != null) {
                    // DISTINCT asks for its columns' order: equal rows then come together, and a
                    // row is new when it differs from the one before (SQLite's ordered DISTINCT).
                    boolean ordered = distinct >= 0 ? from.openGroupedLoops(where, columns, columns)
                            : from.openLoops(where, columns, order == null ? null : order.resolved(columns));
                    if (order != null) {
                        order.satisfied = ordered;
                    }
                    if (distinct >= 0 && ordered) {
                        b.changeOpcode(openDistinct, Opcode.Noop);
                        rows = newRows(distinctStarted, columns.size(), collations, sink);
                    } else if (distinct >= 0) {
                        plan.explain("USE TEMP B-TREE FOR DISTINCT");
                    }
                } else {
                    for (Expr w : where) {
                        exprs.jumpIfNotTrue(w, skip);
                    }
                }
                rows.beforeColumns();
                for (int i = 0; i < columns.size(); i++) {
                    codeColumn(arm, i, columns.get(i), out + i);
                }
                rows.row(out, columns.size());
                if (from != null) {
                    from.closeLoops(next);
                } else {
                    b.resolve(next);
                }
            } else if (from != null && !core.groupBy().isEmpty()) {
                // Aliases by result column; with * the positions shift, so then none are used.
                List<String> aliases = new ArrayList<>();
                if (onlyExprColumns(core)) {
                    for (Select.ResultColumn rc : core.columns()) {
                        aliases.add(((Select.ExprColumn) rc).alias());
                    }
                }
                if (new GroupByCodegen(b, exprs).code(core, calls, where, from, columns, aliases, out,
                        distinctRows(distinct, sink), distinct >= 0 ? null : order)) {
                    plan.explain("USE TEMP B-TREE FOR GROUP BY");
                }
                if (distinct >= 0) {
                    plan.explain("USE TEMP B-TREE FOR DISTINCT");
                }
            } else {
                new AggregateSelect(b, exprs, plan).code(core, calls, where, from, skip, columns);
                sink.beforeColumns();
                for (int i = 0; i < columns.size(); i++) {
                    exprs.code(columns.get(i), out + i);
                }
                sink.row(out, columns.size());
            }
            b.resolve(skip);
        } finally {
            exprs.popScope(outer);
        }
    }

    /**
     * Passes on only the rows that differ from the one before (NULLs equal, by the columns'
     * collations): DISTINCT over rows that come in order. {@code started}, set to 0 before the
     * loops, says whether a row has come.
     */
    private RowSink newRows(int started, int count, Collation[] collations, RowSink sink) {
        int previous = b.allocRegisters(count);
        return (first, n) -> {
            int different = b.newLabel();
            int seen = b.newLabel();
            b.emit(Opcode.IfNot, started, different, 0);
            for (int i = 0; i < n; i++) {
                Collation c = collations[i] != null ? collations[i] : io.turso4j.value.BuiltinCollation.BINARY;
                b.emit(Opcode.Ne, previous + i, different, first + i, c, AffinityCode.NULLEQ);
            }
            b.emit(Opcode.Goto, 0, seen);
            b.resolve(different);
            b.emit(Opcode.Copy, first, previous, n - 1);
            b.emit(Opcode.Integer, 1, started);
            sink.row(first, n);
            b.resolve(seen);
        };
    }

    /**
     * {@code sink}, passed only rows not seen before when {@code distinct} (the cursor of an
     * ephemeral index of the rows so far) is not -1.
     */
    private RowSink distinctRows(int distinct, RowSink sink) {
        if (distinct < 0) {
            return sink;
        }
        return (first, count) -> {
            int seen = b.newLabel();
            int record = b.allocRegister();
            b.emit(Opcode.Found, distinct, seen, first, count, 0);
            b.emit(Opcode.MakeRecord, first, count, record);
            b.emit(Opcode.IdxInsert, distinct, record);
            sink.row(first, count);
            b.resolve(seen);
        };
    }

    /**
     * {@code core} with result-column aliases resolved in WHERE and HAVING as SQLite resolves
     * them: a bare name that no source has but an alias names stands for that column's
     * expression (the same object, so an aggregate keeps its one accumulator). WHERE does not
     * take aliases of aggregates (SQLite: "misuse of aggregate: count()").
     */
    private Select.Core withAliasesResolved(Select.Core core) {
        Map<String, Expr> aliases = new HashMap<>();
        for (Select.ResultColumn rc : core.columns()) {
            if (rc instanceof Select.ExprColumn ec && ec.alias() != null) {
                aliases.putIfAbsent(ec.alias().toLowerCase(Locale.ROOT), ec.expr());
            }
        }
        if (aliases.isEmpty() || (core.where() == null && core.having() == null)) {
            return core;
        }
        Expr where = core.where() == null ? null : ExprRewriter.substitute(core.where(), c -> {
            Expr e = alias(c, aliases);
            List<Expr.Function> calls = new ArrayList<>();
            if (e != c) {
                new AggregateFinder(exprs.functions()).collect(e, calls);
            }
            if (!calls.isEmpty()) {
                throw ExprCodegen.error("misuse of aggregate: " + calls.getFirst().name() + "()", calls.getFirst().pos());
            }
            return e;
        });
        Expr having = core.having() == null ? null : ExprRewriter.substitute(core.having(), c -> alias(c, aliases));
        return new Select.Core(core.distinct(), core.columns(), core.from(), where, core.groupBy(), having, core.windows());
    }

    /** The alias's expression for {@code c} when no source of this SELECT (outer ones aside) has that column. */
    private Expr alias(Expr.Column c, Map<String, Expr> aliases) {
        if (c.table() != null) {
            return c;
        }
        Scope scope = exprs.scope();
        if (scope != null) {
            for (Scope.Source s : scope.sources()) {
                for (String column : s.columns()) {
                    if (column.equalsIgnoreCase(c.column())) {
                        return c;
                    }
                }
            }
        }
        Expr e = aliases.get(c.column().toLowerCase(Locale.ROOT));
        return e != null ? e : c;
    }

    /** The terms of {@code e} split at top-level ANDs. */
    static List<Expr> conjuncts(Expr e) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            List<Expr> all = new ArrayList<>();
            addConjuncts(b, all);
            return all;
        }
        return List.of(e);
    }

    private static void addConjuncts(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            addConjuncts(b.left(), out);
            addConjuncts(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /**
     * The result columns with {@code *} and {@code t.*} expanded to the sources' columns, and
     * their names as sqlite3 gives them: the alias; for a column reference the source
     * column's own name; else the expression's text.
     */
    private void expand(List<Select.ResultColumn> resultColumns, Scope scope, List<Expr> columns, List<String> names) {
        for (Select.ResultColumn rc : resultColumns) {
            switch (rc) {
                case Select.Star s -> {
                    if (scope == null) {
                        throw ExprCodegen.error("no tables specified");
                    }
                    scope.star(columns, names);
                }
                case Select.TableStar t -> {
                    if (scope == null || !scope.tableStar(t.table(), columns, names)) {
                        throw ExprCodegen.error("no such table: " + t.table());
                    }
                }
                case Select.ExprColumn ec -> {
                    columns.add(ec.expr());
                    Scope.Resolved r = ec.alias() == null && scope != null && ec.expr() instanceof Expr.Column c
                            ? scope.find(c) : null;
                    names.add(ec.alias() != null ? ec.alias()
                            : r != null ? (r.isRowid() ? ((Expr.Column) ec.expr()).column() : scope.columnName(r))
                            : ColumnNames.span(tokens(), sql, ec.expr()));
                }
            }
        }
    }

    /** Whether every result column of {@code core} is an expression (none is {@code *} or {@code t.*}). */
    static boolean onlyExprColumns(Select.Core core) {
        for (Select.ResultColumn rc : core.columns()) {
            if (!(rc instanceof Select.ExprColumn)) {
                return false;
            }
        }
        return true;
    }
}
