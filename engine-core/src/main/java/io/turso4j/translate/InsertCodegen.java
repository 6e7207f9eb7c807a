package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Index;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.ChangeFlags;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * INSERT [OR …] INTO t [(columns)] VALUES … | SELECT … | DEFAULT VALUES [upsert] [RETURNING …]
 * into a rowid table, as SQLite's {@code sqlite3Insert}: each source row becomes the table's
 * row in registers (unnamed columns take their DEFAULT), the INTEGER PRIMARY KEY or a named
 * rowid becomes the rowid (a new one when NULL), then {@link ConflictCodegen} checks and writes
 * it. A SELECT that reads the table being filled is first run to its end into a temporary
 * index, so the rows it adds cannot be read again. Not thread-safe; one per statement.
 *
 * <p>Row triggers ({@link RowTriggers}) fire before the rowid is chosen and after the write; an
 * INSERT into a view is its INSTEAD OF triggers' ({@link ViewTriggers}).
 */
final class InsertCodegen {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final Table table;
    private final int[] sourceOf;
    private final int rowidSource;
    private final int cursor;
    private final int[] indexCursors;
    private final int row;
    private final ConflictCodegen conflicts;
    private final RowTriggers triggers;
    private final Autoincrement autoincrement;
    private ForeignKeys foreignKeys;
    /**
     * The statement writes at most one row (DEFAULT VALUES, or VALUES with one row, and no
     * REPLACE that may delete others; SQLite's "not multi-write"): a missing parent fails it
     * before the write, and no violation can be pending that the row resolves.
     */
    private boolean singleRow;
    private ReturningCodegen returning;

    private InsertCodegen(ProgramBuilder b, SelectCodegen selects, Table table, Insert insert, int[] sourceOf,
                          int rowidSource) {
        this.b = b;
        this.selects = selects;
        this.table = table;
        this.sourceOf = sourceOf;
        this.rowidSource = rowidSource;
        this.cursor = b.allocCursor();
        this.indexCursors = WithoutRowidTables.indexCursors(b, table, cursor);
        this.row = b.allocRegisters(ConflictCodegen.rowWidth(table));
        this.conflicts = new ConflictCodegen(b, selects, table, cursor, indexCursors, insert.orAction());
        this.triggers = RowTriggers.insert(selects, table);
        this.autoincrement = table.autoincrement() ? new Autoincrement(b, selects.schema(), table) : null;
    }

    /**
     * Codes {@code insert} after Init; the caller adds the Halt. With {@code materialize} the
     * source rows are all computed before the first is inserted. {@code topLevel} when the
     * INSERT is the statement, not a step of a trigger. Returns the program's column names
     * (RETURNING's), empty when it returns no rows.
     */
    static List<String> code(ProgramBuilder b, SelectCodegen selects, Insert insert, boolean materialize,
                             boolean topLevel) {
        return selects.triggers().withConflict(insert.orAction(),
                () -> selects.ctes().with(insert.with(), () -> codeWithCtes(b, selects, insert, materialize, topLevel)));
    }

