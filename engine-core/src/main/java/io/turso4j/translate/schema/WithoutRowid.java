package io.turso4j.translate.schema;

import io.turso4j.schema.Column;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's convertToWithoutRowidTable for the indexes made while a WITHOUT ROWID table's CREATE
 * was read: the primary key index drops repeated key columns and then holds every other stored
 * column (BINARY, ascending) after its key — it is the table; every other index ends in the
 * primary key columns it does not already have, in place of the rowid. Those borrowed columns
 * keep the key's collation but not its DESC: SQLite leaves them ascending (its "bAscKeyBug",
 * which the file format now depends on). Stateless.
 */
final class WithoutRowid {
    private WithoutRowid() {
    }

    static List<Index> convert(List<Index> indexes, List<ColumnDraft> columns) {
        Index pk = null;
        for (Index index : indexes) {
            if (index.isPrimaryKey()) {
                pk = index;
            }
        }
        List<IndexColumn> pkKey = new ArrayList<>();
        for (IndexColumn c : pk.keyColumns()) {
            if (!isDuplicate(pkKey, c)) {
                pkKey.add(c);
            }
        }
        List<Index> out = new ArrayList<>(indexes.size());
        for (Index index : indexes) {
            out.add(index == pk ? primaryKey(pk, pkKey, columns) : secondary(index, pkKey));
        }
        return out;
    }

    private static Index primaryKey(Index pk, List<IndexColumn> key, List<ColumnDraft> columns) {
        List<IndexColumn> all = new ArrayList<>(key);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).generated != Column.Generated.VIRTUAL && !hasColumn(all, i)) {
                String collation = columns.get(i).collation;
                all.add(new IndexColumn(i, null, collation != null ? collation : "BINARY", false));
            }
        }
        return new Index(pk.name(), pk.table(), pk.rootPage(), pk.sql(), pk.unique(), pk.origin(), pk.onConflict(),
                all, key.size(), pk.whereSql());
    }

    private static Index secondary(Index index, List<IndexColumn> pkKey) {
        List<IndexColumn> key = index.keyColumns();
        List<IndexColumn> all = new ArrayList<>(key);
        for (IndexColumn c : pkKey) {
            if (!isDuplicate(key, c)) {
                all.add(new IndexColumn(c.column(), null, c.collation(), false));
            }
        }
        return new Index(index.name(), index.table(), index.rootPage(), index.sql(), index.unique(), index.origin(),
                index.onConflict(), all, key.size(), index.whereSql());
    }

    /** SQLite's isDupColumn: the same table column with the same collation is already in {@code key}. */
    static boolean isDuplicate(List<IndexColumn> key, IndexColumn c) {
        for (IndexColumn k : key) {
            if (k.column() == c.column() && Identifiers.same(k.collation(), c.collation())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasColumn(List<IndexColumn> cols, int column) {
        for (IndexColumn c : cols) {
            if (c.column() == column) {
                return true;
            }
        }
        return false;
    }
}
