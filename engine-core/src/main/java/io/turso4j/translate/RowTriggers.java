package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Table;
import io.turso4j.schema.Trigger;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Update;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The fire points of one INSERT, UPDATE or DELETE on a table: the calls its code generator
 * makes around each row's change, as SQLite's {@code sqlite3CodeRowTrigger} calls in
 * insert.c, update.c and delete.c. When no trigger fires, every call emits nothing.
 *
 * <p>NEW and OLD are copies of the row in blocks of their own (column {@code i} at {@code +i},
 * then the rowid under the names rowid, oid and _rowid_), so the statement's own registers are
 * never disturbed. What they hold follows SQLite: BEFORE INSERT sees the values with the
 * table's affinities and a rowid of -1 when none was given; AFTER INSERT and AFTER UPDATE see
 * the row as stored; OLD is the row before any BEFORE trigger ran. After BEFORE triggers the
 * row is looked up again (skipped if a trigger deleted it) and re-read, since a trigger may
 * have changed it.
 *
 * <p>Not thread-safe; one per statement.
 */
final class RowTriggers {
    private static final List<String> ROWID_NAMES = List.of("rowid", "oid", "_rowid_");

    private final ProgramBuilder b;
    private final TriggerCodegen triggers;
    private final Table table;
    private final List<Trigger> before;
    private final List<Trigger> after;
    private final int width;
    /** Whether the triggers run only while recursive_triggers is on, as calls of their sub-programs (REPLACE's deletions). */
    private final boolean recursiveOnly;
    /** The OLD block of UPDATE and DELETE, captured before the BEFORE triggers; 0 when none fire. */
    private int old;

    private RowTriggers(SelectCodegen selects, Table table, Trigger.Event event, List<String> setColumns,
                        boolean recursiveOnly) {
        this.recursiveOnly = recursiveOnly;
        this.triggers = selects.triggers();
        this.b = triggers.builder();
        this.table = table;
        this.before = triggers.firing(table.name(), Trigger.Timing.BEFORE, event, setColumns);
        this.after = triggers.firing(table.name(), Trigger.Timing.AFTER, event, setColumns);
        this.width = table.columns().size() + ROWID_NAMES.size();
    }

    static RowTriggers insert(SelectCodegen selects, Table table) {
        return new RowTriggers(selects, table, Trigger.Event.INSERT, List.of(), false);
    }

    /** The triggers of an UPDATE (or UPSERT's DO UPDATE) whose SET items are {@code sets}. */
    static RowTriggers update(SelectCodegen selects, Table table, List<Update.Set> sets) {
        return new RowTriggers(selects, table, Trigger.Event.UPDATE,
                sets.stream().flatMap(set -> set.columns().stream()).toList(), false);
    }

    static RowTriggers delete(SelectCodegen selects, Table table) {
        return new RowTriggers(selects, table, Trigger.Event.DELETE, List.of(), false);
    }

    /**
     * The DELETE triggers of the rows a REPLACE removes: as SQLite, they fire only while {@code
     * PRAGMA recursive_triggers} is on, so they are calls of sub-programs, which run only then.
     */
    static RowTriggers replaceDelete(SelectCodegen selects, Table table) {
        return new RowTriggers(selects, table, Trigger.Event.DELETE, List.of(), true);
    }

    /** Whether no trigger fires. */
    boolean none() {
        return before.isEmpty() && after.isEmpty();
    }

    // ---- INSERT -----------------------------------------------------------------------------

