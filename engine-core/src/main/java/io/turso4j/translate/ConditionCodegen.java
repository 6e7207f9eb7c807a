package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

import java.util.IdentityHashMap;

/**
 * Codes conditions as jumps, as SQLite's sqlite3ExprIfTrue / sqlite3ExprIfFalse: AND and OR
 * short-circuit, NOT swaps the sense, a comparison is one compare-and-jump instruction, IS NULL
 * one IsNull or NotNull, BETWEEN two comparisons of x coded once; anything else is coded as a
 * value and tested with If / IfNot.
 *
 * <p>Every method jumps to {@code dest} when the condition has the truth value asked for and
 * falls through otherwise; {@code jumpIfNull} says what a NULL (unknown) condition does. The
 * jumps keep SQL's three-valued logic exactly: {@code NOT NULL} is NULL, {@code NULL AND 0} is
 * false, {@code NULL OR 1} true — each operand's unknown case is sent where the whole
 * expression's would go. Operands are evaluated left to right, the right one only when it can
 * still decide the outcome; except that of an AND or OR whose left operand holds a subquery and
 * whose right one does not, the right one goes first (SQLite 3.46+'s exprEvalRhsFirst): it may
 * decide the outcome without the subquery being run, or its table built, at all.
 *
 * <p>Not thread-safe; one per {@link ExprCodegen}.
 */
final class ConditionCodegen {
    private final ExprCodegen exprs;
    private final ProgramBuilder b;
    /** {@link #holdsSubquery}'s answers for the AND and OR nodes asked about; made on first need. */
    private IdentityHashMap<Expr, Boolean> chainsHoldingSubqueries;

    ConditionCodegen(ExprCodegen exprs, ProgramBuilder b) {
        this.exprs = exprs;
        this.b = b;
    }

    /** Jumps to {@code dest} when {@code e} is true; when it is NULL, only if {@code jumpIfNull}. */
    void jumpIfTrue(Expr e, int dest, boolean jumpIfNull) {
        jump(e, true, dest, jumpIfNull);
    }

    /** Jumps to {@code dest} when {@code e} is false; when it is NULL, only if {@code jumpIfNull}. */
    void jumpIfFalse(Expr e, int dest, boolean jumpIfNull) {
        jump(e, false, dest, jumpIfNull);
    }

