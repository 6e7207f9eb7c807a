package io.turso4j.translate;

import io.turso4j.function.AggregateFunction;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.Window;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import io.turso4j.vdbe.WindowPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SELECT core with window functions (sqlite.org/windowfunctions.html), in two passes as
 * SQLite's rewrite into a subquery does. The first pass runs the core without them (FROM,
 * WHERE, GROUP BY, HAVING as usual) and buffers, per row, its plain result columns and what
 * the windows need — PARTITION BY and ORDER BY values, arguments, FILTER values, frame
 * offsets, and the window-free parts ("leaves") of the result columns that hold a window
 * call — with {@code WindowAdd}. The second reads the rows back with {@code WindowNext}, which
 * computes every call ({@code vdbe.WindowRows}), and codes those result columns over the
 * stored values (bound with {@link ExprCodegen#bind}). Not thread-safe; one per core.
 */
final class WindowCodegen {
    private static final Map<String, int[]> BUILTINS = Map.ofEntries(
            Map.entry("row_number", new int[] {0, 0}), Map.entry("rank", new int[] {0, 0}),
            Map.entry("dense_rank", new int[] {0, 0}), Map.entry("percent_rank", new int[] {0, 0}),
            Map.entry("cume_dist", new int[] {0, 0}), Map.entry("ntile", new int[] {1, 1}),
            Map.entry("lag", new int[] {1, 3}), Map.entry("lead", new int[] {1, 3}),
            Map.entry("first_value", new int[] {1, 1}), Map.entry("last_value", new int[] {1, 1}),
            Map.entry("nth_value", new int[] {2, 2}));
    private static final Set<String> FRAMELESS = Set.of("row_number", "rank", "dense_rank", "percent_rank",
            "cume_dist", "ntile", "lag", "lead");

    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final ExprCodegen exprs;
    /** The first pass's extra columns (after the result columns), in row order. */
    private final List<Expr> stored = new ArrayList<>();

    WindowCodegen(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
        this.exprs = selects.exprs();
    }

    static boolean isWindowOnly(String name) {
        return BUILTINS.containsKey(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether a result column or ORDER BY term of {@code core} calls a window function (one not
     * bound to a register, as they are while the first pass compiles).
     */
    static boolean hasWindowCalls(Select.Core core, List<Expr> extras, ExprCodegen exprs) {
        for (Select.ResultColumn rc : core.columns()) {
            if (rc instanceof Select.ExprColumn ec && !exprs.isBound(ec.expr()) && hasWindow(ec.expr())) {
                return true;
            }
        }
        for (Expr x : extras) {
            if (!exprs.isBound(x) && hasWindow(x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWindow(Expr e) {
        if (e instanceof Expr.Function f && f.over() != null) {
            return true;
        }
        for (Expr child : ExprTyping.children(e)) {
            if (hasWindow(child)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Expr e, List<Expr.Function> calls) {
        if (e instanceof Expr.Function f && f.over() != null) {
            calls.add(f);
            return;
        }
        ExprTyping.children(e).forEach(c -> collect(c, calls));
    }

    /** Adds to {@link #stored} the window-free parts of {@code e}, which holds a window call. */
    private void leaves(Expr e) {
        if (!hasWindow(e)) {
            stored.add(e);
        } else if (!(e instanceof Expr.Function f && f.over() != null)) {
            ExprTyping.children(e).forEach(this::leaves);
        }
    }

    private int storedAt(Expr e) {
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i) == e) {
                return i;
            }
        }
        throw new IllegalStateException("not stored: " + e);
    }

    void code(Select.Core core, int out, SelectCodegen.RowSink sink, List<Expr> extras) {
        for (Expr e : core.where() == null ? List.<Expr>of() : List.of(core.where())) {
            rejectWindows(e);
        }
        core.groupBy().forEach(this::rejectWindows);
        if (core.having() != null) {
            rejectWindows(core.having());
        }
        // The first pass's result columns are the core's; those holding a window call read a
        // NULL there (bound for the first pass only) and are coded in the second.
        List<Expr> windowed = new ArrayList<>();
        for (Select.ResultColumn rc : core.columns()) {
            if (rc instanceof Select.ExprColumn ec && hasWindow(ec.expr())) {
                windowed.add(ec.expr());
            }
        }
        extras.stream().filter(WindowCodegen::hasWindow).forEach(windowed::add);
        int nothing = b.allocRegister();
        b.emit(Opcode.Null, 0, nothing);
        List<Expr.Function> calls = new ArrayList<>();
        windowed.forEach(e -> collect(e, calls));
        windowed.forEach(this::leaves);
        List<Window.Spec> specs = new ArrayList<>();
        for (Expr.Function f : calls) {
            Window.Spec spec = resolve(f, core.windows());
            specs.add(spec);
            spec.partitionBy().forEach(stored::add);
            spec.orderBy().forEach(t -> stored.add(t.expr()));
            stored.addAll(f.args());
            if (f.filter() != null) {
                stored.add(f.filter());
            }
            Window.Frame frame = spec.frame();
            if (frame != null) {
                for (Window.Bound bound : new Window.Bound[] {frame.start(), frame.end()}) {
                    if (bound != null && bound.offset() != null) {
                        stored.add(bound.offset());
                    }
                }
            }
        }
        List<Expr> allExtras = new ArrayList<>(extras);
        allExtras.addAll(stored);
        Select.Core first = new Select.Core(false, core.columns(), core.from(), core.where(), core.groupBy(),
                core.having(), List.of());
        int state = b.allocRegister();
        int[] width = new int[1];
        int[] add = new int[1];
        int firstOut = b.allocRegisters(selects.columnCount(first) + allExtras.size());
        windowed.forEach(e -> exprs.bind(e, nothing));
        try {
            selects.core(first, firstOut, (row, count) -> {
                width[0] = count;
                add[0] = b.emit(Opcode.WindowAdd, state, row, count, null, 0);
            }, allExtras);
        } finally {
            windowed.forEach(exprs::unbind);
        }
        SelectCodegen.ResultColumns compiled = selects.resultColumns(first);
        selects.compiledAs(core, first);
        List<Expr> expanded = new ArrayList<>(compiled.exprs());
        expanded.addAll(extras);
        int base = width[0] - stored.size();
        WindowPlan plan = plan(calls, specs, base, width[0], compiled.scope());
        b.changeP4(add[0], plan);
        // Second pass: each row with every call's result after it.
        int row = b.allocRegisters(width[0] + calls.size());
        int done = b.newLabel();
        int loop = b.currentAddress();
        b.emit(Opcode.WindowNext, state, done, row, plan, 0);
        for (int i = 0; i < stored.size(); i++) {
            exprs.bind(stored.get(i), row + base + i);
        }
        for (int i = 0; i < calls.size(); i++) {
            exprs.bind(calls.get(i), row + width[0] + i);
        }
        Scope outer = exprs.scope();
        exprs.pushScope(compiled.scope());
        try {
            int count = expanded.size();
            int next = b.newLabel();
            for (int i = 0; i < count; i++) {
                if (indexOf(windowed, expanded.get(i)) >= 0) {
                    exprs.code(expanded.get(i), out + i);
                } else {
                    b.emit(Opcode.SCopy, row + i, out + i);
                }
            }
            if (core.distinct()) {
                distinct(out, count - extras.size(), next);
            }
            sink.row(out, count);
            b.resolve(next);
        } finally {
            exprs.popScope(outer);
        }
        b.emit(Opcode.Goto, 0, loop);
        b.resolve(done);
    }

    private int distinctCursor = -1;

    private void distinct(int out, int columns, int next) {
        if (distinctCursor < 0) {
            distinctCursor = b.allocCursor();
        }
        Collation[] collations = new Collation[columns];
        java.util.Arrays.fill(collations, BuiltinCollation.BINARY);
        int skip = b.newLabel();
        b.emit(Opcode.Once, 0, skip);
        b.emit(Opcode.OpenEphemeral, distinctCursor, columns, 0, new IndexKeyComparator(collations, new boolean[columns]), 0);
        b.resolve(skip);
        int record = b.allocRegister();
        b.emit(Opcode.Found, distinctCursor, next, out, columns, 0);
        b.emit(Opcode.MakeRecord, out, columns, record);
        b.emit(Opcode.IdxInsert, distinctCursor, record);
    }

    private static int indexOf(List<Expr> list, Expr e) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == e) {
                return i;
            }
        }
        return -1;
    }

    private void rejectWindows(Expr e) {
        List<Expr.Function> calls = new ArrayList<>();
        collect(e, calls);
        if (!calls.isEmpty()) {
            throw ExprCodegen.error("misuse of window function " + calls.getFirst().name() + "()");
        }
    }

    /** The window a call names or writes, with a named base window's clauses merged in. */
    private static Window.Spec resolve(Expr.Function f, List<Window.Definition> definitions) {
        Window.Spec spec = switch (f.over()) {
            case Window.OverName n -> named(n.name(), definitions);
            case Window.Spec s -> s;
        };
        if (spec.base() == null) {
            return spec;
        }
        Window.Spec base = named(spec.base(), definitions);
        if (!spec.partitionBy().isEmpty()) {
            throw ExprCodegen.error("cannot override PARTITION BY of window: " + spec.base());
        }
        if (!spec.orderBy().isEmpty() && !base.orderBy().isEmpty()) {
            throw ExprCodegen.error("cannot override ORDER BY of window: " + spec.base());
        }
        if (base.frame() != null) {
            throw ExprCodegen.error("cannot override frame specification of window: " + spec.base());
        }
        return new Window.Spec(null, base.partitionBy(), spec.orderBy().isEmpty() ? base.orderBy() : spec.orderBy(),
                spec.frame());
    }

    private static Window.Spec named(String name, List<Window.Definition> definitions) {
        for (Window.Definition d : definitions) {
            if (d.name().equalsIgnoreCase(name)) {
                return d.spec();
            }
        }
        throw ExprCodegen.error("no such window: " + name);
    }

    private WindowPlan plan(List<Expr.Function> calls, List<Window.Spec> specs, int base, int width, Scope scope) {
        List<WindowPlan.Spec> planSpecs = new ArrayList<>();
        List<WindowPlan.Call> planCalls = new ArrayList<>();
        for (int c = 0; c < calls.size(); c++) {
            Expr.Function f = calls.get(c);
            Window.Spec spec = specs.get(c);
            String name = f.name().toLowerCase(java.util.Locale.ROOT);
            int argc = f.star() ? 0 : f.args().size();
            AggregateFunction aggregate = null;
            int[] arity = BUILTINS.get(name);
            if (arity != null) {
                if (argc < arity[0] || argc > arity[1]) {
                    throw ExprCodegen.error("wrong number of arguments to function " + f.name() + "()");
                }
                if (f.filter() != null) {
                    throw ExprCodegen.error("FILTER clause may only be used with aggregate window functions");
                }
            } else {
                aggregate = exprs.functions().aggregate(name, argc);
                if (aggregate == null) {
                    throw exprs.functions().scalar(name, argc) != null
                            ? ExprCodegen.error(f.name() + "() may not be used as a window function")
                            : ExprCodegen.unknownFunction(exprs.functions(), f.name());
                }
            }
            if (f.distinct()) {
                throw ExprCodegen.error("DISTINCT is not supported for window functions");
            }
            if (!f.orderBy().isEmpty()) {
                // SQLite's words: an aggregate with OVER is not an aggregate here.
                throw ExprCodegen.error("ORDER BY may not be used with non-aggregate " + f.name() + "()");
            }
            int n = spec.partitionBy().size();
            int[] partition = new int[n];
            Collation[] partitionCollations = new Collation[n];
            for (int i = 0; i < n; i++) {
                partition[i] = base + storedAt(spec.partitionBy().get(i));
                partitionCollations[i] = collation(spec.partitionBy().get(i), scope);
            }
            int m = spec.orderBy().size();
            int[] order = new int[m];
            Collation[] orderCollations = new Collation[m];
            boolean[] descending = new boolean[m];
            boolean[] nullsFirst = new boolean[m];
            for (int i = 0; i < m; i++) {
                OrderingTerm t = spec.orderBy().get(i);
                order[i] = base + storedAt(t.expr());
                orderCollations[i] = collation(t.expr(), scope);
                descending[i] = t.order() == OrderingTerm.SortOrder.DESC;
                nullsFirst[i] = t.nulls() == null ? !descending[i] : t.nulls() == OrderingTerm.NullsOrder.FIRST;
            }
            planSpecs.add(new WindowPlan.Spec(partition, partitionCollations, order, orderCollations, descending, nullsFirst));
            int[] args = new int[argc];
            for (int i = 0; i < argc; i++) {
                args[i] = base + storedAt(f.args().get(i));
            }
            int filter = f.filter() == null ? -1 : base + storedAt(f.filter());
            WindowPlan.Frame frame = frame(spec, base, FRAMELESS.contains(name));
            planCalls.add(new WindowPlan.Call(name, aggregate, ExprCodegen.collationOfArgs(f.args(), scope), c, args,
                    filter, frame));
        }
        return new WindowPlan(width, planSpecs, planCalls);
    }

    private static Collation collation(Expr e, Scope scope) {
        Collation c = ExprTyping.collation(e, scope);
        return c != null ? c : BuiltinCollation.BINARY;
    }

    private WindowPlan.Frame frame(Window.Spec spec, int base, boolean frameless) {
        Window.Frame f = spec.frame();
        if (f == null || frameless) {
            return new WindowPlan.Frame(WindowPlan.Units.RANGE,
                    new WindowPlan.Bound(WindowPlan.BoundKind.UNBOUNDED_PRECEDING, -1),
                    new WindowPlan.Bound(WindowPlan.BoundKind.CURRENT_ROW, -1), WindowPlan.Exclude.NONE);
        }
        WindowPlan.Units units = WindowPlan.Units.valueOf(f.units().name());
        Window.Bound end = f.end() != null ? f.end() : new Window.Bound(Window.BoundKind.CURRENT_ROW, null);
        if (units == WindowPlan.Units.RANGE && spec.orderBy().size() != 1
                && (f.start().offset() != null || end.offset() != null)) {
            throw ExprCodegen.error("RANGE with offset PRECEDING/FOLLOWING requires one ORDER BY expression");
        }
        WindowPlan.Exclude exclude = f.exclude() == null ? WindowPlan.Exclude.NONE
                : WindowPlan.Exclude.valueOf(f.exclude().name());
        return new WindowPlan.Frame(units, bound(f.start(), base), bound(end, base), exclude);
    }

    private WindowPlan.Bound bound(Window.Bound bound, int base) {
        return new WindowPlan.Bound(WindowPlan.BoundKind.valueOf(bound.kind().name()),
                bound.offset() == null ? -1 : base + storedAt(bound.offset()));
    }
}