    /**
     * Before the rowid is chosen: {@code row…} holds the values to insert (DEFAULTs filled in);
     * {@code skip} abandons the row.
     */
    void beforeInsert(int row, int skip) {
        if (before.isEmpty()) {
            return;
        }
        int n = table.columns().size();
        int neu = b.allocRegisters(width);
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.SCopy, row + i, neu + i);
        }
        applyAffinity(neu);
        int rowid = neu + n;
        int alias = table.rowidAlias();
        if (alias >= 0) {
            int given = b.newLabel();
            int ready = b.newLabel();
            b.emit(Opcode.SCopy, row + alias, rowid);
            b.emit(Opcode.NotNull, rowid, given);
            b.emit(Opcode.Integer, -1, rowid);
            b.emit(Opcode.Goto, 0, ready);
            b.resolve(given);
            b.emit(Opcode.MustBeInt, rowid, 0);
            b.resolve(ready);
        } else {
            b.emit(Opcode.Integer, -1, rowid);
        }
        spreadRowid(neu, rowid);
        fire(before, List.of(source("new", neu)), skip);
    }

    /** After the row {@code row…} was written under {@code rowid}. */
    void afterInsert(int row, int rowid, int skip) {
        if (!after.isEmpty()) {
            fire(after, List.of(source("new", copy(row, rowid))), skip);
        }
    }

    // ---- UPDATE -----------------------------------------------------------------------------

    /**
     * Once the row is read into {@code row…} (its rowid in {@code rowid}, {@code cursor} on it)
     * and the SET values are in place in {@code values…} (column {@code i} at {@code values + i}
     * where {@code setTo[i]} is not null, see {@link ChangeCodegen#assign}): captures OLD, and
     * runs the BEFORE triggers with NEW, after which the row is found and read again, or
     * skipped to {@code skip} if gone.
     */
    void beforeUpdate(int row, int rowid, int cursor, Expr[] setTo, int values, int skip) {
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        old = copy(row, rowid);
        if (before.isEmpty()) {
            return;
        }
        int n = table.columns().size();
        int neu = b.allocRegisters(width);
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.SCopy, setTo[i] != null ? values + i : old + i, neu + i);
        }
        applyAffinity(neu);
        int alias = table.rowidAlias();
        int newRowid = neu + n;
        if (alias >= 0 && setTo[alias] != null) {
            b.emit(Opcode.SCopy, neu + alias, newRowid);
        } else {
            b.emit(Opcode.SCopy, rowid, newRowid);
        }
        spreadRowid(neu, newRowid);
        fire(before, List.of(source("new", neu), source("old", old)), skip);
        reread(row, rowid, cursor, skip);
    }

    /** After the new row {@code row…} was written under {@code rowid}. */
    void afterUpdate(int row, int rowid, int skip) {
        if (!after.isEmpty()) {
            fire(after, List.of(source("new", copy(row, rowid)), source("old", old)), skip);
        }
    }

    // ---- DELETE -----------------------------------------------------------------------------

    /** Once the row is read into {@code row…}, {@code cursor} on it: the BEFORE triggers. */
    void beforeDelete(int row, int rowid, int cursor, int skip) {
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        old = copy(row, rowid);
        if (!before.isEmpty()) {
            fire(before, List.of(source("old", old)), skip);
            reread(row, rowid, cursor, skip);
        }
    }

    /** After the row was deleted. */
    void afterDelete(int skip) {
        if (!after.isEmpty()) {
            fire(after, List.of(source("old", old)), skip);
        }
    }

    private void fire(List<Trigger> which, List<Scope.Source> sources, int skip) {
        if (recursiveOnly) {
            triggers.callEach(which, sources, skip);
        } else {
            triggers.fire(which, sources, skip);
        }
    }

    // ---- row blocks -------------------------------------------------------------------------

    /** A new block holding the row {@code row…} with the rowid from {@code rowid}. */
    private int copy(int row, int rowid) {
        int n = table.columns().size();
        int block = b.allocRegisters(width);
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.SCopy, row + i, block + i);
        }
        b.emit(Opcode.SCopy, rowid, block + n);
        spreadRowid(block, block + n);
        return block;
    }

    /** Copies the rowid in {@code rowid} to the block's other rowid names and its INTEGER PRIMARY KEY. */
    private void spreadRowid(int block, int rowid) {
        int n = table.columns().size();
        for (int k = 0; k < ROWID_NAMES.size(); k++) {
            if (block + n + k != rowid) {
                b.emit(Opcode.SCopy, rowid, block + n + k);
            }
        }
        if (table.rowidAlias() >= 0) {
            b.emit(Opcode.SCopy, rowid, block + table.rowidAlias());
        }
    }

    private void applyAffinity(int block) {
        StringBuilder affinities = new StringBuilder();
        for (Column c : table.columns()) {
            affinities.append((char) AffinityCode.of(c.affinity()));
        }
        if (!affinities.isEmpty()) {
            b.emit(Opcode.Affinity, block, affinities.length(), 0, affinities.toString(), 0);
        }
    }

    /** After BEFORE triggers: the row again, or a jump to {@code skip} if one deleted it. */
    private void reread(int row, int rowid, int cursor, int skip) {
        WithoutRowidTables.seekRow(b, table, cursor, skip, rowid);
        TableSource.readRow(b, table, cursor, row);
    }

    private Scope.Source source(String name, int block) {
        List<String> names = new ArrayList<>();
        List<Affinity> affinities = new ArrayList<>();
        List<String> collations = new ArrayList<>();
        for (Column c : table.columns()) {
            names.add(c.name());
            affinities.add(c.affinity());
            collations.add(c.collation());
        }
        for (String rowidName : ROWID_NAMES) {
            names.add(rowidName);
            affinities.add(Affinity.INTEGER);
            collations.add(null);
        }
        return new Scope.Source(name, names, block, affinities, collations);
    }
}
