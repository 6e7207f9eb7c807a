package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FROM clause of a SELECT: binds its sources (stored tables, subqueries, common table
 * expressions) to names, then plans and codes the nested loops that join them.
 *
 * <p>A stored table is read through cursors in its loop; a subquery or CTE is a co-routine that
 * yields its rows into a block of registers ({@link SubquerySources}).
 * {@link #openLoops} splits the WHERE clause into terms ({@link WhereTerm}), lets
 * {@link JoinPlanner} choose the loops' order and each source's {@link AccessPath}, and codes the
 * loops ({@link LoopCodegen}), testing each term in the outermost loop where every source it
 * reads is available. A LEFT JOIN's ON terms stay in its right side's loop, and its right side
 * stays after the sources to its left. A RIGHT or FULL JOIN keeps the FROM order and defers WHERE
 * terms into its right side's loop ({@link RightJoin}); USING and NATURAL become ON terms
 * ({@link UsingJoins}). An unaliased parenthesized join flattens into the outer joins, unless it
 * is an outer join's right side or aliased: then it is one co-routine whose columns its tables'
 * names still qualify ({@link Scope.Part}). Not thread-safe; one per FROM clause.
 */
final class FromCodegen {
    /**
     * One source: {@code coroutine} is its co-routine's register (-1 for a table or a single
     * row); {@code leftOn} is non-null for the right side of a LEFT JOIN (its ON clause).
     */
    private record Item(Scope.Source source, Table table, int coroutine, int start, boolean singleRow,
                        Expr leftOn, boolean cross, double rows, Expr rightOn, String indexedBy) {
        Item(Scope.Source source, Table table, int coroutine, int start, boolean singleRow, double rows) {
            this(source, table, coroutine, start, singleRow, null, false, rows, null, null);
        }

        /** This source as the right side of a join of {@code kind} with ON clause {@code on} (may be null). */
        Item joined(Expr on, Select.JoinKind kind) {
            Expr cond = on != null ? on : TRUE;
            boolean left = kind == Select.JoinKind.LEFT || kind == Select.JoinKind.FULL;
            boolean right = kind == Select.JoinKind.RIGHT || kind == Select.JoinKind.FULL;
            return new Item(source, table, coroutine, start, singleRow, left ? cond : null,
                    kind == Select.JoinKind.CROSS, rows, right ? cond : null, indexedBy);
        }
    }

    /** The ON clause of a LEFT JOIN without one. */
    private static final Expr TRUE = new Expr.Literal(Pos.NONE, Expr.LiteralKind.INTEGER, "1");

    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final List<Scope.Source> sources = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private final List<Expr> joinTerms = new ArrayList<>();
    /** Per inner join's ON clause (by identity): the number of its right-hand source. */
    private final Map<Expr, Integer> joinTermSource = new IdentityHashMap<>(4);
    private final List<Scope.Part> parts = new ArrayList<>();
    /** Per table-valued function source: its hidden columns, which {@code *} leaves out. */
    private final Map<Scope.Source, java.util.Set<Integer>> hiddenColumns = new IdentityHashMap<>(4);
    private final UsingJoins usingJoins;
    /** Whether the FROM clause has a RIGHT or FULL JOIN. */
    private boolean outerRight;
    private final List<LoopCodegen.Level> open = new ArrayList<>();
    private final Map<LoopCodegen.Level, RightJoin> rightJoins = new IdentityHashMap<>(4);
    private LoopCodegen loops;
    private int allDone;
    private JoinPlanner.Plan plan;
    private List<Expr> where = List.of();
    /** The FROM clause being bound (a recursive CTE's row is read only by its arm's own clause). */
    private Select.From bound;
    /** A min/max query (only the first row in order may be wanted): sqlite3 then words every scan a SEARCH. */
    private boolean searchesFirst;
    /** The SELECT this FROM belongs to and the ORDER BY terms sorted with it ({@link #readBy}). */
    private Select.Core readBy;
    private List<Expr> readByExtras = List.of();
    /** Its co-routine sources, made at the first (a FROM of stored tables never needs one). */
    private SubquerySources subqueries;

    FromCodegen(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
        this.usingJoins = new UsingJoins(b, sources, parts);
    }

    /**
     * Binds the sources of {@code from} (coding a co-routine per subquery) and returns the
     * scope naming their columns. A lone subquery source takes the terms of {@code where} that
     * {@link PushDown} pushes.
     */
    Scope bind(Select.From from, Scope parent, List<Expr> where) {
        bound = from;
        this.where = from.joins().isEmpty() ? where : List.of();
        outerRight = hasRightJoin(from);
        joinClause(from, parent);
        if (items.size() > 64) {
            throw ExprCodegen.error("at most 64 tables in a join");
        }
        int lastRight = -1;
        for (int j = 0; j < items.size(); j++) {
            lastRight = items.get(j).rightOn() != null ? j : lastRight;
        }
        usingJoins.unqualifiedStars(lastRight);
        usingJoins.coalesced().forEach(c -> sources.add(c.source()));
        Scope scope = new Scope(parent, sources, FunctionSources.withHidden(usingJoins.joins(), hiddenColumns));
        if (subqueries != null) {
            subqueries.computeWhenRead(scope);
        }
        return scope;
    }

    /**
     * Binds the sources of one join clause (the FROM clause, or an unaliased parenthesized join
     * inside it, whose inner joins flatten into the outer ones as SQLite's do).
     */
    private void joinClause(Select.From from, Scope parent) {
        int leftStart = sources.size();
        add(from.first(), parent);
        for (Select.Join join : from.joins()) {
            Select.JoinKind kind = join.op().kind();
            boolean left = kind == Select.JoinKind.LEFT;
            boolean right = kind == Select.JoinKind.RIGHT || kind == Select.JoinKind.FULL;
            if (join.op().natural() && join.constraint() != null) {
                throw ExprCodegen.error("a NATURAL join may not have an ON or USING clause");
            }
            int leftEnd = sources.size();
            int before = items.size();
            Select.TableRef table = unwrapped(join.table());
            if ((left || right) && table instanceof Select.Nested n && n.alias() == null
                    && !n.from().joins().isEmpty()) {
                nestedJoin(n, parent);
            } else {
                add(table, parent);
            }
            if ((left || right) && items.size() != before + 1) {
                throw ExprCodegen.error(kind + " JOIN of a parenthesized join is not supported yet");
            }
            List<String> using = join.op().natural() ? usingJoins.common(leftStart, leftEnd)
                    : join.constraint() instanceof Select.Using u ? u.columns() : null;
            Expr on = switch (join.constraint()) {
                case Select.On o -> o.expr();
                case null -> using == null ? null : usingJoins.on(using, leftStart, leftEnd, kind, outerRight);
                case Select.Using u -> usingJoins.on(using, leftStart, leftEnd, kind, outerRight);
            };
            if (right && items.get(before).singleRow()) {
                throw ExprCodegen.error(kind + " JOIN of a recursive table is not supported yet");
            }
            if (right && items.get(before).source().reader() != null && items.get(before).source().reader().function() != null
                    && !items.get(before).source().reader().function().args().stream().allMatch(ExprTyping::isConstant)) {
                throw ExprCodegen.error(kind + " JOIN of a table-valued function reading other tables is not supported yet");
            }
            if (left || right || kind == Select.JoinKind.CROSS) {
                items.set(before, items.get(before).joined(on, kind));
            }
            if (!left && !right && on != null) {
                joinTerms.add(on);
                joinTermSource.put(on, before);
            }
        }
    }

    /** {@code ref} without the parentheses that hold nothing else: {@code ((b JOIN c))} is {@code (b JOIN c)}. */
    private static Select.TableRef unwrapped(Select.TableRef ref) {
        while (ref instanceof Select.Nested n && n.alias() == null && n.from().joins().isEmpty()
                && n.from().first() instanceof Select.Nested inner && inner.alias() == null) {
            ref = inner;
        }
        return ref;
    }

    private static boolean hasRightJoin(Select.From from) {
        for (Select.Join j : from.joins()) {
            if (j.op().kind() == Select.JoinKind.RIGHT || j.op().kind() == Select.JoinKind.FULL
                    || (j.table() instanceof Select.Nested n && n.alias() == null && hasRightJoin(n.from()))) {
                return true;
            }
        }
        return from.first() instanceof Select.Nested n && n.alias() == null && hasRightJoin(n.from());
    }

    /**
     * The right side of an outer join that is a parenthesized join: a co-routine that yields the
     * rows of {@code SELECT t1.*, t2.*, … FROM (…)}, one source whose columns the tables' names
     * still qualify ({@link Scope.Part}).
     */
    private void nestedJoin(Select.Nested n, Scope parent) {
        List<String> tables = new ArrayList<>();
        Select.Core core = SubquerySources.joinSelect(n.from(), tables);
        Select select = new Select(Pos.NONE, null, core, List.of(), null);
        Scope.Source source = coroutine(subqueries().code(select,
                n.alias() != null ? n.alias() : "(join-" + (sources.size() + 1) + ")", null, parent, null));
        Scope inner = selects.resultColumns(core).scope();
        int offset = 0;
        for (String t : tables) {
            List<String> names = new ArrayList<>();
            inner.tableStar(t, new ArrayList<>(), names);
            parts.add(new Scope.Part(t, source, offset, names));
            usingJoins.inherit(inner, t, source, offset);
            offset += names.size();
        }
        if (n.alias() != null) {
            parts.add(new Scope.Part(n.alias(), source, 0, usingJoins.declaredColumns(sources.size() - 1), true));
        }
    }

    /**
     * Says which SELECT this FROM belongs to, with the ORDER BY terms {@code extras} its caller
     * sorts by: a subquery source leaves the columns they never mention uncomputed.
     */
    void readBy(Select.Core core, List<Expr> extras) {
        readBy = core;
        readByExtras = extras;
    }

    /** Says that only the first row the loops yield in the requested order is wanted. */
    void searchesFirst(boolean on) {
        searchesFirst = on;
    }

    /**
     * The stored table that is this FROM clause's one source, with its INDEXED BY ({@code ""}
     * for NOT INDEXED, null for neither); null when there is any other kind or number of sources.
     */
    LoneTable loneTable() {
        if (items.size() != 1) {
            return null;
        }
        Item item = items.getFirst();
        return item.table() == null || item.coroutine() >= 0 || item.singleRow() ? null
                : new LoneTable(item.table(), item.indexedBy());
    }

    record LoneTable(Table table, String indexedBy) {}

    /** The ON terms of the inner joins, to be ANDed into the WHERE clause. */
    List<Expr> joinTerms() {
        return joinTerms;
    }

    private void add(Select.TableRef ref, Scope parent) {
        switch (ref) {
            case Select.SubqueryTable s -> coroutine(subqueries().code(s.select(), s.alias() != null ? s.alias()
                    : "(subquery-" + (sources.size() + 1) + ")", null, parent, null));
            case Select.Table t -> {
                Scope.Source row = selects.ctes().recursiveRow(t.name(), bound);
                if (row != null) {
                    // The recursive arm of a recursive CTE: its own name is the current row.
                    Scope.Source source = new Scope.Source(t.alias() != null ? t.alias() : row.name(), row.columns(),
                            row.firstRegister(), row.affinities(), row.collations());
                    sources.add(source);
                    items.add(new Item(source, null, -1, 0, true, 1));
                    return;
                }
                Select.Cte cte = selects.ctes().find(t.name());
                if (cte == null) {
                    table(t);
                    return;
                }
                String name = t.alias() != null ? t.alias() : cte.name();
                if (RecursiveCte.refersTo(cte.select().body(), cte.name())) {
                    coroutine(subqueries().recursive(cte, name, parent));
                    return;
                }
                coroutine(subqueries().code(cte.select(), name, cte.columns(), parent, cte));
            }
            case Select.TableFunction f when FunctionSources.handles(f) -> functionSource(f);
            case Select.TableFunction f when PragmaFunctions.isTableFunction(f.name()) -> pragmaFunction(f);
            case Select.TableFunction f -> throw ExprCodegen.error("no such table: " + qualified(f.name()));
            case Select.Nested n when n.alias() == null -> joinClause(n.from(), parent);
            case Select.Nested n when n.from().joins().isEmpty() -> add(switch (n.from().first()) {
                case Select.Table t -> new Select.Table(t.name(), n.alias(), t.indexedBy());
                case Select.SubqueryTable q -> new Select.SubqueryTable(q.select(), n.alias());
                case Select.TableRef other -> other;
            }, parent);
            case Select.Nested n -> nestedJoin(n, parent);
        }
    }

    /**
     * A stored table: no code yet (its loop is coded once the plan is known); its row is read
     * through its cursors, or copied into registers {@code out…} (the rowid last) when needed.
     */
    private void table(Select.Table t) {
        Table table = TableSource.lookup(selects.schema(), t.name());
        Select.TableFunction call = new Select.TableFunction(t.name(), List.of(), t.alias());
        if (table == null && FunctionSources.handles(call)) {
            functionSource(call); // json_each without arguments: no rows, as SQLite's
            return;
        }
        if (table == null && PragmaFunctions.isTableFunction(t.name())) {
            pragmaFunction(new Select.TableFunction(t.name(), List.of(), t.alias()));
            return;
        }
        if (table == null) {
            throw ExprCodegen.error("no such table: " + qualified(t.name()));
        }
        String name = t.alias() != null ? t.alias() : table.name();
        int out = b.allocRegisters(table.columns().size() + 1);
        // One pass, not three streams: this runs for every table of every statement prepared.
        int width = table.columns().size();
        String[] names = new String[width];
        Affinity[] affinities = new Affinity[width];
        String[] collations = new String[width];
        for (int i = 0; i < width; i++) {
            Column column = table.columns().get(i);
            names[i] = column.name();
            affinities[i] = column.affinity();
            collations[i] = column.collation();
        }
        Scope.Source source = new Scope.Source(name, List.of(names), out,
                Collections.unmodifiableList(Arrays.asList(affinities)),
                Collections.unmodifiableList(Arrays.asList(collations)), new SourceReader(table, out));
        sources.add(source);
        long estimate = selects.schema().estimatedRows(table.name());
        if (t.indexedBy() != null && !t.indexedBy().isEmpty()
                && table.indexes().stream().noneMatch(i -> i.name().equalsIgnoreCase(t.indexedBy()))) {
            throw ExprCodegen.error("no such index: " + t.indexedBy());
        }
        items.add(new Item(source, table, -1, 0, false, null, false,
                estimate > 0 ? estimate : JoinPlanner.DEFAULT_ROWS, null, t.indexedBy()));
    }

    /** A pragma table-valued function ({@code pragma_table_info('t')}): a co-routine yielding its rows. */
    private void pragmaFunction(Select.TableFunction f) {
        int register = b.allocRegister();
        PragmaFunctions.Coded coded = PragmaFunctions.code(b, selects.schema(), f, register);
        Scope.Source source = new Scope.Source(f.alias() != null ? f.alias() : f.name().name(), coded.columns(),
                coded.out(), coded.affinities(), coded.collations(), new SourceReader(null, coded.out()));
        sources.add(source);
        items.add(new Item(source, null, register, coded.start(), false, JoinPlanner.DEFAULT_ROWS));
    }

    /** A table-valued function read through its own cursor ({@link FunctionSources}). */
    private void functionSource(Select.TableFunction f) {
        FunctionSources.Bound bound = FunctionSources.bind(b, selects.schema(), f);
        sources.add(bound.source());
        parts.addAll(bound.parts());
        if (!bound.hidden().isEmpty()) {
            hiddenColumns.put(bound.source(), bound.hidden());
        }
        // NOT INDEXED: its rows are made per open of its loop, never gathered into an automatic index.
        items.add(new Item(bound.source(), null, -1, 0, false, null, false, FunctionSources.ROWS, null, ""));
    }

    /** Adds a co-routine source; returns it. */
    private Scope.Source coroutine(SubquerySources.Coded coded) {
        sources.add(coded.source());
        items.add(new Item(coded.source(), null, coded.register(), coded.start(), false, coded.rows()));
        return coded.source();
    }

    /** The co-routine sources' coder, made at the first: {@link #bind} has set what it reads. */
    private SubquerySources subqueries() {
        if (subqueries == null) {
            subqueries = new SubquerySources(b, selects, where, readBy, readByExtras);
        }
        return subqueries;
    }

    /**
     * Plans and opens the nested loops, testing each AND term of {@code where} in the outermost
     * loop that has every source it reads; {@code used} are the query's other expressions (result
     * columns, GROUP BY, HAVING, ORDER BY), which decide whether an index covers a table. On
     * return the innermost loop is on a row that passed every term. The scope must be this
     * FROM's (see {@link #bind}).
     */
    void openLoops(List<Expr> where, List<Expr> used) {
        openLoops(where, used, null);
    }

    /**
     * As {@link #openLoops(List, List)}, preferring loops that yield the rows in the order of
     * {@code order} (ORDER BY terms whose expressions are resolved against this scope; null
     * for none). Returns whether they do, so that no sorter is needed.
     */
    boolean openLoops(List<Expr> where, List<Expr> used, List<io.turso4j.sql.ast.OrderingTerm> order) {
        return openLoops(where, used, order, false);
    }

    /**
     * As {@link #openLoops(List, List)}, preferring loops that yield rows with equal {@code keys}
     * together (a GROUP BY's or DISTINCT's), in whatever order an index has them, as SQLite
     * does. Returns whether they do, so that no sorter is needed.
     */
    boolean openGroupedLoops(List<Expr> where, List<Expr> used, List<Expr> keys) {
        return openLoops(where, used, GroupByCodegen.ascending(keys), true);
    }

    private boolean openLoops(List<Expr> where, List<Expr> used, List<io.turso4j.sql.ast.OrderingTerm> order,
                              boolean grouping) {
        Scope scope = selects.exprs().scope();
        boolean anyRight = items.stream().anyMatch(i -> i.rightOn() != null);
        long itemMask = items.size() >= 64 ? -1L : (1L << items.size()) - 1;
        List<WhereTerm> terms = new ArrayList<>();
        // With a RIGHT or FULL JOIN a term may not be tested before the ON clause of the last such
        // join to its left has marked the rows it matched: WHERE terms, after the last one.
        Map<WhereTerm, Integer> notBefore = new IdentityHashMap<>(4);
        // An inner join's ON term rejects only that join's rows: with a RIGHT or FULL JOIN it is
        // tested in that join's loop at the latest — not once before all loops when it reads no
        // source (ON 0), nor after a later RIGHT JOIN has marked its rows matched (a subquery
        // term, placed innermost) — so that join's unmatched rows still come out (SQLite:
        // EP_InnerON under JT_LTORJ).
        Map<WhereTerm, Integer> innerOn = new IdentityHashMap<>(4);
        for (Expr w : where) {
            int join = joinTermSource.getOrDefault(w, items.size() - 1);
            for (Expr e : SelectCodegen.conjuncts(w)) {
                WhereTerm t = WhereTerm.of(e, -1, scope, selects::storedTable);
                terms.add(t);
                notBefore.put(t, lastRightJoin(join));
                if (anyRight && joinTermSource.containsKey(w)) {
                    innerOn.put(t, join);
                }
            }
        }
        List<JoinPlanner.Item> planned = new ArrayList<>();
        List<List<Expr>> leftOn = new ArrayList<>();
        List<List<Expr>> rightOn = new ArrayList<>();
        boolean[][] usedColumns = usedColumns(scope, where, used);
        for (int j = 0; j < items.size(); j++) {
            Item item = items.get(j);
            // Rows unmatched by a RIGHT JOIN are found by the sources' FROM order: keep it.
            long prereq = item.leftOn() != null || item.cross() || anyRight ? (1L << j) - 1 : 0;
            if (item.leftOn() == null && item.rightOn() == null) {
                FunctionSources.hiddenArguments(item.source(), j, terms);
            }
            prereq |= FunctionSources.prerequisites(item.source(), j, scope, itemMask);
            List<Expr> on = null;
            if (item.leftOn() != null || item.rightOn() != null) {
                on = SelectCodegen.conjuncts(item.leftOn() != null ? item.leftOn() : item.rightOn());
                for (Expr e : on) {
                    WhereTerm t = WhereTerm.of(e, j, scope, selects::storedTable);
                    terms.add(t);
                    prereq |= t.mask() == WhereTerm.ALL ? 0 : t.mask() & ~(1L << j) & itemMask;
                }
            }
            leftOn.add(item.leftOn() != null ? on : null);
            rightOn.add(item.leftOn() == null && item.rightOn() != null ? on : null);
            planned.add(new JoinPlanner.Item(item.table(), item.rows(), item.singleRow(), prereq,
                    item.leftOn() != null || item.rightOn() != null, usedColumns == null ? null : usedColumns[j],
                    item.indexedBy()));
        }
        // A RIGHT or FULL JOIN's unmatched rows come after all the others, in no order: no loop
        // order gives the rows in order then (SQLite sorts too).
        IndexOrder.Wanted wanted = rightJoined() ? null : orderTerms(order, grouping, scope);
        plan = new JoinPlanner(planned, terms, selects.schema(), wanted, searchesFirst).plan();
        loops = new LoopCodegen(b, selects.exprs());
        int[] position = new int[items.size()];
        for (int p = 0; p < plan.order().length; p++) {
            int s = plan.order()[p];
            position[s] = p;
            Item item = items.get(s);
            open.add(new LoopCodegen.Level(s, plan.paths()[s], item.source(), item.table(), item.coroutine(),
                    item.start(), leftOn.get(s)));
        }
        boolean ordered = false;
        if (wanted != null && !open.isEmpty()) {
            LoopCodegen.Level outer = open.getFirst();
            IndexOrder.Direction direction = IndexOrder.of(wanted, outer.source, outer.path, outer.table);
            ordered = direction != IndexOrder.Direction.NONE;
            outer.reverse = direction == IndexOrder.Direction.REVERSE;
        }
        if (!anyRight) {
            partialTerms(terms, scope);
        }
        for (LoopCodegen.Level level : open) {
            loops.prologue(level);
            if (items.get(level.source).rightOn() != null) {
                rightJoins.put(level, new RightJoin(level, b, selects.exprs()));
            }
        }
        allDone = b.newLabel();
        List<List<Expr>> tested = new ArrayList<>();
        // Per loop, how many of its terms at the front need only its index entry: tested before
        // the table's row is sought (SQLite's first pass over a loop's terms), they spare the
        // seek for the entries they reject.
        int[] beforeSeek = new int[open.size()];
        for (int p = 0; p < open.size(); p++) {
            tested.add(new ArrayList<>());
        }
        ExprCodegen exprs = selects.exprs();
        for (WhereTerm t : WhereTerm.subqueriesLast(terms)) {
            if (t.on() >= 0) {
                continue;
            }
            int at = -1;
            if (t.mask() == WhereTerm.ALL) {
                at = open.size() - 1;
            } else {
                for (int s = 0; s < items.size(); s++) {
                    if ((t.mask() & (1L << s)) != 0) {
                        at = Math.max(at, position[s]);
                    }
                }
                List<UsingJoins.Coalesced> coalesced = usingJoins.coalesced();
                for (int c = 0; c < coalesced.size(); c++) {
                    if ((t.mask() & (1L << (items.size() + c))) != 0) {
                        at = Math.max(at, position[coalesced.get(c).item()]);
                    }
                }
            }
            int floor = notBefore.getOrDefault(t, -1);
            if (at >= 0 && floor >= 0) {
                at = Math.max(at, position[floor]);
            }
            Integer join = innerOn.get(t);
            if (join != null && (at < 0 || at > position[join])) {
                at = position[join]; // its own join's loop: before a later RIGHT JOIN marks the rows matched
            }
            if (at < 0) {
                exprs.jumpIfNotTrue(t.expr(), allDone);
            } else if (open.get(at).path.or() != t && !open.get(at).path.consumes(t)) {
                LoopCodegen.Level level = open.get(at);
                if (LoopCodegen.testedBeforeSeek(level, t, scope)) {
                    tested.get(at).add(beforeSeek[at]++, t.expr());
                } else {
                    tested.get(at).add(t.expr());
                }
                // not on a LEFT or RIGHT JOIN's source: the WHERE filters its rows only once the
                // join has decided which rows matched
                if (level.path.kind() == AccessPath.Kind.MULTI_OR && level.leftOn == null
                        && items.get(level.source).rightOn() == null && t.testableInOrBranches()) {
                    level.branchFilters.add(t.expr());
                }
            } // else a MULTI-INDEX OR's term (each branch tests its disjunct), or one the lookup ensures
        }
        for (int p = 0; p < open.size(); p++) {
            LoopCodegen.Level level = open.get(p);
            // Worded as each loop is coded, as sqlite3 does: what a loop's code explains (an IN
            // subquery it looks up) comes between its line and the next loop's.
            if (level.path.kind() != AccessPath.Kind.ROW && selects.plan().describesPlan()) {
                for (PlanText.Line line : PlanText.lines(level.scope, level.path, level.table, level.leftOn != null,
                        searchesFirst, !level.partial.isEmpty())) {
                    selects.plan().explain(line.detail(), line.depth());
                }
            }
            loops.open(level);
            int fail = level.next;
            RightJoin right = rightJoins.get(level);
            if (right != null) {
                for (Expr e : rightOn.get(level.source) == null ? List.<Expr>of() : rightOn.get(level.source)) {
                    exprs.jumpIfNotTrue(e, level.next);
                }
                right.markAndCall(level.leftOn != null ? level.nullPass : -1);
                fail = right.subroutineEnd;
            }
            codeCoalesced(c -> c.item() == level.source);
            for (Expr e : tested.get(p)) {
                exprs.jumpIfNotTrue(e, fail);
            }
        }
        return ordered;
    }

    /**
     * Gives each loop that builds an automatic index, and each inner SCAN, the WHERE terms that
     * read only its own source's columns (no function, no subquery: SQLite's
     * sqlite3ExprIsTableConstant), which its rows are filtered by before any outer loop runs:
     * the index is then PARTIAL, and the scan reads a copy of the rows they accept (see
     * {@link LoopCodegen.Level#copied}). Not for a LEFT JOIN's right side, whose WHERE terms
     * only apply once its unmatched row is decided.
     */
    private void partialTerms(List<WhereTerm> terms, Scope scope) {
        for (int p = 0; p < open.size(); p++) {
            LoopCodegen.Level level = open.get(p);
            boolean inner = p > 0 && level.path.kind() == AccessPath.Kind.SCAN;
            if (level.leftOn != null || !(inner || level.path.kind() == AccessPath.Kind.AUTO_INDEX)) {
                continue;
            }
            for (WhereTerm t : terms) {
                if (t.on() < 0 && t.mask() == 1L << level.source && ownColumnsOnly(t.expr(), scope, level.source)) {
                    level.partial.add(t.expr());
                }
            }
            if (inner && LoopCodegen.cacheable(level)) {
                level.copied = b.allocRegister();
            }
        }
    }

    /** Whether {@code e} reads no column but source {@code s}'s and calls no function. */
    private static boolean ownColumnsOnly(Expr e, Scope scope, int s) {
        if (e instanceof Expr.Column c) {
            Scope.Resolved r = scope.find(c);
            if (r == null) {
                return ExprTyping.truthConstant(c) != null;
            }
            return scope.sources().indexOf(r.source()) == s;
        }
        if (e instanceof Expr.Function) {
            return false;
        }
        for (Expr child : ExprTyping.children(e)) {
            if (!ownColumnsOnly(child, scope, s)) {
                return false;
            }
        }
        return true;
    }

    /**
     * ORDER BY (or, when {@code grouping}, GROUP BY) terms as source columns for the planner:
     * each a column of this FROM clause (under an optional COLLATE), with the default NULL
     * placement; else null.
     */
    private IndexOrder.Wanted orderTerms(List<io.turso4j.sql.ast.OrderingTerm> order, boolean grouping, Scope scope) {
        if (order == null) {
            return null;
        }
        List<IndexOrder.Term> out = new ArrayList<>();
        for (io.turso4j.sql.ast.OrderingTerm t : order) {
            boolean desc = t.order() == io.turso4j.sql.ast.OrderingTerm.SortOrder.DESC;
            if (t.nulls() != null && (t.nulls() == io.turso4j.sql.ast.OrderingTerm.NullsOrder.FIRST) == desc) {
                return null;
            }
            Expr e = t.expr();
            String collation = null;
            if (e instanceof Expr.Collate c) {
                collation = c.collation();
                e = c.expr();
            }
            Scope.Resolved r = e instanceof Expr.Column c && ExprTyping.truthConstant(c) == null ? scope.find(c) : null;
            int s = r == null ? -1 : sources.indexOf(r.source());
            if (s < 0) {
                return null;
            }
            if (collation == null) {
                collation = r.index() < r.source().collations().size() ? r.source().collations().get(r.index()) : null;
            }
            out.add(new IndexOrder.Term(s, r.index(), collation == null ? "BINARY" : collation, desc));
        }
        return new IndexOrder.Wanted(out, grouping);
    }

    private void codeCoalesced(java.util.function.Predicate<UsingJoins.Coalesced> which) {
        for (UsingJoins.Coalesced c : usingJoins.coalesced()) {
            if (which.test(c)) {
                selects.exprs().code(c.value(), c.source().firstRegister());
            }
        }
    }

    /** The last source at or before {@code source} that is the right side of a RIGHT or FULL JOIN, or -1. */
    private int lastRightJoin(int source) {
        for (int s = Math.min(source, items.size() - 1); s >= 0; s--) {
            if (items.get(s).rightOn() != null) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Per source bound here, which of its columns {@code exprs} and the ON terms read; null
     * when a subquery among them may read any.
     */
    boolean[][] columnsRead(List<Expr> exprs) {
        return usedColumns(selects.exprs().scope(), List.of(), exprs);
    }

    /**
     * Per source, which of its columns the query reads; null when that is not known (an
     * expression holds a subquery, whose references are not looked into).
     */
    private boolean[][] usedColumns(Scope scope, List<Expr> where, List<Expr> used) {
        boolean[][] marks = new boolean[items.size()][];
        for (int j = 0; j < items.size(); j++) {
            marks[j] = new boolean[items.get(j).source().width()];
        }
        List<Expr> all = new ArrayList<>(where);
        all.addAll(used);
        for (Item item : items) {
            if (item.leftOn() != null) {
                all.add(item.leftOn());
            }
            if (item.rightOn() != null) {
                all.add(item.rightOn());
            }
        }
        for (UsingJoins.Coalesced c : usingJoins.coalesced()) {
            all.add(c.value());
        }
        List<Expr> terms = new ArrayList<>();
        for (Expr e : all) {
            if (e != null) {
                terms.addAll(SelectCodegen.conjuncts(e));
            }
        }
        for (Expr e : terms) {
            if (WhereTerm.mask(e, scope) == WhereTerm.ALL) {
                // A subquery may read any column, unless it is an IN subquery whose reads are known.
                List<Scope.Resolved> reads = WhereTerm.inSubqueryReads(e, scope, selects::storedTable);
                if (reads == null) {
                    return null;
                }
                for (Scope.Resolved r : reads) {
                    int s = sources.indexOf(r.source());
                    if (s >= 0 && s < marks.length) {
                        marks[s][r.index()] = true;
                    }
                }
            }
        }
        for (Expr e : terms) {
            mark(e, scope, marks);
        }
        return marks;
    }

    /**
     * Marks the columns {@code e} reads (it holds no subquery but, whole, an IN subquery whose
     * reads were marked: its mask was checked once).
     */
    private void mark(Expr e, Scope scope, boolean[][] marks) {
        if (e instanceof Expr.InSelect in) {
            mark(in.expr(), scope, marks);
            return;
        }
        if (e instanceof Expr.Column c) {
            Scope.Resolved r = ExprTyping.truthConstant(c) != null ? null : scope.find(c);
            int s = r == null ? -1 : sources.indexOf(r.source());
            if (s >= 0 && s < marks.length) {
                marks[s][r.index()] = true;
            }
            return;
        }
        for (Expr child : ExprTyping.children(e)) {
            mark(child, scope, marks);
        }
    }

    /**
     * Copies the current row of every source read through a cursor into its registers (inside
     * the loops), for code that runs after the loops end; then call {@link #useRegisters}.
     */
    void copyRowsToRegisters() {
        for (Scope.Source s : sources) {
            if (s.reader() != null) {
                s.reader().copyToRegisters(b, s.width());
            }
        }
    }

    /** Whether the FROM clause has a RIGHT or FULL JOIN (its unmatched rows come after all others). */
    boolean rightJoined() {
        return outerRight;
    }

    /** From here on, every source's columns are read from its registers. */
    void useRegisters() {
        for (Scope.Source s : sources) {
            if (s.reader() != null) {
                s.reader().useRegisters();
            }
        }
    }

    /**
     * Closes the loops {@link #openLoops} opened, innermost first; {@code next} (a label the
     * body jumps to for "this row is done") is bound to the innermost loop's step.
     */
    void closeLoops(int next) {
        b.resolve(next);
        for (int i = open.size() - 1; i >= 0; i--) {
            RightJoin right = rightJoins.get(open.get(i));
            if (right != null) {
                right.returnFromSubroutine();
            }
            loops.close(open.get(i));
        }
        for (int i = 0; i < open.size(); i++) {
            RightJoin right = rightJoins.get(open.get(i));
            if (right != null) {
                int before = open.get(i).source;
                right.unmatchedRows(open.subList(0, i), () -> codeCoalesced(c -> c.item() < before));
            }
        }
        b.resolve(allDone);
    }

    private static String qualified(Name name) {
        return name.schema() == null ? name.name() : name.schema() + "." + name.name();
    }
}
