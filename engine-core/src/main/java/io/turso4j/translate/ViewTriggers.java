package io.turso4j.translate;

import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Trigger;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Update;
import io.turso4j.sql.parser.Parser;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE on a view, which only its INSTEAD OF triggers can carry out
 * (without one: "cannot modify v because it is a view"). As SQLite's sqlite3Insert and
 * sqlite3MaterializeView: an INSERT fires the triggers once per source row with NEW holding
 * the values given for the view's columns (NULL for the others); UPDATE and DELETE first
 * copy the view's rows into a temporary index (so the triggers cannot disturb the scan), then
 * for each row the WHERE selects fire them with OLD (and for UPDATE NEW, OLD with the SET
 * values; UPDATE … FROM once per joined row). ORDER BY and LIMIT choose and order those rows;
 * RETURNING returns each row's NEW values (OLD for DELETE) once the statement is done. Values
 * keep their types: a view applies no affinity. These statements count no changes. Not
 * thread-safe; one per statement.
 */
final class ViewTriggers {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final View view;
    private final List<String> columns;
    /** The statement's RETURNING, or null without one. */
    private ReturningCodegen returning;

    private ViewTriggers(SelectCodegen selects, View view) {
        this.selects = selects;
        this.b = selects.triggers().builder();
        this.view = view;
        this.columns = columns(selects, view);
    }

    /** The view {@code name} names, or null when it names none (a table, or nothing). */
    static View target(SelectCodegen selects, Name name) {
        if (name.schema() != null && !Identifiers.same(name.schema(), "main")) {
            return null;
        }
        return selects.schema().table(name.name()) == null ? selects.schema().view(name.name()) : null;
    }

    /** Codes {@code insert} into {@code view}; returns the RETURNING column names (empty without RETURNING). */
    static List<String> insert(SelectCodegen selects, Insert insert, View view) {
        if (!insert.upserts().isEmpty()) {
            throw ExprCodegen.error("cannot UPSERT a view");
        }
        ViewTriggers v = new ViewTriggers(selects, view);
        v.returning = v.returning(insert.returning());
        v.insert(insert);
        return v.finish();
    }

    /** Codes {@code update} of {@code view}; returns the RETURNING column names (empty without RETURNING). */
    static List<String> update(SelectCodegen selects, Update update, View view) {
        ViewTriggers v = new ViewTriggers(selects, view);
        v.returning = v.returning(update.returning());
        v.change(Trigger.Event.UPDATE, update.table(), update.where(), update.orderBy(), update.limit(), update);
        return v.finish();
    }

    /** Codes {@code delete} of {@code view}; returns the RETURNING column names (empty without RETURNING). */
    static List<String> delete(SelectCodegen selects, Delete delete, View view) {
        ViewTriggers v = new ViewTriggers(selects, view);
        v.returning = v.returning(delete.returning());
        v.change(Trigger.Event.DELETE, delete.table(), delete.where(), delete.orderBy(), delete.limit(), null);
        return v.finish();
    }

    /** RETURNING, as SQLite's for a view: the NEW values of each row given to the triggers (OLD for DELETE). */
    private ReturningCodegen returning(List<Select.ResultColumn> resultColumns) {
        if (resultColumns.isEmpty()) {
            return null;
        }
        ReturningCodegen r = new ReturningCodegen(b, selects, view.name(), columns,
                block -> source(view.name(), block), resultColumns);
        r.open();
        return r;
    }

    private List<String> finish() {
        if (returning == null) {
            return List.of();
        }
        returning.emitRows();
        return returning.names();
    }

    private List<Trigger> insteadOf(Trigger.Event event, List<String> setColumns) {
        List<Trigger> triggers = selects.triggers().firing(view.name(), Trigger.Timing.INSTEAD_OF, event, setColumns);
        if (triggers.isEmpty()) {
            throw ExprCodegen.error("cannot modify " + view.name() + " because it is a view");
        }
        return triggers;
    }

