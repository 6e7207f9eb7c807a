package io.turso4j.sql.ast;

import java.util.List;

/**
 * UPDATE (lang_update.html), including UPDATE … FROM and the optional
 * ORDER BY / LIMIT of SQLITE_ENABLE_UPDATE_DELETE_LIMIT builds.
 * Nullable: {@code with}, {@code orAction}, {@code from}, {@code where}, {@code limit}.
 */
public record Update(Pos pos, Select.With with, ConflictAction orAction, QualifiedTable table,
                     List<Set> sets, Select.From from, Expr where, List<Select.ResultColumn> returning,
                     List<OrderingTerm> orderBy, Select.Limit limit) implements Stmt {

    /** This statement with {@code OR action} in place of its own. */
    public Update withOrAction(ConflictAction action) {
        return new Update(pos, with, action, table, sets, from, where, returning, orderBy, limit);
    }

    /**
     * {@code column = value}, or {@code (c1, c2) = value} when {@code columns} has several names;
     * {@code rowValue} says the names were written in parentheses (then {@code (c) = (SELECT x, y)}
     * is "1 columns assigned 2 values").
     */
    public record Set(List<String> columns, Expr value, boolean rowValue) {
        public Set(List<String> columns, Expr value) {
            this(columns, value, columns.size() > 1);
        }
    }

    /**
     * The target of UPDATE or DELETE: {@code name [AS alias] [INDEXED BY index | NOT INDEXED]}.
     * {@code indexedBy} is the empty string for NOT INDEXED; it and {@code alias} may be null.
     */
    public record QualifiedTable(Name name, String alias, String indexedBy) {}
}
