package io.turso4j.schema;

import java.util.List;

/**
 * A view: its CREATE VIEW text, parsed again when a statement uses it. A TEMP view is a view of
 * the connection's temp database.
 *
 * @param columns the column names written after the view's name; empty when none
 */
public record View(String name, String sql, List<String> columns) {
    public View {
        columns = List.copyOf(columns);
    }
}
