package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Index;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Update;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.ChangeFlags;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * DELETE and UPDATE of a rowid table with an optional WHERE, in two passes as SQLite's
 * one-pass-off plan: first the rowids of the rows the WHERE selects are collected into a
 * temporary index (so changing the table cannot disturb the scan), then each row is found
 * again by rowid, its index entries removed, and the row deleted or rewritten (UPDATE checks
 * its constraints as INSERT does, see {@link InsertCodegen#write}). Not thread-safe; one per
 * statement.
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
    /** The second pass's labels: the next rowid (a row gone meanwhile is skipped), and its end. */
    private int pendingSkip;
    private int pendingEnd;

    private ChangeCodegen(ProgramBuilder b, SelectCodegen selects, Update.QualifiedTable target) {
        this.b = b;
        this.selects = selects;
        Table t = TableSource.lookup(selects.schema(), target.name());
        if (t == null) {
            throw ExprCodegen.error("no such table: " + target.name().name());
        }
        if (t.name().toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")) {
            throw ExprCodegen.error("table " + t.name() + " may not be modified");
        }
        this.table = t;
        this.cursor = b.allocCursor();
        this.indexCursors = new int[t.indexes().size()];
        for (int i = 0; i < indexCursors.length; i++) {
            indexCursors[i] = b.allocCursor();
        }
        this.rowids = b.allocCursor();
        this.row = b.allocRegisters(Math.max(t.columns().size(), 1));
        this.rowid = b.allocRegister();
    }

    static void delete(ProgramBuilder b, SelectCodegen selects, Delete delete) {
        if (delete.with() != null || !delete.returning().isEmpty() || !delete.orderBy().isEmpty() || delete.limit() != null) {
            throw ExprCodegen.error("this form of DELETE is not supported yet");
        }
        io.turso4j.schema.View view = ViewTriggers.target(selects, delete.table().name());
        if (view != null) {
            ViewTriggers.delete(selects, delete, view);
            return;
        }
        ChangeCodegen c = new ChangeCodegen(b, selects, delete.table());
        RowTriggers triggers = RowTriggers.delete(selects, c.table);
        int loop = c.collect(delete.table().alias(), delete.where());
        triggers.beforeDelete(c.row, c.rowid, c.cursor, c.pendingSkip);
        c.removeIndexEntries();
        b.emit(Opcode.Delete, c.cursor, 0, 0, null, selects.triggers().changeFlags(ChangeFlags.COUNT));
        triggers.afterDelete(c.pendingSkip);
        c.endLoop(loop);
    }

    static void update(ProgramBuilder b, SelectCodegen selects, Update update) {
        if (update.with() != null || update.from() != null || !update.returning().isEmpty() || !update.orderBy().isEmpty()
                || update.limit() != null || (update.orAction() != null && update.orAction() != io.turso4j.sql.ast.ConflictAction.ABORT)) {
            throw ExprCodegen.error("this form of UPDATE is not supported yet");
        }
        io.turso4j.schema.View view = ViewTriggers.target(selects, update.table().name());
        if (view != null) {
            ViewTriggers.update(selects, update, view);
            return;
        }
        ChangeCodegen c = new ChangeCodegen(b, selects, update.table());
        Table table = c.table;
        int[] setTo = new int[table.columns().size()];
        java.util.Arrays.fill(setTo, -1);
        for (int s = 0; s < update.sets().size(); s++) {
            Update.Set set = update.sets().get(s);
            if (set.columns().size() != 1) {
                throw ExprCodegen.error("row values in SET are not supported yet");
            }
            int i = table.columnIndex(set.columns().getFirst());
            if (i < 0) {
                throw ExprCodegen.error("no such column: " + set.columns().getFirst());
            }
            if (i == table.rowidAlias()) {
                throw ExprCodegen.error("changing the INTEGER PRIMARY KEY is not supported yet");
            }
            setTo[i] = s;
        }
        RowTriggers triggers = RowTriggers.update(selects, table,
                update.sets().stream().flatMap(set -> set.columns().stream()).toList());
        int loop = c.collect(update.table().alias(), update.where());
        int values = b.allocRegisters(update.sets().size());
        for (int s = 0; s < update.sets().size(); s++) {
            selects.exprs().code(update.sets().get(s).value(), values + s);
        }
        triggers.beforeUpdate(c.row, c.rowid, c.cursor, setTo, values, c.pendingSkip);
        c.removeIndexEntries();
        for (int i = 0; i < setTo.length; i++) {
            if (setTo[i] >= 0) {
                b.emit(Opcode.SCopy, values + setTo[i], c.row + i);
            }
        }
        InsertCodegen.write(b, table, c.cursor, c.indexCursors, c.row, c.rowid, false,
                selects.triggers().changeFlags(ChangeFlags.COUNT));
        triggers.afterUpdate(c.row, c.rowid, c.pendingSkip);
        c.endLoop(loop);
    }

    /**
     * Opens the cursors, codes the first pass, and opens the second pass's loop: on return the
     * row is current in the table cursor and in registers (with the WHERE's scope in force).
     * Returns the loop's top address for {@link #endLoop}.
     */
    private int collect(String alias, Expr where) {
        b.emit(Opcode.OpenWrite, cursor, table.rootPage(), 0);
        for (int i = 0; i < indexCursors.length; i++) {
            Index index = table.indexes().get(i);
            b.emit(Opcode.OpenWrite, indexCursors[i], index.rootPage(), 0, IndexKeys.comparator(index), 0);
        }
        IndexKeyComparator byRowid = new IndexKeyComparator(new Collation[1], new boolean[1]);
        b.emit(Opcode.OpenEphemeral, rowids, 1, 0, byRowid, 0);
        String name = alias != null ? alias : table.name();
        List<String> names = table.columns().stream().map(Column::name).toList();
        List<io.turso4j.value.Affinity> affinities = table.columns().stream().map(Column::affinity).toList();
        List<String> collations = table.columns().stream().map(Column::collation).toList();
        // First pass: the planner's single-table loop (a rowid or index lookup when the WHERE
        // allows one), reading through cursors.
        Scope.Source scanned = new Scope.Source(name, names, row, affinities, collations, new SourceReader(table, row));
        Scope outer = selects.exprs().scope();
        selects.exprs().pushScope(new Scope(outer, List.of(scanned)));
        List<WhereTerm> terms = new java.util.ArrayList<>();
        if (where != null) {
            for (Expr e : SelectCodegen.conjuncts(where)) {
                terms.add(WhereTerm.of(e, -1, selects.exprs().scope()));
            }
        }
        long estimate = selects.schema().estimatedRows(table.name());
        JoinPlanner.Item item = new JoinPlanner.Item(table, estimate > 0 ? estimate : JoinPlanner.DEFAULT_ROWS, false,
                0, false, null);
        JoinPlanner.Plan plan = new JoinPlanner(List.of(item), terms, selects.schema()).plan();
        LoopCodegen loops = new LoopCodegen(b, selects.exprs());
        LoopCodegen.Level level = new LoopCodegen.Level(0, plan.paths()[0], scanned, table, -1, 0, null);
        loops.prologue(level);
        loops.open(level);
        for (WhereTerm t : terms) {
            selects.exprs().jumpIfNotTrue(t.expr(), level.next);
        }
        int record = b.allocRegister();
        scanned.read(b, table.columns().size(), rowid);
        b.emit(Opcode.MakeRecord, rowid, 1, record);
        b.emit(Opcode.IdxInsert, rowids, record);
        loops.close(level);
        // Second pass: the rows by rowid, read into registers (the scope SET and RETURNING see).
        Scope scope = new Scope(outer, List.of(new Scope.Source(name, names, row, affinities, collations)));
        selects.exprs().popScope(outer);
        selects.exprs().pushScope(scope);
        int end = b.newLabel();
        b.emit(Opcode.Rewind, rowids, end);
        int loop = b.currentAddress();
        int skip = b.newLabel();
        b.emit(Opcode.Column, rowids, 0, rowid);
        b.emit(Opcode.NotExists, cursor, skip, rowid);
        TableSource.readRow(b, table, cursor, row);
        pendingSkip = skip;
        pendingEnd = end;
        return loop;
    }

    /** Removes the current row's entries from every index. */
    private void removeIndexEntries() {
        for (int i = 0; i < indexCursors.length; i++) {
            IndexKeys.delete(b, table, table.indexes().get(i), indexCursors[i], row, rowid);
        }
    }

    private void endLoop(int loop) {
        b.resolve(pendingSkip);
        b.emit(Opcode.Next, rowids, loop);
        b.resolve(pendingEnd);
    }
}
