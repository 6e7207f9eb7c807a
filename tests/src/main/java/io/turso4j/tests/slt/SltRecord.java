package io.turso4j.tests.slt;

import java.util.List;

/**
 * One record of a .test file, as the parser found it (FORMAT.md §1–§5). Immutable.
 * {@code line} is the 1-based line of the record's first line (its first condition if any);
 * {@code conditions} are the skipif/onlyif lines in front of it.
 */
public sealed interface SltRecord {

    int line();

    List<Condition> conditions();

    /**
     * {@code statement ok|error}: {@code expectation} is the second token as written (empty when
     * missing); anything but "ok" and "error" makes the record fail. {@code sql} may hold several
     * statements.
     */
    record Statement(int line, List<Condition> conditions, String expectation, String sql)
            implements SltRecord {}

    /**
     * {@code query <types> [<sortmode> [<label>]]}: {@code sortMode} is null when the word was not
     * a known mode ({@code sortWord} keeps it for the report); {@code label} is null when absent.
     * {@code expected} holds the lines after {@code ----}, empty when there are none.
     */
    record Query(int line, List<Condition> conditions, String types, SortMode sortMode,
                 String sortWord, String label, String sql, List<String> expected)
            implements SltRecord {}

    /** {@code hash-threshold <N>}, N read like C's atoi. */
    record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {}

    /** {@code halt}: stop the file, when the conditions let it apply. */
    record Halt(int line, List<Condition> conditions) implements SltRecord {}

    /** A record whose first token is none of the above; the harness stops the file there. */
    record Unknown(int line, List<Condition> conditions, String firstLine) implements SltRecord {}
}
