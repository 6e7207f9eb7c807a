package io.turso4j.tests.slt;

import java.util.List;

/**
 * What running one query gave: either it could not be prepared, or it produced rows (possibly
 * cut short by an error while stepping, which the harness treats as the end of the rows —
 * FORMAT.md §5). Immutable once returned.
 */
public sealed interface QueryOutcome {

    record PrepareFailed(String message) implements QueryOutcome {}

    /**
     * {@code columnCount} is the prepared statement's column count (known even with no rows);
     * every row has that many values. {@code stepError} is null when stepping ran to the end.
     */
    record Rows(int columnCount, List<SqlValue[]> rows, String stepError) implements QueryOutcome {}
}