    private void insert(Insert insert) {
        List<Trigger> triggers = insteadOf(Trigger.Event.INSERT, List.of());
        int n = columns.size();
        int[] sourceOf = new int[n];
        int width;
        if (insert.columns().isEmpty()) {
            width = n;
            for (int i = 0; i < n; i++) {
                sourceOf[i] = i;
            }
        } else {
            Arrays.fill(sourceOf, -1);
            width = insert.columns().size();
            for (int j = 0; j < width; j++) {
                int i = indexOf(insert.columns().get(j));
                if (i < 0) {
                    throw ExprCodegen.error("table " + view.name() + " has no column named " + insert.columns().get(j));
                }
                sourceOf[i] = j;
            }
        }
        int neu = b.allocRegisters(Math.max(n, 1));
        if (insert.source() == null) {
            b.emit(Opcode.Null, 0, neu, neu + n - 1);
            fire(triggers, List.of(source("new", neu)), neu);
            return;
        }
        int supplied = selects.columnCount(insert.source().body());
        if (supplied != width) {
            throw ExprCodegen.error(insert.columns().isEmpty()
                    ? "table " + view.name() + " has " + width + " columns but " + supplied + " values were supplied"
                    : supplied + " values for " + width + " columns");
        }
        selects.select(insert.source(), (first, count) -> {
            for (int i = 0; i < n; i++) {
                if (sourceOf[i] >= 0) {
                    b.emit(Opcode.SCopy, first + sourceOf[i], neu + i);
                } else {
                    b.emit(Opcode.Null, 0, neu + i);
                }
            }
            fire(triggers, List.of(source("new", neu)), neu);
        });
    }

