package io.turso4j.tests.slt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks one query's rows against its record (FORMAT.md §5–§7): column count, rendering per
 * declared type, sorting, hashing, comparison with the expected lines. Label agreement is the
 * caller's ({@link LabelBook}), using {@link Verdict#md5()}. Stateless; any thread.
 *
 * <p>Sorting compares rendered strings with {@link String#compareTo}, which is C's strcmp here
 * because rendered values are ASCII only ({@code T} values have every other byte as {@code @}).
 */
public final class QueryChecker {

    /** How many rendered values a wrong-hash failure shows, to start debugging from. */
    private static final int VALUES_SHOWN_WITH_HASH = 40;

    private QueryChecker() {}

    /**
     * The outcome of checking one query. {@code failure} is null when the query passed; {@code got}
     * holds what the runner compared (the values, or the hash line); {@code md5} is the result
     * hash when the query has a label or was hashed, else null.
     */
    public record Verdict(FailureCategory failure, List<String> got, String md5, String detail) {

        public boolean passed() {
            return failure == null;
        }
    }

    /** Whether the record itself is well-formed: known sort mode, types all I/R/T and not empty. */
    public static String malformation(SltRecord.Query q) {
        if (q.sortMode() == null) {
            return "unknown sort mode: " + q.sortWord();
        }
        if (q.types().isEmpty()) {
            return "query without column types";
        }
        for (char c : q.types().toCharArray()) {
            if (!ValueRenderer.isColumnType(c)) {
                return "unknown column type '" + c + "' in " + q.types();
            }
        }
        return null;
    }

    /** Checks {@code rows} against well-formed query {@code q} at hash threshold {@code threshold}. */
    public static Verdict check(SltRecord.Query q, QueryOutcome.Rows rows, int threshold) {
        String types = q.types();
        if (rows.columnCount() != types.length()) {
            return new Verdict(FailureCategory.COLUMN_COUNT, List.of(), null,
                    "wrong number of result columns: got " + rows.columnCount() + ", types say " + types.length());
        }
        List<String> values = sorted(render(rows.rows(), types), types.length(), q.sortMode());
        int n = values.size();
        boolean hashed = threshold > 0 && n > threshold;
        String md5 = hashed || q.label() != null ? ResultHasher.md5(values) : null;
        String stepNote = rows.stepError() == null ? "" : "error while stepping ended the rows: " + rows.stepError();
        if (!hashed) {
            FailureCategory failure = values.equals(q.expected()) ? null : FailureCategory.WRONG_VALUES;
            return new Verdict(failure, values, md5, stepNote);
        }
        List<String> got = List.of(ResultHasher.hashLine(n, md5));
        if (got.equals(q.expected())) {
            return new Verdict(null, got, md5, stepNote);
        }
        String shown = String.join(" ", values.subList(0, Math.min(n, VALUES_SHOWN_WITH_HASH)));
        String detail = "values: " + shown + (n > VALUES_SHOWN_WITH_HASH ? " ..." : "");
        return new Verdict(FailureCategory.WRONG_HASH, got, md5, stepNote.isEmpty() ? detail : stepNote + "; " + detail);
    }

    /** Row-major rendered values, each per its column's type character. */
    static List<String> render(List<SqlValue[]> rows, String types) {
        List<String> values = new ArrayList<>(rows.size() * types.length());
        for (SqlValue[] row : rows) {
            for (int c = 0; c < types.length(); c++) {
                values.add(ValueRenderer.render(row[c], types.charAt(c)));
            }
        }
        return values;
    }

    /** {@code values} (row-major, {@code width} per row) ordered as {@code mode} says. */
    static List<String> sorted(List<String> values, int width, SortMode mode) {
        return switch (mode) {
            case NOSORT -> values;
            case VALUESORT -> sortedValues(values);
            case ROWSORT -> {
                if (width == 1) {
                    yield sortedValues(values); // rows of one value compare as their values
                }
                List<String[]> rows = new ArrayList<>(values.size() / width);
                for (int i = 0; i < values.size(); i += width) {
                    String[] row = new String[width];
                    for (int c = 0; c < width; c++) {
                        row[c] = values.get(i + c);
                    }
                    rows.add(row);
                }
                rows.sort(Arrays::compare);
                List<String> out = new ArrayList<>(values.size());
                for (String[] row : rows) {
                    for (String value : row) { // not addAll(asList(row)), which copies the row again
                        out.add(value);
                    }
                }
                yield out;
            }
        };
    }

    private static List<String> sortedValues(List<String> values) {
        List<String> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }
}
