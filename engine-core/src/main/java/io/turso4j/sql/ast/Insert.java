package io.turso4j.sql.ast;

import java.util.List;

/**
 * INSERT or REPLACE (lang_insert.html). {@code REPLACE INTO} is stored as
 * {@code INSERT OR REPLACE}, which SQLite treats identically.
 *
 * @param with null when absent
 * @param orAction null when no {@code OR …} is written
 * @param alias {@code AS alias} of the target, or null
 * @param columns empty when no column list is written
 * @param source the rows: a SELECT (VALUES is a SELECT), or null for DEFAULT VALUES
 * @param upserts ON CONFLICT clauses in order; empty when none
 * @param returning empty when no RETURNING clause
 */
public record Insert(Pos pos, Select.With with, ConflictAction orAction, Name table, String alias,
                     List<String> columns, Select source, List<Upsert> upserts,
                     List<Select.ResultColumn> returning) implements Stmt {

    /** This statement with {@code OR action} in place of its own. */
    public Insert withOrAction(ConflictAction action) {
        return new Insert(pos, with, action, table, alias, columns, source, upserts, returning);
    }

    /**
     * {@code ON CONFLICT [(target) [WHERE targetWhere]] DO NOTHING | DO UPDATE SET … [WHERE where]}.
     * {@code target} is empty when not written; {@code sets} is empty for DO NOTHING.
     */
    public record Upsert(List<OrderingTerm> target, Expr targetWhere, boolean doNothing,
                         List<Update.Set> sets, Expr where) {}
}
