package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.sql.ast.Expr;
import java.util.List;

/**
 * How one FROM source's rows are found in its loop (SQLite's WhereLoop): a full scan, a rowid
 * lookup or range, an index lookup on equality constraints over a prefix of its columns with an
 * optional range on the next one, or an automatic index built on the fly. Every term is still
 * tested after the row is found, so a path only has to find a superset of the rows the terms
 * accept, never a row twice — except the terms it {@link #consumes}. Immutable.
 *
 * @param eq the constraints on the rowid (one), the index's leading columns, or the automatic
 *     index's columns, in key order; each EQ or IN
 * @param lower a range's start ({@code >}, {@code >=}) on the next column, or null
 * @param upper a range's end ({@code <}, {@code <=}) on the next column, or null
 * @param covering the index holds every column the query reads (the table is not read)
 * @param cost the estimated work of one run of the loop
 * @param rows the estimated rows it yields per run
 * @param setup the estimated one-time work (building an automatic index)
 * @param or for {@link Kind#MULTI_OR}, the OR term it looks up; else null
 * @param branches for {@link Kind#MULTI_OR}, one rowid or index lookup per disjunct of
 *     {@code or}, in its order; else empty
 */
record AccessPath(Kind kind, Index index, List<WhereTerm.Constraint> eq, WhereTerm.Constraint lower,
                  WhereTerm.Constraint upper, boolean covering, double cost, double rows, double setup,
                  WhereTerm or, List<AccessPath> branches) {

    AccessPath(Kind kind, Index index, List<WhereTerm.Constraint> eq, WhereTerm.Constraint lower,
               WhereTerm.Constraint upper, boolean covering, double cost, double rows, double setup) {
        this(kind, index, eq, lower, upper, covering, cost, rows, setup, null, List.of());
    }

    /**
     * Whether every row this path finds satisfies {@code t}, so its loop need not test it
     * (SQLite's disableTerm): {@code t} is an equality, IN list or IN subquery (or an OR of
     * equalities taken as one) whose constraint a stored index's or the rowid's lookup uses, or
     * a comparison ({@code <}, {@code <=}, {@code >}, {@code >=}) or BETWEEN whose bounds a
     * stored index's range uses. The lookup applies the comparison's affinity and collation and
     * skips a NULL key, and the index orders its entries as the comparison does, so it finds
     * exactly the rows the test accepts.
     */
    boolean consumes(WhereTerm t) {
        if (kind == Kind.INDEX && (lower != null || upper != null)) {
            boolean low = lower != null && lower.term() == t;
            boolean high = upper != null && upper.term() == t;
            switch (t.expr()) {
                case Expr.Binary b when b.op() == Expr.BinaryOp.LT || b.op() == Expr.BinaryOp.LE
                        || b.op() == Expr.BinaryOp.GT || b.op() == Expr.BinaryOp.GE -> {
                    return low || high;
                }
                case Expr.Between b when !b.not() -> {
                    return low && high;
                }
                default -> {
                }
            }
        }
        if (kind != Kind.INDEX && kind != Kind.ROWID_EQ) {
            return false;
        }
        boolean exact = switch (t.expr()) {
            // An OR's constraint is exact only as the IN its equalities make (no disjuncts kept):
            // a bound combined from its disjuncts only narrows.
            case Expr.Binary b -> b.op() == Expr.BinaryOp.EQ
                    || b.op() == Expr.BinaryOp.OR && t.disjuncts().isEmpty();
            case Expr.InList in -> !in.not();
            case Expr.InSelect in -> !in.not();
            default -> false;
        };
        if (!exact) {
            return false;
        }
        int parts = 0;
        int width = 1;
        for (WhereTerm.Constraint c : eq) {
            if (c.term() == t && (c.op() == WhereTerm.Op.EQ || c.op() == WhereTerm.Op.IN)) {
                parts++;
                width = c.width();
            }
        }
        // A row value IN only when the lookup uses all its columns.
        return parts > 0 && parts >= width;
    }

    /** This path with the planner's final estimates. */
    AccessPath withEstimates(double cost, double rows) {
        return new AccessPath(kind, index, eq, lower, upper, covering, cost, rows, setup, or, branches);
    }

    enum Kind {
        /** A source that is one row already in registers (a recursive CTE's current row). */
        ROW,
        /** Every row: a table scan, or a co-routine run to its end. */
        SCAN,
        /** The row whose rowid equals a value (or each of an IN list's values). */
        ROWID_EQ,
        /** The rows whose rowid lies in a range. */
        ROWID_RANGE,
        /** Index entries equal to a key prefix, optionally in a range on the next column. */
        INDEX,
        /** A transient index over the source, built once, looked up by equality. */
        AUTO_INDEX,
        /**
         * SQLite's MULTI-INDEX OR: each disjunct of an OR term looked up in turn by its own
         * branch path, each row found that passes its disjunct and was not found before.
         */
        MULTI_OR
    }
}
