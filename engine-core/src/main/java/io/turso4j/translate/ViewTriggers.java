package io.turso4j.translate;

import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Trigger;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Name;
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
 * values). Values keep their types: a view applies no affinity. These statements count no
 * changes. Not thread-safe; one per statement.
 */
final class ViewTriggers {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final View view;
    private final List<String> columns;

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

    static void insert(SelectCodegen selects, Insert insert, View view) {
        new ViewTriggers(selects, view).insert(insert);
    }

    static void update(SelectCodegen selects, Update update, View view) {
        new ViewTriggers(selects, view).change(Trigger.Event.UPDATE, update.table(), update.where(), update);
    }

    static void delete(SelectCodegen selects, Delete delete, View view) {
        new ViewTriggers(selects, view).change(Trigger.Event.DELETE, delete.table(), delete.where(), null);
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
            fire(triggers, List.of(source("new", neu)));
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
            fire(triggers, List.of(source("new", neu)));
        });
    }

    /** UPDATE ({@code update} non-null) or DELETE of the view's rows that {@code where} selects. */
    private void change(Trigger.Event event, Update.QualifiedTable target, Expr where, Update update) {
        if (update != null && (update.from() != null || !update.orderBy().isEmpty() || update.limit() != null)) {
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
        int rows = materialize();
        int old = b.allocRegisters(Math.max(n, 1));
        int neu = update == null ? 0 : b.allocRegisters(Math.max(n, 1));
        ExprCodegen exprs = selects.exprs();
        Scope saved = exprs.scope();
        int done = b.newLabel();
        b.emit(Opcode.Rewind, rows, done);
        int top = b.currentAddress();
        int next = b.newLabel();
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Column, rows, i + 1, old + i);
        }
        String name = target.alias() != null ? target.alias() : view.name();
        exprs.pushScope(new Scope(saved, List.of(new Scope.Source(name, columns, old, affinities(), noCollations()))));
        try {
            if (where != null) {
                exprs.jumpIfNotTrue(where, next);
            }
            if (update != null) {
                b.emit(Opcode.Copy, old, neu, n - 1, null, 0);
                for (Update.Set set : update.sets()) {
                    if (set.columns().size() != 1) {
                        throw ExprCodegen.error("row values in SET are not supported yet");
                    }
                    exprs.code(set.value(), neu + indexOf(set.columns().getFirst()));
                }
            }
        } finally {
            exprs.popScope(saved);
        }
        fire(triggers, update == null ? List.of(source("old", old))
                : List.of(source("new", neu), source("old", old)), next);
        b.resolve(next);
        b.emit(Opcode.Next, rows, top);
        b.resolve(done);
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

    private void fire(List<Trigger> triggers, List<Scope.Source> sources) {
        int next = b.newLabel();
        fire(triggers, sources, next);
        b.resolve(next);
    }

    private void fire(List<Trigger> triggers, List<Scope.Source> sources, int ignore) {
        selects.triggers().fire(triggers, sources, ignore);
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
