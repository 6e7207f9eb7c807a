package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.schema.Column;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.ConflictAction;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Insert;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.parser.Parser;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.ChangeFlags;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT INTO t [(columns)] VALUES … | SELECT … | DEFAULT VALUES into a rowid table, as
 * SQLite's {@code sqlite3Insert} with the default conflict handling (ABORT): each source row
 * becomes the table's row in registers (unnamed columns take their DEFAULT), the INTEGER
 * PRIMARY KEY becomes the rowid (a new one when NULL), the columns get their affinity, then the
 * constraints are checked — NOT NULL, the rowid's and every UNIQUE index's uniqueness — before
 * anything is written, so a failing row leaves the tree as it was (the statement's rollback
 * undoes earlier rows). Not thread-safe; one per statement.
 */
final class InsertCodegen {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final Table table;
    private final int[] sourceOf;
    private final int cursor;
    private final int[] indexCursors;
    private final int row;
    private final int rowid;
    private final RowTriggers triggers;

    private InsertCodegen(ProgramBuilder b, SelectCodegen selects, Table table, int[] sourceOf) {
        this.b = b;
        this.selects = selects;
        this.table = table;
        this.sourceOf = sourceOf;
        this.cursor = b.allocCursor();
        this.indexCursors = new int[table.indexes().size()];
        for (int i = 0; i < indexCursors.length; i++) {
            indexCursors[i] = b.allocCursor();
        }
        this.row = b.allocRegisters(Math.max(table.columns().size(), 1));
        this.rowid = b.allocRegister();
        this.triggers = RowTriggers.insert(selects, table);
    }

