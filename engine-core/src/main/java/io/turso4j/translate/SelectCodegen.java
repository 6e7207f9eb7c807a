package io.turso4j.translate;

import io.turso4j.function.AggregateFunction;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.AggregateCall;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Codes SELECT statements that read no table — a core without FROM (with WHERE, aggregates,
 * GROUP BY/HAVING over its one row), VALUES, and UNION ALL of those — with LIMIT and OFFSET,
 * and the subqueries built on them (scalar, EXISTS, IN).
 *
 * <p>Rows are handed to a {@link RowSink}, which emits whatever the caller does with a row
 * (ResultRow at the top level, a copy and a jump for a scalar subquery). Every arm of a
 * compound codes its columns into the same block of registers, so the sink sees one layout.
 * Not thread-safe; one per compilation.
 */
final class SelectCodegen {
    /** Emits the code run for each row, whose columns are in {@code first .. first+count). */
    @FunctionalInterface
    interface RowSink {
        void row(int first, int count);
    }

    private final ProgramBuilder b;
    private final ExprCodegen exprs;

    SelectCodegen(ProgramBuilder b, FunctionRegistry functions) {
        this.b = b;
        this.exprs = new ExprCodegen(b, functions, this);
    }

    ExprCodegen exprs() {
        return exprs;
    }

    /** Codes {@code select}; control falls out at the end after the last row. Returns the column count. */
    int select(Select select, RowSink sink) {
        if (select.with() != null) {
            throw ExprCodegen.error("WITH is not supported yet");
        }
        int columns = columnCount(select.body());
        int end = b.newLabel();
        if (!select.orderBy().isEmpty() && !(select.body() instanceof Select.Core)) {
            new OrderBy(b, this).code(select, columns, () -> limit(select.limit(), sink, end), end);
        } else {
            OrderBy.checkNumbers(select.orderBy(), columns);
            RowSink limited = limit(select.limit(), sink, end);
            int out = b.allocRegisters(columns);
            if (isLimitOne(select.limit()) && select.body() instanceof Select.Compound c && c.op() == Select.CompoundOp.UNION) {
                streamingUnion(c, out, limited);
            } else {
                body(select.body(), out, limited);
            }
        }
        b.resolve(end);
        return columns;
    }

    /** Wraps {@code sink} with OFFSET (skip rows) and LIMIT (stop after n rows, jumping to end). */
    private RowSink limit(Select.Limit limit, RowSink sink, int end) {
        if (limit == null) {
            return sink;
        }
        int regLimit = exprs.codeTemp(limit.limit());
        b.emit(Opcode.MustBeInt, regLimit, 0);
        b.emit(Opcode.IfNot, regLimit, end, 0);
        int regOffset;
        if (limit.offset() != null) {
            regOffset = exprs.codeTemp(limit.offset());
            b.emit(Opcode.MustBeInt, regOffset, 0);
        } else {
            regOffset = 0;
        }
        return (first, count) -> {
            int skip = b.newLabel();
            if (regOffset != 0) {
                b.emit(Opcode.IfPos, regOffset, skip, 1);
            }
            sink.row(first, count);
            b.emit(Opcode.DecrJumpZero, regLimit, end);
            b.resolve(skip);
        };
    }

    int columnCount(Select.Body body) {
        return switch (body) {
            case Select.Core core -> core.columns().size();
            case Select.Values v -> v.rows().getFirst().size();
            case Select.Compound c -> {
                int left = columnCount(c.left());
                int right = columnCount(c.right());
                if (left != right) {
                    throw ExprCodegen.error("SELECTs to the left and right of " + opName(c.op())
                            + " do not have the same number of result columns");
                }
                yield left;
            }
        };
    }

    private static String opName(Select.CompoundOp op) {
        return op == Select.CompoundOp.UNION_ALL ? "UNION ALL" : op.name();
    }

