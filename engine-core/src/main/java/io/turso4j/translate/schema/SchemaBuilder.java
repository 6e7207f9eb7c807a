package io.turso4j.translate.schema;

import io.turso4j.schema.Conflict;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SchemaLookup;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
import io.turso4j.schema.Trigger;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.CreateTrigger;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.CreateVirtualTable;
import io.turso4j.sql.ast.Delete;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.ast.Update;
import io.turso4j.value.Collation;
import java.util.List;

/**
 * Builds the schema object a CREATE statement describes, after the checks SQLite makes before
 * it runs one (names reserved for SQLite, objects that already exist, tables that cannot be
 * indexed …), failing with SQLite's messages as {@code SqliteException}s with SQLITE_ERROR.
 *
 * <p>Each method returns the new object with root page 0 (the caller creates the b-tree and
 * sets it with {@code withRootPage}), or null when IF NOT EXISTS found the object there already
 * (the statement then does nothing). A CREATE TABLE with AUTOINCREMENT needs
 * {@code sqlite_sequence}: the caller creates it ({@link SystemTables#SEQUENCE_SQL}) when
 * {@link Schema#sequenceTable()} is null. The {@code sql} argument is the statement's text;
 * what goes into sqlite_schema is {@link StatementText#storedSql()}. Stateless; any thread.
 */
public final class SchemaBuilder {
    private SchemaBuilder() {
    }

    /** Whether a statement is being run, or read back from sqlite_schema (SQLite's {@code db->init.busy}). */
    public enum Mode {
        /** DDL being executed: every check applies. */
        EXECUTE,
        /**
         * Reading sqlite_schema: SQLite's own names are allowed, collations are not looked up
         * (they may be registered later), and bound parameters in defaults read as NULL.
         */
        LOAD
    }

    /** CREATE TABLE with columns (not AS SELECT: its columns come from the planned SELECT). */
    public static Table createTable(SchemaLookup schema, CreateTable stmt, String sql, Mode mode) {
        if (stmt.asSelect() != null) {
            throw new IllegalArgumentException("CREATE TABLE … AS SELECT has no column definitions to build from");
        }
        if (!checkNewTableName(schema, stmt.name(), stmt.ifNotExists(), sql, mode)) {
            return null;
        }
        return new TableBuilder(stmt, sql, mode).build();
    }

    /**
     * An existing table as {@code sql}, its CREATE TABLE after an ALTER edited it, now declares
     * it: built as when the schema is read (SQLite's renameTestSchema), its name not checked.
     */
    public static Table redeclareTable(CreateTable stmt, String sql) {
        return new TableBuilder(stmt, sql, Mode.LOAD).build();
    }

    /**
     * The name checks of CREATE TABLE … AS SELECT, done before its SELECT is compiled (as
     * sqlite3StartTable does): false when the name is taken and IF NOT EXISTS was written.
     */
    public static boolean checkNewTable(SchemaLookup schema, CreateTable stmt, String sql) {
        return checkNewTableName(schema, stmt.name(), stmt.ifNotExists(), sql, Mode.EXECUTE);
    }

    /** CREATE VIRTUAL TABLE: the table's columns are the module's to declare, so it has none here. */
    public static Table createVirtualTable(SchemaLookup schema, CreateVirtualTable stmt, String sql, Mode mode) {
        if (!checkNewTableName(schema, stmt.name(), stmt.ifNotExists(), sql, mode)) {
            return null;
        }
        return new Table(stmt.name().name(), 0, sql, List.of(), -1, Conflict.DEFAULT, false, false, false, List.of(),
                List.of(), List.of(), stmt.module(), 0);
    }

    public static View createView(SchemaLookup schema, CreateView stmt, String sql, Mode mode) {
        if (!checkNewTableName(schema, stmt.name(), stmt.ifNotExists(), sql, mode)) {
            return null;
        }
        return new View(stmt.name().name(), sql, stmt.columns());
    }

    public static Index createIndex(SchemaLookup schema, CreateIndex stmt, String sql, Mode mode) {
        checkDatabase(stmt.name());
        String indexName = stmt.name().name();
        Table table = schema.table(stmt.table());
        if (table == null) {
            throw TableBuilder.error(schema.view(stmt.table()) != null ? "views may not be indexed"
                    : "no such table: main." + stmt.table());
        }
        if (mode == Mode.EXECUTE && SystemTables.isReserved(table.name())) {
            throw TableBuilder.error("table " + table.name() + " may not be indexed");
        }
        if (table.isVirtual()) {
            throw TableBuilder.error("virtual tables may not be indexed");
        }
        if (mode == Mode.EXECUTE) {
            checkNotReserved(indexName);
            if (schema.table(indexName) != null || schema.view(indexName) != null) {
                throw TableBuilder.error("there is already a table named " + indexName);
            }
        }
        if (schema.index(indexName) != null) {
            if (stmt.ifNotExists()) {
                return null;
            }
            throw TableBuilder.error("index " + indexName + " already exists");
        }
        return IndexBuilder.build(table, stmt, sql, mode);
    }