    /**
     * UPDATE ({@code update} non-null) or DELETE of the view's rows that {@code where} selects,
     * in {@code orderBy}'s order; with {@code limit}, only the first of them.
     */
    private void change(Trigger.Event event, Update.QualifiedTable target, Expr where, List<OrderingTerm> orderBy,
                        Select.Limit limit, Update update) {
        // As sqlite3MaterializeView, which takes the ORDER BY even without a LIMIT.
        boolean ordered = !orderBy.isEmpty() || limit != null;
        if (ordered && update != null && update.from() != null) {
            throw ExprCodegen.error("this form of UPDATE is not supported yet");
        }
        List<String> setColumns = new ArrayList<>();
        if (update != null) {
            for (Update.Set set : update.sets()) {
                setColumns.addAll(set.columns());
            }
        }
        List<Trigger> triggers = insteadOf(event, setColumns);
        for (String c : setColumns) {
            if (indexOf(c) < 0) {
                throw ExprCodegen.error("no such column: " + c);
            }
        }
        int n = columns.size();
        String name = target.alias() != null ? target.alias() : view.name();
        int rows = materialize();
        int base = 1;
        int remaining = 0;
        int skipped = 0;
        if (ordered) {
            rows = sorted(rows, orderBy, where, name);
            base = orderBy.size() + 1;
            where = null;
        }
        if (limit != null) {
            remaining = b.allocRegister();
            skipped = b.allocRegister();
            ChangeOrder.codeLimit(b, selects.exprs(), limit, remaining, skipped);
        }
        int old = b.allocRegisters(Math.max(n, 1));
        int neu = update == null ? 0 : b.allocRegisters(Math.max(n, 1));
        ExprCodegen exprs = selects.exprs();
        Scope saved = exprs.scope();
        int done = b.newLabel();
        b.emit(Opcode.Rewind, rows, done);
        int top = b.currentAddress();
        int next = b.newLabel();
        if (limit != null) {
            b.emit(Opcode.IfPos, skipped, next, 1);
            b.emit(Opcode.IfNot, remaining, done, 0);
            int counted = b.newLabel();
            b.emit(Opcode.IfPos, remaining, counted, 1);
            b.emit(Opcode.Integer, -1, remaining); // a negative LIMIT is no limit
            b.resolve(counted);
        }
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Column, rows, base + i, old + i);
        }
        exprs.pushScope(new Scope(saved, List.of(new Scope.Source(name, columns, old, affinities(), noCollations()))));
        try {
            if (update != null && update.from() != null) {
                joined(triggers, update, old, neu);
            } else {
                if (where != null) {
                    exprs.jumpIfNotTrue(where, next);
                }
                if (update != null) {
                    b.emit(Opcode.Copy, old, neu, n - 1, null, 0);
                    for (Update.Set set : update.sets()) {
                        assign(set, neu);
                    }
                }
            }
        } finally {
            exprs.popScope(saved);
        }
        if (update == null || update.from() == null) {
            selects.triggers().fire(triggers, update == null ? List.of(source("old", old))
                    : List.of(source("new", neu), source("old", old)), next);
            if (returning != null) {
                returning.row(update == null ? old : neu);
            }
        }
        b.resolve(next);
        b.emit(Opcode.Next, rows, top);
        b.resolve(done);
    }

    /**
     * The rows of the materialized view (cursor {@code rows}) that {@code where} selects, sorted
     * by {@code orderBy} and then by their place in the view, into a new temporary index whose
     * column {@code orderBy.size() + 1 + i} is the view's column {@code i}; returns its cursor.
     */
    private int sorted(int rows, List<OrderingTerm> orderBy, Expr where, String name) {
        int n = columns.size();
        int keys = orderBy.size();
        int width = keys + 1 + n;
        Collation[] collations = new Collation[width];
        boolean[] desc = new boolean[width];
        for (int i = 0; i < keys; i++) {
            OrderingTerm term = orderBy.get(i);
            if (term.expr() instanceof Expr.Collate c) {
                collations[i] = Collation.builtin(c.collation());
            }
            desc[i] = term.order() == OrderingTerm.SortOrder.DESC;
        }
        int sorted = b.allocCursor();
        b.emit(Opcode.OpenEphemeral, sorted, width, 0, new IndexKeyComparator(collations, desc), 0);
        int entry = b.allocRegisters(width);
        int record = b.allocRegister();
        ExprCodegen exprs = selects.exprs();
        Scope saved = exprs.scope();
        int done = b.newLabel();
        b.emit(Opcode.Rewind, rows, done);
        int top = b.currentAddress();
        int next = b.newLabel();
        for (int i = 0; i <= n; i++) {
            b.emit(Opcode.Column, rows, i, entry + keys + i);
        }
        exprs.pushScope(new Scope(saved, List.of(new Scope.Source(name, columns, entry + keys + 1, affinities(),
                noCollations()))));
        try {
            if (where != null) {
                exprs.jumpIfNotTrue(where, next);
            }
            for (int i = 0; i < keys; i++) {
                exprs.code(orderBy.get(i).expr(), entry + i);
            }
        } finally {
            exprs.popScope(saved);
        }
        b.emit(Opcode.MakeRecord, entry, width, record);
        b.emit(Opcode.IdxInsert, sorted, record);
        b.resolve(next);
        b.emit(Opcode.Next, rows, top);
        b.resolve(done);
        return sorted;
    }

    /**
     * Codes {@code set}'s values into their places in the NEW row at {@code neu}: one value, a
     * row value's, or a row-valued subquery's first row (NULLs without one).
     */
    private void assign(Update.Set set, int neu) {
        List<Expr> values = !set.rowValue() ? List.of(set.value()) : ChangeCodegen.rowValues(selects, set);
        if (values.size() == set.columns().size()) {
            for (int k = 0; k < values.size(); k++) {
                selects.exprs().code(values.get(k), neu + indexOf(set.columns().get(k)));
            }
            return;
        }
        int first = selects.exprs().subqueries().row((Expr.Subquery) set.value(), set.columns().size());
        for (int k = 0; k < set.columns().size(); k++) {
            b.emit(Opcode.SCopy, first + k, neu + indexOf(set.columns().get(k)));
        }
    }

    /**
     * UPDATE of a view … FROM: for the view's row at {@code old} (in scope), the triggers fire
     * once per row of {@code SELECT 0 FROM <from> WHERE <where>}, the SET values computed in it.
     */
    private void joined(List<Trigger> triggers, Update update, int old, int neu) {
        Pos pos = Pos.NONE;
        List<Select.ResultColumn> none = List.of(new Select.ExprColumn(new Expr.Literal(pos, Expr.LiteralKind.INTEGER, "0"), null));
        Select select = new Select(pos, null,
                new Select.Core(false, none, update.from(), update.where(), List.of(), null, List.of()), List.of(), null);
        selects.select(select, (first, count) -> {
            b.emit(Opcode.Copy, old, neu, columns.size() - 1, null, 0);
            for (Update.Set set : update.sets()) {
                assign(set, neu);
            }
            fire(triggers, List.of(source("new", neu), source("old", old)), neu);
        });
    }

    /**
     * Copies every row of the view into a new temporary index, each keyed first by its number
     * so the rows keep their order; returns its cursor (column {@code i + 1} is the view's
     * column {@code i}).
     */
    private int materialize() {
        int n = columns.size();
        int rows = b.allocCursor();
        b.emit(Opcode.OpenEphemeral, rows, n + 1, 0,
                new IndexKeyComparator(new Collation[n + 1], new boolean[n + 1]), 0);
        int counter = b.allocRegister();
        int one = b.allocRegister();
        int key = b.allocRegisters(n + 1);
        int record = b.allocRegister();
        b.emit(Opcode.Integer, 0, counter);
        b.emit(Opcode.Integer, 1, one);
        ExprCodegen exprs = selects.exprs();
        Scope saved = exprs.scope();
        String outerText = selects.swapText(view.sql());
        try {
            exprs.popScope(null);
            selects.select(viewSelect(view), (first, count) -> {
                b.emit(Opcode.Add, one, counter, counter);
                b.emit(Opcode.SCopy, counter, key);
                for (int i = 0; i < n; i++) {
                    b.emit(Opcode.SCopy, first + i, key + 1 + i);
                }
                b.emit(Opcode.MakeRecord, key, n + 1, record);
                b.emit(Opcode.IdxInsert, rows, record);
            });
        } finally {
            selects.swapText(outerText);
            exprs.popScope(saved);
        }
        return rows;
    }

    /** Fires {@code triggers} for one row, which RETURNING then sees at {@code returned} (unless RAISE(IGNORE) skips it). */
    private void fire(List<Trigger> triggers, List<Scope.Source> sources, int returned) {
        int next = b.newLabel();
        selects.triggers().fire(triggers, sources, next);
        if (returning != null) {
            returning.row(returned);
        }
        b.resolve(next);
    }


    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (Identifiers.same(columns.get(i), column)) {
                return i;
            }
        }
        return -1;
    }

    private Scope.Source source(String name, int block) {
        return new Scope.Source(name, columns, block, affinities(), noCollations());
    }

    private List<Affinity> affinities() {
        return Collections.nCopies(columns.size(), Affinity.BLOB);
    }

    private List<String> noCollations() {
        return Collections.nCopies(columns.size(), null);
    }

    private static io.turso4j.sql.ast.Select viewSelect(View view) {
        return ((CreateView) Parser.parse(view.sql())).select();
    }

    /** The view's column names: those written after its name, else its SELECT's result names. */
    private static List<String> columns(SelectCodegen selects, View view) {
        if (!view.columns().isEmpty()) {
            return view.columns();
        }
        io.turso4j.sql.ast.Select select = viewSelect(view);
        ProgramBuilder scratch = new ProgramBuilder();
        SelectCodegen codegen = new SelectCodegen(scratch, selects.exprs().functions(), view.sql(), selects.schema());
        codegen.select(select, (first, count) -> {
        });
        return ColumnNames.of(select, view.sql(), codegen);
    }
}
