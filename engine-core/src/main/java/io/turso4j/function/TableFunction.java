package io.turso4j.function;

import io.turso4j.value.Register;

/**
 * A table-valued function, as SQLite runs an eponymous virtual table: each time the loop over
 * it opens, {@link #open} takes the arguments (SQLite's xFilter) and returns a scan of the rows
 * they give, which the VM steps ({@code VNext}) and reads ({@code VColumn}).
 *
 * <p>Implementations are immutable, so one instance serves every statement and thread; a
 * {@link Rows} belongs to one cursor of one VM, stepped by one thread.
 */
public interface TableFunction {

    /** One scan of the function's rows: before its first row until {@link #next} is called. */
    interface Rows {
        /** Moves to the next row; false when there is none. */
        boolean next();

        /** Column {@code i} (hidden columns after the visible ones) of the current row into {@code out}. */
        void column(int i, Register out);
    }

    /**
     * The rows for the arguments {@code args[start .. start + count)}.
     *
     * @throws io.turso4j.error.SqliteException with SQLite's message when the arguments are bad
     *     (e.g. "malformed JSON")
     */
    Rows open(Register[] args, int start, int count);
}
