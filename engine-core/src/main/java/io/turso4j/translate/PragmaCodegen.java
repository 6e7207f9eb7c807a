package io.turso4j.translate;

import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.PragmaRows;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SchemaPragmas;
import io.turso4j.schema.Table;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.PragmaSetting;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code PRAGMA name [= value | (value)]}: SQLite's {@code sqlite3Pragma}, for the pragmas
 * people use (sqlite.org/pragma.html), with SQLite's result column names and its parsing of
 * the value ({@link PragmaValues}). Unknown pragmas compile to a program that does nothing,
 * as SQLite ignores them.
 *
 * <p>Schema pragmas (table_info, index_list …) read the schema the statement is prepared
 * against and become constant rows. The rest run against the connection when the statement
 * runs: the header cookies ({@code ReadCookie}/{@code SetCookie}), the page count, checkpoints,
 * integrity checks ({@link IntegrityCodegen}) and the settings of {@link PragmaSetting}
 * ({@code Pragma}). Journal mode: turso4j always runs in WAL mode, so asking for another mode
 * answers {@code wal} — what SQLite answers when it cannot change the mode — and
 * {@code memory} for an in-memory database, as SQLite does. The same code serves the
 * pragma table-valued functions ({@link PragmaFunctions}) through its {@link RowSink}. One per
 * pragma; not thread-safe.
 */
final class PragmaCodegen {
    private static final Set<String> JOURNAL_MODES = Set.of("delete", "persist", "off", "truncate", "memory", "wal");

    /** Where a result row goes: {@code ResultRow} for the statement, a Yield for a table-valued function. */
    interface RowSink {
        void row(int first, int count);
    }

    private final ProgramBuilder b;
    private final Schema schema;
    private final String value;
    private final RowSink sink;
    /** The name of the database the pragma is about: integrity_check reports its storage problems under it. */
    private String databaseName;
    private List<String> columns = List.of();

    PragmaCodegen(ProgramBuilder b, Schema schema, String value, RowSink sink) {
        this.b = b;
        this.schema = schema;
        this.value = value;
        this.sink = sink;
    }

    static Program program(Stmt.Pragma pragma, Schema schema) {
        String db = pragma.name().schema();
        Schema.Database database = db == null ? null : schema.database(db);
        if (db != null && database == null) {
            throw ExprCodegen.error("unknown database " + db);
        }
        if (database != null) {
            // The schema pragmas read that database's own objects; its cursors open there.
            Stmt.Pragma unqualified = new Stmt.Pragma(pragma.pos(), new io.turso4j.sql.ast.Name(null, pragma.name().name()),
                    pragma.value(), pragma.call());
            Program program = program(unqualified, database.schema(), database.name());
            return database.index() == 0 ? program : io.turso4j.vdbe.ProgramDatabase.on(program, database.index());
        }
        return program(pragma, schema, "main");
    }

    /** {@code pragma}, unqualified, compiled against {@code schema}, the objects of database {@code databaseName}. */
    private static Program program(Stmt.Pragma pragma, Schema schema, String databaseName) {
        ProgramBuilder b = new ProgramBuilder();
        PragmaCodegen codegen = new PragmaCodegen(b, schema, pragma.value(), (first, count) -> b.emit(Opcode.ResultRow, first, count));
        codegen.databaseName = databaseName;
        b.emit(Opcode.Init, 0, 1);
        codegen.code(pragma.name().name().toLowerCase(Locale.ROOT));
        b.emit(Opcode.Halt, 0, 0);
        if (!codegen.columns.isEmpty()) {
            b.setColumnNames(codegen.columns);
        }
        return b.build();
    }

    /** The result column names of the pragma coded last. */
    List<String> columns() {
        return columns;
    }