    /** CREATE TRIGGER (on a table or view of the main database). */
    public static Trigger createTrigger(SchemaLookup schema, CreateTrigger stmt, String sql, Mode mode) {
        checkDatabase(stmt.name());
        String on = stmt.table().name();
        Table table = schema.table(on);
        View view = schema.view(on);
        if (table == null && view == null) {
            throw TableBuilder.error("no such table: main." + on);
        }
        if (table != null && table.isVirtual()) {
            throw TableBuilder.error("cannot create triggers on virtual tables");
        }
        String triggerName = stmt.name().name();
        if (mode == Mode.EXECUTE) {
            checkNotReserved(triggerName);
            checkTriggerSteps(stmt);
        }
        if (schema.trigger(triggerName) != null) {
            if (stmt.ifNotExists()) {
                return null;
            }
            throw TableBuilder.error("trigger " + StatementText.of(sql).nameToken() + " already exists");
        }
        if (table != null && SystemTables.isReserved(table.name())) {
            throw TableBuilder.error("cannot create trigger on system table");
        }
        boolean insteadOf = stmt.time() == CreateTrigger.Time.INSTEAD_OF;
        if (view != null && !insteadOf) {
            String time = stmt.time() == CreateTrigger.Time.BEFORE ? "BEFORE" : "AFTER";
            throw TableBuilder.error("cannot create " + time + " trigger on view: " + view.name());
        }
        if (table != null && insteadOf) {
            throw TableBuilder.error("cannot create INSTEAD OF trigger on table: " + table.name());
        }
        Trigger.Timing timing = stmt.time() == null ? Trigger.Timing.BEFORE
                : Trigger.Timing.valueOf(stmt.time().name());
        return new Trigger(triggerName, table != null ? table.name() : view.name(), sql, timing,
                Trigger.Event.valueOf(stmt.event().name()), stmt.updateOf());
    }

    /** What SQLite's grammar refuses in a trigger's INSERT, UPDATE and DELETE steps. */
    private static void checkTriggerSteps(CreateTrigger stmt) {
        for (Stmt step : stmt.body()) {
            Name target = switch (step) {
                case Insert i -> i.table();
                case Update u -> u.table().name();
                case Delete d -> d.table().name();
                default -> null;
            };
            if (target != null && target.schema() != null) {
                throw TableBuilder.error(
                        "qualified table names are not allowed on INSERT, UPDATE, and DELETE statements within triggers");
            }
            String indexedBy = switch (step) {
                case Update u -> u.table().indexedBy();
                case Delete d -> d.table().indexedBy();
                default -> null;
            };
            if (indexedBy != null) {
                throw TableBuilder.error("the " + (indexedBy.isEmpty() ? "NOT INDEXED" : "INDEXED BY")
                        + " clause is not allowed on UPDATE or DELETE statements within triggers");
            }
        }
    }

    /** True for the collations every connection has: BINARY, NOCASE, RTRIM (any case). */
    static boolean isKnownCollation(String name) {
        return Collation.builtin(name) != null;
    }

    /** sqlite3StartTable's checks for a new table or view; false when IF NOT EXISTS applies. */
    private static boolean checkNewTableName(SchemaLookup schema, Name name, boolean ifNotExists, String sql, Mode mode) {
        checkDatabase(name);
        String n = name.name();
        if (mode == Mode.EXECUTE) {
            checkNotReserved(n);
        }
        boolean isTable = schema.table(n) != null;
        if (isTable || schema.view(n) != null) {
            if (ifNotExists) {
                return false;
            }
            throw TableBuilder.error((isTable ? "table " : "view ") + StatementText.of(sql).nameToken()
                    + " already exists");
        }
        if (schema.index(n) != null) {
            throw TableBuilder.error("there is already an index named " + n);
        }
        return true;
    }

    private static void checkNotReserved(String name) {
        if (SystemTables.isReserved(name)) {
            throw TableBuilder.error("object name reserved for internal use: " + name);
        }
    }

    /** Only the main database exists here; ATTACH is the caller's to add. */
    private static void checkDatabase(Name name) {
        if (name.schema() != null && !Identifiers.same(name.schema(), "main")) {
            throw TableBuilder.error("unknown database " + name.schema());
        }
    }
}
