package io.turso4j.translate.schema;

/**
 * One row of sqlite_schema (fileformat2.html#the_schema_table), as read from page 1's b-tree.
 * Any column may be null in a damaged file; {@link SchemaLoader} reports that as corruption.
 *
 * @param type "table", "index", "view" or "trigger"
 * @param rootPage the b-tree root page; 0 for views, triggers and virtual tables
 * @param sql the CREATE text; null for automatic indexes
 */
public record SchemaRow(String type, String name, String tblName, Long rootPage, String sql) {}
