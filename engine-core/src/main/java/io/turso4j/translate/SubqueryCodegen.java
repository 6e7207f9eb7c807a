package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * Subqueries inside expressions: scalar, EXISTS and {@code IN (SELECT …)}. Each is coded as
 * a nested SELECT (through {@link SelectCodegen}) whose rows a small sink consumes. Not
 * thread-safe; one per compilation.
 */
final class SubqueryCodegen {
    private final ProgramBuilder b;
    private final SelectCodegen selects;

    SubqueryCodegen(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
    }

    /** A scalar subquery: its first row's value, or NULL when it has none. */
    void scalar(Expr.Subquery s, int target) {
        int done = b.newLabel();
        b.emit(Opcode.Null, 0, target);
        int columns = selects.select(s.select(), (first, count) -> {
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
        selects.select(x.select(), (first, count) -> {
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
        Collation collation = first == null ? ExprTyping.collation(e.expr(), selects.exprs().scope())
                : ExprTyping.binary(e.expr(), first, selects.exprs().scope());
        int empty = b.allocRegister();
        b.emit(Opcode.Integer, 1, empty);
        int x = selects.exprs().codeTemp(e.expr());
        InTest test = new InTest(b, x, affinity, collation, true, true);
        int columns = selects.select(e.select(), (row, count) -> {
            b.emit(Opcode.Integer, 0, empty);
            test.compare(row);
        });
        if (columns != 1) {
            throw ExprCodegen.error("sub-select returns " + columns + " columns - expected 1");
        }
        test.end(e.not(), target, empty);
    }
}
