package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.TableFunction;
import io.turso4j.function.TableFunctions;
import io.turso4j.schema.Schema;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Table-valued functions in FROM read through a function cursor, as SQLite runs eponymous
 * virtual tables: each time the loop opens, the arguments are computed (they may read the
 * sources outside it, so the planner places it after them) and the function's rows stepped:
 * <pre>
 *   args → r…; VFilter cur, done, r, nargs   ; P4: the function
 *   top: …VColumn cur, i, target…
 *   next: VNext cur, top
 *   done:
 * </pre>
 * Sources: json_each, json_tree and generate_series ({@link TableFunctions}), and the pragma functions whose
 * arguments are not constants ({@link PragmaFunctions#byArgument}). Hidden columns (json_each's
 * json and root) are named like any other but left out of {@code *}. Stateless.
 */
final class FunctionSources {
    private FunctionSources() {
    }

    /**
     * A bound function source: what to call (its {@code entry}, null for a pragma function),
     * with which arguments, and its cursor. The arguments may grow once, while the loops are
     * planned ({@link #hiddenArguments}); one compilation thread.
     */
    static final class Call {
        private final TableFunction function;
        private final TableFunctions.Entry entry;
        private final int cursor;
        private List<Expr> args;

        Call(TableFunction function, TableFunctions.Entry entry, List<Expr> args, int cursor) {
            this.function = function;
            this.entry = entry;
            this.args = args;
            this.cursor = cursor;
        }

        TableFunction function() {
            return function;
        }

        List<Expr> args() {
            return args;
        }

        int cursor() {
            return cursor;
        }

        /**
         * EXPLAIN QUERY PLAN's index number: the xBestIndex of json_each and generate_series
         * sets one bit per argument given (json, root; start, stop, step).
         */
        int planIndex() {
            return entry == null ? 0 : (1 << args.size()) - 1;
        }
    }

    /** A bound source with the column numbers {@code *} leaves out. */
    record Bound(Scope.Source source, List<Scope.Part> parts, Set<Integer> hidden) {}

    /** A guess at a function's rows, SQLite's default for a virtual table. */
    static final double ROWS = 25;

    /** Whether {@code f} is read through a function cursor (else it is a pragma co-routine or unknown). */
    static boolean handles(Select.TableFunction f) {
        if (f.name().schema() != null) {
            return false;
        }
        return TableFunctions.named(f.name().name()) != null
                || (PragmaFunctions.isTableFunction(f.name()) && !PragmaFunctions.constantArguments(f));
    }

    /** How many columns {@code *} shows for {@code f} (one {@link #handles}). */
    static int visibleColumns(Schema schema, Select.TableFunction f) {
        TableFunctions.Entry e = TableFunctions.named(f.name().name());
        return e != null ? e.columns().size() - e.hidden() : PragmaFunctions.columnCount(schema, f);
    }

    /** Binds {@code f} (one {@link #handles}): a cursor, a block of registers, its scope source. */
    static Bound bind(ProgramBuilder b, Schema schema, Select.TableFunction f) {
        TableFunctions.Entry e = TableFunctions.named(f.name().name());
        TableFunction function;
        List<String> columns;
        int hiddenCount;
        if (e != null) {
            if (f.args().size() > e.maxArguments()) {
                throw ExprCodegen.error("too many arguments on " + f.name().name() + "() - max " + e.maxArguments());
            }
            function = e.function();
            columns = e.columns();
            hiddenCount = e.hidden();
        } else {
            PragmaFunctions.ByArgument pragma = PragmaFunctions.byArgument(schema, f);
            function = pragma;
            columns = pragma.columns();
            hiddenCount = 0;
        }
        int cursor = b.allocCursor();
        int out = b.allocRegisters(columns.size());
        String name = f.alias() != null ? f.alias() : f.name().name();
        Call call = new Call(function, e, f.args(), cursor);
        Scope.Source source = new Scope.Source(name, columns, out,
                Collections.nCopies(columns.size(), Affinity.NONE), Collections.nCopies(columns.size(), (String) null),
                SourceReader.of(call, out));
        int visible = columns.size() - hiddenCount;
        List<Scope.Part> parts = new ArrayList<>();
        Set<Integer> hidden = new HashSet<>();
        if (hiddenCount > 0) {
            parts.add(new Scope.Part(name, source, 0, columns.subList(0, visible)));
            parts.add(new Scope.Part(name, source, visible, columns.subList(visible, columns.size())));
            for (int i = visible; i < columns.size(); i++) {
                hidden.add(i);
            }
        }
        return new Bound(source, parts, hidden);
    }

    /** {@code joins} with the hidden columns of function sources left out of {@code *}. */
    static Scope.Joins withHidden(Scope.Joins joins, Map<Scope.Source, Set<Integer>> hidden) {
        if (hidden.isEmpty()) {
            return joins;
        }
        Map<Scope.Source, Set<Integer>> omitted = new HashMap<>(joins.omitted());
        hidden.forEach((s, columns) -> omitted.merge(s, columns, (a, c) -> {
            Set<Integer> both = new HashSet<>(a);
            both.addAll(c);
            return both;
        }));
        return new Scope.Joins(joins.parts(), joins.hidden(), omitted, joins.replaced(), joins.pinned());
    }

    /**
     * The sources (by bit, of those in {@code scope}) that source {@code self}'s arguments read,
     * which must be placed outside its loop; all those before it when an argument holds a subquery.
     */
    static long prerequisites(Scope.Source source, int self, Scope scope, long itemMask) {
        Call call = source.reader() == null ? null : source.reader().function();
        if (call == null) {
            return 0;
        }
        long mask = 0;
        for (Expr arg : call.args()) {
            long m = WhereTerm.mask(arg, scope);
            mask |= m == WhereTerm.ALL ? (1L << self) - 1 : m;
        }
        return mask & ~(1L << self) & itemMask;
    }

    /**
     * Takes the WHERE clause's equalities on a function's hidden columns as the arguments it was
     * not given, in order, as SQLite's json_each xBestIndex does ({@code FROM json_each WHERE
     * json = ?}). The terms are still tested. {@code self} is the source's number.
     */
    static void hiddenArguments(Scope.Source source, int self, List<WhereTerm> terms) {
        Call call = source.reader() == null ? null : source.reader().function();
        if (call == null || call.entry == null || call.args.size() >= call.entry.hidden()) {
            return;
        }
        int firstHidden = call.entry.columns().size() - call.entry.hidden();
        Expr[] byColumn = new Expr[call.entry.hidden()];
        for (WhereTerm t : terms) {
            for (WhereTerm.Constraint c : t.on() >= 0 ? List.<WhereTerm.Constraint>of() : t.constraints()) {
                int hidden = c.column() - firstHidden;
                if (c.source() == self && c.op() == WhereTerm.Op.EQ && hidden >= 0 && hidden < byColumn.length
                        && byColumn[hidden] == null) {
                    byColumn[hidden] = c.value();
                }
            }
        }
        List<Expr> args = new ArrayList<>(call.args);
        while (args.size() < byColumn.length && byColumn[args.size()] != null) {
            args.add(byColumn[args.size()]);
        }
        call.args = List.copyOf(args);
    }

    /** Opens a function source's loop (see class comment): its step is VNext. */
    static void open(ProgramBuilder b, ExprCodegen exprs, LoopCodegen.Level l) {
        Call call = l.reader.function();
        if (call.entry != null && call.entry.needsFirstArgument() && call.args().isEmpty()) {
            throw new SqliteException(ResultCode.ERROR,
                    "first argument to \"" + call.entry.name() + "()\" missing or unusable");
        }
        filter(b, exprs, call, l.done);
        l.top = b.currentAddress();
        l.step = Opcode.VNext;
        l.stepCursor = call.cursor();
    }

    /** Codes the arguments and the {@code VFilter} that opens {@code call}'s scan, jumping to {@code done} when it has no row. */
    static void filter(ProgramBuilder b, ExprCodegen exprs, Call call, int done) {
        int first = b.allocRegisters(Math.max(1, call.args().size()));
        for (int i = 0; i < call.args().size(); i++) {
            exprs.code(call.args().get(i), first + i);
        }
        b.emit(Opcode.VFilter, call.cursor(), done, first, call.function(), call.args().size());
    }

    /** EXPLAIN QUERY PLAN's words after {@code SCAN name} for {@code source}, or "" for another kind. */
    static String planSuffix(Scope.Source source) {
        Call call = source.reader() == null ? null : source.reader().function();
        return call == null ? "" : " VIRTUAL TABLE INDEX " + call.planIndex() + ":";
    }
}
