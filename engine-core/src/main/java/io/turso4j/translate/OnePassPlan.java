package io.turso4j.translate;

import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;

/**
 * When a DELETE or UPDATE of a rowid table may change each row under its WHERE loop's own
 * cursors, in one pass, as SQLite's ONEPASS_SINGLE and ONEPASS_MULTI plans do, instead of
 * collecting the rowids first. The statement must allow it (no row triggers or RETURNING, no
 * foreign keys to enforce, no ORDER BY / LIMIT, no subquery in the WHERE that could read the
 * table while it changes; for UPDATE also no FROM, no rowid change, no REPLACE that may delete
 * other rows: {@link #forDelete}, {@link #forUpdate}), and so must the loop ({@link #allows}):
 * a table scan, a rowid lookup or range, or an index the statement leaves unchanged, whose
 * cursor then goes on from where the change left it (after a delete, to the entry that followed;
 * after an update in place, on the same entry). An UPDATE's rows then change in the loop's
 * order, as SQLite's one-pass UPDATE's do (visible through uniqueness conflicts). Immutable.
 *
 * @param unchanged per index of the table, whether the statement leaves its entries alone
 *                  (null for DELETE, which removes every index's entries through the loop's
 *                  cursor when it scans one)
 */
record OnePassPlan(boolean[] unchanged) {
    private static final OnePassPlan DELETE = new OnePassPlan(null);

    /** The plan a DELETE may use, or null when it must run in two passes. */
    static OnePassPlan forDelete(Table table, Expr where, boolean ordered, boolean returning,
                                 boolean triggers, boolean foreignKeys) {
        return statementAllows(table, where, ordered, returning, triggers, foreignKeys) ? DELETE : null;
    }

    /**
     * The plan an UPDATE may use, or null when it must run in two passes. {@code simple} says it
     * has no FROM, changes no rowid and replaces no other row; {@code unchanged} is {@link
     * UnchangedIndexes}' answer for it.
     */
    static OnePassPlan forUpdate(Table table, Expr where, boolean ordered, boolean returning,
                                 boolean triggers, boolean foreignKeys, boolean simple, boolean[] unchanged) {
        return simple && unchanged != null && statementAllows(table, where, ordered, returning, triggers, foreignKeys)
                ? new OnePassPlan(unchanged) : null;
    }

    private static boolean statementAllows(Table table, Expr where, boolean ordered, boolean returning,
                                           boolean triggers, boolean foreignKeys) {
        if (!table.hasRowid() || ordered || returning || triggers || foreignKeys) {
            return false;
        }
        // A subquery might read the table the loop is changing (SQLite's EP_Subquery / NC_Subquery test).
        return where == null || !ExprTyping.holdsSubquery(where);
    }

    /** Whether the WHERE loop's {@code path} lets the change run in one pass. */
    boolean allows(AccessPath path, Table table) {
        return switch (path.kind()) {
            case SCAN, ROWID_EQ, ROWID_RANGE -> true;
            case INDEX -> unchanged == null || unchanged[table.indexes().indexOf(path.index())];
            case ROW, AUTO_INDEX, MULTI_OR -> false;
        };
    }
}
