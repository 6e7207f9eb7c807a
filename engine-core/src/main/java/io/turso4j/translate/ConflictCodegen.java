package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.schema.CheckConstraint;
import io.turso4j.schema.Column;
import io.turso4j.schema.Conflict;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.ConflictAction;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.parser.Parser;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.ChangeFlags;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The constraint checks and the write of one new row of a rowid table, as SQLite's
 * {@code sqlite3GenerateConstraintChecks} and {@code sqlite3CompleteInsertion}: affinities,
 * NOT NULL, CHECK, then the uniqueness of the rowid and of every UNIQUE index, each resolved by
 * its conflict algorithm (lang_conflict.html) — the statement's {@code OR …} when written, else
 * the constraint's ON CONFLICT, else ABORT — and only then the table entry and index entries.
 *
 * <p>Algorithms: ABORT, FAIL and ROLLBACK halt with SQLite's message and the algorithm in the
 * Halt's P2 (the statement decides what of its work to keep); IGNORE jumps to the caller's
 * skip label; REPLACE deletes the conflicting row and its index entries (uncounted), or for NOT
 * NULL stores the column's DEFAULT. As in SQLite, uniqueness constraints that an upsert names
 * are checked first, and a rowid REPLACE is deferred behind the indexes that do not REPLACE.
 *
 * <p>A row is held in {@link #rowWidth} registers: column i in {@code row + i}, the rowid in
 * {@code row + n} (see {@link #rowSource}). Not thread-safe; one per statement and table.
 */
final class ConflictCodegen {
    /** Halt P2 values: SQLite's OE_Rollback, OE_Abort and OE_Fail. */
    static final int OE_ROLLBACK = 1;
    static final int OE_ABORT = 2;
    static final int OE_FAIL = 3;

    /** A constraint position in {@link #uniqueOrder}: the rowid, else an index of {@link Table#indexes()}. */
    static final int ROWID = -1;

    /** How an upsert takes over the conflicts of the constraints it names. */
    interface Upserts {
        /** The uniqueness constraints named by ON CONFLICT clauses, in clause order. */
        List<Integer> targeted();

        /** Whether a clause handles a conflict on {@code constraint}. */
        boolean handles(int constraint);

        /**
         * Codes the clause for {@code constraint} that handles a conflict with the row whose rowid
         * is in {@code conflictRowid}, the proposed row being in {@code row}; ends by jumping to
         * {@code skip}.
         */
        void onConflict(int constraint, int conflictRowid, int row, int skip);
    }

    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final Table table;
    private final int cursor;
    private final int[] indexCursors;
    private final ConflictAction override;
    private final int victim;
    private Upserts upserts;
    private ForeignKeys foreignKeys;
    /** Per index, whether the statement leaves its entries alone ({@link UnchangedIndexes}); null: none. */
    private boolean[] unchanged;

    /**
     * @param override the statement's {@code OR …}, or null when it wrote none
     */
    ConflictCodegen(ProgramBuilder b, SelectCodegen selects, Table table, int cursor, int[] indexCursors,
                    ConflictAction override) {
        this.b = b;
        this.selects = selects;
        this.table = table;
        this.cursor = cursor;
        this.indexCursors = indexCursors;
        this.override = override;
        this.victim = b.allocRegisters(rowWidth(table));
    }

    void setUpserts(Upserts upserts) {
        this.upserts = upserts;
    }

    /** The statement's foreign keys, which a REPLACE's deletion enforces as a DELETE does. */
    void setForeignKeys(ForeignKeys foreignKeys) {
        this.foreignKeys = foreignKeys;
    }

    /** Leaves the indexes flagged in {@code unchanged} (null: none) out of the checks and writes. */
    void leaveUnchanged(boolean[] unchanged) {
        this.unchanged = unchanged;
    }

    private boolean maintained(int index) {
        return unchanged == null || !unchanged[index];
    }

    /** The registers one row takes (see the class comment). */
    static int rowWidth(Table table) {
        return table.columns().size() + 1;
    }

    /** The rowid's register of the row at {@code row}. */
    static int rowidOf(Table table, int row) {
        return row + table.columns().size();
    }

    /**
     * The row at {@code row} as a source named {@code name} for expressions: its columns, and
     * its rowid (by any of its names) in {@code row + n}.
     */
    static Scope.Source rowSource(Table table, String name, int row) {
        return new Scope.Source(name, table.columns().stream().map(Column::name).toList(), row,
                table.columns().stream().map(Column::affinity).toList(),
                table.columns().stream().map(Column::collation).toList(), new SourceReader(table, row));
    }

    /** Whether a uniqueness conflict may be resolved by REPLACE, deleting other rows. */
    boolean mayReplace() {
        if (resolve(table.rowidConflict()) == ConflictAction.REPLACE) {
            return true;
        }
        for (Index index : table.indexes()) {
            if (index.unique() && resolve(index.onConflict()) == ConflictAction.REPLACE) {
                return true;
            }
        }
        return false;
    }

    /** The conflict algorithm for a constraint declared with {@code declared}. */
    ConflictAction resolve(Conflict declared) {
        if (override != null) {
            return override;
        }
        return switch (declared) {
            case DEFAULT, ABORT -> ConflictAction.ABORT;
            case ROLLBACK -> ConflictAction.ROLLBACK;
            case FAIL -> ConflictAction.FAIL;
            case IGNORE -> ConflictAction.IGNORE;
            case REPLACE -> ConflictAction.REPLACE;
        };
    }

    /**
     * Checks and writes the row in {@code row} (see the class comment) under the rowid in its
     * rowid register. For UPDATE, {@code oldRow} holds the row as it was (-1 for INSERT): its
     * own entries do not conflict, and are replaced. Jumps to {@code skip} when IGNORE drops the
     * row.
     */
    void checkAndWrite(int row, int oldRow, int skip, int changeFlags) {
        write(row, oldRow, check(row, oldRow, skip), changeFlags);
    }

    /**
     * The checks of {@link #checkAndWrite}, without the write; returns the registers holding
     * each index's new entry (NULL when a partial index has none for the row), for {@link #write}.
     */
    int[] check(int row, int oldRow, int skip) {
        int n = table.columns().size();
        int rowid = rowidOf(table, row);
        int oldRowid = oldRow < 0 ? -1 : rowidOf(table, oldRow);
        StringBuilder affinities = new StringBuilder();
        for (Column c : table.columns()) {
            affinities.append((char) AffinityCode.of(c.affinity()));
        }
        b.emit(Opcode.Affinity, row, n, 0, affinities.toString(), 0);
        notNull(row, skip);
        if (!table.hasRowid()) {
            WithoutRowidTables.keyFromRow(b, table, row, rowid);
        }
        if (table.strict()) {
            strictTypes(row);
        }
        checks(row, skip);
        int[] keys = new int[indexCursors.length];
        int[] entries = new int[indexCursors.length];
        for (int i = 0; i < keys.length; i++) {
            if (!maintained(i)) {
                continue;
            }
            Index index = table.indexes().get(i);
            entries[i] = b.allocRegister();
            int notIndexed = IndexKeys.skipUnlessIndexed(b, table, index, row, entries[i]);
            keys[i] = b.allocRegisters(index.columns().size());
            IndexKeys.build(b, table, index, row, rowid, keys[i]);
            b.emit(Opcode.MakeRecord, keys[i], index.columns().size(), entries[i]);
            b.resolve(notIndexed);
        }
        for (int constraint : uniqueOrder()) {
            if (constraint == ROWID) {
                rowidUnique(row, rowid, oldRowid, skip);
            } else {
                indexUnique(constraint, keys[constraint], entries[constraint], row, oldRowid, skip);
            }
        }
        return entries;
    }

    /** The write of {@link #checkAndWrite}, after {@link #check} returned the index {@code entries}. */
    void write(int row, int oldRow, int[] entries, int changeFlags) {
        int n = table.columns().size();
        int rowid = rowidOf(table, row);
        int oldRowid = oldRow < 0 ? -1 : rowidOf(table, oldRow);
        if (oldRow >= 0) {
            removeEntries(oldRow, false);
            int same = b.newLabel();
            if (table.hasRowid()) {
                b.emit(Opcode.Eq, oldRowid, same, rowid);
            } // else the old entry goes even under the same key: its other columns may change
            WithoutRowidTables.seekRow(b, table, cursor, same, oldRowid);
            b.emit(Opcode.Delete, cursor, 0);
            b.resolve(same);
        }
        if (!table.hasRowid()) {
            // The primary key index's entry is the row (see WithoutRowidTables); no rowid to record.
            int pk = table.indexes().indexOf(table.primaryKeyIndex());
            b.emit(Opcode.Insert, cursor, entries[pk], rowid, null, changeFlags & ~ChangeFlags.LAST_ROWID);
            for (int i = 0; i < indexCursors.length; i++) {
                if (i != pk) {
                    IndexKeys.insert(b, table.indexes().get(i), indexCursors[i], entries[i]);
                }
            }
            return;
        }
        int alias = table.rowidAlias();
        if (alias >= 0) {
            b.emit(Opcode.Null, 0, row + alias);
        }
        int record = b.allocRegister();
        b.emit(Opcode.MakeRecord, GeneratedColumns.recordFields(b, table, row), GeneratedColumns.recordWidth(table), record);
        if (alias >= 0) {
            b.emit(Opcode.SCopy, rowid, row + alias);
        }
        b.emit(Opcode.Insert, cursor, record, rowid, null, changeFlags);
        for (int i = 0; i < indexCursors.length; i++) {
            if (maintained(i)) {
                IndexKeys.insert(b, table.indexes().get(i), indexCursors[i], entries[i]);
            }
        }
    }

    /**
     * Removes the entries of the row in {@code row} from every index (but a WITHOUT ROWID
     * table's primary key index, whose entry is the row itself and goes with it).
     */
    void removeEntries(int row) {
        removeEntries(row, true);
    }

    /** {@link #removeEntries(int)}, from the maintained indexes only unless {@code all}. */
    private void removeEntries(int row, boolean all) {
        int rowid = rowidOf(table, row);
        for (int i = 0; i < indexCursors.length; i++) {
            if (!table.hasRowid() && table.indexes().get(i).isPrimaryKey() || !all && !maintained(i)) {
                continue;
            }
            IndexKeys.delete(b, table, table.indexes().get(i), indexCursors[i], row, rowid);
        }
    }

    /**
     * Deletes the row whose rowid is in {@code rowidRegister}, with its index entries, without
     * counting it: what REPLACE does to the row in the way. Its DELETE triggers fire while
     * recursive_triggers is on, as SQLite's do.
     */
    void deleteRow(int rowidRegister) {
        int gone = b.newLabel();
        int victimRowid = rowidOf(table, victim);
        b.emit(Opcode.SCopy, rowidRegister, victimRowid);
        WithoutRowidTables.seekRow(b, table, cursor, gone, victimRowid);
        TableSource.readRow(b, table, cursor, victim);
        RowTriggers triggers = RowTriggers.replaceDelete(selects, table);
        triggers.beforeDelete(victim, victimRowid, cursor, gone);
        if (foreignKeys != null) {
            foreignKeys.rowDeleting(table, victim);
        }
        removeEntries(victim);
        WithoutRowidTables.seekRow(b, table, cursor, gone, victimRowid);
        b.emit(Opcode.Delete, cursor, 0);
        if (foreignKeys != null) {
            foreignKeys.rowDeleted(table, victim);
        }
        triggers.afterDelete(gone);
        b.resolve(gone);
    }

    private void notNull(int row, int skip) {
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.column(i);
            if (!column.notNull() || i == table.rowidAlias()) {
                continue;
            }
            ConflictAction action = resolve(column.notNullConflict());
            if (action == ConflictAction.REPLACE && column.defaultSql() == null) {
                action = ConflictAction.ABORT;
            }
            int ok = b.newLabel();
            b.emit(Opcode.NotNull, row + i, ok);
            if (action == ConflictAction.IGNORE) {
                b.emit(Opcode.Goto, 0, skip);
            } else {
                if (action == ConflictAction.REPLACE) {
                    selects.exprs().code(parseExpr(column.defaultSql()), row + i);
                    b.emit(Opcode.Affinity, row + i, 1, 0, String.valueOf((char) AffinityCode.of(column.affinity())), 0);
                    b.emit(Opcode.NotNull, row + i, ok);
                    action = ConflictAction.ABORT;
                }
                fail(ResultCode.CONSTRAINT_NOTNULL, action,
                        "NOT NULL constraint failed: " + table.name() + "." + column.name());
            }
            b.resolve(ok);
        }
    }

    /** The storage classes of a value, named as STRICT's "cannot store …" messages name them. */
    private static final String[][] VALUE_TYPES = {{"integer", "INT"}, {"real", "REAL"}, {"text", "TEXT"}, {"blob", "BLOB"}};

    /**
     * A STRICT table's columns hold only their declared type (after its affinity): anything
     * else fails with SQLITE_CONSTRAINT_DATATYPE, whatever the conflict algorithm, as SQLite's
     * OP_TypeCheck. An INTEGER column also takes no REAL, a REAL column takes integers.
     */
    private void strictTypes(int row) {
        ExprCodegen exprs = selects.exprs();
        Scope outer = exprs.scope();
        String source = "\u0000row";
        exprs.pushScope(new Scope(null, List.of(rowSource(table, source, row))));
        int typeName = b.allocRegister();
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.column(i);
            String type = column.type().toUpperCase(Locale.ROOT);
            if (type.equals("ANY")) {
                continue;
            }
            int ok = b.newLabel();
            b.emit(Opcode.IsNull, row + i, ok);
            exprs.code(new Expr.Function(Pos.NONE, "typeof", false, false,
                    List.of(new Expr.Column(Pos.NONE, null, source, column.name())), List.of(), null,
                    null), typeName);
            for (String[] valueType : VALUE_TYPES) {
                boolean allowed = switch (type) {
                    case "INT", "INTEGER" -> valueType[0].equals("integer");
                    case "REAL" -> valueType[0].equals("real") || valueType[0].equals("integer");
                    default -> valueType[1].equals(type);
                };
                int other = b.newLabel();
                int name = b.allocRegister();
                b.emit(Opcode.String8, 0, name, 0, valueType[0], 0);
                b.emit(Opcode.Ne, name, other, typeName);
                if (allowed) {
                    b.emit(Opcode.Goto, 0, ok);
                } else {
                    fail(ResultCode.CONSTRAINT_DATATYPE, ConflictAction.ABORT, "cannot store " + valueType[1]
                            + " value in " + column.type() + " column " + table.name() + "." + column.name());
                }
                b.resolve(other);
            }
            b.resolve(ok);
        }
        exprs.popScope(outer);
    }

    private void checks(int row, int skip) {
        if (table.checks().isEmpty()) {
            return;
        }
        ExprCodegen exprs = selects.exprs();
        Scope outer = exprs.scope();
        exprs.pushScope(new Scope(null, List.of(rowSource(table, table.name(), row))));
        ConflictAction action = resolve(Conflict.DEFAULT);
        for (CheckConstraint check : table.checks()) {
            int ok = b.newLabel();
            exprs.jumpIfTrue(parseExpr(check.sql()), ok, true);
            if (action == ConflictAction.IGNORE) {
                b.emit(Opcode.Goto, 0, skip);
            } else {
                fail(ResultCode.CONSTRAINT_CHECK, action == ConflictAction.REPLACE ? ConflictAction.ABORT : action,
                        "CHECK constraint failed: " + (check.name() != null ? check.name() : check.sql()));
            }
            b.resolve(ok);
        }
        exprs.popScope(outer);
    }

    /** The order the uniqueness constraints are checked in (see the class comment). */
    private List<Integer> uniqueOrder() {
        List<Integer> order = new ArrayList<>();
        if (upserts != null) {
            order.addAll(upserts.targeted());
        }
        boolean rowidReplace = table.rowidAlias() >= 0 && resolve(table.rowidConflict()) == ConflictAction.REPLACE
                && override == null;
        if (!rowidReplace && !order.contains(ROWID) && table.hasRowid()) {
            order.add(ROWID);
        }
        for (int i = 0; i < indexCursors.length; i++) {
            Index index = table.indexes().get(i);
            if (rowidReplace && !order.contains(ROWID) && maintained(i) && resolve(index.onConflict()) == ConflictAction.REPLACE) {
                order.add(ROWID);
            }
            if (index.unique() && !order.contains(i) && maintained(i)) {
                order.add(i);
            }
        }
        if (!order.contains(ROWID) && table.hasRowid()) {
            order.add(ROWID);
        }
        return order;
    }

    /** A new rowid (an INSERT's, or an UPDATE's that changes it) must not be taken. */
    private void rowidUnique(int row, int rowid, int oldRowid, int skip) {
        int ok = b.newLabel();
        if (oldRowid >= 0) {
            b.emit(Opcode.Eq, oldRowid, ok, rowid);
        }
        b.emit(Opcode.NotExists, cursor, ok, rowid);
        if (upserts != null && upserts.handles(ROWID)) {
            upserts.onConflict(ROWID, rowid, row, skip);
        } else {
            ConflictAction action = resolve(table.rowidConflict());
            switch (action) {
                case IGNORE -> b.emit(Opcode.Goto, 0, skip);
                case REPLACE -> deleteRow(rowid);
                default -> {
                    String column = table.rowidAlias() >= 0 ? table.column(table.rowidAlias()).name() : "rowid";
                    fail(ResultCode.CONSTRAINT_PRIMARYKEY, action, "UNIQUE constraint failed: " + table.name() + "." + column);
                }
            }
        }
        b.resolve(ok);
    }

    /** Another entry of a UNIQUE index with this key (one with a NULL never conflicts) is a conflict. */
    private void indexUnique(int i, int key, int entry, int row, int oldRowid, int skip) {
        Index index = table.indexes().get(i);
        int ok = b.newLabel();
        b.emit(Opcode.IsNull, entry, ok); // a partial index without an entry for the row
        for (int k = 0; k < index.keyCount(); k++) {
            b.emit(Opcode.IsNull, key + k, ok);
        }
        b.emit(Opcode.NotFound, indexCursors[i], ok, key, index.keyCount(), 0);
        int other = b.allocRegister();
        if (table.hasRowid()) {
            b.emit(Opcode.IdxRowid, indexCursors[i], other);
        } else {
            WithoutRowidTables.keyFromEntry(b, table, index, indexCursors[i], other);
        }
        if (oldRowid >= 0) {
            b.emit(Opcode.Eq, oldRowid, ok, other);
        }
        if (upserts != null && upserts.handles(i)) {
            upserts.onConflict(i, other, row, skip);
        } else {
            ConflictAction action = resolve(index.onConflict());
            switch (action) {
                case IGNORE -> b.emit(Opcode.Goto, 0, skip);
                case REPLACE -> deleteRow(other);
                default -> fail(index.isPrimaryKey() ? ResultCode.CONSTRAINT_PRIMARYKEY : ResultCode.CONSTRAINT_UNIQUE,
                        action, "UNIQUE constraint failed: " + uniqueNames(table, index));
            }
        }
        b.resolve(ok);
    }

    /** The columns a UNIQUE failure of {@code index} names ({@code t.a, t.b}), or the index for one on expressions. */
    static String uniqueNames(Table table, Index index) {
        if (IndexKeys.hasExpressions(index)) {
            return "index '" + index.name() + "'";
        }
        StringBuilder names = new StringBuilder();
        for (int k = 0; k < index.keyCount(); k++) {
            IndexColumn c = index.columns().get(k);
            String column = c.column() == IndexColumn.ROWID ? "rowid" : table.column(c.column()).name();
            names.append(k == 0 ? "" : ", ").append(table.name()).append('.').append(column);
        }
        return names.toString();
    }

    private void fail(ResultCode code, ConflictAction action, String message) {
        int onError = switch (action) {
            case ROLLBACK -> OE_ROLLBACK;
            case FAIL -> OE_FAIL;
            default -> OE_ABORT;
        };
        b.emit(Opcode.Halt, code.code(), onError, 0, message, 0);
    }

    /** An expression kept as SQL text in the schema (a DEFAULT, a CHECK), parsed. */
    static Expr parseExpr(String sql) {
        Select select = (Select) Parser.parse("SELECT " + sql);
        return ((Select.ExprColumn) ((Select.Core) select.body()).columns().getFirst()).expr();
    }
}
