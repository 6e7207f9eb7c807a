package io.turso4j.translate;

import io.turso4j.function.AggregateFunction;
import io.turso4j.sql.ast.Expr;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.AggregateCall;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * The aggregate calls of one SELECT and the registers their accumulators live in: code to
 * {@link #reset} them (start a group), {@link #step} them with the current row — FILTER
 * skipping rows, DISTINCT skipping values already seen (a temporary index per such call, as
 * SQLite keeps) — and {@link #finish} them, after which the calls read their results. Not
 * thread-safe; one per SELECT.
 */
final class AggregateCode {
    private final ProgramBuilder b;
    private final ExprCodegen exprs;
    private final List<Expr.Function> calls;
    private final int accumulators;
    private final int[] distinct;

    AggregateCode(ProgramBuilder b, ExprCodegen exprs, List<Expr.Function> calls) {
        this.b = b;
        this.exprs = exprs;
        this.calls = calls;
        this.accumulators = b.allocRegisters(Math.max(calls.size(), 1));
        this.distinct = new int[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            Expr.Function f = calls.get(i);
            if (!f.orderBy().isEmpty()) {
                throw ExprCodegen.error("ORDER BY in an aggregate is not supported yet: " + f.name() + "()");
            }
            if (f.distinct() && f.args().size() != 1) {
                throw ExprCodegen.error("DISTINCT aggregates must have exactly one argument");
            }
            distinct[i] = f.distinct() ? b.allocCursor() : -1;
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
        }
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
            b.emit(Opcode.AggStep, 0, first, accumulators + i, call(f), args.size());
            b.resolve(skip);
        }
    }

    /** Computes every result; from here on each call's expression reads its result register. */
    void finish() {
        for (int i = 0; i < calls.size(); i++) {
            Expr.Function f = calls.get(i);
            b.emit(Opcode.AggFinal, accumulators + i, f.star() ? 0 : f.args().size(), 0, call(f), 0);
            exprs.bindAggregate(f, accumulators + i);
        }
    }

    private AggregateCall call(Expr.Function f) {
        int argc = f.star() ? 0 : f.args().size();
        AggregateFunction fn = exprs.functions().aggregate(f.name(), argc);
        return new AggregateCall(f.name(), argc, fn, ExprCodegen.collationOfArgs(f.args(), exprs.scope()));
    }
}
