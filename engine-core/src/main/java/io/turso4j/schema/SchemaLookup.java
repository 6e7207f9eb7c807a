package io.turso4j.schema;

/**
 * Finding schema objects by name, case-insensitively as SQLite does: what building a new
 * object needs to know of the schema it joins. Implemented by {@link Schema} and by
 * {@link Schema.Builder}, which lets a whole sqlite_schema be loaded without copying the schema
 * once per row.
 */
public interface SchemaLookup {
    /** The table named {@code name} (sqlite_schema finds sqlite_master), or null. */
    Table table(String name);

    View view(String name);

    Index index(String name);

    Trigger trigger(String name);
}
