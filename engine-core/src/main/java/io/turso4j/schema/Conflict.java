package io.turso4j.schema;

/**
 * A conflict resolution algorithm as a schema object carries it (lang_conflict.html).
 * {@link #DEFAULT} means no ON CONFLICT clause was written: the statement's own
 * {@code OR …} decides, else ABORT.
 */
public enum Conflict {
    DEFAULT, ROLLBACK, ABORT, FAIL, IGNORE, REPLACE
}
