package io.turso4j.schema;

import java.util.List;

/**
 * A view: its CREATE VIEW text, parsed again when a statement uses it.
 *
 * @param columns the column names written after the view's name; empty when none
 * @param temp a TEMP view: it lives in its connection only, not in sqlite_schema
 */
public record View(String name, String sql, List<String> columns, boolean temp) {
    public View {
        columns = List.copyOf(columns);
    }

    public View(String name, String sql, List<String> columns) {
        this(name, sql, columns, false);
    }
}
