package io.turso4j.schema;

/**
 * The tables SQLite itself keeps in the schema, with the CREATE text it uses for them
 * (fileformat2.html §2.6). Their names start with {@code sqlite_}, which is why user objects
 * may not. Stateless.
 */
public final class SystemTables {
    private SystemTables() {
    }

    /**
     * The schema table, page 1. SQLite's own name for it is still {@link #LEGACY_SCHEMA} (the
     * name its CREATE text gives); {@link #SCHEMA} is an alias.
     */
    public static final String SCHEMA = "sqlite_schema";
    public static final String LEGACY_SCHEMA = "sqlite_master";
    public static final String SCHEMA_SQL =
            "CREATE TABLE sqlite_master(type text,name text,tbl_name text,rootpage int,sql text)";
    public static final int SCHEMA_ROOT_PAGE = 1;
    /** The temp database's schema table, as a connection's unqualified names find it; {@link #TEMP_SCHEMA_ALIAS} too. */
    public static final String TEMP_SCHEMA = "sqlite_temp_master";
    public static final String TEMP_SCHEMA_ALIAS = "sqlite_temp_schema";

    /** Created with the first AUTOINCREMENT table: one row (table name, largest rowid) per such table. */
    public static final String SEQUENCE = "sqlite_sequence";
    public static final String SEQUENCE_SQL = "CREATE TABLE sqlite_sequence(name,seq)";

    /** Created by ANALYZE: (table, index or NULL, statistics text). */
    public static final String STAT1 = "sqlite_stat1";
    public static final String STAT1_SQL = "CREATE TABLE sqlite_stat1(tbl,idx,stat)";

    /** SQLite's prefix for the names of its own objects. */
    public static final String RESERVED_PREFIX = "sqlite_";

    /** True if {@code name} starts with {@code sqlite_} in any ASCII case. */
    public static boolean isReserved(String name) {
        return Identifiers.hasPrefix(name, RESERVED_PREFIX);
    }
}