    void body(Select.Body body, int out, RowSink sink) {
        switch (body) {
            case Select.Core core -> core(core, out, sink);
            case Select.Values values -> {
                int width = values.rows().getFirst().size();
                for (List<Expr> row : values.rows()) {
                    if (row.size() != width) {
                        throw ExprCodegen.error("all VALUES must have the same number of terms");
                    }
                    for (int i = 0; i < width; i++) {
                        exprs.code(row.get(i), out + i);
                    }
                    sink.row(out, width);
                }
            }
            case Select.Compound c when c.op() == Select.CompoundOp.UNION_ALL -> {
                body(c.left(), out, sink);
                body(c.right(), out, sink);
            }
            case Select.Compound c -> distinctCompound(c, out, sink);
        }
    }

    /**
     * UNION, EXCEPT and INTERSECT through temporary indexes keyed on every column, as SQLite's
     * multiSelect does: UNION inserts both sides; EXCEPT inserts the left and deletes the
     * right; INTERSECT keeps the left rows found among the right ones. The result comes out in
     * the index's order.
     *
     * <p>Which of two equal rows survives follows what SQLite 3.54 was seen to do: a row
     * replaces an equal one already there, except among the rows of a left arm that is itself
     * a compound or a multi-row VALUES, where the first stays.
     */
    private void distinctCompound(Select.Compound c, int out, RowSink sink) {
        int columns = columnCount(c);
        IndexKeyComparator key = compoundKey(c, columns);
        int set = b.allocCursor();
        b.emit(Opcode.OpenEphemeral, set, columns, 0, key, 0);
        body(c.left(), out, inserter(set, c.left(), true));
        int result = set;
        switch (c.op()) {
            case UNION -> body(c.right(), out, inserter(set, c.right(), false));
            case EXCEPT -> body(c.right(), out, (first, count) -> b.emit(Opcode.IdxDelete, set, first, count));
            case INTERSECT -> {
                int right = b.allocCursor();
                b.emit(Opcode.OpenEphemeral, right, columns, 0, key, 0);
                body(c.right(), out, inserter(right, c.right(), false));
                result = right;
            }
            case UNION_ALL -> throw new IllegalStateException("UNION ALL keeps duplicates");
        }
        int done = b.newLabel();
        b.emit(Opcode.Rewind, set, done);
        int loop = b.currentAddress();
        for (int i = 0; i < columns; i++) {
            b.emit(Opcode.Column, set, i, out + i);
        }
        int skip = b.newLabel();
        if (result != set) {
            b.emit(Opcode.NotFound, result, skip, out, columns, 0);
        }
        sink.row(out, columns);
        b.resolve(skip);
        b.emit(Opcode.Next, set, loop);
        b.resolve(done);
    }

    /** Inserts each row of {@code arm} into the temporary index {@code set} (see {@link #distinctCompound}). */
    private RowSink inserter(int set, Select.Body arm, boolean left) {
        boolean keepFirst = left && (arm instanceof Select.Compound || (arm instanceof Select.Values v && v.rows().size() > 1));
        int record = b.allocRegister();
        return (first, count) -> {
            int skip = b.newLabel();
            if (keepFirst) {
                b.emit(Opcode.Found, set, skip, first, count, 0);
            }
            b.emit(Opcode.MakeRecord, first, count, record);
            b.emit(Opcode.IdxInsert, set, record);
            b.resolve(skip);
        };
    }

    private static boolean isLimitOne(Select.Limit limit) {
        return limit != null && limit.offset() == null && limit.limit() instanceof Expr.Literal l
                && l.kind() == Expr.LiteralKind.INTEGER && l.text().equals("1");
    }

