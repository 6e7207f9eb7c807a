package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
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
 * GROUP BY over a FROM clause, as SQLite does it without an index: every row that passes WHERE
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

    /** Codes the grouped query. */
    void code(Select.Core core, List<Expr.Function> calls, List<Expr> where, FromCodegen from, List<Expr> columns,
              List<String> aliases, int out, SelectCodegen.RowSink sink) {
        List<Expr> keys = new ArrayList<>();
        for (int i = 0; i < core.groupBy().size(); i++) {
            keys.add(resolve(core.groupBy().get(i), i, columns, aliases));
        }
        int k = keys.size();
        int width = 0;
        for (Scope.Source s : exprs.scope().sources()) {
            width += s.width();
        }
        Collation[] collations = new Collation[k];
        for (int i = 0; i < k; i++) {
            Collation c = ExprTyping.collation(keys.get(i), exprs.scope());
            collations[i] = c != null ? c : BuiltinCollation.BINARY;
        }
        int sorter = b.allocCursor();
        int pseudo = b.allocCursor();
        int record = b.allocRegister();
        int fields = b.allocRegisters(k + width);
        b.emit(Opcode.SorterOpen, sorter, k + width, 0, new IndexKeyComparator(collations, new boolean[k]), 0);

        int next = b.newLabel();
        List<Expr> used = new ArrayList<>(columns);
        used.addAll(keys);
        if (core.having() != null) {
            used.add(core.having());
        }
        from.openLoops(where, used);
        for (int i = 0; i < k; i++) {
            exprs.code(keys.get(i), fields + i);
        }
        int at = fields + k;
        for (Scope.Source s : exprs.scope().sources()) {
            for (int i = 0; i < s.width(); i++, at++) {
                if (s.reader() == null || s.reader().canRead(i)) {
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

        AggregateCode aggregates = new AggregateCode(b, exprs, calls);
        int open = b.allocRegister();
        int current = b.allocRegisters(k);
        int previous = b.allocRegisters(k);
        int returnAddress = b.allocRegister();
        int firstRow = b.allocRegister();
        int snapshot = b.allocRegisters(Math.max(width, 1));
        int output = b.newLabel();
        int end = b.newLabel();
        aggregates.reset();
        b.emit(Opcode.Integer, 0, open);
        b.emit(Opcode.OpenPseudo, pseudo, record, k + width);
        b.emit(Opcode.SorterSort, sorter, end);
        int loop = b.currentAddress();
        b.emit(Opcode.SorterData, sorter, record, pseudo);
        for (int i = 0; i < k; i++) {
            b.emit(Opcode.Column, pseudo, i, current + i);
        }
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
        at = k;
        for (Scope.Source s : exprs.scope().sources()) {
            for (int i = 0; i < s.width(); i++) {
                b.emit(Opcode.Column, pseudo, at++, s.firstRegister() + i);
            }
        }
        aggregates.step();
        // Keep a copy of the row a group's bare columns show.
        int notThisRow = b.newLabel();
        aggregates.jumpUnlessBareRow(firstRow, notThisRow);
        copySources(false, snapshot);
        b.resolve(notThisRow);
        b.emit(Opcode.SorterNext, sorter, loop);
        b.emit(Opcode.IfNot, open, end, 0);
        b.emit(Opcode.Gosub, returnAddress, output);
        b.emit(Opcode.Goto, 0, end);

        // The output subroutine: finish the group, filter it, emit its row, start afresh.
        b.resolve(output);
        aggregates.finish();
        copySources(true, snapshot);
        int skip = b.newLabel();
        if (core.having() != null) {
            exprs.jumpIfNotTrue(core.having(), skip);
        }
        for (int i = 0; i < columns.size(); i++) {
            exprs.code(columns.get(i), out + i);
        }
        sink.row(out, columns.size());
        b.resolve(skip);
        aggregates.reset();
        b.emit(Opcode.Return, returnAddress, 0);
        b.resolve(end);
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