    /** Codes {@code insert} after Init; the caller adds the Halt. Returns the table's root page. */
    static int code(ProgramBuilder b, SelectCodegen selects, Insert insert) {
        if (insert.with() != null || !insert.upserts().isEmpty() || !insert.returning().isEmpty()
                || (insert.orAction() != null && insert.orAction() != ConflictAction.ABORT)) {
            throw ExprCodegen.error("this form of INSERT is not supported yet");
        }
        io.turso4j.schema.View view = ViewTriggers.target(selects, insert.table());
        if (view != null) {
            ViewTriggers.insert(selects, insert, view);
            return -1;
        }
        Table table = TableSource.lookup(selects.schema(), insert.table());
        if (table == null) {
            throw ExprCodegen.error("no such table: " + insert.table().name());
        }
        if (table.name().toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")) {
            throw ExprCodegen.error("table " + table.name() + " may not be modified");
        }
        int[] sourceOf = new int[table.columns().size()];
        java.util.Arrays.fill(sourceOf, -1);
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
                if (i < 0) {
                    throw ExprCodegen.error("table " + table.name() + " has no column named " + name);
                }
                sourceOf[i] = j;
            }
        }
        InsertCodegen codegen = new InsertCodegen(b, selects, table, sourceOf);
        codegen.open();
        if (insert.source() == null) {
            codegen.row(-1);
            return table.rootPage();
        }
        int supplied = selects.columnCount(insert.source().body());
        if (supplied != width) {
            throw ExprCodegen.error(insert.columns().isEmpty()
                    ? "table " + table.name() + " has " + width + " columns but " + supplied + " values were supplied"
                    : supplied + " values for " + width + " columns");
        }
        selects.select(insert.source(), (first, count) -> codegen.row(first));
        return table.rootPage();
    }

    private void open() {
        b.emit(Opcode.OpenWrite, cursor, table.rootPage(), 0);
        for (int i = 0; i < indexCursors.length; i++) {
            Index index = table.indexes().get(i);
            b.emit(Opcode.OpenWrite, indexCursors[i], index.rootPage(), 0, IndexKeys.comparator(index), 0);
        }
    }

    /** Codes the insertion of one row whose supplied values start at register {@code first}. */
    private void row(int first) {
        int next = b.newLabel();
        int n = table.columns().size();
        for (int i = 0; i < n; i++) {
            if (sourceOf[i] >= 0 && first >= 0) {
                b.emit(Opcode.SCopy, first + sourceOf[i], row + i);
            } else {
                defaultValue(table.column(i), row + i);
            }
        }
        triggers.beforeInsert(row, next);
        int alias = table.rowidAlias();
        if (alias >= 0) {
            int given = b.newLabel();
            int ready = b.newLabel();
            b.emit(Opcode.SCopy, row + alias, rowid);
            b.emit(Opcode.NotNull, rowid, given);
            b.emit(Opcode.NewRowid, cursor, rowid);
            b.emit(Opcode.Goto, 0, ready);
            b.resolve(given);
            b.emit(Opcode.MustBeInt, rowid, 0);
            b.resolve(ready);
            b.emit(Opcode.SCopy, rowid, row + alias);
        } else {
            b.emit(Opcode.NewRowid, cursor, rowid);
        }
        write(b, table, cursor, indexCursors, row, rowid, alias >= 0,
                selects.triggers().changeFlags(ChangeFlags.COUNT | ChangeFlags.LAST_ROWID));
        triggers.afterInsert(row, rowid, next);
        b.resolve(next);
    }

    /**
     * Writes the row in {@code row…} under the rowid in {@code rowid}: affinities, then the
     * constraint checks (the rowid's uniqueness only when {@code checkRowid}), then the table
     * entry (Insert with {@code changeFlags}) and one entry per index. UPDATE uses it too, after
     * removing the row's old index entries.
     */
    static void write(ProgramBuilder b, Table table, int cursor, int[] indexCursors, int row, int rowid,
                      boolean checkRowid, int changeFlags) {
        int n = table.columns().size();
        int alias = table.rowidAlias();
        StringBuilder affinities = new StringBuilder();
        for (Column c : table.columns()) {
            affinities.append((char) AffinityCode.of(c.affinity()));
        }
        b.emit(Opcode.Affinity, row, n, 0, affinities.toString(), 0);
        for (int i = 0; i < n; i++) {
            if (table.column(i).notNull() && i != alias) {
                int ok = b.newLabel();
                b.emit(Opcode.NotNull, row + i, ok);
                fail(b, ResultCode.CONSTRAINT_NOTNULL, "NOT NULL constraint failed: " + table.name() + "."
                        + table.column(i).name());
                b.resolve(ok);
            }
        }
        if (checkRowid) {
            int ok = b.newLabel();
            b.emit(Opcode.NotExists, cursor, ok, rowid);
            fail(b, ResultCode.CONSTRAINT_PRIMARYKEY, "UNIQUE constraint failed: " + table.name() + "."
                    + table.column(alias).name());
            b.resolve(ok);
        }
        List<Integer> entries = new ArrayList<>();
        for (int i = 0; i < indexCursors.length; i++) {
            Index index = table.indexes().get(i);
            int key = b.allocRegisters(index.columns().size());
            int entry = b.allocRegister();
            int skip = IndexKeys.skipUnlessIndexed(b, table, index, row, entry);
            IndexKeys.build(b, table, index, row, rowid, key);
            if (index.unique()) {
                unique(b, table, index, indexCursors[i], key);
            }
            b.emit(Opcode.MakeRecord, key, index.columns().size(), entry);
            b.resolve(skip);
            entries.add(entry);
        }
        if (alias >= 0) {
            b.emit(Opcode.Null, 0, row + alias);
        }
        int record = b.allocRegister();
        b.emit(Opcode.MakeRecord, row, n, record);
        b.emit(Opcode.Insert, cursor, record, rowid, null, changeFlags);
        for (int i = 0; i < indexCursors.length; i++) {
            IndexKeys.insert(b, table.indexes().get(i), indexCursors[i], entries.get(i));
        }
    }

    /** Fails when another entry of a UNIQUE index has this key (a key with a NULL never conflicts). */
    private static void unique(ProgramBuilder b, Table table, Index index, int indexCursor, int key) {
        int ok = b.newLabel();
        for (int k = 0; k < index.keyCount(); k++) {
            b.emit(Opcode.IsNull, key + k, ok);
        }
        b.emit(Opcode.NotFound, indexCursor, ok, key, index.keyCount(), 0);
        StringBuilder names = new StringBuilder(IndexKeys.hasExpressions(index) ? "index '" + index.name() + "'" : "");
        for (int k = 0; k < index.keyCount() && !IndexKeys.hasExpressions(index); k++) {
            IndexColumn c = index.columns().get(k);
            names.append(k == 0 ? "" : ", ").append(table.name()).append('.').append(table.column(c.column()).name());
        }
        fail(b, index.isPrimaryKey() ? ResultCode.CONSTRAINT_PRIMARYKEY : ResultCode.CONSTRAINT_UNIQUE,
                "UNIQUE constraint failed: " + names);
        b.resolve(ok);
    }

    private static void fail(ProgramBuilder b, ResultCode code, String message) {
        b.emit(Opcode.Halt, code.code(), 0, 0, message, 0);
    }

    /** The column's DEFAULT (its SQL text compiled as an expression), or NULL. */
    private void defaultValue(Column column, int target) {
        if (column.defaultSql() == null) {
            b.emit(Opcode.Null, 0, target);
            return;
        }
        Select select = (Select) Parser.parse("SELECT " + column.defaultSql());
        Expr e = ((Select.ExprColumn) ((Select.Core) select.body()).columns().getFirst()).expr();
        selects.exprs().code(e, target);
    }
}
