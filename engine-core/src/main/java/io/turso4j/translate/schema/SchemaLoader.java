package io.turso4j.translate.schema;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
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
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.parser.Parser;
import java.util.List;

/**
 * Builds a {@link Schema} from sqlite_schema's rows, in rowid order, as SQLite's
 * sqlite3InitCallback does: each row's SQL is parsed and built in {@link SchemaBuilder.Mode#LOAD}
 * mode; a row without SQL gives its root page to the automatic index its table's CREATE made.
 * Anything wrong — SQL that does not parse or build, a row whose type, name or tbl_name differ
 * from its SQL's, an index without its table, a root page past the end of the file — is SQLITE_CORRUPT with SQLite's
 * message {@code malformed database schema (name)[ - detail]}. Stateless; any thread.
 */
public final class SchemaLoader {
    private SchemaLoader() {
    }

    /** The schema with only sqlite_master (page 1): the starting point of every load. */
    public static Schema bootstrap(int cookie) {
        CreateTable master = (CreateTable) Parser.parse(SystemTables.SCHEMA_SQL);
        Table table = SchemaBuilder.createTable(Schema.empty(cookie), master, SystemTables.SCHEMA_SQL,
                SchemaBuilder.Mode.LOAD);
        return Schema.empty(cookie).withTable(table.withRootPage(SystemTables.SCHEMA_ROOT_PAGE));
    }

    /**
     * Loads {@code rows} read at schema cookie {@code cookie}. {@code pageCount} is the
     * database's size in pages, used to reject root pages beyond the end; 0 skips that check.
     */
    public static Schema load(List<SchemaRow> rows, int cookie, long pageCount) {
        return load(rows, cookie, pageCount, null);
    }

    /**
     * As {@link #load(List, int, long)} for the temp database: its triggers may watch tables
     * and views of {@code others} (a TEMP trigger on a main table), as SQLite allows.
     */
    public static Schema load(List<SchemaRow> rows, int cookie, long pageCount, SchemaLookup others) {
        Schema.Builder schema = bootstrap(cookie).toBuilder();
        for (SchemaRow row : rows) {
            loadRow(schema, row, pageCount, others);
        }
        return schema.build();
    }

    /** {@code own}'s objects, then the tables and views of {@code others} a trigger may watch. */
    private record TriggerTargets(SchemaLookup own, SchemaLookup others) implements SchemaLookup {
        @Override
        public Table table(String name) {
            Table t = own.table(name);
            return t != null || own.view(name) != null ? t : others.table(name);
        }

        @Override
        public View view(String name) {
            View v = own.view(name);
            return v != null || own.table(name) != null ? v : others.view(name);
        }

        @Override
        public Index index(String name) {
            return own.index(name);
        }

        @Override
        public Trigger trigger(String name) {
            return own.trigger(name);
        }
    }

    private static void loadRow(Schema.Builder schema, SchemaRow row, long pageCount, SchemaLookup others) {
        if (row.rootPage() == null) {
            throw corrupt(row, null);
        }
        String sql = row.sql();
        if (sql != null && sql.length() >= 2 && (sql.charAt(0) | 0x20) == 'c' && (sql.charAt(1) | 0x20) == 'r') {
            long root = row.rootPage();
            if (root < 0 || root > 0xffffffffL || (pageCount > 0 && root > pageCount)) {
                throw corrupt(row, "invalid rootpage");
            }
            try {
                create(schema, row, others);
                return;
            } catch (SqliteException e) {
                if (e.code() == ResultCode.CORRUPT) {
                    throw e;
                }
                throw corrupt(row, e.getMessage());
            }
        }
        if (row.name() == null || (sql != null && !sql.isEmpty())) {
            throw corrupt(row, null);
        }
        Index index = schema.index(row.name());
        if (index == null) {
            throw corrupt(row, "orphan index");
        }
        Table table = schema.table(index.table());
        long root = row.rootPage();
        if (root < 2 || (pageCount > 0 && root > pageCount) || hasIndexWithRoot(table, root)) {
            throw corrupt(row, "invalid rootpage");
        }
        schema.table(table.withIndexReplaced(index.name(), index.withRootPage(row.rootPage().intValue())));
    }

    private static void create(Schema.Builder schema, SchemaRow row, SchemaLookup others) {
        Stmt stmt = Parser.parse(row.sql());
        SchemaBuilder.Mode load = SchemaBuilder.Mode.LOAD;
        int root = row.rootPage().intValue();
        switch (stmt) {
            case CreateTable ct when ct.asSelect() == null -> {
                expectRow(row, "table", ct.name().name(), ct.name().name());
                Table t = SchemaBuilder.createTable(schema, ct, row.sql(), load);
                if (t != null) {
                    schema.table(t.withRootPage(root));
                }
            }
            case CreateVirtualTable vt -> {
                expectRow(row, "table", vt.name().name(), vt.name().name());
                Table t = SchemaBuilder.createVirtualTable(schema, vt, row.sql(), load);
                if (t != null) {
                    schema.table(t);
                }
            }
            case CreateIndex ci -> {
                expectRow(row, "index", ci.name().name(), ci.table());
                Index i = SchemaBuilder.createIndex(schema, ci, row.sql(), load);
                if (i != null) {
                    schema.index(i.withRootPage(root));
                }
            }
            case CreateView cv -> {
                expectRow(row, "view", cv.name().name(), cv.name().name());
                View v = SchemaBuilder.createView(schema, cv, row.sql(), load);
                if (v != null) {
                    schema.view(v);
                }
            }
            case CreateTrigger tr -> {
                expectRow(row, "trigger", tr.name().name(), tr.table().name());
                Trigger t = SchemaBuilder.createTrigger(others == null ? schema : new TriggerTargets(schema, others),
                        tr, row.sql(), load);
                if (t != null) {
                    schema.trigger(t);
                }
            }
            case null, default -> throw corrupt(row, null);
        }
    }

    /** sqlite3CheckObjectName while loading: the row must describe the object its SQL creates. */
    private static void expectRow(SchemaRow row, String type, String name, String tblName) {
        if (row.type() == null || row.name() == null || row.tblName() == null || !Identifiers.same(row.type(), type)
                || !Identifiers.same(row.name(), name) || !Identifiers.same(row.tblName(), tblName)) {
            throw corrupt(row, null);
        }
    }

    /** SQLite's sqlite3IndexHasDuplicateRootPage: another index of the table already has this root. */
    private static boolean hasIndexWithRoot(Table table, long root) {
        for (Index index : table.indexes()) {
            if (index.rootPage() == root) {
                return true;
            }
        }
        return false;
    }

    /** SQLite's corruptSchema message. */
    static SqliteException corrupt(SchemaRow row, String detail) {
        String message = "malformed database schema (" + (row.name() != null ? row.name() : "?") + ")";
        if (detail != null && !detail.isEmpty()) {
            message += " - " + detail;
        }
        return new SqliteException(ResultCode.CORRUPT, message);
    }
}
