package io.turso4j.tests.slt;

/** How a query's rendered values are ordered before comparison (FORMAT.md §7.1). */
public enum SortMode {
    /** Keep the engine's order. */
    NOSORT,
    /** Sort whole rows, column by column, comparing rendered strings bytewise. */
    ROWSORT,
    /** Sort every value on its own, ignoring rows. */
    VALUESORT;

    /** The mode named by a query line's third token, or null if the word is not a mode. */
    static SortMode parse(String word) {
        return switch (word) {
            case "nosort" -> NOSORT;
            case "rowsort" -> ROWSORT;
            case "valuesort" -> VALUESORT;
            default -> null;
        };
    }
}
