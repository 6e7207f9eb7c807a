package io.turso4j.schema;

import io.turso4j.value.Affinity;

/**
 * One column of a table, as SQLite keeps it after CREATE TABLE.
 *
 * @param name the name as declared (dequoted)
 * @param type the declared type as {@code PRAGMA table_info} shows it: the standard names
 *     (ANY, BLOB, INT, INTEGER, REAL, TEXT) in upper case, any other type as written, and
 *     {@code ""} when no type was declared
 * @param affinity the column affinity the declared type implies (datatype3.html §3.1)
 * @param collation the COLLATE name as written, or null for the default (BINARY)
 * @param notNull NOT NULL was declared (or implied: WITHOUT ROWID primary key columns)
 * @param notNullConflict the NOT NULL constraint's ON CONFLICT algorithm
 * @param defaultSql the DEFAULT expression's source text (what table_info shows), or null
 * @param generated whether and how the column is generated
 * @param generatedSql the generating expression's source text, or null
 * @param primaryKey the column is part of the PRIMARY KEY
 */
public record Column(String name, String type, Affinity affinity, String collation, boolean notNull,
                     Conflict notNullConflict, String defaultSql, Generated generated, String generatedSql,
                     boolean primaryKey) {

    /** How a column's value comes to be. */
    public enum Generated {
        /** An ordinary column. */
        NONE,
        /** {@code AS (expr) VIRTUAL}: computed when read, not stored. */
        VIRTUAL,
        /** {@code AS (expr) STORED}: computed on write and stored. */
        STORED
    }

    /** The collation to compare this column's values with: its COLLATE name, else BINARY. */
    public String collationOrBinary() {
        return collation != null ? collation : "BINARY";
    }

    public boolean isGenerated() {
        return generated != Generated.NONE;
    }
}
