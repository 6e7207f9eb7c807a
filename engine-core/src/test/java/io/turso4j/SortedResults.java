package io.turso4j;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Results compared as sets of rows, for queries whose row order is the plan's (no ORDER BY, or
 * one that ties rows that print differently, such as 2 and 2.0).
 */
final class SortedResults {
    private SortedResults() {
    }

    /** How many columns SQLite's result of {@code sql} has (0 when it does not compile). */
    static int width(SqliteOracle oracle, String sql) {
        try (java.sql.PreparedStatement ps = oracle.sqliteConnection().prepareStatement(sql)) {
            return ps.getMetaData().getColumnCount();
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The result with its rows of {@code width} values sorted (an error as it is). */
    static String sorted(String result, int width) {
        if (!result.startsWith("rows: [") || width == 0) {
            return result;
        }
        String body = result.substring("rows: [".length(), result.length() - 1);
        // Values and rows are both joined by ", "; no test value holds ", " before a type name.
        String[] values = body.isEmpty() ? new String[0] : body.split(", (?=(null|integer|real|text|blob))");
        if (values.length % width != 0) {
            return result;
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i += width) {
            rows.add(String.join(", ", java.util.Arrays.copyOfRange(values, i, i + width)));
        }
        rows.sort(null);
        return rows.toString();
    }
}