    /** Jumps to {@code dest} when {@code e}'s truth is {@code sense} (NULL: when {@code jumpIfNull}). */
    private void jump(Expr e, boolean sense, int dest, boolean jumpIfNull) {
        if (exprs.isBound(e)) {
            test(e, sense, dest, jumpIfNull);
            return;
        }
        switch (e) {
            case Expr.Binary bin when bin.op() == Expr.BinaryOp.AND -> {
                boolean swap = rightFirst(bin);
                both(swap ? bin.right() : bin.left(), swap ? bin.left() : bin.right(), sense, dest, jumpIfNull);
            }
            case Expr.Binary bin when bin.op() == Expr.BinaryOp.OR -> {
                // a OR b is NOT (NOT a AND NOT b): the same jumps with the senses swapped.
                boolean swap = rightFirst(bin);
                either(swap ? bin.right() : bin.left(), swap ? bin.left() : bin.right(), sense, dest, jumpIfNull);
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.NOT -> jump(u.operand(), !sense, dest, jumpIfNull);
            case Expr.Binary bin when isScalarComparison(bin) -> comparison(bin, sense, dest, jumpIfNull);
            case Expr.NullTest n -> nullTest(n.expr(), n.not(), sense, dest);
            case Expr.Between bt -> between(bt, sense, dest, jumpIfNull);
            case Expr.InList in when ExprCodegen.isConstantSet(in) -> exprs.inListJump(in, sense, dest, jumpIfNull);
            case Expr.Collate c -> jump(c.expr(), sense, dest, jumpIfNull);
            default -> test(e, sense, dest, jumpIfNull);
        }
    }

    /**
     * Whether AND or OR {@code e} tests its right operand first: when only the left one holds a
     * subquery. Either order gives the same truth value under three-valued logic.
     */
    private boolean rightFirst(Expr.Binary e) {
        return !holdsSubquery(e.right()) && holdsSubquery(e.left());
    }

    /**
     * {@link ExprTyping#holdsSubquery}, remembered for AND and OR nodes: each level of a long
     * chain asks it of the whole chain below, which would make coding the chain quadratic.
     */
    private boolean holdsSubquery(Expr e) {
        if (!(e instanceof Expr.Binary bin) || (bin.op() != Expr.BinaryOp.AND && bin.op() != Expr.BinaryOp.OR)) {
            return ExprTyping.holdsSubquery(e);
        }
        if (chainsHoldingSubqueries == null) {
            chainsHoldingSubqueries = new IdentityHashMap<>();
        }
        Boolean known = chainsHoldingSubqueries.get(bin);
        if (known == null) {
            known = holdsSubquery(bin.left()) || holdsSubquery(bin.right());
            chainsHoldingSubqueries.put(bin, known);
        }
        return known;
    }

    /** {@code left AND right}. */
    private void both(Expr left, Expr right, boolean sense, int dest, boolean jumpIfNull) {
        if (sense) {
            // True only when both are: a false (or, unless NULL jumps, a NULL) left side cannot get there.
            int skip = b.newLabel();
            jump(left, false, skip, !jumpIfNull);
            jump(right, true, dest, jumpIfNull);
            b.resolve(skip);
        } else {
            jump(left, false, dest, jumpIfNull);
            jump(right, false, dest, jumpIfNull);
        }
    }

    /** {@code left OR right}. */
    private void either(Expr left, Expr right, boolean sense, int dest, boolean jumpIfNull) {
        if (sense) {
            jump(left, true, dest, jumpIfNull);
            jump(right, true, dest, jumpIfNull);
        } else {
            int skip = b.newLabel();
            jump(left, true, skip, !jumpIfNull);
            jump(right, false, dest, jumpIfNull);
            b.resolve(skip);
        }
    }

    /** The value of {@code e}, tested: the fallback for every condition not coded as jumps. */
    private void test(Expr e, boolean sense, int dest, boolean jumpIfNull) {
        int r = exprs.operand(e);
        b.emit(sense ? Opcode.If : Opcode.IfNot, r, dest, jumpIfNull ? 1 : 0);
    }

    /** A comparison of two scalars (not row values, whose code {@link ExprCodegen} has). */
    private static boolean isScalarComparison(Expr.Binary e) {
        return switch (e.op()) {
            case EQ, NE, LT, LE, GT, GE, IS, IS_NOT -> !(e.left() instanceof Expr.Row || e.right() instanceof Expr.Row
                    || e.left() instanceof Expr.Subquery || e.right() instanceof Expr.Subquery);
            default -> false;
        };
    }

    private void comparison(Expr.Binary e, boolean sense, int dest, boolean jumpIfNull) {
        Expr.BinaryOp op = e.op();
        if (op == Expr.BinaryOp.IS || op == Expr.BinaryOp.IS_NOT) {
            boolean is = op == Expr.BinaryOp.IS;
            Boolean truth = ExprTyping.truthConstant(e.right());
            if (truth != null) {
                truthTest(e.left(), truth, !is, sense, dest);
                return;
            }
            if (isNullLiteral(e.right())) {
                nullTest(e.left(), !is, sense, dest);
                return;
            }
        }
        int left = exprs.operand(e.left());
        int right = exprs.operand(e.right());
        compare(sense ? op : negate(op), e.left(), left, e.right(), right, dest, jumpIfNull);
    }

    /** {@code x BETWEEN lo AND hi} as {@code x >= lo AND x <= hi}, x coded once, hi only when needed. */
    private void between(Expr.Between e, boolean sense, int dest, boolean jumpIfNull) {
        boolean want = sense != e.not();
        int x = exprs.operand(e.expr());
        int lo = exprs.operand(e.low());
        if (want) {
            int skip = b.newLabel();
            compare(Expr.BinaryOp.LT, e.expr(), x, e.low(), lo, skip, !jumpIfNull);
            int hi = exprs.operand(e.high());
            compare(Expr.BinaryOp.LE, e.expr(), x, e.high(), hi, dest, jumpIfNull);
            b.resolve(skip);
        } else {
            compare(Expr.BinaryOp.LT, e.expr(), x, e.low(), lo, dest, jumpIfNull);
            int hi = exprs.operand(e.high());
            compare(Expr.BinaryOp.GT, e.expr(), x, e.high(), hi, dest, jumpIfNull);
        }
    }

    /** One compare-and-jump: to {@code dest} when {@code left op right} holds, or (flag) when an operand is NULL. */
    private void compare(Expr.BinaryOp op, Expr leftExpr, int left, Expr rightExpr, int right, int dest,
                         boolean jumpIfNull) {
        boolean nullEq = op == Expr.BinaryOp.IS || op == Expr.BinaryOp.IS_NOT;
        int p5 = exprs.comparisonP5(leftExpr, rightExpr)
                | (nullEq ? AffinityCode.NULLEQ : jumpIfNull ? AffinityCode.JUMPIFNULL : 0);
        b.emit(ExprCodegen.comparison(op), right, dest, left, ExprTyping.binary(leftExpr, rightExpr, exprs.scope()), p5);
    }

    /** The comparison true exactly when {@code op} is false (for non-NULL operands). */
    private static Expr.BinaryOp negate(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> Expr.BinaryOp.NE;
            case NE -> Expr.BinaryOp.EQ;
            case LT -> Expr.BinaryOp.GE;
            case LE -> Expr.BinaryOp.GT;
            case GT -> Expr.BinaryOp.LE;
            case GE -> Expr.BinaryOp.LT;
            case IS -> Expr.BinaryOp.IS_NOT;
            case IS_NOT -> Expr.BinaryOp.IS;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** {@code x IS [NOT] NULL}, never NULL itself. */
    private void nullTest(Expr x, boolean notNull, boolean sense, int dest) {
        int r = exprs.operand(x);
        b.emit(notNull == sense ? Opcode.NotNull : Opcode.IsNull, r, dest);
    }

    /**
     * {@code x IS [NOT] TRUE/FALSE}, never NULL: it holds when x's truth is {@code truth}
     * (x NULL: never), negated by NOT.
     */
    private void truthTest(Expr x, boolean truth, boolean not, boolean sense, int dest) {
        int r = exprs.operand(x);
        // Jump when x's truth equals (truth == wantEqual); a NULL x makes the test "not", so jumps when not == sense.
        boolean jumpWhenTrue = truth == (sense != not);
        b.emit(jumpWhenTrue ? Opcode.If : Opcode.IfNot, r, dest, not == sense ? 1 : 0);
    }

    private static boolean isNullLiteral(Expr e) {
        return e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.NULL;
    }
}
