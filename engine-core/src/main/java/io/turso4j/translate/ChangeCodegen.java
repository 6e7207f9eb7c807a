package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Update;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.ChangeFlags;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * DELETE and UPDATE [OR …] of a rowid table with an optional WHERE and RETURNING. When
 * {@link OnePassPlan} allows it, in one pass as SQLite's ONEPASS plans: each row the WHERE loop
 * finds is changed under the loop's own (writable) cursors; a DELETE without WHERE clears the
 * trees at once. Otherwise in two passes as SQLite's one-pass-off plan: first the rowids of the
 * rows the WHERE selects are collected into a temporary index (so changing the table cannot
 * disturb the scan), then each row is found again by rowid (a row already gone, e.g. deleted by
 * a REPLACE, is skipped). DELETE removes
 * its index entries and the row; UPDATE computes the new row from the old one (SET expressions
 * see the old values, a row value {@code (a, b) = (…)} sets several) and lets
 * {@link ConflictCodegen} check and write it, the rowid included. Not thread-safe; one per
 * statement.
 *
 * <p>Row triggers ({@link RowTriggers}) fire around each row's change (a BEFORE trigger may
 * change or delete the row, which is then read again or skipped); a change of a view is its
 * INSTEAD OF triggers' ({@link ViewTriggers}).
 */
final class ChangeCodegen {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final Table table;
    private final int cursor;
    private final int[] indexCursors;
    private final int row;
    private final int rowid;
    private final int rowids;
    /** The ORDER BY / LIMIT that choose the rows, or null for every row the WHERE selects. */
    private ChangeOrder order;
    /** When an UPDATE may change its rows in the order its first pass finds them (see {@link OnePass}), else null. */
    private OnePass onePass;
    /** The second pass's list holds {@code (order key, rowid)} records: the rows' order is the first pass's. */
    private boolean scanOrder;
    /** The second pass's labels: the next rowid (a row gone meanwhile is skipped), and its end. */
    private int pendingSkip;
    private int pendingEnd;
    /** When the statement may change its rows in one pass, as its WHERE loop finds them, else null. */
    private OnePassPlan onePassPlan;
    /** The WHERE loop the rows change under, when {@link #onePassPlan} applies to its path; else null. */
    private LoopCodegen.Level inLoop;
    private LoopCodegen loops;

    /**
     * An UPDATE SQLite runs in one pass (ONEPASS_MULTI: no triggers or RETURNING, no rowid or
     * WITHOUT ROWID key change, no REPLACE, not FROM or LIMIT) changes the rows in the order its
     * WHERE loop finds them — an index's order when one is used, unless the UPDATE changes that
     * index's key; a two-pass UPDATE goes in rowid (or primary key) order. Both orders are visible through uniqueness conflicts.
     * {@code set} is what the UPDATE assigns; {@code foreignKeys} makes it two-pass when
     * enforcement is on.
     */
    private record OnePass(Table table, Expr[] set, boolean foreignKeys) {
        boolean keeps(Index index) {
            for (IndexColumn c : index.keyColumns()) {
                if (c.column() >= 0 && (set[c.column()] != null || table.column(c.column()).isGenerated())) {
                    return false;
                }
            }
            return true;
        }
    }

    private ChangeCodegen(ProgramBuilder b, SelectCodegen selects, Update.QualifiedTable target) {
        this.b = b;
        this.selects = selects;
        Table t = InsertCodegen.target(selects, target.name());
        this.table = t;
        this.cursor = b.allocCursor();
        this.indexCursors = WithoutRowidTables.indexCursors(b, t, cursor);
        this.rowids = b.allocCursor();
        this.row = b.allocRegisters(ConflictCodegen.rowWidth(t));
        this.rowid = ConflictCodegen.rowidOf(t, row);
    }

    /** Codes {@code delete}; returns the RETURNING column names (empty without RETURNING). */
    static List<String> delete(ProgramBuilder b, SelectCodegen selects, Delete delete) {
        return selects.triggers().withConflict(null,
                () -> selects.ctes().with(delete.with(), () -> delete(b, selects, delete, ForeignKeys.begin(b, selects))));
    }

