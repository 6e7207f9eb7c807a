package io.turso4j.schema;

import java.util.List;

/**
 * The result of a schema PRAGMA as plain rows: {@code columns} names them; each row holds
 * {@link Long}, {@link String} or null values, as SQLite returns them.
 */
public record PragmaRows(List<String> columns, List<List<Object>> rows) {
    public PragmaRows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