    /**
     * A UNION under LIMIT 1, as SQLite 3.54 runs it: rows stream out in the order they are
     * made, each only the first time it is seen, so the LIMIT stops at the first.
     */
    private void streamingUnion(Select.Compound c, int out, RowSink sink) {
        int columns = columnCount(c);
        int seen = b.allocCursor();
        b.emit(Opcode.OpenEphemeral, seen, columns, 0, compoundKey(c, columns), 0);
        int record = b.allocRegister();
        RowSink once = (first, count) -> {
            int skip = b.newLabel();
            b.emit(Opcode.Found, seen, skip, first, count, 0);
            b.emit(Opcode.MakeRecord, first, count, record);
            b.emit(Opcode.IdxInsert, seen, record);
            sink.row(first, count);
            b.resolve(skip);
        };
        body(c.left(), out, once);
        body(c.right(), out, once);
    }

    /** Every column ascending, each under the leftmost explicit collation its arms give it. */
    static IndexKeyComparator compoundKey(Select.Body body, int columns) {
        Collation[] collations = new Collation[columns];
        for (int i = 0; i < columns; i++) {
            collations[i] = columnCollation(body, i);
        }
        return new IndexKeyComparator(collations, new boolean[columns]);
    }

    /** multiSelectCollSeq: the first arm, left to right, whose column {@code i} has a collation; else BINARY. */
    static Collation columnCollation(Select.Body body, int i) {
        Collation found = switch (body) {
            case Select.Compound c -> {
                Collation left = columnCollation(c.left(), i);
                yield left != BuiltinCollation.BINARY ? left : columnCollation(c.right(), i);
            }
            case Select.Core core -> core.columns().get(i) instanceof Select.ExprColumn ec
                    ? ExprTyping.collation(ec.expr()) : null;
            case Select.Values v -> ExprTyping.collation(v.rows().getFirst().get(i));
        };
        return found != null ? found : BuiltinCollation.BINARY;
    }

    private void core(Select.Core core, int out, RowSink sink) {
        if (core.from() != null) {
            throw ExprCodegen.error("no such table: " + Translator.firstTableName(core.from()));
        }
        List<Expr> columns = new ArrayList<>();
        for (Select.ResultColumn rc : core.columns()) {
            switch (rc) {
                case Select.Star s -> throw ExprCodegen.error("no tables specified");
                case Select.TableStar t -> throw ExprCodegen.error("no such table: " + t.table());
                case Select.ExprColumn ec -> columns.add(ec.expr());
            }
        }
        if (!core.windows().isEmpty()) {
            throw ExprCodegen.error("WINDOW is not supported yet");
        }
        List<Expr.Function> calls = new ArrayList<>();
        AggregateFinder finder = new AggregateFinder(exprs.functions());
        for (Expr e : columns) {
            finder.collect(e, calls);
        }
        if (core.having() != null) {
            finder.collect(core.having(), calls);
        }
        if (core.where() != null) {
            finder.rejectIn(core.where());
        }
        int skip = b.newLabel();
        if (calls.isEmpty() && core.groupBy().isEmpty()) {
            if (core.having() != null) {
                throw ExprCodegen.error("a GROUP BY clause is required before HAVING");
            }
            if (core.where() != null) {
                exprs.jumpIfNotTrue(core.where(), skip);
            }
        } else {
            aggregate(core, calls, skip);
        }
        for (int i = 0; i < columns.size(); i++) {
            exprs.code(columns.get(i), out + i);
        }
        sink.row(out, columns.size());
        b.resolve(skip);
    }

