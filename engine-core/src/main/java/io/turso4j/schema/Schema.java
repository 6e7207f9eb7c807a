package io.turso4j.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One database's schema: its tables (with their indexes), views and triggers, the schema cookie
 * it reflects, and the {@code sqlite_stat1} estimates. Names are looked up case-insensitively
 * for ASCII letters ({@link Identifiers}); tables and views share one namespace, indexes and
 * triggers have their own, as in SQLite.
 *
 * <p>Immutable and safe to share between threads and connections. A schema change (DDL, or
 * another connection's commit moving the cookie on) produces a new {@code Schema} through the
 * {@code with…} methods; statements prepared against an older one see {@link #cookie()} differ
 * from the file's and are prepared again (SQLITE_SCHEMA), as in SQLite.
 */
public final class Schema implements SchemaLookup {
    private final int cookie;
    private final Map<String, Table> tables;
    private final Map<String, View> views;
    private final Map<String, String> indexOwners;
    private final Map<String, Trigger> triggers;
    private final Map<String, IndexStats> indexStats;
    private final Map<String, IndexStats> tableStats;
    /** A connection's view: every database by index (null where there is none); else empty. */
    private final List<Database> databases;

    private Schema(int cookie, Map<String, Table> tables, Map<String, View> views, Map<String, Trigger> triggers,
                   Map<String, IndexStats> indexStats, Map<String, IndexStats> tableStats) {
        this(cookie, tables, views, triggers, indexStats, tableStats, List.of());
    }

    private Schema(int cookie, Map<String, Table> tables, Map<String, View> views, Map<String, Trigger> triggers,
                   Map<String, IndexStats> indexStats, Map<String, IndexStats> tableStats, List<Database> databases) {
        this.databases = databases;
        this.cookie = cookie;
        this.tables = Collections.unmodifiableMap(tables);
        this.views = Collections.unmodifiableMap(views);
        this.triggers = Collections.unmodifiableMap(triggers);
        this.indexStats = Collections.unmodifiableMap(indexStats);
        this.tableStats = Collections.unmodifiableMap(tableStats);
        this.indexOwners = Collections.unmodifiableMap(indexOwners(tables));
    }

    private static Map<String, String> indexOwners(Map<String, Table> tables) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (Table t : tables.values()) {
            for (Index i : t.indexes()) {
                owners.put(Identifiers.fold(i.name()), Identifiers.fold(t.name()));
            }
        }
        return owners;
    }

    /** A schema with no objects at all (not even sqlite_schema), read at {@code cookie}. */
    public static Schema empty(int cookie) {
        return new Schema(cookie, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** The schema cookie (database header offset 40) this schema was loaded at. */
    public int cookie() {
        return cookie;
    }

    /** False if the file's cookie has moved on: this schema must be reloaded. */
    public boolean isCurrent(int fileCookie) {
        return fileCookie == cookie;
    }

    /**
     * The table named {@code name}, or null. The schema table is named sqlite_master, as in
     * SQLite; sqlite_schema finds it too.
     */
    @Override
    public Table table(String name) {
        return tableIn(tables, name);
    }

    private static Table tableIn(Map<String, Table> tables, String name) {
        Table t = tables.get(Identifiers.fold(name));
        if (t == null && Identifiers.same(name, SystemTables.SCHEMA)) {
            t = tables.get(SystemTables.LEGACY_SCHEMA);
        } else if (t == null && Identifiers.same(name, SystemTables.TEMP_SCHEMA_ALIAS)) {
            t = tables.get(SystemTables.TEMP_SCHEMA);
        }
        return t;
    }

    @Override
    public View view(String name) {
        return views.get(Identifiers.fold(name));
    }

    @Override
    public Trigger trigger(String name) {
        return triggers.get(Identifiers.fold(name));
    }

    /** The index named {@code name}, or null. */
    @Override
    public Index index(String name) {
        String owner = indexOwners.get(Identifiers.fold(name));
        return owner == null ? null : tables.get(owner).index(name);
    }

    /** Tables in the order they were added (sqlite_schema's order when loaded). */
    public Collection<Table> tables() {
        return tables.values();
    }

    public Collection<View> views() {
        return views.values();
    }

    public Collection<Trigger> triggers() {
        return triggers.values();
    }

    /** The triggers that fire on {@code table}, in the order they were added. */
    public List<Trigger> triggersOn(String table) {
        return triggers.values().stream().filter(t -> Identifiers.same(t.table(), table)).toList();
    }

    /** {@code sqlite_sequence}, or null before the first AUTOINCREMENT table. */
    public Table sequenceTable() {
        return table(SystemTables.SEQUENCE);
    }

    /** {@code sqlite_stat1}, or null before the first ANALYZE. */
    public Table stat1Table() {
        return table(SystemTables.STAT1);
    }

    /** The sqlite_stat1 estimates for an index, or null. */
    public IndexStats indexStats(String index) {
        return indexStats.get(Identifiers.fold(index));
    }

    /**
     * The sqlite_stat1 row count estimate of a table: from its row with idx NULL, or else from
     * the first row of one of its non-partial indexes, as SQLite takes it; -1 when unknown.
     */
    public long estimatedRows(String table) {
        IndexStats s = tableStats.get(Identifiers.fold(table));
        return s == null ? -1 : s.rows();
    }

    public Schema withCookie(int newCookie) {
        return new Schema(newCookie, new LinkedHashMap<>(tables), new LinkedHashMap<>(views),
                new LinkedHashMap<>(triggers), new LinkedHashMap<>(indexStats), new LinkedHashMap<>(tableStats), databases);
    }

    /** This schema with {@code table} added, or replacing the table of the same name. */
    public Schema withTable(Table table) {
        Map<String, Table> t = new LinkedHashMap<>(tables);
        t.put(Identifiers.fold(table.name()), table);
        return new Schema(cookie, t, new LinkedHashMap<>(views), new LinkedHashMap<>(triggers),
                new LinkedHashMap<>(indexStats), new LinkedHashMap<>(tableStats), databases);
    }

    /** This schema without the table (and so its indexes) and the triggers on it. */
    public Schema withoutTable(String name) {
        Map<String, Table> t = new LinkedHashMap<>(tables);
        t.remove(Identifiers.fold(name));
        Map<String, Trigger> tr = new LinkedHashMap<>(triggers);
        tr.values().removeIf(trigger -> Identifiers.same(trigger.table(), name));
        return new Schema(cookie, t, new LinkedHashMap<>(views), tr, new LinkedHashMap<>(indexStats),
                new LinkedHashMap<>(tableStats), databases);
    }

    /** This schema with {@code index} linked into its table's index list (the table must exist). */
    public Schema withIndex(Index index) {
        Table owner = table(index.table());
        if (owner == null) {
            throw new IllegalArgumentException("no table " + index.table() + " for index " + index.name());
        }
        return withTable(owner.withIndexAdded(index));
    }

    /** This schema without the index named {@code name}. */
    public Schema withoutIndex(String name) {
        String owner = indexOwners.get(Identifiers.fold(name));
        return owner == null ? this : withTable(tables.get(owner).withIndexRemoved(name));
    }

    public Schema withView(View view) {
        Map<String, View> v = new LinkedHashMap<>(views);
        v.put(Identifiers.fold(view.name()), view);
        return new Schema(cookie, new LinkedHashMap<>(tables), v, new LinkedHashMap<>(triggers),
                new LinkedHashMap<>(indexStats), new LinkedHashMap<>(tableStats), databases);
    }

    /** This schema without the view and the (INSTEAD OF) triggers on it. */
    public Schema withoutView(String name) {
        Map<String, View> v = new LinkedHashMap<>(views);
        v.remove(Identifiers.fold(name));
        Map<String, Trigger> tr = new LinkedHashMap<>(triggers);
        tr.values().removeIf(trigger -> Identifiers.same(trigger.table(), name));
        return new Schema(cookie, new LinkedHashMap<>(tables), v, tr, new LinkedHashMap<>(indexStats),
                new LinkedHashMap<>(tableStats), databases);
    }

    public Schema withTrigger(Trigger trigger) {
        Map<String, Trigger> tr = new LinkedHashMap<>(triggers);
        tr.put(Identifiers.fold(trigger.name()), trigger);
        return new Schema(cookie, new LinkedHashMap<>(tables), new LinkedHashMap<>(views), tr,
                new LinkedHashMap<>(indexStats), new LinkedHashMap<>(tableStats), databases);
    }

    public Schema withoutTrigger(String name) {
        Map<String, Trigger> tr = new LinkedHashMap<>(triggers);
        tr.remove(Identifiers.fold(name));
        return new Schema(cookie, new LinkedHashMap<>(tables), new LinkedHashMap<>(views), tr,
                new LinkedHashMap<>(indexStats), new LinkedHashMap<>(tableStats), databases);
    }

    /**
     * This schema with the estimates of sqlite_stat1's rows (replacing any earlier ones), read
     * as SQLite's analysisLoader reads them: a row whose idx equals its tbl describes that
     * WITHOUT ROWID table's primary key index; rows naming unknown tables or indexes are
     * skipped; a non-partial index's row also gives its table's row count.
     */
    public Schema withStat1(List<Stat1Row> rows) {
        Map<String, IndexStats> byIndex = new LinkedHashMap<>();
        Map<String, IndexStats> byTable = new LinkedHashMap<>();
        for (Stat1Row row : rows) {
            if (row.tbl() == null || row.stat() == null) {
                continue;
            }
            Table t = table(row.tbl());
            if (t == null) {
                continue;
            }
            IndexStats stats = IndexStats.parse(row.stat());
            String tableKey = Identifiers.fold(t.name());
            if (row.idx() == null) {
                byTable.put(tableKey, stats);
                continue;
            }
            Index index = Identifiers.same(row.tbl(), row.idx()) ? t.primaryKeyIndex() : index(row.idx());
            if (index == null) {
                continue;
            }
            byIndex.put(Identifiers.fold(index.name()), stats);
            if (!index.isPartial()) {
                byTable.put(tableKey, stats);
            }
        }
        return new Schema(cookie, new LinkedHashMap<>(tables), new LinkedHashMap<>(views),
                new LinkedHashMap<>(triggers), byIndex, byTable, databases);
    }

    /**
     * One database of a connection: its name ("main", "temp", or the ATTACH name), its index
     * (SQLite's iDb: what OpenRead/OpenWrite carry in P3), its file's absolute path ("" in
     * memory; null for main, whose file the connection reports) and its own schema, whose tables
     * say that index ({@link Table#db()}).
     */
    public record Database(String name, int index, String file, Schema schema) {}

    /**
     * A connection's view of its databases, {@code schemas} by index (0 main, 1 temp, 2…
     * attached; null for a temp database not created yet): an unqualified name finds the object
     * in temp first, then main, then the attached databases in order, as SQLite resolves it;
     * {@link #database(String)} gives each database's own objects for qualified names. The
     * cookie and the sqlite_stat1 estimates are main's.
     */
    public static Schema merge(List<String> names, List<String> files, List<Schema> schemas) {
        List<Database> dbs = new java.util.ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            Schema s = schemas.get(i);
            dbs.add(s == null ? null : new Database(names.get(i), i, files.get(i), s.stamped(i)));
        }
        List<Database> byPrecedence = new java.util.ArrayList<>(dbs.reversed());
        if (dbs.size() > 1 && dbs.get(1) != null) {
            byPrecedence.remove(dbs.get(1)); // temp outranks main: laid over it last
            byPrecedence.add(dbs.get(1));
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, View> views = new LinkedHashMap<>();
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        for (Database d : byPrecedence) {
            if (d != null) {
                d.schema().tables.forEach((key, table) -> {
                    if (d.index() == 0 || !key.equals(SystemTables.LEGACY_SCHEMA)) {
                        tables.put(key, table);
                    } else if (d.index() == 1) {
                        tables.put(SystemTables.TEMP_SCHEMA, table); // the temp database's schema table
                    }
                });
                views.putAll(d.schema().views);
                triggers.putAll(d.schema().triggers);
            }
        }
        Schema main = schemas.get(0);
        return new Schema(main.cookie, tables, views, triggers, new LinkedHashMap<>(main.indexStats),
                new LinkedHashMap<>(main.tableStats), Collections.unmodifiableList(dbs));
    }

    /** This schema with every table saying it is in database {@code index}. */
    private Schema stamped(int index) {
        Map<String, Table> t = new LinkedHashMap<>();
        tables.forEach((k, v) -> t.put(k, v.withDb(index)));
        return new Schema(cookie, t, new LinkedHashMap<>(views), new LinkedHashMap<>(triggers),
                new LinkedHashMap<>(indexStats), new LinkedHashMap<>(tableStats), databases);
    }

    /**
     * The database named {@code name} (any ASCII case), or null; "temp" only once it exists. A
     * schema that is not a connection's merged view knows only "main": itself.
     */
    public Database database(String name) {
        if (databases.isEmpty()) {
            return Identifiers.same(name, "main") ? new Database("main", 0, null, this) : null;
        }
        for (Database d : databases) {
            if (d != null && Identifiers.same(d.name(), name)) {
                return d;
            }
        }
        return null;
    }

    /** The database with index {@code index}, or null. */
    public Database database(int index) {
        if (databases.isEmpty()) {
            return index == 0 ? new Database("main", 0, null, this) : null;
        }
        return index < databases.size() ? databases.get(index) : null;
    }

    /** The databases by index (null where none); empty unless this is a connection's merged view. */
    public List<Database> databases() {
        return databases;
    }

    /** One row of sqlite_stat1; any column may be null. */
    public record Stat1Row(String tbl, String idx, String stat) {}

    /** A builder starting from this schema's objects (stats are not carried over). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Adds many objects at the cost of one copy: what loading sqlite_schema needs. Confined to
     * one thread; {@link #build()} makes the immutable {@link Schema}.
     */
    public static final class Builder implements SchemaLookup {
        private final int cookie;
        private final Map<String, Table> tables;
        private final Map<String, View> views;
        private final Map<String, Trigger> triggers;
        private final Map<String, String> indexOwners;

        private Builder(Schema base) {
            cookie = base.cookie;
            tables = new LinkedHashMap<>(base.tables);
            views = new LinkedHashMap<>(base.views);
            triggers = new LinkedHashMap<>(base.triggers);
            indexOwners = new LinkedHashMap<>(base.indexOwners);
        }

        @Override
        public Table table(String name) {
            return tableIn(tables, name);
        }

        @Override
        public View view(String name) {
            return views.get(Identifiers.fold(name));
        }

        @Override
        public Index index(String name) {
            String owner = indexOwners.get(Identifiers.fold(name));
            return owner == null ? null : tables.get(owner).index(name);
        }

        @Override
        public Trigger trigger(String name) {
            return triggers.get(Identifiers.fold(name));
        }

        /** Adds {@code table}, or replaces the table of that name (whose indexes it must carry). */
        public Builder table(Table table) {
            String key = Identifiers.fold(table.name());
            tables.put(key, table);
            for (Index i : table.indexes()) {
                indexOwners.put(Identifiers.fold(i.name()), key);
            }
            return this;
        }

        /** Links {@code index} into its table (which must be there), as {@link Schema#withIndex} does. */
        public Builder index(Index index) {
            Table owner = table(index.table());
            if (owner == null) {
                throw new IllegalArgumentException("no table " + index.table() + " for index " + index.name());
            }
            return table(owner.withIndexAdded(index));
        }

        public Builder view(View view) {
            views.put(Identifiers.fold(view.name()), view);
            return this;
        }

        public Builder trigger(Trigger trigger) {
            triggers.put(Identifiers.fold(trigger.name()), trigger);
            return this;
        }

        public Schema build() {
            return new Schema(cookie, new LinkedHashMap<>(tables), new LinkedHashMap<>(views),
                    new LinkedHashMap<>(triggers), new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }
}
