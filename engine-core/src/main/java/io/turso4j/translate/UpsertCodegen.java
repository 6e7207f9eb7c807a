package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.ConflictAction;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.vdbe.ChangeFlags;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ON CONFLICT clauses of an INSERT (lang_upsert.html), as SQLite 3.35+: each clause's
 * target names the rowid or a UNIQUE index (matched by its set of key columns); the last may
 * name none and then handles any uniqueness conflict. On a conflict its clause handles, DO
 * NOTHING drops the row, and DO UPDATE updates the row in the way instead — its SET and WHERE
 * see that row's columns by the table's name and the proposed row as {@code excluded.*} — with
 * the constraint checks and the UPDATE triggers of an UPDATE OR ABORT. Not thread-safe; one per
 * statement.
 */
final class UpsertCodegen implements ConflictCodegen.Upserts {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final Table table;
    private final String name;
    private final int cursor;
    private final int[] indexCursors;
    private final List<Insert.Upsert> clauses;
    /** Per clause, the constraint it targets; null for a clause without a target. */
    private final List<Integer> targets = new ArrayList<>();
    private final int oldRow;
    private final int newRow;
    private ReturningCodegen returning;
    private ForeignKeys foreignKeys;

    UpsertCodegen(ProgramBuilder b, SelectCodegen selects, Table table, Insert insert, int cursor, int[] indexCursors) {
        this.b = b;
        this.selects = selects;
        this.table = table;
        this.name = insert.alias() != null ? insert.alias() : table.name();
        this.cursor = cursor;
        this.indexCursors = indexCursors;
        this.clauses = insert.upserts();
        for (Insert.Upsert clause : clauses) {
            targets.add(clause.target().isEmpty() ? null : match(clause));
        }
        this.oldRow = b.allocRegisters(ConflictCodegen.rowWidth(table));
        this.newRow = b.allocRegisters(ConflictCodegen.rowWidth(table));
    }

    /** The statement's foreign keys, which a DO UPDATE enforces as an UPDATE does. */
    void setForeignKeys(ForeignKeys foreignKeys) {
        this.foreignKeys = foreignKeys;
    }

    /** Where the rows a DO UPDATE changes are returned from, or null. */
    void setReturning(ReturningCodegen returning) {
        this.returning = returning;
    }

    /** The constraint whose key columns are exactly the target's. */
    private int match(Insert.Upsert clause) {
        Set<Integer> columns = new HashSet<>();
        for (OrderingTerm term : clause.target()) {
            Expr e = term.expr() instanceof Expr.Collate c ? c.expr() : term.expr();
            if (!(e instanceof Expr.Column col) || col.table() != null) {
                throw noMatch();
            }
            int i = table.columnIndex(col.column());
            if (i < 0 && InsertCodegen.isRowidName(col.column()) && table.hasRowid()) {
                i = IndexColumn.ROWID;
            } else if (i < 0) {
                throw ExprCodegen.error("no such column: " + col.column());
            }
            columns.add(i);
        }
        int alias = table.rowidAlias();
        if (clause.targetWhere() == null && columns.size() == 1
                && (columns.contains(alias) && alias >= 0 || columns.contains(IndexColumn.ROWID))) {
            return ConflictCodegen.ROWID;
        }
        for (int i = 0; i < table.indexes().size(); i++) {
            Index index = table.indexes().get(i);
            if (!index.unique() || index.isPartial() != (clause.targetWhere() != null)) {
                continue;
            }
            Set<Integer> key = new HashSet<>();
            for (IndexColumn c : index.keyColumns()) {
                key.add(c.column());
            }
            if (key.equals(columns) && index.keyCount() == clause.target().size()) {
                return i;
            }
        }
        throw noMatch();
    }

    private static RuntimeException noMatch() {
        return ExprCodegen.error("ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint");
    }

    @Override
    public List<Integer> targeted() {
        List<Integer> order = new ArrayList<>();
        for (Integer t : targets) {
            if (t != null && !order.contains(t)) {
                order.add(t);
            }
        }
        return order;
    }

    @Override
    public boolean handles(int constraint) {
        return clauseFor(constraint) != null;
    }

    private Insert.Upsert clauseFor(int constraint) {
        for (int k = 0; k < clauses.size(); k++) {
            if (targets.get(k) == null || targets.get(k) == constraint) {
                return clauses.get(k);
            }
        }
        return null;
    }

    @Override
    public void onConflict(int constraint, int conflictRowid, int row, int skip) {
        Insert.Upsert clause = clauseFor(constraint);
        if (clause.doNothing()) {
            b.emit(Opcode.Goto, 0, skip);
            return;
        }
        int oldRowid = ConflictCodegen.rowidOf(table, oldRow);
        b.emit(Opcode.SCopy, conflictRowid, oldRowid);
        WithoutRowidTables.seekRow(b, table, cursor, skip, oldRowid);
        TableSource.readRow(b, table, cursor, oldRow);
        ExprCodegen exprs = selects.exprs();
        Scope outer = exprs.scope();
        // excluded.* only by its name: an unqualified column is the table's.
        Scope excluded = new Scope(null, List.of(ConflictCodegen.rowSource(table, "excluded", row)));
        exprs.pushScope(new Scope(excluded, List.of(ConflictCodegen.rowSource(table, name, oldRow))));
        if (clause.where() != null) {
            exprs.jumpIfNotTrue(clause.where(), skip);
        }
        Expr[] setTo = ChangeCodegen.setTargets(selects, table, clause.sets());
        ChangeCodegen.assign(b, selects, table, clause.sets(), setTo, newRow);
        exprs.popScope(outer);
        // The row's UPDATE triggers fire as for an UPDATE of it (SQLite codes DO UPDATE as one).
        RowTriggers triggers = RowTriggers.update(selects, table, clause.sets());
        // SQLite codes DO UPDATE as an UPDATE OR ABORT: its triggers' steps take ABORT too.
        selects.triggers().withConflict(ConflictAction.ABORT, () -> {
            triggers.beforeUpdate(oldRow, oldRowid, cursor, setTo, newRow, skip);
            ChangeCodegen.completeRow(b, table, setTo, oldRow, newRow);
            ConflictCodegen update = new ConflictCodegen(b, selects, table, cursor, indexCursors, ConflictAction.ABORT);
            update.setForeignKeys(foreignKeys);
            update.checkAndWrite(newRow, oldRow, skip, ChangeFlags.COUNT);
            foreignKeys.rowUpdated(table, oldRow, newRow);
            triggers.afterUpdate(newRow, ConflictCodegen.rowidOf(table, newRow), skip);
            return null;
        });
        if (returning != null) {
            returning.row(newRow);
        }
        b.emit(Opcode.Goto, 0, skip);
    }
}
