package io.turso4j.schema;

/**
 * One column of an index's key or of the tail that identifies the row.
 *
 * @param column the table column's position, {@link #ROWID} for the rowid, or {@link #EXPRESSION}
 * @param expressionSql the indexed expression's SQL text when {@code column == EXPRESSION}, else null
 * @param collation the collation name (as written, or {@code BINARY})
 * @param desc the column sorts in descending order
 */
public record IndexColumn(int column, String expressionSql, String collation, boolean desc) {
    /** {@link #column()} of the rowid at the end of a rowid table's index entries. */
    public static final int ROWID = -1;
    /** {@link #column()} of an indexed expression. */
    public static final int EXPRESSION = -2;
}
