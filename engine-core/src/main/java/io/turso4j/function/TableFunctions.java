package io.turso4j.function;

import java.util.List;
import java.util.Locale;

/**
 * The built-in table-valued functions that read no schema (SQLite's eponymous virtual tables
 * json_each and json_tree, and generate_series, which the sqlite3 shell has built in), by name.
 * Stateless; any thread.
 */
public final class TableFunctions {
    private TableFunctions() {
    }

    /**
     * A table-valued function and its shape: {@code columns} lists the visible columns then the
     * {@code hidden} ones (which {@code *} leaves out), each a possible argument in SQLite;
     * {@code needsFirstArgument} when preparing fails without the first (generate_series's start).
     */
    public record Entry(String name, TableFunction function, List<String> columns, int hidden, int maxArguments,
                        boolean needsFirstArgument) {}

    private static final List<String> JSON_COLUMNS = List.of("key", "value", "type", "atom", "id", "parent",
            "fullkey", "path", "json", "root");

    /** The function named {@code name} (any case), or null when there is none. */
    public static Entry named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "json_each" -> new Entry("json_each", JsonEach.EACH, JSON_COLUMNS, 2, 2, false);
            case "json_tree" -> new Entry("json_tree", JsonEach.TREE, JSON_COLUMNS, 2, 2, false);
            case "jsonb_each" -> new Entry("jsonb_each", JsonEach.JSONB_EACH, JSON_COLUMNS, 2, 2, false);
            case "jsonb_tree" -> new Entry("jsonb_tree", JsonEach.JSONB_TREE, JSON_COLUMNS, 2, 2, false);
            case "generate_series" -> new Entry("generate_series", GenerateSeries.INSTANCE,
                    List.of("value", "start", "stop", "step"), 3, 3, true);
            default -> null;
        };
    }
}