    /** Codes {@code delete} as part of a statement whose foreign keys are {@code fks}. */
    static List<String> delete(ProgramBuilder b, SelectCodegen selects, Delete delete, ForeignKeys fks) {
        io.turso4j.schema.View view = ViewTriggers.target(selects, delete.table().name());
        if (view != null) {
            return ViewTriggers.delete(selects, delete, view);
        }
        ChangeCodegen c = new ChangeCodegen(b, selects, delete.table());
        RowTriggers triggers = RowTriggers.delete(selects, c.table);
        ReturningCodegen returning = c.returning(delete.returning());
        ConflictCodegen conflicts = new ConflictCodegen(b, selects, c.table, c.cursor, c.indexCursors, null);
        fks.prepare(c.table, true, null);
        c.order(delete.orderBy(), delete.limit(), "DELETE");
        c.onePassPlan = OnePassPlan.forDelete(c.table, delete.where(), c.order != null, returning != null,
                !selects.schema().triggersOn(c.table.name()).isEmpty(), fks.required(c.table, true, null));
        if (c.onePassPlan != null && delete.where() == null) {
            c.truncate(fks.changeFlags());
            fks.finish();
            return List.of();
        }
        int loop = c.collect(delete.table().alias(), delete.where());
        triggers.beforeDelete(c.row, c.rowid, c.cursor, c.pendingSkip);
        if (returning != null) {
            returning.row(c.row);
        }
        fks.rowDeleting(c.table, c.row);
        conflicts.removeEntries(c.row);
        if (c.inLoop == null) {
            WithoutRowidTables.seekRow(b, c.table, c.cursor, c.pendingSkip, c.rowid);
        } // else the loop's cursor is still on the row
        b.emit(Opcode.Delete, c.cursor, 0, 0, null, fks.changeFlags());
        fks.rowDeleted(c.table, c.row);
        triggers.afterDelete(c.pendingSkip);
        c.endLoop(loop);
        fks.finish();
        return c.finish(returning);
    }

    /**
     * Deletes every row at once, as SQLite's truncate optimization: the table's and its indexes'
     * trees are cleared, and the table's rows count as changed under {@code changeFlags}.
     */
    private void truncate(int changeFlags) {
        b.emit(Opcode.Clear, table.rootPage(), table.db(), 0, null, changeFlags);
        for (Index index : table.indexes()) {
            b.emit(Opcode.Clear, index.rootPage(), table.db(), 0);
        }
    }

    /** Codes {@code update}; returns the RETURNING column names (empty without RETURNING). */
    static List<String> update(ProgramBuilder b, SelectCodegen selects, Update update) {
        return selects.triggers().withConflict(update.orAction(),
                () -> selects.ctes().with(update.with(), () -> update(b, selects, update, ForeignKeys.begin(b, selects))));
    }

    /** Codes {@code update} as part of a statement whose foreign keys are {@code fks}. */
    static List<String> update(ProgramBuilder b, SelectCodegen selects, Update update, ForeignKeys fks) {
        io.turso4j.schema.View view = ViewTriggers.target(selects, update.table().name());
        if (view != null) {
            return ViewTriggers.update(selects, update, view);
        }
        ChangeCodegen c = new ChangeCodegen(b, selects, update.table());
        Table table = c.table;
        Expr[] setTo = setTargets(selects, table, update.sets());
        ReturningCodegen returning = c.returning(update.returning());
        ConflictCodegen conflicts = new ConflictCodegen(b, selects, table, c.cursor, c.indexCursors, update.orAction());
        conflicts.setForeignKeys(fks);
        conflicts.leaveUnchanged(UnchangedIndexes.of(table, setTo, fks.required(table, false, setTo)));
        RowTriggers triggers = RowTriggers.update(selects, table, update.sets());
        fks.prepare(table, false, setTo);
        c.order(update.orderBy(), update.limit(), "UPDATE");
        boolean simple = update.from() == null && !replaces(table, setTo, update) && setTo[table.columns().size()] == null
                && (table.rowidAlias() < 0 || setTo[table.rowidAlias()] == null);
        boolean triggered = !selects.schema().triggersOn(table.name()).isEmpty();
        if (c.order == null && simple && returning == null && !WithoutRowidTables.changesKey(table, setTo) && !triggered) {
            c.onePass = new OnePass(table, setTo, fks.required(table, false, setTo));
        }
        c.onePassPlan = OnePassPlan.forUpdate(table, update.where(), c.order != null, returning != null, triggered,
                fks.required(table, false, setTo), simple, UnchangedIndexes.of(table, setTo, false));
        int loop = c.collect(update.table().alias(), update.from() == null ? update.where() : null);
        int newRow = b.allocRegisters(ConflictCodegen.rowWidth(table));
        if (update.from() == null) {
            assign(b, selects, table, update.sets(), setTo, newRow);
        } else {
            c.assignFrom(update, setTo, newRow);
        }
        triggers.beforeUpdate(c.row, c.rowid, c.cursor, setTo, newRow, c.pendingSkip);
        completeRow(b, table, setTo, c.row, newRow);
        conflicts.checkAndWrite(newRow, c.row, c.pendingSkip, fks.changeFlags());
        fks.rowUpdated(table, c.row, newRow);
        triggers.afterUpdate(newRow, ConflictCodegen.rowidOf(table, newRow), c.pendingSkip);
        if (returning != null) {
            returning.row(newRow);
        }
        c.endLoop(loop);
        fks.finish();
        return c.finish(returning);
    }