    /** Codes pragma {@code name} (lower case), sending its rows to the sink. */
    void code(String name) {
        switch (name) {
            case "table_info" -> rows(schemaRows(name), "cid", "name", "type", "notnull", "dflt_value", "pk");
            case "table_xinfo" -> rows(schemaRows(name), "cid", "name", "type", "notnull", "dflt_value", "pk", "hidden");
            case "index_list" -> rows(schemaRows(name), "seq", "name", "unique", "origin", "partial");
            case "index_info" -> rows(schemaRows(name), "seqno", "cid", "name");
            case "index_xinfo" -> rows(schemaRows(name), "seqno", "cid", "name", "desc", "coll", "key");
            case "foreign_key_list" -> rows(schemaRows(name), "id", "seq", "table", "from", "to", "on_update",
                    "on_delete", "match");
            case "table_list" -> rows(schemaRows(name), "schema", "name", "type", "ncol", "wr", "strict");
            case "database_list" -> databaseList();
            case "user_version" -> cookie(6, name);
            case "application_id" -> cookie(8, name);
            case "schema_version" -> cookie(1, name);
            case "freelist_count" -> read(Opcode.ReadCookie, 0, name);
            case "page_count" -> read(Opcode.Pagecount, 0, name);
            case "page_size" -> setting(PragmaSetting.PAGE_SIZE, name, PragmaValues.integer(value), false);
            case "cache_size" -> setting(PragmaSetting.CACHE_SIZE, name, PragmaValues.integer(value), false);
            case "synchronous" -> setting(PragmaSetting.SYNCHRONOUS, name, PragmaValues.synchronous(value), false);
            case "auto_vacuum" -> {
                if (value != null) {
                    b.emit(Opcode.Transaction, 0, 1); // FULL and INCREMENTAL trade places in the header
                }
                setting(PragmaSetting.AUTO_VACUUM, name, PragmaValues.autoVacuum(value), false);
            }
            case "busy_timeout" -> setting(PragmaSetting.BUSY_TIMEOUT, "timeout", PragmaValues.integer(value), true);
            case "foreign_keys" -> setting(PragmaSetting.FOREIGN_KEYS, name, PragmaValues.bool(value), false);
            case "recursive_triggers" -> setting(PragmaSetting.RECURSIVE_TRIGGERS, name, PragmaValues.bool(value), false);
            case "defer_foreign_keys" -> setting(PragmaSetting.DEFER_FOREIGN_KEYS, name, PragmaValues.bool(value), false);
            case "wal_autocheckpoint" -> setting(PragmaSetting.WAL_AUTOCHECKPOINT, name, PragmaValues.integer(value), true);
            case "encoding" -> {
                if (value == null) { // the encoding of an existing database never changes
                    setting(PragmaSetting.ENCODING, name, null, false);
                }
            }
            case "journal_mode" -> {
                int out = b.allocRegister();
                String mode = value == null ? null : value.toLowerCase(Locale.ROOT);
                b.emit(Opcode.JournalMode, 0, out, 0, mode != null && JOURNAL_MODES.contains(mode) ? mode : null, 0);
                resultRow(out, name);
            }
            case "wal_checkpoint" -> {
                int out = b.allocRegisters(3);
                b.emit(Opcode.Checkpoint, 0, 0, out, checkpointMode(), 0);
                sink.row(out, 3);
                columns = List.of("busy", "log", "checkpointed");
            }
            case "incremental_vacuum" -> {
                Long pages = PragmaValues.integer(value);
                b.emit(Opcode.IncrVacuum, pages == null || pages <= 0 ? 0 : (int) Math.min(pages, Integer.MAX_VALUE), 0);
            }
            case "integrity_check", "quick_check" -> {
                boolean quick = name.equals("quick_check");
                if (schema.databases().isEmpty()) { // one database's objects (DatabaseDdl chose which)
                    IntegrityCodegen.code(b, schema, quick, value, name, databaseName);
                } else {
                    IntegrityCodegen.codeAll(b, schema, quick, value, name); // unqualified: every database
                }
            }
            default -> {
                // Unknown pragmas are ignored, as in SQLite.
            }
        }
    }

    /**
     * The rows of the schema pragma {@code name} (one that takes a table or index name: table_info,
     * table_xinfo, index_list, index_info, index_xinfo, foreign_key_list, table_list) for this
     * value; null for none.
     */
    PragmaRows schemaRows(String name) {
        return switch (name) {
            case "table_info" -> table() == null ? viewInfo(false) : SchemaPragmas.tableInfo(table());
            case "table_xinfo" -> table() == null ? viewInfo(true) : SchemaPragmas.tableXinfo(table());
            case "index_list" -> table() == null ? null : SchemaPragmas.indexList(table());
            case "index_info" -> index() == null ? null : SchemaPragmas.indexInfo(indexTable(), index());
            case "index_xinfo" -> index() == null ? null : SchemaPragmas.indexXinfo(indexTable(), index());
            case "foreign_key_list" -> table() == null ? null : SchemaPragmas.foreignKeyList(table());
            case "table_list" -> tableList();
            default -> throw new IllegalArgumentException("not a schema pragma: " + name);
        };
    }

    /** The table named by the value, or null (then the pragma returns no rows, as SQLite's). */
    private Table table() {
        return value == null ? null : schema.table(value);
    }

    /** table_info / table_xinfo of the view {@code value} names, or null when there is none. */
    private PragmaRows viewInfo(boolean extended) {
        View view = value == null ? null : schema.view(value);
        if (view == null) {
            return null;
        }
        List<String> names = ViewColumns.names(view, schema);
        return SchemaPragmas.viewInfo(names, ViewColumns.types(view, schema, names.size()), extended);
    }

    private Index index() {
        return value == null ? null : schema.index(value);
    }

