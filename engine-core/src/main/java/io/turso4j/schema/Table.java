package io.turso4j.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as SQLite keeps it after CREATE TABLE (an ordinary table, or a virtual table when
 * {@link #module()} is set). Immutable; the {@code with…} methods return changed copies.
 *
 * <p>Invariants: {@link #rowidAlias()} is -1 or the position of the one column declared
 * {@code INTEGER PRIMARY KEY} (not DESC in the column-constraint form) in a rowid table; a
 * WITHOUT ROWID table has no rowid alias and exactly one index with origin
 * {@link Index.Origin#PRIMARY_KEY}, whose root page is the table's. {@link #indexes()} is in SQLite's order (the order of its
 * {@code Table.pIndex} list, which is what {@code PRAGMA index_list} shows): newest first,
 * except that indexes whose ON CONFLICT is REPLACE are kept last.
 *
 * @param rootPage the table b-tree's root page; 0 until it exists (and for virtual tables)
 * @param sql the CREATE TABLE text as sqlite_schema holds it
 * @param rowidAlias position of the INTEGER PRIMARY KEY column, or -1
 * @param rowidConflict the ON CONFLICT of that primary key
 * @param autoincrement the rowid alias was declared AUTOINCREMENT (rowids never reused;
 *     sqlite_sequence records the largest)
 * @param module a virtual table's module name, null for an ordinary table
 * @param db the index of the database holding it: 0 main, 1 temp, 2… attached (SQLite's iDb);
 *     what OpenRead/OpenWrite carry in P3
 */
public record Table(String name, int rootPage, String sql, List<Column> columns, int rowidAlias,
                    Conflict rowidConflict, boolean autoincrement, boolean withoutRowid, boolean strict,
                    List<CheckConstraint> checks, List<ForeignKey> foreignKeys, List<Index> indexes,
                    String module, int db) {

    public Table {
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    /** The position of the column named {@code column} (any ASCII case), or -1. */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (Identifiers.same(columns.get(i).name(), column)) {
                return i;
            }
        }
        return -1;
    }

    public Column column(int i) {
        return columns.get(i);
    }

    public boolean hasRowid() {
        return !withoutRowid;
    }

    public boolean isVirtual() {
        return module != null;
    }

    /** The index that implements the PRIMARY KEY, or null (no PRIMARY KEY, or an INTEGER PRIMARY KEY). */
    public Index primaryKeyIndex() {
        for (Index index : indexes) {
            if (index.isPrimaryKey()) {
                return index;
            }
        }
        return null;
    }

    /** The index named {@code name} on this table, or null. */
    public Index index(String indexName) {
        for (Index index : indexes) {
            if (Identifiers.same(index.name(), indexName)) {
                return index;
            }
        }
        return null;
    }

    /**
     * This table with its b-tree at {@code page}. A WITHOUT ROWID table is stored in its primary
     * key index's b-tree (which has no sqlite_schema row of its own), so that index moves too.
     */
    public Table withRootPage(int page) {
        List<Index> newIndexes = indexes;
        if (withoutRowid) {
            newIndexes = new ArrayList<>(indexes);
            newIndexes.replaceAll(i -> i.isPrimaryKey() ? i.withRootPage(page) : i);
        }
        return new Table(name, page, sql, columns, rowidAlias, rowidConflict, autoincrement, withoutRowid, strict,
                checks, foreignKeys, newIndexes, module, db);
    }

    /** This table as held by database {@code index} (see {@link #db()}). */
    public Table withDb(int index) {
        return index == db ? this : new Table(name, rootPage, sql, columns, rowidAlias, rowidConflict, autoincrement,
                withoutRowid, strict, checks, foreignKeys, indexes, module, index);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, rootPage, sql, columns, rowidAlias, rowidConflict, autoincrement, withoutRowid,
                strict, checks, foreignKeys, newIndexes, module, db);
    }

    /** This table with {@code index} linked in where SQLite's CREATE INDEX links it (see class comment). */
    public Table withIndexAdded(Index index) {
        return withIndexes(IndexOrder.link(indexes, index));
    }

    /** This table with the index named {@code indexName} replaced by {@code index}. */
    public Table withIndexReplaced(String indexName, Index index) {
        List<Index> out = new ArrayList<>(indexes);
        for (int i = 0; i < out.size(); i++) {
            if (Identifiers.same(out.get(i).name(), indexName)) {
                out.set(i, index);
            }
        }
        return withIndexes(out);
    }

    /** This table without the index named {@code indexName}. */
    public Table withIndexRemoved(String indexName) {
        List<Index> out = new ArrayList<>(indexes);
        out.removeIf(i -> Identifiers.same(i.name(), indexName));
        return withIndexes(out);
    }
}