    /**
     * The one-row aggregate: step each aggregate once if WHERE holds, then finalise. Without
     * GROUP BY the row is produced even when WHERE fails (aggregates over no rows); with GROUP
     * BY there is then no group and no row. HAVING filters the row.
     */
    private void aggregate(Select.Core core, List<Expr.Function> calls, int skip) {
        int accumulators = b.allocRegisters(calls.size());
        int stepped = b.allocRegister();
        b.emit(Opcode.Null, 0, accumulators, accumulators + calls.size() - 1);
        b.emit(Opcode.Integer, 0, stepped);
        int noRow = b.newLabel();
        if (core.where() != null) {
            exprs.jumpIfNotTrue(core.where(), noRow);
        }
        for (Expr g : core.groupBy()) {
            exprs.codeTemp(g);
        }
        b.emit(Opcode.Integer, 1, stepped);
        for (int i = 0; i < calls.size(); i++) {
            Expr.Function f = calls.get(i);
            int next = b.newLabel();
            if (f.filter() != null) {
                exprs.jumpIfNotTrue(f.filter(), next);
            }
            List<Expr> args = f.star() ? List.of() : f.args();
            int first = b.allocRegisters(Math.max(args.size(), 1));
            for (int a = 0; a < args.size(); a++) {
                exprs.code(args.get(a), first + a);
            }
            b.emit(Opcode.AggStep, 0, first, accumulators + i, call(f), args.size());
            b.resolve(next);
        }
        b.resolve(noRow);
        for (int i = 0; i < calls.size(); i++) {
            b.emit(Opcode.AggFinal, accumulators + i, calls.get(i).star() ? 0 : calls.get(i).args().size(),
                    0, call(calls.get(i)), 0);
            exprs.bindAggregate(calls.get(i), accumulators + i);
        }
        if (!core.groupBy().isEmpty()) {
            b.emit(Opcode.IfNot, stepped, skip, 1);
        }
        if (core.having() != null) {
            exprs.jumpIfNotTrue(core.having(), skip);
        }
    }

    private AggregateCall call(Expr.Function f) {
        int argc = f.star() ? 0 : f.args().size();
        AggregateFunction fn = exprs.functions().aggregate(f.name(), argc);
        return new AggregateCall(f.name(), argc, fn, ExprCodegen.collationOfArgs(f.args()));
    }

    // ---- subqueries -------------------------------------------------------------------------

    /** A scalar subquery: its first row's value, or NULL when it has none. */
    void scalar(Expr.Subquery s, int target) {
        int done = b.newLabel();
        b.emit(Opcode.Null, 0, target);
        int columns = select(s.select(), (first, count) -> {
            b.emit(Opcode.SCopy, first, target);
            b.emit(Opcode.Goto, 0, done);
        });
        if (columns != 1) {
            throw ExprCodegen.error("sub-select returns " + columns + " columns - expected 1");
        }
        b.resolve(done);
    }

    void exists(Expr.Exists x, int target) {
        int done = b.newLabel();
        b.emit(Opcode.Integer, 0, target);
        select(x.select(), (first, count) -> {
            b.emit(Opcode.Integer, 1, target);
            b.emit(Opcode.Goto, 0, done);
        });
        b.resolve(done);
    }

    /**
     * {@code x IN (SELECT …)}: as IN with a list loaded into a temporary index — the affinity
     * combines x's and the column's and is applied to both sides — and false for an empty
     * subquery even when x is NULL.
     */
    void inSelect(Expr.InSelect e, int target) {
        Expr first = ExprTyping.firstResultExpr(e.select());
        // sqlite3CompareAffinity: with one side of no affinity the other's is used as it is
        // (REAL stays REAL), which matters here because it is applied as on storing.
        Affinity left = ExprTyping.affinity(e.expr());
        Affinity right = ExprTyping.firstColumnAffinity(e.select());
        Affinity affinity = left == Affinity.NONE ? right
                : right == Affinity.NONE ? left : Affinity.forComparison(left, right);
        Collation collation = first == null ? ExprTyping.collation(e.expr()) : ExprTyping.binary(e.expr(), first);
        int empty = b.allocRegister();
        b.emit(Opcode.Integer, 1, empty);
        int x = exprs.codeTemp(e.expr());
        ExprCodegen.InTest test = exprs.new InTest(x, affinity, collation, true, true);
        int columns = select(e.select(), (row, count) -> {
            b.emit(Opcode.Integer, 0, empty);
            test.compare(row);
        });
        if (columns != 1) {
            throw ExprCodegen.error("sub-select returns " + columns + " columns - expected 1");
        }
        test.end(e.not(), target, empty);
    }
}