    private static List<String> codeWithCtes(ProgramBuilder b, SelectCodegen selects, Insert insert,
                                                       boolean materialize, boolean topLevel) {
        io.turso4j.schema.View view = ViewTriggers.target(selects, insert.table());
        if (view != null) {
            return ViewTriggers.insert(selects, insert, view);
        }
        Table table = target(selects, insert.table());
        int[] sourceOf = new int[table.columns().size()];
        Arrays.fill(sourceOf, -1);
        int rowidSource = -1;
        int width;
        if (insert.columns().isEmpty()) {
            width = 0;
            for (int i = 0; i < sourceOf.length; i++) {
                if (!table.column(i).isGenerated()) {
                    sourceOf[i] = width++;
                }
            }
        } else {
            width = insert.columns().size();
            for (int j = 0; j < width; j++) {
                String name = insert.columns().get(j);
                int i = table.columnIndex(name);
                if (i < 0 && isRowidName(name) && table.rowidAlias() >= 0) {
                    sourceOf[table.rowidAlias()] = j; // the alias's other names; the last one named wins
                } else if (i < 0 && isRowidName(name) && table.hasRowid()) {
                    rowidSource = j;
                } else if (i < 0) {
                    throw ExprCodegen.error("table " + table.name() + " has no column named " + name);
                } else if (table.column(i).isGenerated()) {
                    throw ExprCodegen.error("cannot INSERT into generated column \"" + table.column(i).name() + "\"");
                } else {
                    sourceOf[i] = j;
                }
            }
        }
        InsertCodegen codegen = new InsertCodegen(b, selects, table, insert, sourceOf, rowidSource);
        if (!insert.returning().isEmpty()) {
            codegen.returning = new ReturningCodegen(b, selects, table, insert.returning());
        }
        codegen.foreignKeys = ForeignKeys.begin(b, selects);
        codegen.foreignKeys.prepare(table, false, null);
        codegen.conflicts.setForeignKeys(codegen.foreignKeys);
        if (!insert.upserts().isEmpty()) {
            UpsertCodegen upserts = new UpsertCodegen(b, selects, table, insert, codegen.cursor, codegen.indexCursors);
            upserts.setReturning(codegen.returning);
            upserts.setForeignKeys(codegen.foreignKeys);
            codegen.conflicts.setUpserts(upserts);
        }
        codegen.open();
        Select source = insert.source();
        codegen.singleRow = (source == null || (source.body() instanceof Select.Values values && values.rows().size() == 1))
                && !codegen.conflicts.mayReplace();
        if (topLevel && codegen.singleRow && codegen.triggers.none() && codegen.returning == null
                && insert.upserts().isEmpty()) {
            // the row's checks (NOT NULL, CHECK, keys, a missing parent) all come before its
            // write, and nothing after the write can fail but I/O, which ends the transaction
            b.writesOnceAfterItsChecks();
        }
        if (source == null) {
            codegen.row(-1);
        } else {
            int supplied = selects.columnCount(source.body());
            if (supplied != width) {
                throw ExprCodegen.error(insert.columns().isEmpty()
                        ? "table " + table.name() + " has " + width + " columns but " + supplied + " values were supplied"
                        : supplied + " values for " + width + " columns");
            }
            // as SQLite, also when row triggers fire: they may change what the source reads
            // (a trigger adding to the table the SELECT scans would feed it without end)
            if (materialize || !codegen.triggers.none()) {
                codegen.materialized(source, width);
            } else {
                selects.select(source, (first, count) -> codegen.row(first));
            }
        }
        if (codegen.autoincrement != null) {
            codegen.autoincrement.save();
        }
        codegen.foreignKeys.finish();
        if (codegen.returning != null) {
            codegen.returning.emitRows();
            return codegen.returning.names();
        }
        return List.of();
    }

    /**
     * The table an INSERT, UPDATE or DELETE changes: it must exist, and of SQLite's own tables
     * only sqlite_sequence may be changed.
     */
    static Table target(SelectCodegen selects, Name name) {
        Table table = TableSource.lookup(selects.schema(), name);
        if (table == null) {
            throw ExprCodegen.error("no such table: " + qualified(name));
        }
        if (table.name().toLowerCase(Locale.ROOT).startsWith("sqlite_")
                && !table.name().equalsIgnoreCase(SystemTables.SEQUENCE)) {
            throw ExprCodegen.error("table " + table.name() + " may not be modified");
        }
        return table;
    }

    /** A table name as SQLite's messages show it: {@code schema.name} when a schema was written. */
    static String qualified(Name name) {
        return name.schema() != null ? name.schema() + "." + name.name() : name.name();
    }

    static boolean isRowidName(String name) {
        return name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid") || name.equalsIgnoreCase("_rowid_");
    }

    private void open() {
        WithoutRowidTables.open(b, Opcode.OpenWrite, cursor, table);
        for (int i = 0; i < indexCursors.length; i++) {
            Index index = table.indexes().get(i);
            b.emit(Opcode.OpenWrite, indexCursors[i], index.rootPage(), table.db(), IndexKeys.comparator(index), 0);
        }
        if (autoincrement != null) {
            autoincrement.load();
        }
        if (returning != null) {
            returning.open();
        }
    }

