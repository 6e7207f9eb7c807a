package io.turso4j.translate;

import io.turso4j.function.AggregateFunction;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.AggregateCall;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate calls of one SELECT and the registers their accumulators live in: code to
 * {@link #reset} them (start a group), {@link #step} them with the current row — FILTER
 * skipping rows, DISTINCT skipping values already seen (a temporary index per such call, as
 * SQLite keeps) — and {@link #finish} them, after which the calls read their results.
 *
 * <p>A call with its own ORDER BY ({@code group_concat(x, ',' ORDER BY y)}) is not stepped
 * row by row: its arguments go into a temporary index keyed by the ORDER BY terms and an
 * arrival number (so ties keep the rows' order), and {@link #finish} steps the call over
 * that index in key order. Not thread-safe; one per SELECT.
 */
final class AggregateCode {
    private final ProgramBuilder b;
    private final ExprCodegen exprs;
    private final List<Expr.Function> calls;
    private final int accumulators;
    private final int[] distinct;
    /** Per call with an ORDER BY: its temporary index, else -1. */
    private final int[] ordered;
    /** Per call with an ORDER BY: the register counting the rows it was given. */
    private final int[] arrivals;
    /** The call whose steps decide the bare columns' row (see {@link #jumpUnlessBareRow}), or -1. */
    private final int decider;
    /** Where that call's AggStep says whether to skip loading the row, or -1. */
    private final int skipLoad;

    AggregateCode(ProgramBuilder b, ExprCodegen exprs, List<Expr.Function> calls) {
        this.b = b;
        this.exprs = exprs;
        this.calls = calls;
        this.accumulators = b.allocRegisters(Math.max(calls.size(), 1));
        this.distinct = new int[calls.size()];
        this.ordered = new int[calls.size()];
        this.arrivals = new int[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            Expr.Function f = calls.get(i);
            if (f.distinct() && f.args().size() != 1) {
                throw ExprCodegen.error("DISTINCT aggregates must have exactly one argument");
            }
            distinct[i] = f.distinct() ? b.allocCursor() : -1;
            ordered[i] = f.orderBy().isEmpty() ? -1 : b.allocCursor();
            arrivals[i] = f.orderBy().isEmpty() ? -1 : b.allocRegister();
        }
        int last = -1;
        for (int i = 0; i < calls.size(); i++) {
            Expr.Function f = calls.get(i);
            if (ordered[i] < 0 && f.args().size() == 1
                    && (f.name().equalsIgnoreCase("min") || f.name().equalsIgnoreCase("max"))) {
                last = i;
            }
        }
        this.decider = last;
        this.skipLoad = last >= 0 ? b.allocRegister() : -1;
    }

    /**
     * Jumps to {@code notThisRow} unless the current row, just stepped, is the one the bare
     * columns (those outside any aggregate) show, as SQLite chooses it: with a min() or max()
     * call, a row where the last such call took a new value (or met a NULL before any value);
     * otherwise the group's first row, while {@code firstRow} is still 1 (cleared here).
     */
    void jumpUnlessBareRow(int firstRow, int notThisRow) {
        if (skipLoad >= 0) {
            b.emit(Opcode.If, skipLoad, notThisRow, 0);
        } else {
            b.emit(Opcode.IfNot, firstRow, notThisRow, 0);
            b.emit(Opcode.Integer, 0, firstRow);
        }
    }

    /** Empties every accumulator (and DISTINCT set): a new group starts. */
    void reset() {
        b.emit(Opcode.Null, 0, accumulators, accumulators + Math.max(calls.size(), 1) - 1);
        for (int i = 0; i < calls.size(); i++) {
            if (distinct[i] >= 0) {
                Collation c = ExprCodegen.collationOfArgs(calls.get(i).args(), exprs.scope());
                b.emit(Opcode.OpenEphemeral, distinct[i], 1, 0,
                        new IndexKeyComparator(new Collation[] {c}, new boolean[1]), 0);
            }
            if (ordered[i] >= 0) {
                IndexKeyComparator order = orderComparator(calls.get(i));
                b.emit(Opcode.OpenEphemeral, ordered[i], order.fieldCount(), 0, order, 0);
                b.emit(Opcode.Integer, 0, arrivals[i]);
            }
        }
    }

    /**
     * The key of a call's ORDER BY index: per term an "is NULL" flag when the term puts NULLs
     * where its direction would not (as {@link OrderBy} does), then the term; then the arrival
     * number; then the arguments.
     */
    private IndexKeyComparator orderComparator(Expr.Function f) {
        List<Collation> collations = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        for (OrderingTerm term : f.orderBy()) {
            boolean desc = term.order() == OrderingTerm.SortOrder.DESC;
            if (OrderBy.needsNullFlag(term)) {
                collations.add(null);
                descending.add(desc);
            }
            collations.add(ExprTyping.collation(term.expr(), exprs.scope()));
            descending.add(desc);
        }
        for (int k = 0; k <= argumentCount(f); k++) {
            collations.add(null);
            descending.add(false);
        }
        boolean[] desc = new boolean[descending.size()];
        for (int k = 0; k < desc.length; k++) {
            desc[k] = descending.get(k);
        }
        return new IndexKeyComparator(collations.toArray(new Collation[0]), desc);
    }

    private static int argumentCount(Expr.Function f) {
        return f.star() ? 0 : f.args().size();
    }

    /** Codes the index entry of call {@code i} for the current row, whose arguments are in {@code args…}. */
    private void remember(int i, int args) {
        Expr.Function f = calls.get(i);
        int width = orderComparator(f).fieldCount();
        int key = b.allocRegisters(width);
        int k = key;
        for (OrderingTerm term : f.orderBy()) {
            int value = OrderBy.needsNullFlag(term) ? k + 1 : k;
            exprs.code(term.expr(), value);
            if (OrderBy.needsNullFlag(term)) {
                OrderBy.codeNullFlag(b, value, k);
            }
            k = value + 1;
        }
        int one = b.allocRegister();
        b.emit(Opcode.Integer, 1, one);
        b.emit(Opcode.Add, one, arrivals[i], arrivals[i]);
        b.emit(Opcode.SCopy, arrivals[i], k);
        int n = argumentCount(f);
        if (n > 0) {
            b.emit(Opcode.Copy, args, k + 1, n - 1);
        }
        int record = b.allocRegister();
        b.emit(Opcode.MakeRecord, key, width, record);
        b.emit(Opcode.IdxInsert, ordered[i], record);
    }

    /** Codes stepping call {@code i} over its ORDER BY index, in key order. */
    private void stepInOrder(int i) {
        Expr.Function f = calls.get(i);
        int n = argumentCount(f);
        int first = orderComparator(f).fieldCount() - n;
        int args = b.allocRegisters(Math.max(n, 1));
        int done = b.newLabel();
        b.emit(Opcode.Rewind, ordered[i], done);
        int top = b.currentAddress();
        for (int a = 0; a < n; a++) {
            b.emit(Opcode.Column, ordered[i], first + a, args + a);
        }
        b.emit(Opcode.AggStep, 0, args, accumulators + i, call(f), n);
        b.emit(Opcode.Next, ordered[i], top);
        b.resolve(done);
    }

    /** Feeds the current row to every aggregate. */
    void step() {
        for (int i = 0; i < calls.size(); i++) {
            Expr.Function f = calls.get(i);
            int skip = b.newLabel();
            if (f.filter() != null) {
                exprs.jumpIfNotTrue(f.filter(), skip);
            }
            List<Expr> args = f.star() ? List.of() : f.args();
            int first = b.allocRegisters(Math.max(args.size(), 1));
            for (int a = 0; a < args.size(); a++) {
                exprs.code(args.get(a), first + a);
            }
            if (distinct[i] >= 0) {
                int record = b.allocRegister();
                b.emit(Opcode.Found, distinct[i], skip, first, 1, 0);
                b.emit(Opcode.MakeRecord, first, 1, record);
                b.emit(Opcode.IdxInsert, distinct[i], record);
            }
            if (ordered[i] >= 0) {
                remember(i, first);
            } else {
                b.emit(Opcode.AggStep, 0, first, accumulators + i, call(f), args.size());
            }
            b.resolve(skip);
        }
    }

    /** Computes every result; from here on each call's expression reads its result register. */
    void finish() {
        for (int i = 0; i < calls.size(); i++) {
            Expr.Function f = calls.get(i);
            if (ordered[i] >= 0) {
                stepInOrder(i);
            }
            b.emit(Opcode.AggFinal, accumulators + i, f.star() ? 0 : f.args().size(), 0, call(f), 0);
            exprs.bindAggregate(f, accumulators + i);
        }
    }

    private AggregateCall call(Expr.Function f) {
        int argc = f.star() ? 0 : f.args().size();
        AggregateFunction fn = exprs.functions().aggregate(f.name(), argc);
        return new AggregateCall(f.name(), argc, fn, ExprCodegen.collationOfArgs(f.args(), exprs.scope()),
                decider >= 0 && calls.get(decider) == f ? skipLoad : -1);
    }
}
