package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUP BY over a FROM clause. When the loops yield the rows in the order of the GROUP BY terms
 * (an index on them), each row is read as it comes: a group ends where the key changes. Else,
 * as SQLite does it without such an index, every row that passes WHERE
 * goes into a sorter as its group key followed by the whole current row of every source; the
 * sorted rows are read back into the sources' registers (so the aggregates' arguments, HAVING
 * and the result columns are coded against the same scope as before), stepping the aggregates
 * and emitting a group's row, through a subroutine, whenever the key changes:
 * <pre>
 *   loops: WHERE; key → r; MakeRecord key+row; SorterInsert s
 *   SorterSort s end
 *   loop: SorterData s → p; Column p key → cur
 *         if a group is open and cur != prev (NULLs equal): Gosub output
 *         prev = cur; Column p row → source registers; AggStep …
 *   SorterNext s loop; if a group is open: Gosub output
 *   output: AggFinal …; HAVING; result columns; row; Return
 * </pre>
 * A column that is neither grouped nor aggregated shows the group's first row, as SQLite 3.54
 * was seen to do, or with min()/max() the row the value came from (see
 * {@link AggregateCode#jumpUnlessBareRow}).
 * Not thread-safe; one per SELECT.
 */
final class GroupByCodegen {
    private final ProgramBuilder b;
    private final ExprCodegen exprs;

    GroupByCodegen(ProgramBuilder b, ExprCodegen exprs) {
        this.b = b;
        this.exprs = exprs;
    }

    /**
     * Codes the grouped query. Returns whether it sorts the rows: not when the loops already
     * yield them in the order of the GROUP BY terms (an index on them), which SQLite then reads
     * group by group as they come. Then, when the ORDER BY {@code order} asks for (null for
     * none) names the leading GROUP BY terms, the loops are asked for its directions, and the
     * groups come out in its order: the request is marked satisfied, and no sort follows.
     */
    boolean code(Select.Core core, List<Expr.Function> calls, List<Expr> where, FromCodegen from, List<Expr> columns,
                 List<String> aliases, int out, SelectCodegen.RowSink sink, SelectCodegen.OrderRequest order) {
        List<Expr> keys = new ArrayList<>();
        for (int i = 0; i < core.groupBy().size(); i++) {
            keys.add(resolve(core.groupBy().get(i), i, columns, aliases));
        }
        int k = keys.size();
        Collation[] collations = new Collation[k];
        for (int i = 0; i < k; i++) {
            Collation c = ExprTyping.collation(keys.get(i), exprs.scope());
            collations[i] = c != null ? c : BuiltinCollation.BINARY;
        }
        List<Expr> used = new ArrayList<>(columns);
        used.addAll(keys);
        if (core.having() != null) {
            used.add(core.having());
        }
        int width = 0;
        for (Scope.Source s : exprs.scope().sources()) {
            width += s.width();
        }
        int sorter = b.allocCursor();
        // Opened before the loops; made a Noop when they yield the groups in order (as SQLite does).
        int sorterOpen = b.emit(Opcode.SorterOpen, sorter, k + width, 0,
                new IndexKeyComparator(collations, new boolean[k]), 0);
        Groups groups = new Groups(k, collations, new AggregateCode(b, exprs, calls), width);
        int next = b.newLabel();
        List<OrderingTerm> wanted = ascending(keys);
        boolean groupsInOrder = order != null && leads(order.resolved(columns), keys, wanted);
        // Never with a RIGHT or FULL JOIN. Without an ORDER BY to serve, the groups come in any order.
        boolean ordered = groupsInOrder ? from.openLoops(where, used, wanted) : from.openGroupedLoops(where, used, keys);
        if (groupsInOrder) {
            order.satisfied = ordered;
        }
        if (ordered) {
            b.changeOpcode(sorterOpen, Opcode.Noop);
            for (int i = 0; i < k; i++) {
                exprs.code(keys.get(i), groups.current + i);
            }
            groups.row(() -> {
                from.copyRowsToRegisters();
                copySources(false, groups.snapshot);
            });
            from.closeLoops(next);
            from.useRegisters();
            groups.end(core, columns, out, sink);
            return false;
        }
        int pseudo = b.allocCursor();
        int record = b.allocRegister();
        int fields = b.allocRegisters(k + width);
        for (int i = 0; i < k; i++) {
            exprs.code(keys.get(i), fields + i);
        }
        // Only the columns the query reads go to the sorter (the others as NULL, one byte each).
        boolean[][] read = from.columnsRead(used);
        int at = fields + k;
        List<Scope.Source> sources = exprs.scope().sources();
        for (int source = 0; source < sources.size(); source++) {
            Scope.Source s = sources.get(source);
            for (int i = 0; i < s.width(); i++, at++) {
                boolean isRead = read == null || source >= read.length || read[source][i];
                if (isRead && (s.reader() == null || s.reader().canRead(i))) {
                    s.read(b, i, at);
                } else {
                    b.emit(Opcode.Null, 0, at);
                }
            }
        }
        b.emit(Opcode.MakeRecord, fields, k + width, record);
        b.emit(Opcode.SorterInsert, sorter, record);
        from.closeLoops(next);
        // The sorted rows are read back into the sources' registers.
        from.useRegisters();

        int end = b.newLabel();
        b.emit(Opcode.OpenPseudo, pseudo, record, k + width);
        b.emit(Opcode.SorterSort, sorter, end);
        int loop = b.currentAddress();
        b.emit(Opcode.SorterData, sorter, record, pseudo);
        for (int i = 0; i < k; i++) {
            b.emit(Opcode.Column, pseudo, i, groups.current + i);
        }
        groups.row(() -> copySources(false, groups.snapshot), () -> {
            int field = k;
            for (Scope.Source s : exprs.scope().sources()) {
                for (int i = 0; i < s.width(); i++) {
                    b.emit(Opcode.Column, pseudo, field++, s.firstRegister() + i);
                }
            }
        });
        b.emit(Opcode.SorterNext, sorter, loop);
        b.resolve(end);
        groups.end(core, columns, out, sink);
        return true;
    }

    /**
     * Whether the ORDER BY terms {@code orderBy} are the leading GROUP BY terms {@code keys}
     * (each the same expression); if so their directions replace those in {@code wanted}.
     */
    private boolean leads(List<OrderingTerm> orderBy, List<Expr> keys, List<OrderingTerm> wanted) {
        if (orderBy.size() > keys.size()) {
            return false;
        }
        for (int i = 0; i < orderBy.size(); i++) {
            if (!WhereTerm.sameExpr(orderBy.get(i).expr(), keys.get(i), exprs.scope())) {
                return false;
            }
        }
        for (int i = 0; i < orderBy.size(); i++) {
            OrderingTerm t = orderBy.get(i);
            wanted.set(i, new OrderingTerm(keys.get(i), t.order(), t.nulls()));
        }
        return true;
    }

    /** The GROUP BY terms (or DISTINCT's columns) as ascending ORDER BY terms, the order the loops are asked for. */
    static List<OrderingTerm> ascending(List<Expr> keys) {
        List<OrderingTerm> out = new ArrayList<>();
        for (Expr key : keys) {
            out.add(new OrderingTerm(key, OrderingTerm.SortOrder.ASC, null));
        }
        return out;
    }

    /**
     * The group-break logic both ways share: each row's key is compared with the previous one
     * (NULLs equal); a change emits the open group's row through a subroutine; every row steps
     * the aggregates; the row a group's bare columns show is kept in {@link #snapshot}.
     */
    private final class Groups {
        final int current;
        final int snapshot;
        private final int k;
        private final Collation[] collations;
        private final AggregateCode aggregates;
        private final int open = b.allocRegister();
        private final int previous;
        private final int returnAddress = b.allocRegister();
        private final int firstRow = b.allocRegister();
        private final int output = b.newLabel();

        /** @param width the sources' columns, all of which a snapshot holds */
        Groups(int k, Collation[] collations, AggregateCode aggregates, int width) {
            this.k = k;
            this.collations = collations;
            this.aggregates = aggregates;
            current = b.allocRegisters(k);
            previous = b.allocRegisters(k);
            snapshot = b.allocRegisters(Math.max(width, 1));
            aggregates.reset();
            b.emit(Opcode.Integer, 0, open);
        }

        /** Codes one row, its key in {@link #current}: {@code keep} saves the sources' row for the bare columns. */
        void row(Runnable keep) {
            row(keep, () -> { });
        }

        /** As {@link #row(Runnable)}; {@code load} first puts the row in the sources' registers. */
        void row(Runnable keep, Runnable load) {
            int sameGroup = b.newLabel();
            int newGroup = b.newLabel();
            int changed = b.newLabel();
            b.emit(Opcode.IfNot, open, newGroup, 0);
            for (int i = 0; i < k; i++) {
                b.emit(Opcode.Ne, previous + i, changed, current + i, collations[i], AffinityCode.NULLEQ);
            }
            b.emit(Opcode.Goto, 0, sameGroup);
            b.resolve(changed);
            b.emit(Opcode.Gosub, returnAddress, output);
            b.resolve(newGroup);
            b.emit(Opcode.Copy, current, previous, k - 1);
            b.emit(Opcode.Integer, 1, open);
            b.emit(Opcode.Integer, 1, firstRow);
            b.resolve(sameGroup);
            load.run();
            aggregates.step();
            // Keep a copy of the row a group's bare columns show.
            int notThisRow = b.newLabel();
            aggregates.jumpUnlessBareRow(firstRow, notThisRow);
            keep.run();
            b.resolve(notThisRow);
        }

        /** After the last row: the last group's row, then the output subroutine (HAVING, result columns). */
        void end(Select.Core core, List<Expr> columns, int out, SelectCodegen.RowSink sink) {
            int done = b.newLabel();
            b.emit(Opcode.IfNot, open, done, 0);
            b.emit(Opcode.Gosub, returnAddress, output);
            b.emit(Opcode.Goto, 0, done);

            // The output subroutine: finish the group, filter it, emit its row, start afresh.
            b.resolve(output);
            aggregates.finish();
            copySources(true, snapshot);
            int skip = b.newLabel();
            if (core.having() != null) {
                exprs.jumpIfNotTrue(core.having(), skip);
            }
            sink.beforeColumns();
            for (int i = 0; i < columns.size(); i++) {
                exprs.code(columns.get(i), out + i);
            }
            sink.row(out, columns.size());
            b.resolve(skip);
            aggregates.reset();
            b.emit(Opcode.Return, returnAddress, 0);
            b.resolve(done);
        }
    }

    /** Copies the sources' registers to the block at {@code snapshot}, or back when {@code restore}. */
    private void copySources(boolean restore, int snapshot) {
        int at = snapshot;
        for (Scope.Source s : exprs.scope().sources()) {
            int n = s.width();
            if (n > 0) {
                b.emit(Opcode.Copy, restore ? at : s.firstRegister(), restore ? s.firstRegister() : at, n - 1);
                at += n;
            }
        }
    }

    /**
     * A GROUP BY term as SQLite resolves it: an integer is a result column's number; a bare
     * name that no source has but a result column's alias is that column's expression.
     */
    private Expr resolve(Expr term, int i, List<Expr> columns, List<String> aliases) {
        if (term instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            long n;
            try {
                n = Long.parseLong(l.text());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > columns.size()) {
                throw ExprCodegen.error(OrderBy.ordinal(i + 1) + " GROUP BY term out of range - should be between 1 and "
                        + columns.size());
            }
            return columns.get((int) n - 1);
        }
        if (term instanceof Expr.Column c && c.table() == null && exprs.scope().find(c) == null) {
            for (int a = 0; a < aliases.size(); a++) {
                if (c.column().equalsIgnoreCase(aliases.get(a))) {
                    return columns.get(a);
                }
            }
        }
        return term;
    }
}
