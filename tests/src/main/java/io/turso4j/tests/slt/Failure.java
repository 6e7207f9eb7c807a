package io.turso4j.tests.slt;

import java.util.List;

/**
 * One failed record, for the report: where ({@code file}:{@code line}), why, the SQL, and what was
 * expected and got (rendered lines; empty lists when not applicable). {@code detail} carries an
 * engine message or explanation, or is empty. Immutable.
 */
public record Failure(String file, int line, FailureCategory category, String sql,
                      List<String> expected, List<String> got, String detail) {

    public Failure {
        expected = List.copyOf(expected);
        got = List.copyOf(got);
    }
}
