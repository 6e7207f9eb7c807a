package io.turso4j.tests.slt;

/** Why a record failed (FORMAT.md §9, plus the runner's own cases). */
public enum FailureCategory {
    STATEMENT_OK_FAILED("statement-ok-failed"),
    STATEMENT_ERROR_SUCCEEDED("statement-error-succeeded"),
    QUERY_PREPARE_FAILED("query-prepare-failed"),
    COLUMN_COUNT("column-count"),
    WRONG_VALUES("wrong-values"),
    WRONG_HASH("wrong-hash"),
    LABEL_MISMATCH("label-mismatch"),
    /** The record itself is malformed: unknown type character, sort mode, statement word or record. */
    BAD_RECORD("bad-record"),
    /** The file overran its time limit; later records did not run. */
    TIMEOUT("timeout"),
    /** The engine could not open a database, or the file could not be read. */
    ENGINE_ERROR("engine-error");

    private final String label;

    FailureCategory(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