    private Table indexTable() {
        return schema.table(index().table());
    }

    /** Emits {@code rows} as constant result rows (none when null) under {@code names}. */
    private void rows(PragmaRows rows, String... names) {
        columns = List.of(names);
        if (rows == null || rows.rows().isEmpty()) {
            return;
        }
        int first = b.allocRegisters(names.length);
        for (List<Object> row : rows.rows()) {
            for (int i = 0; i < names.length; i++) {
                load(row.get(i), first + i);
            }
            sink.row(first, names.length);
        }
    }

    private void load(Object v, int reg) {
        switch (v) {
            case null -> b.emit(Opcode.Null, 0, reg);
            case Long l when l == (int) (long) l -> b.emit(Opcode.Integer, (int) (long) l, reg);
            case Long l -> b.emit(Opcode.Int64, 0, reg, 0, l, 0);
            case String s -> b.emit(Opcode.String8, 0, reg, 0, s, 0);
            default -> throw new IllegalArgumentException("pragma value " + v);
        }
    }

    /**
     * {@code PRAGMA table_list [(name)]}: schema objects in the order SQLite's hash of a small
     * schema yields them (newest first, sqlite_schema last). Views report their column count.
     */
    private PragmaRows tableList() {
        List<List<Object>> rows = new ArrayList<>();
        List<Table> tables = new ArrayList<>(schema.tables());
        List<View> views = new ArrayList<>(schema.views());
        Collections.reverse(tables);
        Collections.reverse(views);
        for (View v : views) {
            if (value == null || Identifiers.same(v.name(), value)) {
                rows.add(Arrays.asList("main", v.name(), "view", (long) v.columns().size(), 0L, 0L));
            }
        }
        for (Table t : tables) {
            boolean schemaTable = t.rootPage() == 1;
            String name = schemaTable ? "sqlite_schema" : t.name();
            if (value == null || Identifiers.same(t.name(), value)) { // sqlite_master, not _schema
                rows.add(Arrays.asList("main", name, t.isVirtual() ? "virtual" : "table", (long) t.columns().size(),
                        t.withoutRowid() ? 1L : 0L, t.strict() ? 1L : 0L));
            }
        }
        rows.sort(Comparator.comparing(r -> "sqlite_schema".equals(r.get(1)) ? 1 : 0));
        if (value == null || Identifiers.same("sqlite_temp_master", value)) {
            rows.add(Arrays.asList("temp", "sqlite_temp_schema", "table", 5L, 0L, 0L));
        }
        return new PragmaRows(List.of("schema", "name", "type", "ncol", "wr", "strict"), rows);
    }

    private void databaseList() {
        int out = b.allocRegisters(3);
        b.emit(Opcode.Integer, 0, out);
        b.emit(Opcode.String8, 0, out + 1, 0, "main", 0);
        b.emit(Opcode.Pragma, PragmaSetting.DATABASE_FILE.ordinal(), out + 2, 0);
        sink.row(out, 3);
        for (Schema.Database d : schema.databases()) {
            if (d != null && d.index() > 0) {
                b.emit(Opcode.Integer, d.index(), out);
                b.emit(Opcode.String8, 0, out + 1, 0, d.name(), 0);
                b.emit(Opcode.String8, 0, out + 2, 0, d.file(), 0);
                sink.row(out, 3);
            }
        }
        columns = List.of("seq", "name", "file");
    }

    /** A header meta value: read it, or (with a value) write it as a signed 32-bit integer. */
    private void cookie(int meta, String name) {
        if (value == null) {
            read(Opcode.ReadCookie, meta, name);
            return;
        }
        b.emit(Opcode.SetCookie, meta, 0, PragmaValues.int32(value));
        if (meta == 1) {
            b.emit(Opcode.ParseSchema, 0, 0);
        }
    }

    private void read(Opcode op, int p3, String name) {
        int out = b.allocRegister();
        b.emit(op, 0, out, p3);
        resultRow(out, name);
    }

    /** One of {@link PragmaSetting}: read it, or set it and (when {@code rowOnSet}) read it back. */
    private void setting(PragmaSetting s, String column, Long newValue, boolean rowOnSet) {
        int out = newValue == null || rowOnSet ? b.allocRegister() : 0;
        b.emit(Opcode.Pragma, s.ordinal(), out, newValue != null ? 1 : 0, newValue, 0);
        if (out != 0) {
            resultRow(out, column);
        }
    }

    private void resultRow(int reg, String column) {
        sink.row(reg, 1);
        columns = List.of(column);
    }

    private CheckpointMode checkpointMode() {
        if (value != null) {
            for (CheckpointMode m : CheckpointMode.values()) {
                if (m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
        }
        return CheckpointMode.PASSIVE;
    }
}
