package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive common table expression, {@code WITH [RECURSIVE] c AS (setup UNION [ALL]
 * recursive)} (SQLite does not need the keyword: a CTE whose body names it is recursive), as
 * SQLite runs it: a co-routine that keeps a queue of rows, first in first out, or ordered by
 * the CTE's ORDER BY (see {@link QueueKey}). The setup's
 * rows go into the queue; then, until the queue is empty, the first row is taken out, yielded,
 * and each recursive SELECT (there may be several, see {@link #split}) runs with {@code c}
 * standing for that one row, its rows going into the queue. With UNION a set of the rows seen
 * keeps duplicates out; a LIMIT counts the rows yielded (OFFSET skips some without stopping
 * the recursion).
 * <pre>
 *   setup → queue; loop: Rewind queue, done; Column queue → row; Delete queue
 *                        Yield; recursive(c = row) → queue; Goto loop
 *   done: EndCoroutine
 * </pre>
 * Not thread-safe; one per reference to the CTE.
 */
final class RecursiveCte {
    /** The coded co-routine: where it starts, its yield register, and its row. */
    record Coded(int register, int start, int out, List<String> columns, List<Affinity> affinities) {}

    private final ProgramBuilder b;
    private final SelectCodegen selects;

    RecursiveCte(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
    }

    /** Whether a FROM clause in {@code body} names {@code name} (directly, not in a subquery). */
    static boolean refersTo(Select.Body body, String name) {
        return switch (body) {
            case Select.Compound c -> refersTo(c.left(), name) || refersTo(c.right(), name);
            case Select.Values v -> false;
            case Select.Core core -> core.from() != null && refersTo(core.from(), name);
        };
    }

    private static boolean refersTo(Select.From from, String name) {
        return references(from, name) > 0;
    }

    /** How many times {@code from} names {@code name} (directly, not in a subquery). */
    private static int references(Select.From from, String name) {
        List<Select.TableRef> refs = new ArrayList<>();
        refs.add(from.first());
        from.joins().forEach(j -> refs.add(j.table()));
        int count = 0;
        for (Select.TableRef ref : refs) {
            count += switch (ref) {
                case Select.Table t -> t.name().schema() == null && t.name().name().equalsIgnoreCase(name) ? 1 : 0;
                // A parenthesized join with an alias is a subquery (SQLite's parser makes it one).
                case Select.Nested n when n.alias() == null || n.from().joins().isEmpty() -> references(n.from(), name);
                default -> 0;
            };
        }
        return count;
    }

    /** A recursive CTE's body split in two: the setup, and the arms run for each row of the queue. */
    private record Arms(Select.Body setup, List<Select.Core> recursive, boolean distinct) {}

    /**
     * Splits the body as SQLite does: the arms at the right that name the CTE, joined by the
     * same operator as the last (UNION or UNION ALL; UNION keeps duplicates out), are the
     * recursive ones; the arms before them are the setup and may not name it. A recursive arm
     * names the CTE once and does not aggregate.
     */
    private Arms split(Select.Body body, String name) {
        if (!(body instanceof Select.Compound top)
                || (top.op() != Select.CompoundOp.UNION && top.op() != Select.CompoundOp.UNION_ALL)) {
            throw ExprCodegen.error("circular reference: " + name);
        }
        List<Select.Core> recursive = new ArrayList<>();
        Select.Body setup = body;
        while (setup instanceof Select.Compound c && c.op() == top.op() && c.right() instanceof Select.Core core
                && refersTo(core, name)) {
            recursive.addFirst(core);
            setup = c.left();
        }
        if (recursive.isEmpty() || refersTo(setup, name)) {
            // sqlite3: only the arms of a UNION [ALL] after the setup may name the CTE.
            throw ExprCodegen.error("circular reference: " + name);
        }
        AggregateFinder aggregates = new AggregateFinder(selects.exprs().functions());
        for (Select.Core core : recursive) {
            if (references(core.from(), name) > 1) {
                throw ExprCodegen.error("multiple references to recursive table: " + name);
            }
            List<Expr.Function> calls = new ArrayList<>();
            for (Select.ResultColumn rc : core.columns()) {
                if (rc instanceof Select.ExprColumn ec) {
                    aggregates.collect(ec.expr(), calls);
                }
            }
            if (!calls.isEmpty() || !core.groupBy().isEmpty() || core.having() != null) {
                throw ExprCodegen.error("recursive aggregate queries not supported");
            }
        }
        return new Arms(setup, recursive, top.op() == Select.CompoundOp.UNION);
    }

    Coded code(Select.Cte cte) {
        Select select = cte.select();
        Arms arms = split(select.body(), cte.name());
        int width = selects.columnCount(arms.setup());
        boolean named = !cte.columns().isEmpty();
        if (named && cte.columns().size() != width) {
            throw ExprCodegen.error("table " + cte.name() + " has " + width + " values for " + cte.columns().size()
                    + " columns");
        }
        QueueKey key = queueKey(select, width);
        int keys = key.columns().length;
        int register = b.allocRegister();
        int out = b.allocRegisters(width);
        int row = b.allocRegisters(width);
        int fields = b.allocRegisters(keys + width);
        int record = b.allocRegister();
        int queue = b.allocCursor();
        int seen = arms.distinct() ? b.allocCursor() : -1;
        int after = b.newLabel();
        int start = b.newLabel();
        int done = b.newLabel();
        b.emit(Opcode.InitCoroutine, register, after, start);
        b.resolve(start);
        int startAddress = b.currentAddress();
        // Both keys are set once the arms are compiled (see CompoundCodegen.columnCollation).
        int openQueue = b.emit(Opcode.SorterOpen, queue, keys + width, 0, null, 0);
        int openSeen = seen >= 0 ? b.emit(Opcode.OpenEphemeral, seen, width, 0, null, 0) : -1;
        int limit = 0;
        int offset = 0;
        if (select.limit() != null) {
            limit = selects.exprs().codeTemp(select.limit().limit());
            b.emit(Opcode.MustBeInt, limit, 0);
            b.emit(Opcode.IfNot, limit, done, 0);
            if (select.limit().offset() != null) {
                offset = selects.exprs().codeTemp(select.limit().offset());
                b.emit(Opcode.MustBeInt, offset, 0);
            }
        }
        SelectCodegen.RowSink enqueue = (first, count) -> {
            int skip = b.newLabel();
            if (seen >= 0) {
                b.emit(Opcode.Found, seen, skip, first, count, 0);
                b.emit(Opcode.MakeRecord, first, count, record);
                b.emit(Opcode.IdxInsert, seen, record);
            }
            for (int k = 0; k < keys; k++) {
                if (key.isNullFlag(k)) {
                    OrderBy.codeNullFlag(b, first + key.columns()[k], fields + k);
                } else {
                    b.emit(Opcode.SCopy, first + key.columns()[k], fields + k);
                }
            }
            b.emit(Opcode.Copy, first, fields + keys, count - 1);
            b.emit(Opcode.MakeRecord, fields, keys + count, record);
            b.emit(Opcode.IdxInsert, queue, record);
            b.resolve(skip);
        };
        selects.ctes().building(cte, "circular reference: ",
                () -> selects.body(arms.setup(), b.allocRegisters(width), enqueue));
        Select setup = new Select(select.pos(), null, arms.setup(), List.of(), null);
        List<String> columns = named ? cte.columns()
                : ColumnNames.distinct(ColumnNames.of(setup, selects.sql(), selects));
        List<Affinity> affinities = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            affinities.add(ExprTyping.columnAffinity(setup, i, selects::compiledAffinities).affinity());
        }

        int loop = b.emit(Opcode.Rewind, queue, done);
        for (int i = 0; i < width; i++) {
            b.emit(Opcode.Column, queue, keys + i, row + i);
        }
        b.emit(Opcode.Delete, queue, 0);
        b.emit(Opcode.Copy, row, out, width - 1);
        int recurse = b.newLabel();
        if (offset != 0) {
            b.emit(Opcode.IfPos, offset, recurse, 1);
        }
        b.emit(Opcode.Yield, register, 0);
        if (limit != 0) {
            b.emit(Opcode.DecrJumpZero, limit, done);
        }
        b.resolve(recurse);
        Scope.Source current = new Scope.Source(cte.name(), columns, row, affinities,
                ExprTyping.columnCollations(setup, width));
        for (Select.Core arm : arms.recursive()) {
            // Any other reference to the CTE inside the arm (a subquery) fails as in SQLite.
            selects.ctes().withRecursiveRow(cte.name(), arm.from(), current, () -> selects.ctes().building(cte,
                    "multiple recursive references: ", () -> selects.body(arm, b.allocRegisters(width), enqueue)));
        }
        b.emit(Opcode.Goto, 0, loop);
        b.changeP4(openQueue, key.comparator(select.body(), selects));
        if (openSeen >= 0) {
            b.changeP4(openSeen, CompoundCodegen.compoundKey(select.body(), width, selects));
        }
        b.resolve(done);
        b.emit(Opcode.EndCoroutine, register, 0);
        b.resolve(after);
        return new Coded(register, startAddress, out, columns, affinities);
    }

    /**
     * The queue's sort key: empty (first in, first out) without an ORDER BY; with one, the
     * queue is a priority queue on the result columns its terms name (SQLite: "the queue
     * becomes a priority queue"), rows of equal key leaving in the order they came.
     * {@code columns[k]} is the result column key field k copies; {@code terms[k]} the term it
     * sorts for, or null when the field is that column's "is NULL" flag (see
     * {@link OrderBy#needsNullFlag}).
     */
    private record QueueKey(int[] columns, OrderingTerm[] terms, boolean[] descending) {
        boolean isNullFlag(int k) {
            return terms[k] == null;
        }

        /** The comparator, once the arms are compiled (their columns' collations are known then). */
        IndexKeyComparator comparator(Select.Body body, SelectCodegen selects) {
            Collation[] collations = new Collation[columns.length];
            for (int k = 0; k < columns.length; k++) {
                if (terms[k] != null) {
                    Collation own = ExprTyping.collation(terms[k].expr(), null);
                    collations[k] = own != null ? own : CompoundCodegen.columnCollation(body, columns[k], selects);
                }
            }
            return new IndexKeyComparator(collations, descending);
        }
    }

    private static QueueKey queueKey(Select select, int width) {
        List<OrderingTerm> terms = select.orderBy();
        List<Integer> columns = new ArrayList<>();
        List<OrderingTerm> keyTerms = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            OrderingTerm term = terms.get(k);
            int column = OrderBy.resolve(select.body(), term.expr(), k, width);
            if (OrderBy.needsNullFlag(term)) {
                columns.add(column);
                keyTerms.add(null);
            }
            columns.add(column);
            keyTerms.add(term);
        }
        int[] cols = new int[columns.size()];
        boolean[] desc = new boolean[cols.length];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = columns.get(k);
            // A flag sorts in its term's direction: the term is the next field.
            OrderingTerm term = keyTerms.get(k) != null ? keyTerms.get(k) : keyTerms.get(k + 1);
            desc[k] = term.order() == OrderingTerm.SortOrder.DESC;
        }
        return new QueueKey(cols, keyTerms.toArray(new OrderingTerm[0]), desc);
    }
}