    /**
     * Runs {@code source} to its end into a temporary index (each row behind a sequence number
     * that keeps their order), then inserts its rows.
     */
    private void materialized(Select source, int width) {
        int temp = b.allocCursor();
        b.emit(Opcode.OpenEphemeral, temp, width + 1, 0,
                new IndexKeyComparator(new Collation[width + 1], new boolean[width + 1]), 0);
        int fields = b.allocRegisters(width + 1);
        int one = b.allocRegister();
        b.emit(Opcode.Integer, 0, fields);
        b.emit(Opcode.Integer, 1, one);
        int record = b.allocRegister();
        selects.select(source, (first, count) -> {
            b.emit(Opcode.Add, one, fields, fields);
            for (int j = 0; j < width; j++) {
                b.emit(Opcode.SCopy, first + j, fields + 1 + j);
            }
            b.emit(Opcode.MakeRecord, fields, width + 1, record);
            b.emit(Opcode.IdxInsert, temp, record);
        });
        int done = b.newLabel();
        b.emit(Opcode.Rewind, temp, done);
        int top = b.currentAddress();
        for (int j = 0; j < width; j++) {
            b.emit(Opcode.Column, temp, j + 1, fields + 1 + j);
        }
        row(fields + 1);
        b.emit(Opcode.Next, temp, top);
        b.resolve(done);
    }

    /** Codes the insertion of one row whose supplied values start at register {@code first}. */
    private void row(int first) {
        int n = table.columns().size();
        for (int i = 0; i < n; i++) {
            if (sourceOf[i] >= 0 && first >= 0) {
                b.emit(Opcode.SCopy, first + sourceOf[i], row + i);
            } else {
                defaultValue(table.column(i), row + i);
            }
        }
        int skip = b.newLabel();
        triggers.beforeInsert(row, skip);
        int rowid = ConflictCodegen.rowidOf(table, row);
        int alias = table.rowidAlias();
        int given = -1;
        if (alias >= 0 && (sourceOf[alias] >= 0 || rowidSource < 0)) {
            given = row + alias;
        } else if (rowidSource >= 0 && first >= 0) {
            given = first + rowidSource;
        }
        // A WITHOUT ROWID table's row key is made once the row is complete (ConflictCodegen).
        if (table.hasRowid()) {
            int ready = b.newLabel();
            if (given >= 0) {
                int isNull = b.newLabel();
                b.emit(Opcode.SCopy, given, rowid);
                b.emit(Opcode.IsNull, rowid, isNull);
                b.emit(Opcode.MustBeInt, rowid, 0);
                b.emit(Opcode.Goto, 0, ready);
                b.resolve(isNull);
            }
            if (autoincrement != null) {
                autoincrement.newRowid(cursor, rowid);
            } else {
                b.emit(Opcode.NewRowid, cursor, rowid);
            }
            b.resolve(ready);
            if (autoincrement != null) {
                autoincrement.used(rowid);
            }
            if (alias >= 0) {
                b.emit(Opcode.SCopy, rowid, row + alias);
            }
        }
        GeneratedColumns.computeAll(b, table, row);
        int[] keys = conflicts.check(row, -1, skip);
        if (singleRow) {
            foreignKeys.childAddingOnly(table, row);
        }
        conflicts.write(row, -1, keys, selects.triggers().changeFlags(ChangeFlags.COUNT | ChangeFlags.LAST_ROWID));
        if (!singleRow) {
            foreignKeys.childAdded(table, row);
        }
        foreignKeys.parentAdded(table, -1, row);
        triggers.afterInsert(row, rowid, skip);
        if (returning != null) {
            returning.row(row);
        }
        b.resolve(skip);
    }

    /** The column's DEFAULT (its SQL text compiled as an expression), or NULL. */
    private void defaultValue(Column column, int target) {
        if (column.defaultSql() == null) {
            b.emit(Opcode.Null, 0, target);
            return;
        }
        selects.exprs().code(ConflictCodegen.parseExpr(column.defaultSql()), target);
    }
}
