package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.schema.Column;
import io.turso4j.schema.ForeignKey;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Update;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.ChangeFlags;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import io.turso4j.vdbe.SubProgram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Foreign key enforcement for one INSERT, UPDATE or DELETE (foreignkeys.html), as SQLite's
 * fkey.c does it, all of it skipped at run time while {@code PRAGMA foreign_keys} is off
 * ({@link Opcode#FkIfDisabled}).
 *
 * <p>The statement keeps a violation counter: a child row written whose parent key is missing
 * adds one, a child row removed whose parent was missing takes one away, a parent row removed or
 * re-keyed adds one per child still pointing at it (NO ACTION), and a parent row added takes one
 * away per orphan child it adopts. The statement fails with "FOREIGN KEY constraint failed" when
 * the counter is above zero at its end ({@link #finish}), so rows fixed later in the same
 * statement do not fail it. RESTRICT fails at once; CASCADE, SET NULL and SET DEFAULT change the
 * children with a nested DELETE or UPDATE, which checks its own foreign keys.
 *
 * <p>Each action is a {@link SubProgram}, compiled once per statement and run by {@link
 * Opcode#Program} for each parent row, as SQLite's fkActionTrigger programs: a cascade may reach
 * the table it started from (a tree of rows, a cycle of tables), so coding it inline would not
 * end, while a sub-program simply calls itself; the frames live on the heap and count towards
 * the trigger depth limit, as in SQLite. The sub-program's code shares this instance, so its
 * changes add to the statement's counter.
 *
 * <p>{@code PRAGMA defer_foreign_keys} is read at run time: while it is on, immediate keys count
 * in the connection's counter ({@link Opcode#FkCounter} with P1 0) and RESTRICT counts instead
 * of failing ({@link Opcode#FkIfDeferred}).
 *
 * <p>A DEFERRABLE INITIALLY DEFERRED key counts in the connection's counter instead ({@link
 * Opcode#FkCounter}), which lives as long as the transaction: COMMIT fails while it is above
 * zero, and a statement in autocommit mode fails as an immediate one would. Not thread-safe;
 * one per statement (nested changes share it).
 */
final class ForeignKeys {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final Schema schema;
    private final int counter;
    /** How many action sub-programs are being compiled around the current code (0: the statement's own). */
    private int cascading;
    /** The action sub-programs compiled so far, by {@link #actionKey}. */
    private final Map<String, SubProgram> actions = new HashMap<>();
    /** Whether the code counts a deferred key's violations (then {@link #finish} checks them in autocommit mode). */
    private boolean countsDeferred;

    private ForeignKeys(ProgramBuilder b, SelectCodegen selects, int counter) {
        this.b = b;
        this.selects = selects;
        this.schema = selects.schema();
        this.counter = counter;
    }

    /** The foreign keys of a statement; codes the counter's start. */
    static ForeignKeys begin(ProgramBuilder b, SelectCodegen selects) {
        int counter = b.allocRegister();
        b.emit(Opcode.Integer, 0, counter);
        return new ForeignKeys(b, selects, counter);
    }

    /** How the rows this change writes count: in changes(), unless they are a cascade's. */
    int changeFlags() {
        return cascading == 0 ? selects.triggers().changeFlags(ChangeFlags.COUNT) : ChangeFlags.TRIGGER_COUNT;
    }

    /** Codes the end-of-statement check. */
    void finish() {
        if (cascading > 0) {
            return;
        }
        int ok = b.newLabel();
        b.emit(Opcode.FkIfDisabled, 0, ok);
        int deferred = b.newLabel();
        b.emit(Opcode.IfNot, counter, deferred, 1);
        fail();
        b.resolve(deferred);
        if (countsDeferred) {
            b.emit(Opcode.FkIfZero, 1, ok, 1);
            fail();
        }
        b.resolve(ok);
    }

    private void fail() {
        b.emit(Opcode.Halt, ResultCode.CONSTRAINT_FOREIGNKEY.code(), ConflictCodegen.OE_ABORT, 0,
                "FOREIGN KEY constraint failed", 0);
    }

    /**
     * The parent key a foreign key refers to: the rowid (index null) or a UNIQUE index's key;
     * {@code error} instead when the schema gives it none (SQLite's error once enforcement is on).
     */
    private record ParentKey(Table parent, Index index, int[] fromInKeyOrder, String error) {}

    /** A foreign key of {@code child}. */
    private record Reference(Table child, ForeignKey fk) {}

    private ParentKey parentKey(Table child, ForeignKey fk) {
        Table parent = schema.table(fk.table());
        if (parent == null) {
            return new ParentKey(null, null, null, "no such table: main." + fk.table());
        }
        List<Integer> to = new ArrayList<>();
        if (fk.toColumns().isEmpty()) {
            if (parent.rowidAlias() >= 0) {
                to.add(parent.rowidAlias());
            } else if (parent.primaryKeyIndex() != null) {
                parent.primaryKeyIndex().keyColumns().forEach(c -> to.add(c.column()));
            }
        } else {
            for (String name : fk.toColumns()) {
                to.add(parent.columnIndex(name));
            }
        }
        if (to.size() != fk.fromColumns().size() || to.contains(-1)) {
            return mismatch(child, parent);
        }
        int[] from = new int[to.size()];
        for (int j = 0; j < from.length; j++) {
            from[j] = child.columnIndex(fk.fromColumns().get(j));
        }
        if (to.size() == 1 && to.getFirst() == parent.rowidAlias()) {
            return new ParentKey(parent, null, from, null);
        }
        for (Index index : parent.indexes()) {
            if (!index.unique() || index.isPartial() || index.keyCount() != to.size()) {
                continue;
            }
            int[] order = new int[to.size()];
            boolean matches = true;
            for (int k = 0; k < index.keyCount() && matches; k++) {
                int j = to.indexOf(index.columns().get(k).column());
                matches = j >= 0;
                order[k] = matches ? from[j] : -1;
            }
            if (matches) {
                return new ParentKey(parent, index, order, null);
            }
        }
        return mismatch(child, parent);
    }

    private static ParentKey mismatch(Table child, Table parent) {
        return new ParentKey(parent, null, null,
                "foreign key mismatch - \"" + child.name() + "\" referencing \"" + parent.name() + "\"");
    }

    /**
     * Codes, at the start of a change of {@code table}, the failure SQLite reports at prepare
     * when a foreign key the change must enforce has no usable parent key: the table's own (for
     * UPDATE, those whose columns it sets) and, for DELETE and UPDATE, those referring to it (for
     * UPDATE, when it sets their parent columns). {@code set} is null for INSERT and DELETE,
     * else which columns an UPDATE sets (see {@link ChangeCodegen#setTargets}).
     */
    void prepare(Table table, boolean delete, Expr[] set) {
        List<String> errors = new ArrayList<>();
        for (ParentKey key : enforced(table, delete, set)) {
            if (key.error() != null) {
                errors.add(key.error());
            }
        }
        if (errors.isEmpty()) {
            return;
        }
        int off = b.newLabel();
        b.emit(Opcode.FkIfDisabled, 0, off);
        b.emit(Opcode.Halt, ResultCode.ERROR.code(), ConflictCodegen.OE_ABORT, 0, errors.getFirst(), 0);
        b.resolve(off);
    }

    /**
     * Whether the change has foreign keys to enforce when enforcement is on (SQLite's
     * sqlite3FkRequired); arguments as {@link #prepare}'s.
     */
    boolean required(Table table, boolean delete, Expr[] set) {
        return !enforced(table, delete, set).isEmpty();
    }

    /** The parent keys of the foreign keys a change must enforce (see {@link #prepare}). */
    private List<ParentKey> enforced(Table table, boolean delete, Expr[] set) {
        List<ParentKey> keys = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (set == null || setsAny(table, set, fk.fromColumns())) {
                keys.add(parentKey(table, fk));
            }
        }
        if (delete || set != null) {
            for (Reference ref : referencing(table)) {
                if (set == null || ref.fk().toColumns().isEmpty() || setsAny(table, set, ref.fk().toColumns())) {
                    keys.add(parentKey(ref.child(), ref.fk()));
                }
            }
        }
        return keys;
    }

    private static boolean setsAny(Table table, Expr[] set, List<String> columns) {
        for (String column : columns) {
            int i = table.columnIndex(column);
            if (i >= 0 && set[i] != null) {
                return true;
            }
        }
        return false;
    }

    /** A foreign key the schema cannot enforce is skipped here: {@link #prepare} failed the statement. */
    private static boolean unusable(ParentKey key) {
        return key.error() != null;
    }

    // ---- a whole row change ------------------------------------------------------------------

    /** Codes the checks and actions of an UPDATE of {@code table}'s row at {@code oldRow}, written from {@code newRow}. */
    void rowUpdated(Table table, int oldRow, int newRow) {
        childRemoved(table, oldRow);
        childAdded(table, newRow);
        parentRemoving(table, oldRow, newRow);
        // Orphans of the new key are adopted before the actions run, as SQLite's FkCheck of the
        // new row precedes its FkActions: else children a CASCADE just re-keyed would count.
        parentAdded(table, oldRow, newRow);
        parentRemoved(table, oldRow, newRow);
    }

    /** Codes what comes before deleting {@code table}'s row at {@code row}; {@link #rowDeleted} follows the delete. */
    void rowDeleting(Table table, int row) {
        childRemoved(table, row);
        parentRemoving(table, row, -1);
    }

    /** Codes the actions once {@code table}'s row at {@code row} is deleted. */
    void rowDeleted(Table table, int row) {
        parentRemoved(table, row, -1);
    }

    // ---- the child side -----------------------------------------------------------------------

    /** Codes the checks of a child row written at {@code row}: one violation per missing parent. */
    void childAdded(Table child, int row) {
        childCheck(child, row, 1);
    }

    /** Codes the checks of a child row about to go from {@code row}: its missing parents are no longer violations. */
    void childRemoved(Table child, int row) {
        childCheck(child, row, -1);
    }

    /**
     * Codes the checks of the one row a single-row INSERT is about to write at {@code row}: a
     * missing parent fails the statement before the row is written, as SQLite does when the
     * statement writes no more than one row (it is not "multi-write").
     */
    void childAddingOnly(Table child, int row) {
        childCheck(child, row, 0);
    }

    /** Codes a jump to {@code ok} when the row at {@code row} is its own parent (a self-reference). */
    private void ownParent(Table child, ParentKey key, int row, int ok) {
        if (!Identifiers.same(key.parent().name(), child.name())) {
            return;
        }
        int[] from = key.fromInKeyOrder();
        if (key.index() == null) {
            b.emit(Opcode.Eq, row + from[0], ok, ConflictCodegen.rowidOf(child, row), null, 0);
            return;
        }
        int differs = b.newLabel();
        for (int k = 0; k < from.length; k++) {
            b.emit(Opcode.Ne, row + from[k], differs, row + key.index().columns().get(k).column(), null,
                    AffinityCode.JUMPIFNULL);
        }
        b.emit(Opcode.Goto, 0, ok);
        b.resolve(differs);
    }

    /** Codes the lookups of each parent of the row at {@code row}: a missing one adds {@code delta} (0: fails at once). */
    private void childCheck(Table child, int row, int delta) {
        if (child.foreignKeys().isEmpty()) {
            return;
        }
        int off = b.newLabel();
        b.emit(Opcode.FkIfDisabled, 0, off);
        for (ForeignKey fk : child.foreignKeys()) {
            ParentKey key = parentKey(child, fk);
            if (unusable(key)) {
                continue;
            }
            int ok = b.newLabel();
            int missing = b.newLabel();
            for (int column : key.fromInKeyOrder()) {
                b.emit(Opcode.IsNull, row + column, ok);
            }
            int cursor = b.allocCursor();
            if (key.index() == null) {
                int rowid = b.allocRegister();
                b.emit(Opcode.SCopy, row + key.fromInKeyOrder()[0], rowid);
                b.emit(Opcode.MustBeInt, rowid, missing);
                b.emit(Opcode.OpenRead, cursor, key.parent().rootPage(), key.parent().db());
                b.emit(Opcode.NotExists, cursor, missing, rowid);
            } else {
                int n = key.fromInKeyOrder().length;
                int values = b.allocRegisters(n);
                StringBuilder affinities = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    b.emit(Opcode.SCopy, row + key.fromInKeyOrder()[k], values + k);
                    Column parentColumn = key.parent().column(key.index().columns().get(k).column());
                    affinities.append((char) AffinityCode.of(parentColumn.affinity()));
                }
                b.emit(Opcode.Affinity, values, n, 0, affinities.toString(), 0);
                b.emit(Opcode.OpenRead, cursor, key.index().rootPage(), key.parent().db(), IndexKeys.comparator(key.index()), 0);
                b.emit(Opcode.NotFound, cursor, missing, values, n, 0);
            }
            b.emit(Opcode.Goto, 0, ok);
            b.resolve(missing);
            if (delta < 0) {
                ifNoViolation(fk, ok);
            }
            if (delta == 0) {
                ownParent(child, key, row, ok);
                if (!fk.deferred()) {
                    int deferred = b.newLabel();
                    b.emit(Opcode.FkIfDeferred, 0, deferred);
                    fail();
                    b.resolve(deferred);
                }
                add(fk, 1);
            } else {
                add(fk, delta);
            }
            b.resolve(ok);
        }
        b.resolve(off);
    }

    /** Codes a jump to {@code none} when no violation of {@code fk}'s kind is pending (SQLite's FkIfZero). */
    private void ifNoViolation(ForeignKey fk, int none) {
        b.emit(Opcode.FkIfZero, fk.deferred() ? 1 : 0, none, fk.deferred() ? 0 : counter);
    }

    /** Codes adding {@code delta} to the counter of {@code fk}'s kind: the statement's or, deferred, the transaction's. */
    private void add(ForeignKey fk, int delta) {
        // An immediate key counts in the connection's counter too while defer_foreign_keys is on.
        countsDeferred = true;
        b.emit(Opcode.FkCounter, fk.deferred() ? 1 : 0, delta, fk.deferred() ? 0 : counter);
    }

    // ---- the parent side ----------------------------------------------------------------------

    /**
     * The foreign keys (of any table) that refer to {@code parent}, with their child tables, in
     * the order SQLite runs their actions: newest first (its lists are built by prepending).
     */
    private List<Reference> referencing(Table parent) {
        List<Reference> out = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (Identifiers.same(fk.table(), parent.name())) {
                    out.add(new Reference(t, fk));
                }
            }
        }
        return out.reversed();
    }

    /**
     * Codes the checks before the parent row at {@code oldRow} goes, by DELETE ({@code newRow}
     * -1, ON DELETE) or by an UPDATE that changes its key to the one in {@code newRow} (ON
     * UPDATE): a child still pointing at it is an error (RESTRICT) or a violation (any other
     * action; CASCADE, SET NULL and SET DEFAULT resolve theirs as they change the child).
     */
    void parentRemoving(Table parent, int oldRow, int newRow) {
        parent(parent, oldRow, newRow, false);
    }

    /**
     * Codes the actions once the parent row at {@code oldRow} is gone (see
     * {@link #parentRemoving}): CASCADE, SET NULL and SET DEFAULT change its children, as
     * SQLite's actions run after the row change, when the parent is already missing.
     */
    void parentRemoved(Table parent, int oldRow, int newRow) {
        parent(parent, oldRow, newRow, true);
    }

    private void parent(Table parent, int oldRow, int newRow, boolean actions) {
        List<Reference> refs = referencing(parent);
        if (refs.isEmpty()) {
            return;
        }
        int off = b.newLabel();
        b.emit(Opcode.FkIfDisabled, 0, off);
        eachReference(refs, oldRow, oldRow, newRow, (ref, parentColumns) -> {
            ForeignKey fk = ref.fk();
            ForeignKey.Action action = newRow >= 0 ? fk.onUpdate() : fk.onDelete();
            // A row being deleted that is its own parent is no orphan of itself (SQLite's
            // fkScanChildren leaves it out when the count goes up).
            int self = newRow < 0 && Identifiers.same(ref.child().name(), parent.name()) ? oldRow : -1;
            if (actions) {
                if (action == ForeignKey.Action.CASCADE || action == ForeignKey.Action.SET_NULL
                        || action == ForeignKey.Action.SET_DEFAULT) {
                    cascade(ref, parentColumns, oldRow, newRow, action);
                } else if (action == ForeignKey.Action.RESTRICT) {
                    // As in SQLite, RESTRICT is an action: it looks for children after the row
                    // change and after the actions of the keys before it, which may have removed them.
                    int deferred = b.newLabel();
                    b.emit(Opcode.FkIfDeferred, 0, deferred);
                    countChildren(ref.child(), fk, parentColumns, oldRow, -1, 0,
                            ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
                    b.resolve(deferred);
                }
            } else if (action == ForeignKey.Action.RESTRICT) {
                // With defer_foreign_keys on, RESTRICT waits for COMMIT as NO ACTION does.
                int immediate = b.newLabel();
                int deferred = b.newLabel();
                b.emit(Opcode.FkIfDeferred, 0, deferred);
                b.emit(Opcode.Goto, 0, immediate);
                b.resolve(deferred);
                countChildren(ref.child(), fk, parentColumns, oldRow, self, 1, null, null);
                b.resolve(immediate);
            } else {
                // Every child left pointing at the key is a violation, as SQLite counts them;
                // an action's change of the child then takes its own away (childRemoved).
                countChildren(ref.child(), fk, parentColumns, oldRow, self, 1, null, null);
            }
        });
        b.resolve(off);
    }

    /**
     * Codes a parent row added at {@code newRow} (by INSERT, or by an UPDATE of the row at
     * {@code oldRow} that changes its key; -1 for INSERT) adopting orphans: one violation fewer
     * per child pointing at it.
     */
    void parentAdded(Table parent, int oldRow, int newRow) {
        List<Reference> refs = referencing(parent);
        if (refs.isEmpty()) {
            return;
        }
        int off = b.newLabel();
        b.emit(Opcode.FkIfDisabled, 0, off);
        eachReference(refs, newRow, oldRow, newRow, (ref, parentColumns) -> {
            // Nothing to adopt while no violation is pending (SQLite's FkIfZero).
            int done = b.newLabel();
            ifNoViolation(ref.fk(), done);
            // The row is written already: when it refers to itself, childAdded found its parent.
            int self = Identifiers.same(ref.child().name(), parent.name()) ? newRow : -1;
            countChildren(ref.child(), ref.fk(), parentColumns, newRow, self, -1, null, null);
            b.resolve(done);
        });
        b.resolve(off);
    }

    /** The code of one usable reference to a parent key. */
    private interface ReferenceCode {
        void code(Reference ref, int[] parentColumns);
    }

    /**
     * Codes {@code body} for each reference whose parent key is usable, skipping to its end when
     * the key in {@code keyRow} has a NULL or, for an UPDATE (both rows given), did not change.
     */
    private void eachReference(List<Reference> refs, int keyRow, int oldRow, int newRow, ReferenceCode body) {
        for (Reference ref : refs) {
            ParentKey key = parentKey(ref.child(), ref.fk());
            if (unusable(key)) {
                continue;
            }
            int[] parentColumns = parentColumns(key, ref.fk());
            int done = b.newLabel();
            for (int c : parentColumns) {
                b.emit(Opcode.IsNull, keyRow + c, done);
            }
            if (oldRow >= 0 && newRow >= 0) {
                unchangedKey(parentColumns, oldRow, newRow, done);
            }
            body.code(ref, parentColumns);
            b.resolve(done);
        }
    }

    /** Codes a jump to {@code same} when the key columns hold the same values in both rows. */
    private void unchangedKey(int[] parentColumns, int oldRow, int newRow, int same) {
        int changed = b.newLabel();
        for (int c : parentColumns) {
            b.emit(Opcode.Ne, oldRow + c, changed, newRow + c, null, AffinityCode.JUMPIFNULL);
        }
        b.emit(Opcode.Goto, 0, same);
        b.resolve(changed);
    }

    /** The parent's key columns in the foreign key's column order (the rowid alias, or n for the rowid itself). */
    private static int[] parentColumns(ParentKey key, ForeignKey fk) {
        Table parent = key.parent();
        int[] out = new int[fk.fromColumns().size()];
        for (int j = 0; j < out.length; j++) {
            if (fk.toColumns().isEmpty()) {
                out[j] = parent.rowidAlias() >= 0 ? parent.rowidAlias()
                        : parent.primaryKeyIndex().keyColumns().get(j).column();
            } else {
                out[j] = parent.columnIndex(fk.toColumns().get(j));
            }
        }
        return out;
    }

    /** The name the parent key's values go by in a nested change's scope: no SQL can write it. */
    private static final String PARENT = "\u0000parent";

    /**
     * The parent key's values as a source named {@link #PARENT}: {@code old0…} from
     * {@code oldRow}, {@code new0…} from {@code newRow} (-1: the old ones again).
     */
    private Scope.Source keySource(int[] parentColumns, int oldRow, int newRow) {
        int n = parentColumns.length;
        int keys = b.allocRegisters(n * 2);
        for (int j = 0; j < n * 2; j++) {
            int from = (j < n || newRow < 0 ? oldRow : newRow) + parentColumns[j % n];
            b.emit(Opcode.SCopy, from, keys + j);
        }
        return keySource(n, keys);
    }

    /** The {@code n} key columns' old and new values in {@code keys…}, as the source {@link #PARENT}. */
    private static Scope.Source keySource(int n, int keys) {
        List<String> names = new ArrayList<>();
        List<Affinity> affinities = new ArrayList<>();
        List<String> collations = new ArrayList<>();
        for (int j = 0; j < n * 2; j++) {
            names.add((j < n ? "old" : "new") + (j % n));
            affinities.add(Affinity.BLOB);
            collations.add(null);
        }
        return new Scope.Source(PARENT, names, keys, affinities, collations);
    }

    /** {@code child.fk0 = old0 AND …}: the children of the parent key in {@link #keySource}. */
    private static Expr childMatch(Table child, ForeignKey fk) {
        Expr where = null;
        for (int j = 0; j < fk.fromColumns().size(); j++) {
            Expr term = new Expr.Binary(Pos.NONE, Expr.BinaryOp.EQ,
                    new Expr.Column(Pos.NONE, null, child.name(), fk.fromColumns().get(j)),
                    new Expr.Column(Pos.NONE, null, PARENT, "old" + j));
            where = where == null ? term : new Expr.Binary(Pos.NONE, Expr.BinaryOp.AND, where, term);
        }
        return where;
    }

    /**
     * Codes a loop over the children of the parent key in {@code parentRow} (the planner's
     * single-table loop, so an index on the foreign key columns is used), leaving out the
     * child row at {@code skipRow} (-1: none): each adds {@code delta}, or, with a {@code
     * failure} message, the first fails the statement at once.
     */
    private void countChildren(Table child, ForeignKey fk, int[] parentColumns, int parentRow, int skipRow,
                               int delta, ResultCode code, String failure) {
        ExprCodegen exprs = selects.exprs();
        Scope outer = exprs.scope();
        Scope withKey = new Scope(outer, List.of(keySource(parentColumns, parentRow, -1)));
        int row = b.allocRegisters(ConflictCodegen.rowWidth(child));
        Scope.Source scanned = new Scope.Source(child.name(), child.columns().stream().map(Column::name).toList(), row,
                child.columns().stream().map(Column::affinity).toList(),
                child.columns().stream().map(Column::collation).toList(), new SourceReader(child, row));
        exprs.pushScope(new Scope(withKey, List.of(scanned)));
        List<WhereTerm> terms = new ArrayList<>();
        for (Expr e : SelectCodegen.conjuncts(childMatch(child, fk))) {
            terms.add(WhereTerm.of(e, -1, exprs.scope()));
        }
        long estimate = schema.estimatedRows(child.name());
        JoinPlanner.Item item = new JoinPlanner.Item(child, estimate > 0 ? estimate : JoinPlanner.DEFAULT_ROWS, false,
                0, false, null, null);
        JoinPlanner.Plan plan = new JoinPlanner(List.of(item), terms, schema).plan();
        LoopCodegen loops = new LoopCodegen(b, exprs);
        LoopCodegen.Level level = new LoopCodegen.Level(0, plan.paths()[0], scanned, child, -1, 0, null);
        loops.prologue(level);
        loops.open(level);
        for (WhereTerm t : terms) {
            exprs.jumpIfNotTrue(t.expr(), level.next);
        }
        if (skipRow >= 0) {
            int rowid = b.allocRegister();
            exprs.code(new Expr.Column(Pos.NONE, null, child.name(), "rowid"), rowid);
            b.emit(Opcode.Eq, rowid, level.next, ConflictCodegen.rowidOf(child, skipRow), null, 0);
        }
        if (failure != null) {
            b.emit(Opcode.Halt, code.code(), ConflictCodegen.OE_ABORT, 0, failure, 0);
        } else {
            add(fk, delta);
        }
        loops.close(level);
        exprs.popScope(outer);
    }

    /**
     * Codes running the action on the children of the parent key in {@code oldRow} (its new
     * value in {@code newRow}; -1 for DELETE): a call of the action's sub-program, compiled here
     * the first time.
     */
    private void cascade(Reference ref, int[] parentColumns, int oldRow, int newRow, ForeignKey.Action action) {
        Scope.Source key = keySource(parentColumns, oldRow, newRow);
        String k = actionKey(ref, newRow < 0);
        SubProgram program = actions.get(k);
        if (program == null) {
            program = action(ref, parentColumns.length, newRow < 0, action, k);
        }
        int next = b.newLabel();
        b.emit(Opcode.Program, key.firstRegister(), next, selects.triggers().inlineLevels(), program, 0);
        b.resolve(next);
    }

    private static String actionKey(Reference ref, boolean delete) {
        return Identifiers.fold(ref.child().name()) + "/" + ref.child().foreignKeys().indexOf(ref.fk()) + "/"
                + (delete ? "delete" : "update");
    }

    /**
     * Compiles the sub-program of one action, jumped over where it lies: the nested DELETE or
     * UPDATE of the children whose key is the parent's old one, which arrives as the arguments
     * (old then new values, see {@link #keySource}).
     */
    private SubProgram action(Reference ref, int n, boolean delete, ForeignKey.Action action, String k) {
        Table child = ref.child();
        ForeignKey fk = ref.fk();
        int over = b.newLabel();
        b.emit(Opcode.Goto, 0, over);
        int entry = b.currentAddress();
        int keys = b.allocRegisters(n * 2);
        SubProgram program = new SubProgram("fk action " + k, entry, keys, n * 2, b.nextCursor());
        actions.put(k, program);
        List<Update.Set> sets = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            String column = fk.fromColumns().get(j);
            Expr value = switch (action) {
                case SET_NULL -> new Expr.Literal(Pos.NONE, Expr.LiteralKind.NULL, "NULL");
                case SET_DEFAULT -> {
                    String dflt = child.column(child.columnIndex(column)).defaultSql();
                    yield dflt == null ? new Expr.Literal(Pos.NONE, Expr.LiteralKind.NULL, "NULL")
                            : ConflictCodegen.parseExpr(dflt);
                }
                default -> new Expr.Column(Pos.NONE, null, PARENT, "new" + j);
            };
            sets.add(new Update.Set(List.of(column), value));
        }
        ExprCodegen exprs = selects.exprs();
        Scope outer = exprs.scope();
        exprs.pushScope(new Scope(null, List.of(keySource(n, keys))));
        Update.QualifiedTable target = new Update.QualifiedTable(new Name(null, child.name()), null, null);
        Expr where = childMatch(child, fk);
        TriggerCodegen triggers = selects.triggers();
        int savedBase = triggers.enterFrame();
        cascading++;
        try {
            if (action == ForeignKey.Action.CASCADE && delete) {
                ChangeCodegen.delete(b, selects, new Delete(Pos.NONE, null, target, where, List.of(), List.of(), null),
                        this);
            } else {
                ChangeCodegen.update(b, selects, new Update(Pos.NONE, null, null, target, sets, null, where,
                        List.of(), List.of(), null), this);
            }
        } finally {
            cascading--;
            triggers.leaveFrame(savedBase);
            exprs.popScope(outer);
        }
        b.emit(Opcode.Halt, 0, 0);
        program.finish(b.currentAddress(), b.allocRegisters(0) - 1, b.nextCursor());
        triggers.subProgramCoded(entry, b.currentAddress());
        b.resolve(over);
        return program;
    }
}
