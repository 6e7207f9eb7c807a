package io.turso4j.schema;

import java.util.List;

/**
 * An index: one made by CREATE INDEX, or one SQLite makes itself for a PRIMARY KEY or UNIQUE
 * constraint ({@code sqlite_autoindex_<table>_<N>}, with no SQL text in sqlite_schema).
 *
 * <p>{@link #columns()} lists every column an entry holds, as {@code PRAGMA index_xinfo} does:
 * the first {@link #keyCount()} are the key; the rest identify the row (the rowid, or a WITHOUT
 * ROWID table's primary key columns, or for the primary key index of a WITHOUT ROWID table
 * every other stored column).
 *
 * @param rootPage the index b-tree's root page; 0 until the b-tree exists
 * @param sql the CREATE INDEX text; null for an automatic index
 * @param onConflict the constraint's ON CONFLICT algorithm ({@link Conflict#ABORT} for CREATE
 *     UNIQUE INDEX, {@link Conflict#DEFAULT} when a constraint wrote none)
 * @param whereSql a partial index's WHERE expression as SQL text, or null
 */
public record Index(String name, String table, int rootPage, String sql, boolean unique, Origin origin,
                    Conflict onConflict, List<IndexColumn> columns, int keyCount, String whereSql) {

    /** Why the index exists, as {@code PRAGMA index_list}'s {@code origin} column names it. */
    public enum Origin {
        CREATE("c"), UNIQUE("u"), PRIMARY_KEY("pk");

        private final String code;

        Origin(String code) {
            this.code = code;
        }

        /** {@code c}, {@code u} or {@code pk}. */
        public String code() {
            return code;
        }
    }

    public Index {
        columns = List.copyOf(columns);
    }

    public boolean isPartial() {
        return whereSql != null;
    }

    public boolean isAutomatic() {
        return sql == null;
    }

    public boolean isPrimaryKey() {
        return origin == Origin.PRIMARY_KEY;
    }

    /** The key columns (the first {@link #keyCount()} of {@link #columns()}). */
    public List<IndexColumn> keyColumns() {
        return columns.subList(0, keyCount);
    }

    public Index withRootPage(int page) {
        return new Index(name, table, page, sql, unique, origin, onConflict, columns, keyCount, whereSql);
    }
}
