package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;

/**
 * The indexes an UPDATE cannot change, whose entries it leaves alone, as SQLite's {@code
 * sqlite3Update} leaves every index that no assigned column feeds: no key check, no delete,
 * no insert. Decided conservatively: an index is unchanged only if it is not partial, has no
 * expression, and none of its columns is assigned or generated; and none is, when the UPDATE
 * may change the rowid, on a WITHOUT ROWID table, or when foreign keys need the row's every
 * index kept in step (SQLite's {@code hasFK}). Stateless.
 */
final class UnchangedIndexes {
    private UnchangedIndexes() {}

    /**
     * Per index of {@code table}, whether an UPDATE that assigns {@code setTo} (one entry per
     * column, then the rowid; null where not assigned) leaves it unchanged; null if it may
     * change them all.
     */
    static boolean[] of(Table table, Expr[] setTo, boolean foreignKeys) {
        int alias = table.rowidAlias();
        if (!table.hasRowid() || foreignKeys || setTo[table.columns().size()] != null
                || alias >= 0 && setTo[alias] != null) {
            return null;
        }
        boolean[] unchanged = new boolean[table.indexes().size()];
        for (int i = 0; i < unchanged.length; i++) {
            unchanged[i] = unchanged(table, table.indexes().get(i), setTo);
        }
        return unchanged;
    }

    private static boolean unchanged(Table table, Index index, Expr[] setTo) {
        if (index.whereSql() != null) {
            return false;
        }
        for (IndexColumn c : index.columns()) {
            if (c.expressionSql() != null) {
                return false;
            }
            if (c.column() >= 0 && (setTo[c.column()] != null || table.column(c.column()).isGenerated())) {
                return false;
            }
        }
        return true;
    }
}
