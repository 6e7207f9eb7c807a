package io.turso4j.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of the schema-introspection PRAGMAs, computed from schema objects as SQLite's
 * pragma.c computes them (pragma.html): table_info, table_xinfo, index_list, index_info,
 * index_xinfo and foreign_key_list. Stateless.
 */
public final class SchemaPragmas {
    private SchemaPragmas() {
    }

    /** {@code PRAGMA table_info}: generated columns are left out and do not use up a cid. */
    public static PragmaRows tableInfo(Table table) {
        return columns(table, false);
    }

    /** {@code PRAGMA table_xinfo}: every column, with {@code hidden} 2 (VIRTUAL) or 3 (STORED) for generated ones. */
    public static PragmaRows tableXinfo(Table table) {
        return columns(table, true);
    }

    /**
     * {@code PRAGMA table_info} / {@code table_xinfo} of a view whose columns are {@code names}
     * with declared types {@code types}: never NOT NULL, no default, not in a key, not hidden.
     */
    public static PragmaRows viewInfo(List<String> names, List<String> types, boolean extended) {
        List<String> header = new ArrayList<>(List.of("cid", "name", "type", "notnull", "dflt_value", "pk"));
        if (extended) {
            header.add("hidden");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Object> row = new ArrayList<>(Arrays.asList((long) i, names.get(i), types.get(i), 0L, null, 0L));
            if (extended) {
                row.add(0L);
            }
            rows.add(row);
        }
        return new PragmaRows(header, rows);
    }

    private static PragmaRows columns(Table table, boolean extended) {
        List<String> names = new ArrayList<>(List.of("cid", "name", "type", "notnull", "dflt_value", "pk"));
        if (extended) {
            names.add("hidden");
        }
        Index pk = table.primaryKeyIndex();
        List<List<Object>> rows = new ArrayList<>();
        int hiddenCount = 0;
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.column(i);
            int hidden = switch (c.generated()) {
                case NONE -> 0;
                case VIRTUAL -> 2;
                case STORED -> 3;
            };
            if (hidden != 0 && !extended) {
                hiddenCount++;
                continue;
            }
            List<Object> row = new ArrayList<>(Arrays.asList((long) (i - hiddenCount), c.name(), c.type(),
                    c.notNull() ? 1L : 0L, hidden != 0 ? null : c.defaultSql(), (long) primaryKeyPosition(table, pk, i)));
            if (extended) {
                row.add((long) hidden);
            }
            rows.add(row);
        }
        return new PragmaRows(names, rows);
    }

    /** 0 if the column is not in the PRIMARY KEY, else its 1-based place in the key. */
    private static int primaryKeyPosition(Table table, Index pk, int column) {
        if (!table.column(column).primaryKey()) {
            return 0;
        }
        if (pk == null) {
            return 1;
        }
        List<IndexColumn> cols = pk.columns();
        int k = 1;
        while (k <= table.columns().size() && k <= cols.size() && cols.get(k - 1).column() != column) {
            k++;
        }
        return k;
    }

    /** {@code PRAGMA index_list}: the table's indexes in SQLite's list order. */
    public static PragmaRows indexList(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        int seq = 0;
        for (Index index : table.indexes()) {
            rows.add(Arrays.asList((long) seq++, index.name(), index.unique() ? 1L : 0L, index.origin().code(),
                    index.isPartial() ? 1L : 0L));
        }
        return new PragmaRows(List.of("seq", "name", "unique", "origin", "partial"), rows);
    }

    /** {@code PRAGMA index_info}: the key columns. */
    public static PragmaRows indexInfo(Table table, Index index) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < index.keyCount(); i++) {
            IndexColumn c = index.columns().get(i);
            rows.add(Arrays.asList((long) i, (long) c.column(), columnName(table, c)));
        }
        return new PragmaRows(List.of("seqno", "cid", "name"), rows);
    }

    /** {@code PRAGMA index_xinfo}: every column an entry holds, key columns first. */
    public static PragmaRows indexXinfo(Table table, Index index) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < index.columns().size(); i++) {
            IndexColumn c = index.columns().get(i);
            rows.add(Arrays.asList((long) i, (long) c.column(), columnName(table, c), c.desc() ? 1L : 0L,
                    c.collation(), i < index.keyCount() ? 1L : 0L));
        }
        return new PragmaRows(List.of("seqno", "cid", "name", "desc", "coll", "key"), rows);
    }

    private static String columnName(Table table, IndexColumn c) {
        return c.column() >= 0 ? table.column(c.column()).name() : null;
    }

    /**
     * {@code PRAGMA foreign_key_list}: SQLite keeps a table's foreign keys newest first, so the
     * last one declared has id 0. {@code to} is null where no parent column was named.
     */
    public static PragmaRows foreignKeyList(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        List<ForeignKey> fks = table.foreignKeys();
        for (int id = 0; id < fks.size(); id++) {
            ForeignKey fk = fks.get(fks.size() - 1 - id);
            for (int seq = 0; seq < fk.fromColumns().size(); seq++) {
                String to = seq < fk.toColumns().size() ? fk.toColumns().get(seq) : null;
                rows.add(Arrays.asList((long) id, (long) seq, fk.table(), fk.fromColumns().get(seq), to,
                        fk.onUpdate().sql(), fk.onDelete().sql(), "NONE"));
            }
        }
        return new PragmaRows(List.of("id", "seq", "table", "from", "to", "on_update", "on_delete", "match"), rows);
    }
}