    /**
     * UPDATE … FROM: for the target row in registers, the first row of
     * {@code SELECT <assigned values> FROM <from> WHERE <where> LIMIT 1} (the target's columns
     * visible from the enclosing scope) gives the assigned values; without one the row is left
     * as it is.
     */
    private void assignFrom(Update update, Expr[] setTo, int newRow) {
        List<Select.ResultColumn> columns = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < setTo.length; i++) {
            if (setTo[i] != null && !fromRowSubquery(update.sets(), setTo[i])) {
                columns.add(new Select.ExprColumn(setTo[i], null));
                targets.add(i);
            }
        }
        Pos pos = Pos.NONE;
        Select select = new Select(pos, null,
                new Select.Core(false, columns, update.from(), update.where(), List.of(), null, List.of()),
                List.of(), new Select.Limit(
                        new Expr.Literal(pos, Expr.LiteralKind.INTEGER, "1"), null));
        int found = b.allocRegister();
        b.emit(Opcode.Integer, 0, found);
        selects.select(select, (first, count) -> {
            for (int k = 0; k < targets.size(); k++) {
                b.emit(Opcode.SCopy, first + k, newRow + targets.get(k));
            }
            // Row-valued subqueries see the FROM row's columns: coded here, in its loop.
            assignRowSubqueries(b, selects, table, update.sets(), setTo, newRow);
            b.emit(Opcode.Integer, 1, found);
        });
        b.emit(Opcode.IfNot, found, pendingSkip, 0);
    }

    /** Whether a conflict of this UPDATE may be resolved by REPLACE (SQLite's bReplace). */
    private static boolean replaces(Table table, Expr[] set, Update update) {
        if (update.orAction() != null) {
            return update.orAction() == io.turso4j.sql.ast.ConflictAction.REPLACE;
        }
        for (Index index : table.indexes()) {
            if (index.onConflict() == io.turso4j.schema.Conflict.REPLACE && !new OnePass(table, set, false).keeps(index)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What SET assigns: element i is column i's new value, element n (the column count) the
     * rowid's when it is set by a rowid name; null where nothing is assigned. A column that
     * takes its value from a row-valued subquery, {@code (a, b) = (SELECT x, y …)}, holds that
     * subquery: {@link #assign} codes it once for all of its columns.
     */
    static Expr[] setTargets(SelectCodegen selects, Table table, List<Update.Set> sets) {
        Expr[] setTo = new Expr[table.columns().size() + 1];
        for (Update.Set set : sets) {
            List<Expr> values = !set.rowValue() ? List.of(set.value()) : rowValues(selects, set);
            for (int k = 0; k < set.columns().size(); k++) {
                int i = target(table, set.columns().get(k));
                setTo[i] = values.size() == 1 ? values.getFirst() : values.get(k);
            }
        }
        return setTo;
    }

    /** Where SET's column {@code name} goes in {@link #setTargets}'s array. */
    private static int target(Table table, String name) {
        int n = table.columns().size();
        int i = table.columnIndex(name);
        if (i < 0 && InsertCodegen.isRowidName(name) && table.hasRowid()) {
            return table.rowidAlias() >= 0 ? table.rowidAlias() : n;
        } else if (i < 0) {
            throw ExprCodegen.error("no such column: " + name);
        } else if (table.column(i).isGenerated()) {
            throw ExprCodegen.error("cannot UPDATE generated column \"" + table.column(i).name() + "\"");
        }
        return i;
    }

    /**
     * Codes the assigned values into their places in the new row at {@code newRow}: a row-valued
     * subquery's first row (NULLs without one) once into the places of the columns it still
     * assigns (a later SET of the same column wins), then every other value.
     */
    static void assign(ProgramBuilder b, SelectCodegen selects, Table table, List<Update.Set> sets, Expr[] setTo,
                       int newRow) {
        boolean[] done = assignRowSubqueries(b, selects, table, sets, setTo, newRow);
        for (int i = 0; i < setTo.length; i++) {
            if (setTo[i] != null && !done[i]) {
                selects.exprs().code(setTo[i], newRow + i);
            }
        }
    }

    /** Codes {@link #assign}'s row-valued subqueries; returns which of {@code setTo}'s places they filled. */
    private static boolean[] assignRowSubqueries(ProgramBuilder b, SelectCodegen selects, Table table,
                                                 List<Update.Set> sets, Expr[] setTo, int newRow) {
        boolean[] done = new boolean[setTo.length];
        for (Update.Set set : sets) {
            if (set.columns().size() > 1 && set.value() instanceof Expr.Subquery s) {
                int first = selects.exprs().subqueries().row(s, set.columns().size());
                for (int k = 0; k < set.columns().size(); k++) {
                    int i = target(table, set.columns().get(k));
                    if (setTo[i] == s) {
                        b.emit(Opcode.SCopy, first + k, newRow + i);
                        done[i] = true;
                    }
                }
            }
        }
        return done;
    }

    /** Whether {@code value}, one of {@link #setTargets}'s, is a row-valued subquery of {@code sets}. */
    private static boolean fromRowSubquery(List<Update.Set> sets, Expr value) {
        for (Update.Set set : sets) {
            if (set.columns().size() > 1 && set.value() == value) {
                return value instanceof Expr.Subquery;
            }
        }
        return false;
    }

    /**
     * Completes the new row at {@code newRow} (its assigned values in place, see
     * {@link #assign}) from the old one at {@code oldRow}, both laid out as {@link ConflictCodegen}
     * says. A new rowid must be an integer; generated columns are computed from the new values.
     */
    static void completeRow(ProgramBuilder b, Table table, Expr[] setTo, int oldRow, int newRow) {
        int n = table.columns().size();
        int newRowid = ConflictCodegen.rowidOf(table, newRow);
        for (int i = 0; i <= n; i++) {
            if (setTo[i] == null) {
                b.emit(Opcode.SCopy, oldRow + i, newRow + i);
            }
        }
        int alias = table.rowidAlias();
        if (alias >= 0 && setTo[alias] != null) {
            b.emit(Opcode.SCopy, newRow + alias, newRowid);
        }
        if (setTo[n] != null || (alias >= 0 && setTo[alias] != null)) {
            b.emit(Opcode.MustBeInt, newRowid, 0);
            if (alias >= 0) {
                b.emit(Opcode.SCopy, newRowid, newRow + alias);
            }
        }
        GeneratedColumns.computeAll(b, table, newRow);
    }

    /**
     * The values of {@code (a, b, …) = (x, y, …)}, as many as there are columns, or the one
     * subquery of {@code (a, b, …) = (SELECT x, y, …)} whose columns are as many.
     */
    static List<Expr> rowValues(SelectCodegen selects, Update.Set set) {
        int count = switch (set.value()) {
            case Expr.Row r -> r.values().size();
            case Expr.Subquery s -> selects.columnCount(s.select().body());
            default -> 1;
        };
        if (count != set.columns().size()) {
            throw ExprCodegen.error(set.columns().size() + " columns assigned " + count + " values");
        }
        return set.value() instanceof Expr.Row r ? r.values() : List.of(set.value());
    }

    private void order(List<OrderingTerm> orderBy, Select.Limit limit,
                       String statement) {
        if (!orderBy.isEmpty() || limit != null) {
            order = new ChangeOrder(b, selects, orderBy, limit, statement);
        }
    }

    private ReturningCodegen returning(List<Select.ResultColumn> columns) {
        if (columns.isEmpty()) {
            return null;
        }
        ReturningCodegen returning = new ReturningCodegen(b, selects, table, columns);
        returning.open();
        return returning;
    }

    private List<String> finish(ReturningCodegen returning) {
        if (returning == null) {
            return List.of();
        }
        returning.emitRows();
        return returning.names();
    }

    /**
     * Opens the cursors, codes the first pass, and opens the second pass's loop: on return the
     * row is current in the table cursor and in registers (with the WHERE's scope in force).
     * Returns the loop's top address for {@link #endLoop}.
     */
    private int collect(String alias, Expr where) {
        WithoutRowidTables.open(b, Opcode.OpenWrite, cursor, table);
        for (int i = 0; i < indexCursors.length; i++) {
            Index index = table.indexes().get(i);
            b.emit(Opcode.OpenWrite, indexCursors[i], index.rootPage(), table.db(), IndexKeys.comparator(index), 0);
        }
        String name = alias != null ? alias : table.name();
        List<String> names = table.columns().stream().map(Column::name).toList();
        List<Affinity> affinities = table.columns().stream().map(Column::affinity).toList();
        List<String> collations = table.columns().stream().map(Column::collation).toList();
        // First pass: the planner's single-table loop (a rowid or index lookup when the WHERE
        // allows one), reading through cursors. The enclosing scope stays visible: a foreign
        // key action's WHERE names the parent row's key there.
        Scope outer = selects.exprs().scope();
        Scope.Source scanned = new Scope.Source(name, names, row, affinities, collations, new SourceReader(table, row));
        selects.exprs().pushScope(new Scope(outer, List.of(scanned)));
        List<WhereTerm> terms = new ArrayList<>();
        if (where != null) {
            for (Expr e : SelectCodegen.conjuncts(where)) {
                terms.add(WhereTerm.of(e, -1, selects.exprs().scope(), selects::storedTable));
            }
        }
        long estimate = selects.schema().estimatedRows(table.name());
        JoinPlanner.Item item = new JoinPlanner.Item(table, estimate > 0 ? estimate : JoinPlanner.DEFAULT_ROWS, false,
                0, false, null, null);
        JoinPlanner.Plan plan = new JoinPlanner(List.of(item), terms, selects.schema()).plan();
        AccessPath path = plan.paths()[0];
        if (onePassPlan != null && onePassPlan.allows(path, table)) {
            return changeInLoop(scanned, path, terms, outer, name);
        }
        scanOrder = onePass != null && path.kind() == AccessPath.Kind.INDEX && onePass.keeps(path.index());
        int width = scanOrder ? 2 : 1;
        // Without an order of their own, a WITHOUT ROWID table's rows go in primary key order, as SQLite's.
        boolean keyOrder = !scanOrder && order == null && !table.hasRowid();
        if (keyOrder) {
            b.emit(Opcode.OpenEphemeral, rowids, 0, 0, WithoutRowidTables.keyOrder(table), 0);
        } else {
            b.emit(Opcode.OpenEphemeral, rowids, width, 0, new IndexKeyComparator(new Collation[width], new boolean[width]), 0);
        }
        int sequence = b.allocRegister();
        int one = b.allocRegister();
        if (scanOrder) {
            b.emit(Opcode.Integer, 0, sequence);
            b.emit(Opcode.Integer, 1, one);
        }
        LoopCodegen loops = new LoopCodegen(b, selects.exprs());
        LoopCodegen.Level level = new LoopCodegen.Level(0, plan.paths()[0], scanned, table, -1, 0, null);
        loops.prologue(level);
        loops.open(level);
        testTerms(level, terms, level.next);
        if (table.hasRowid()) {
            scanned.read(b, table.columns().size(), rowid);
        } else {
            WithoutRowidTables.keyFromSource(b, table, scanned, rowid);
        }
        if (order != null) {
            order.keep(rowid);
        } else if (scanOrder) {
            // The order key: the row's place in the scan, or (two-pass, as SQLite is while it
            // enforces foreign keys here) its rowid.
            int entry = b.allocRegisters(2);
            int inScan = b.newLabel();
            int keyed = b.newLabel();
            if (onePass.foreignKeys()) {
                b.emit(Opcode.FkIfDisabled, 0, inScan);
                b.emit(Opcode.SCopy, rowid, entry);
                b.emit(Opcode.Goto, 0, keyed);
            }
            b.resolve(inScan);
            b.emit(Opcode.Add, one, sequence, sequence);
            b.emit(Opcode.SCopy, sequence, entry);
            b.resolve(keyed);
            b.emit(Opcode.SCopy, rowid, entry + 1);
            int record = b.allocRegister();
            b.emit(Opcode.MakeRecord, entry, 2, record);
            b.emit(Opcode.IdxInsert, rowids, record);
        } else {
            int record = b.allocRegister();
            if (keyOrder) {
                WithoutRowidTables.orderedKey(b, table, scanned, rowid, record);
            } else {
                b.emit(Opcode.MakeRecord, rowid, 1, record);
            }
            b.emit(Opcode.IdxInsert, rowids, record);
        }
        loops.close(level);
        if (order != null) {
            order.choose(rowids);
        }
        // Second pass: the rows by rowid, read into registers (the scope SET and RETURNING see).
        selects.exprs().popScope(outer);
        selects.exprs().pushScope(new Scope(outer, List.of(ConflictCodegen.rowSource(table, name, row))));
        int end = b.newLabel();
        b.emit(Opcode.Rewind, rowids, end);
        int loop = b.currentAddress();
        int skip = b.newLabel();
        b.emit(Opcode.Column, rowids, scanOrder ? 1 : keyOrder ? table.primaryKeyIndex().keyCount() : 0, rowid);
        WithoutRowidTables.seekRow(b, table, cursor, skip, rowid);
        TableSource.readRow(b, table, cursor, row);
        pendingSkip = skip;
        pendingEnd = end;
        return loop;
    }

    /**
     * Tests the WHERE terms {@code level}'s lookup does not ensure, jumping to {@code next} on
     * the first false one: those its index entry answers first, as a SELECT's loop does.
     */
    private void testTerms(LoopCodegen.Level level, List<WhereTerm> terms, int next) {
        Scope scope = selects.exprs().scope();
        for (boolean beforeSeek : new boolean[] {true, false}) {
            for (WhereTerm t : terms) {
                if (!level.path.consumes(t) && LoopCodegen.testedBeforeSeek(level, t, scope) == beforeSeek) {
                    selects.exprs().jumpIfNotTrue(t.expr(), next);
                }
            }
        }
    }

    /**
     * Opens the WHERE loop on the statement's own cursors, the one pass {@link OnePassPlan}
     * allows: on return the row is current in the table cursor and in registers (the scope SET
     * sees), and a jump to {@link #pendingSkip} goes on to the next row. Returns -1 for
     * {@link #endLoop}.
     */
    private int changeInLoop(Scope.Source scanned, AccessPath path, List<WhereTerm> terms, Scope outer, String name) {
        loops = new LoopCodegen(b, selects.exprs());
        inLoop = new LoopCodegen.Level(0, path, scanned, table, -1, 0, null);
        int index = path.kind() == AccessPath.Kind.INDEX ? indexCursors[table.indexes().indexOf(path.index())] : -1;
        loops.prologueOn(inLoop, cursor, index);
        loops.open(inLoop);
        testTerms(inLoop, terms, inLoop.next);
        if (index >= 0) {
            b.emit(Opcode.IdxRowid, index, rowid);
            b.emit(Opcode.NotExists, cursor, inLoop.next, rowid);
        } else {
            b.emit(Opcode.Rowid, cursor, rowid);
        }
        TableSource.readRow(b, table, cursor, row);
        selects.exprs().popScope(outer);
        selects.exprs().pushScope(new Scope(outer, List.of(ConflictCodegen.rowSource(table, name, row))));
        pendingSkip = inLoop.next;
        return -1;
    }

    private void endLoop(int loop) {
        if (inLoop != null) {
            loops.close(inLoop);
            return;
        }
        b.resolve(pendingSkip);
        b.emit(Opcode.Next, rowids, loop);
        b.resolve(pendingEnd);
    }
}
