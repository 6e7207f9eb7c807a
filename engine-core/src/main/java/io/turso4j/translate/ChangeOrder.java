package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * The ORDER BY and LIMIT [OFFSET] of DELETE and UPDATE (SQLITE_ENABLE_UPDATE_DELETE_LIMIT, which
 * sqlite-jdbc's SQLite is built with): the rows the WHERE selects are sorted by the ORDER BY
 * terms (then rowid), and only LIMIT of them, after OFFSET, are changed. As in SQLite, which
 * rewrites the statement to {@code WHERE rowid IN (SELECT rowid … ORDER BY … LIMIT …)}, the
 * order chooses the rows but they are changed in rowid order. The first pass hands each
 * selected rowid to {@link #keep}; {@link #choose} then puts the chosen ones in the second
 * pass's list. Not thread-safe; one per statement.
 */
final class ChangeOrder {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final List<OrderingTerm> orderBy;
    private final Select.Limit limit;
    private final int sorter;
    private final int key;

    ChangeOrder(ProgramBuilder b, SelectCodegen selects, List<OrderingTerm> orderBy, Select.Limit limit, String statement) {
        if (limit == null) {
            throw ExprCodegen.error("ORDER BY without LIMIT on " + statement);
        }
        this.b = b;
        this.selects = selects;
        this.orderBy = orderBy;
        this.limit = limit;
        this.sorter = b.allocCursor();
        this.key = b.allocRegisters(orderBy.size() + 1);
        int n = orderBy.size() + 1;
        Collation[] collations = new Collation[n];
        boolean[] desc = new boolean[n];
        for (int i = 0; i < orderBy.size(); i++) {
            OrderingTerm term = orderBy.get(i);
            if (term.expr() instanceof Expr.Collate c) {
                collations[i] = Collation.builtin(c.collation());
            }
            desc[i] = term.order() == OrderingTerm.SortOrder.DESC;
        }
        b.emit(Opcode.OpenEphemeral, sorter, n, 0, new IndexKeyComparator(collations, desc), 0);
    }

    /** Codes the first pass's keeping of a selected row (whose rowid is in {@code rowid}). */
    void keep(int rowid) {
        for (int i = 0; i < orderBy.size(); i++) {
            selects.exprs().code(orderBy.get(i).expr(), key + i);
        }
        b.emit(Opcode.SCopy, rowid, key + orderBy.size());
        int record = b.allocRegister();
        b.emit(Opcode.MakeRecord, key, orderBy.size() + 1, record);
        b.emit(Opcode.IdxInsert, sorter, record);
    }

    /** Codes LIMIT's row count into {@code remaining} and OFFSET's (0 without one) into {@code skipped}, both integers. */
    static void codeLimit(ProgramBuilder b, ExprCodegen exprs, Select.Limit limit, int remaining, int skipped) {
        exprs.code(limit.limit(), remaining);
        b.emit(Opcode.MustBeInt, remaining, 0);
        if (limit.offset() != null) {
            exprs.code(limit.offset(), skipped);
            b.emit(Opcode.MustBeInt, skipped, 0);
        } else {
            b.emit(Opcode.Integer, 0, skipped);
        }
    }

    /** Codes the choice: the kept rows in order, past OFFSET, at most LIMIT, into {@code rowids}. */
    void choose(int rowids) {
        int remaining = b.allocRegister();
        int skipped = b.allocRegister();
        int entry = b.allocRegister();
        codeLimit(b, selects.exprs(), limit, remaining, skipped);
        int done = b.newLabel();
        b.emit(Opcode.Rewind, sorter, done);
        int top = b.currentAddress();
        int next = b.newLabel();
        b.emit(Opcode.IfPos, skipped, next, 1);
        b.emit(Opcode.IfNot, remaining, done, 0);
        int counted = b.newLabel();
        b.emit(Opcode.IfPos, remaining, counted, 1);
        b.emit(Opcode.Integer, -1, remaining); // a negative LIMIT is no limit
        b.resolve(counted);
        b.emit(Opcode.Column, sorter, orderBy.size(), entry);
        int record = b.allocRegister();
        b.emit(Opcode.MakeRecord, entry, 1, record);
        b.emit(Opcode.IdxInsert, rowids, record);
        b.resolve(next);
        b.emit(Opcode.Next, sorter, top);
        b.resolve(done);
    }
}
