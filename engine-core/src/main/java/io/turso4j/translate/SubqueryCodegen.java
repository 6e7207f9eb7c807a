package io.turso4j.translate;

import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Subqueries inside expressions: scalar, EXISTS and {@code IN (SELECT …)} (and {@code IN table},
 * which is {@code IN (SELECT * FROM table)}). Each is coded as a nested SELECT (through
 * {@link SelectCodegen}) whose rows a small sink consumes.
 *
 * <p>A subquery that names no column of the query around it (see
 * {@link Scope#resolvedUpward}) has the same result for every row, so, as SQLite does, its code
 * runs under {@code Once}: the first evaluation computes the value (or fills the IN's index) into
 * registers of its own, later ones only read them. A correlated subquery runs at every
 * evaluation. Not thread-safe; one per compilation.
 */
final class SubqueryCodegen {
    private final ProgramBuilder b;
    private final SelectCodegen selects;

    SubqueryCodegen(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
    }

    /** A scalar subquery: its first row's value, or NULL when it has none. */
    void scalar(Expr.Subquery s, int target) {
        int result = b.allocRegister();
        once(s.select(), () -> {
            int done = b.newLabel();
            b.emit(Opcode.Null, 0, result);
            int columns = selects.select(s.select(), (first, count) -> {
                b.emit(Opcode.SCopy, first, result);
                b.emit(Opcode.Goto, 0, done);
            });
            if (columns != 1) {
                throw ExprCodegen.error("sub-select returns " + columns + " columns - expected 1");
            }
            b.resolve(done);
        });
        b.emit(Opcode.SCopy, result, target);
    }

    /**
     * A row-valued subquery, {@code (SELECT a, b …)} compared with a row: its first row's
     * {@code width} values (all NULL when it has none) in fresh registers, whose first is returned.
     */
    int row(Expr.Subquery s, int width) {
        int result = b.allocRegisters(width);
        once(s.select(), () -> {
            int done = b.newLabel();
            b.emit(Opcode.Null, 0, result, result + width - 1);
            int columns = selects.select(s.select(), (first, count) -> {
                b.emit(Opcode.Copy, first, result, width - 1);
                b.emit(Opcode.Goto, 0, done);
            });
            if (columns != width) {
                throw ExprCodegen.error("row value misused");
            }
            b.resolve(done);
        });
        return result;
    }

    void exists(Expr.Exists x, int target) {
        int result = b.allocRegister();
        once(x.select(), () -> {
            int done = b.newLabel();
            b.emit(Opcode.Integer, 0, result);
            // Only whether a row comes matters: SQLite computes no result column.
            List<Select.Body> arms = UnusedColumns.existsArms(x.select(), selects.exprs());
            if (arms != null) {
                for (Select.Body arm : arms) {
                    java.util.BitSet all = new java.util.BitSet();
                    all.set(0, selects.columnCount(arm));
                    selects.leaveUncomputed(arm, all);
                }
            }
            try {
                selects.select(x.select(), (first, count) -> {
                    b.emit(Opcode.Integer, 1, result);
                    b.emit(Opcode.Goto, 0, done);
                });
            } finally {
                if (arms != null) {
                    arms.forEach(arm -> selects.leaveUncomputed(arm, null));
                }
            }
            b.resolve(done);
        });
        b.emit(Opcode.SCopy, result, target);
    }

    /**
     * {@code x IN (SELECT …)}: the subquery's rows go into a temporary index ({@link InSet}) —
     * the affinity combines x's and the column's and is applied to both sides — which x probes;
     * false for an empty subquery even when x is NULL. {@code x} may be a row value, matched
     * column by column against a subquery as wide.
     */
    void inSelect(Expr.InSelect e, int target) {
        InIndex.Use stored = InIndex.find(e, selects.exprs().scope(), selects::storedTable);
        if (stored != null) {
            inStored(e, stored, target);
            return;
        }
        List<Expr> lhs = e.expr() instanceof Expr.Row r ? r.values() : List.of(e.expr());
        int width = lhs.size();
        InSet set = new InSet(b, width);
        int skip = b.newLabel();
        int guard = b.emit(Opcode.Once, 0, skip);
        int heading = selects.plan().startHeading();
        boolean correlated = runs(() -> {
            set.open();
            int columns = selects.select(e.select(), (row, count) -> set.add(row));
            if (columns != width) {
                throw ExprCodegen.error("sub-select returns " + columns + " columns - expected " + width);
            }
        });
        selects.plan().endHeading(heading, listHeading(e, correlated));
        int linear = b.newLabel();
        if (correlated && width == 1) {
            // Re-run for every row: compared one value at a time, it can stop at the first equal one.
            b.changeOpcode(guard, Opcode.Goto);
            b.changeP2(guard, linear);
        } else if (correlated) {
            b.changeOpcode(guard, Opcode.Noop);
        }
        b.resolve(skip);
        Scope scope = selects.exprs().scope();
        Affinity[] affinities = new Affinity[width];
        Collation[] collations = new Collation[width];
        for (int i = 0; i < width; i++) {
            Expr x = lhs.get(i);
            // sqlite3CompareAffinity: with one side of no affinity the other's is used as it is
            // (REAL stays REAL), which matters here because it is applied as on storing.
            Affinity left = ExprTyping.affinity(x, scope);
            Affinity right = lastArmAffinity(e.select(), i);
            affinities[i] = left == Affinity.NONE ? right
                    : right == Affinity.NONE ? left : Affinity.forComparison(left, right);
            collations[i] = inCollation(x, e.select(), i, scope);
        }
        set.types(affinities, collations);
        int first = b.allocRegisters(width);
        for (int i = 0; i < width; i++) {
            selects.exprs().code(lhs.get(i), first + i);
        }
        set.probe(first, e.not(), true, target);
        if (correlated && width == 1) {
            int end = b.newLabel();
            b.emit(Opcode.Goto, 0, end);
            b.resolve(linear);
            selects.plan().withoutPlan(() -> inSelectLinear(e, affinities[0], collations[0], target));
            b.resolve(end);
        }
    }

    /**
     * {@code x IN (SELECT col FROM table)} tested against the table's rowids or an index of it
     * ({@link InIndex}); a row value's values go to the index's columns they are compared with.
     */
    private void inStored(Expr.InSelect e, InIndex.Use use, int target) {
        List<Expr> lhs = e.expr() instanceof Expr.Row r ? r.values() : List.of(e.expr());
        int n = lhs.size();
        InSet set = new InSet(b, n);
        int skip = b.newLabel();
        b.emit(Opcode.Once, 0, skip);
        set.openStored(use);
        b.resolve(skip);
        selects.plan().explain(use.planLine());
        Collation[] collations = new Collation[n];
        for (int j = 0; j < n; j++) {
            collations[j] = use.index() == null ? BuiltinCollation.BINARY
                    : Collation.builtin(use.index().columns().get(j).collation());
        }
        set.types(use.affinities(), collations);
        int first = b.allocRegisters(n);
        for (int i = 0; i < n; i++) {
            selects.exprs().code(lhs.get(i), first + use.map()[i]);
        }
        set.probe(first, e.not(), true, target);
    }

    /**
     * Fills the temporary index on {@code cursor} (ordered by {@code order}) with the distinct
     * rows of the subquery of {@code x IN (SELECT …)} ({@code width} columns: x may be a row
     * value), of its columns {@code kept}, each converted by its character of {@code affinities}
     * as on storing: the list an index or rowid lookup on x runs through. Built once per
     * statement, as SQLite's list is, unless the subquery reads the query around it: then at
     * each run. Instead {@code cursor} may be opened on a stored table's rowids or UNIQUE index
     * whose values (of the columns kept) are the list's ({@link InIndex#findLoop}): that use is
     * returned (null when the list was filled), and the values are read from it unconverted,
     * NULLs and all, kept column i from the index's column {@code map()[i]}.
     */
    InIndex.Use list(Expr.InSelect e, int cursor, IndexKeyComparator order, String affinities, int[] kept, int width) {
        int n = kept.length;
        Expr.InSelect used = kept.length == width ? e : narrowed(e, kept);
        InIndex.Use stored = used == null ? null : InIndex.findLoop(used, selects.exprs().scope(), selects::storedTable);
        if (stored != null) {
            int opened = b.newLabel();
            b.emit(Opcode.Once, 0, opened);
            stored.open(b, cursor);
            b.resolve(opened);
            selects.plan().explain(stored.planLine());
            return stored;
        }
        int skip = b.newLabel();
        int guard = b.emit(Opcode.Once, 0, skip);
        int heading = selects.plan().startHeading();
        boolean correlated = runs(() -> {
            b.emit(Opcode.OpenEphemeral, cursor, n, 0, order, 0);
            int record = b.allocRegister();
            int fields = b.allocRegisters(n);
            int columns = selects.select(e.select(), (row, count) -> {
                for (int i = 0; i < n; i++) {
                    b.emit(Opcode.SCopy, row + kept[i], fields + i);
                }
                b.emit(Opcode.MakeRecord, fields, n, record, affinities, 0);
                b.emit(Opcode.IdxInsert, cursor, record);
            });
            if (columns != width) {
                throw ExprCodegen.error("sub-select returns " + columns + " columns - expected " + width);
            }
        });
        selects.plan().endHeading(heading, listHeading(e, correlated));
        if (correlated) {
            b.changeOpcode(guard, Opcode.Noop);
        }
        b.resolve(skip);
        return null;
    }

    /**
     * {@code (a, b, c) IN (SELECT x, y, z …)} cut down to the columns {@code kept} (SQLite's
     * removeUnindexableInClauseTerms), a lone one unwrapped; null unless its result columns are
     * expressions.
     */
    private static Expr.InSelect narrowed(Expr.InSelect e, int[] kept) {
        if (!(e.expr() instanceof Expr.Row row) || !(e.select().body() instanceof Select.Core core)
                || core.columns().size() != row.values().size()) {
            return null;
        }
        List<Expr> values = new ArrayList<>();
        List<Select.ResultColumn> columns = new ArrayList<>();
        for (int k : kept) {
            if (!(core.columns().get(k) instanceof Select.ExprColumn)) {
                return null;
            }
            values.add(row.values().get(k));
            columns.add(core.columns().get(k));
        }
        Select s = e.select();
        Select.Core narrow = new Select.Core(core.distinct(), columns, core.from(), core.where(), core.groupBy(),
                core.having(), core.windows());
        return new Expr.InSelect(e.pos(), e.not(), values.size() == 1 ? values.getFirst() : new Expr.Row(row.pos(), values),
                new Select(s.pos(), s.with(), narrow, s.orderBy(), s.limit()));
    }

    /** sqlite3's plan line over an IN's subquery. */
    private String listHeading(Expr.InSelect e, boolean correlated) {
        return (correlated ? "CORRELATED " : "") + "LIST SUBQUERY " + selects.plan().selectId(e.select());
    }

    /** A correlated {@code x IN (SELECT …)}: the subquery's values compared with x as they come ({@link InTest}). */
    private void inSelectLinear(Expr.InSelect e, Affinity affinity, Collation collation, int target) {
        int empty = b.allocRegister();
        b.emit(Opcode.Integer, 1, empty);
        InTest test = new InTest(b, selects.exprs().codeTemp(e.expr()), affinity, collation, true, true);
        selects.select(e.select(), (row, count) -> {
            b.emit(Opcode.Integer, 0, empty);
            test.compare(row);
        });
        test.end(e.not(), target, empty);
    }

    /**
     * The affinity of a compiled subquery's column {@code i} as an IN compares with it: its
     * last arm's expression's (SQLite's exprINAffinity reads the compound's last SELECT).
     */
    private Affinity lastArmAffinity(Select select, int i) {
        Select.Body body = select.body();
        while (body instanceof Select.Compound c) {
            body = c.right();
        }
        if (body instanceof Select.Core core) {
            List<Affinity> compiled = selects.compiledAffinities(core);
            if (compiled != null && i < compiled.size()) {
                return compiled.get(i);
            }
        }
        Expr column = ExprTyping.resultExpr(select, i);
        return column == null ? Affinity.NONE : ExprTyping.affinity(column);
    }

    /** The affinities of a compiled core's result columns, their column references resolved. */
    List<Affinity> compiledAffinities(Select.Core core) {
        SelectCodegen.ResultColumns columns = selects.resultColumns(core);
        return selects.compiledAffinities(core);
    }

    /**
     * The collation comparing {@code x} with a subquery's column {@code i}, as SQLite's
     * sqlite3BinaryCompareCollSeq picks it: an explicit COLLATE on x, else one in the column's
     * expression, else x's own (a column other than the rowid has one: BINARY if none is
     * declared), else the column's.
     */
    private Collation inCollation(Expr x, Select select, int i, Scope scope) {
        Expr column = ExprTyping.resultExpr(select, i);
        boolean explicitLeft = ExprTyping.collationName(x, null) != null;
        boolean explicitRight = column != null && ExprTyping.collationName(column, null) != null;
        Collation left = ExprTyping.collation(x, scope);
        if (explicitLeft || (!explicitRight && left != null)) {
            return left;
        }
        if (!explicitRight && x instanceof Expr.Column c && scope != null && isStoredColumn(scope.find(c))) {
            return BuiltinCollation.BINARY;
        }
        return columnCollation(select, i);
    }

    /** Whether {@code r} is a column with a collation of its own in SQLite's eyes: any but the rowid. */
    static boolean isStoredColumn(Scope.Resolved r) {
        if (r == null || r.index() >= r.source().columns().size()) {
            return false;
        }
        Table table = r.source().reader() == null ? null : r.source().reader().table();
        return table == null || table.rowidAlias() != r.index();
    }

    /** The collation of a subquery's column {@code i}: its rightmost arm's expression's (null for none). */
    private Collation columnCollation(Select select, int i) {
        Select.Body body = select.body();
        while (body instanceof Select.Compound c) {
            body = c.right();
        }
        if (body instanceof Select.Core core && selects.resultColumns(core) instanceof SelectCodegen.ResultColumns rc
                && i < rc.exprs().size()) {
            return ExprTyping.collation(rc.exprs().get(i), rc.scope());
        }
        Expr column = ExprTyping.resultExpr(select, i);
        return column == null ? null : ExprTyping.collation(column, null);
    }

    /** {@code x IN table}: SQLite reads it as {@code x IN (SELECT * FROM table)}. */
    void inTable(Expr.InTable e, int target) {
        inSelect(asSelect(e), target);
    }

    /**
     * {@code x IN (SELECT * FROM table)} for {@code x IN table}; its SELECT starts where the IN
     * does, which is where {@link SelectIds} numbers it.
     */
    static Expr.InSelect asSelect(Expr.InTable e) {
        Select.TableRef from = e.args() == null ? new Select.Table(e.table(), null, null)
                : new Select.TableFunction(e.table(), e.args(), null);
        Select.Core core = new Select.Core(false, List.of(new Select.Star()), new Select.From(from, List.of()),
                null, List.of(), null, List.of());
        return new Expr.InSelect(e.pos(), e.not(), e.expr(), new Select(e.pos(), null, core, List.of(), null));
    }

    /**
     * Codes {@code body}, which runs the scalar or EXISTS subquery {@code select}, so that it
     * runs once per statement when it names no column of an enclosing query, else at every
     * evaluation: a {@code Once} guards it, made a no-op when the body turned out to be
     * correlated. Its plan nests under sqlite3's {@code [CORRELATED ]SCALAR SUBQUERY n}.
     */
    private void once(Select select, Runnable body) {
        int skip = b.newLabel();
        int guard = b.emit(Opcode.Once, 0, skip);
        int heading = selects.plan().startHeading();
        boolean correlated = runs(body);
        selects.plan().endHeading(heading,
                (correlated ? "CORRELATED " : "") + "SCALAR SUBQUERY " + selects.plan().selectId(select));
        if (correlated) {
            b.changeOpcode(guard, Opcode.Noop);
        }
        b.resolve(skip);
    }

    /** Codes {@code body}; returns whether it named a column of an enclosing query (it is correlated). */
    private boolean runs(Runnable body) {
        Scope outer = selects.exprs().scope();
        int before = Scope.resolvedUpward(outer);
        body.run();
        return Scope.resolvedUpward(outer) != before;
    }
}
