package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.schema.Column;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
import io.turso4j.schema.Trigger;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.parser.Parser;
import io.turso4j.translate.schema.AlterText;
import io.turso4j.translate.schema.SchemaBuilder;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * ALTER TABLE: RENAME TO, RENAME COLUMN, ADD COLUMN and DROP COLUMN, as SQLite's alter.c does
 * them — by rewriting the CREATE text of every object involved in sqlite_schema (see
 * {@link AlterText} for the edits) and bumping the cookie so every connection reloads. ADD
 * COLUMN leaves the rows alone (a short record reads the column's default); DROP COLUMN
 * rewrites every row without the column's field. Checks and messages are SQLite's. Stateless.
 */
final class AlterCodegen {
    private AlterCodegen() {
    }

    static Program alter(Stmt.AlterTable stmt, String text, Schema schema) {
        Name name = stmt.table();
        boolean inMain = name.schema() == null || Identifiers.same(name.schema(), "main");
        Table table = inMain ? schema.table(name.name()) : null;
        if (table == null) {
            View view = inMain ? schema.view(name.name()) : null;
            if (view == null) {
                throw ExprCodegen.error("no such table: " + (name.schema() != null ? name.schema() + "." : "")
                        + name.name());
            }
            throw ExprCodegen.error(switch (stmt.action()) {
                case Stmt.RenameTable r -> "view " + view.name() + " may not be altered";
                case Stmt.AddColumn a -> "Cannot add a column to a view";
                case Stmt.RenameColumn r -> "cannot rename columns of view \"" + view.name() + "\"";
                case Stmt.DropColumn d -> "cannot drop column from view \"" + view.name() + "\"";
            });
        }
        if (SystemTables.isReserved(table.name())) {
            throw ExprCodegen.error("table " + table.name() + " may not be altered");
        }
        if (table.isVirtual()) {
            throw ExprCodegen.error("ALTER TABLE of a virtual or WITHOUT ROWID table is not supported yet");
        }
        ProgramBuilder b = SchemaWrites.start();
        switch (stmt.action()) {
            case Stmt.RenameTable r -> renameTable(b, schema, table, r.newName());
            case Stmt.RenameColumn r -> renameColumn(b, schema, table, r.oldName(), r.newName(), r.oldWritten());
            case Stmt.AddColumn a -> addColumn(b, table, a.column(), text);
            case Stmt.DropColumn d -> dropColumn(b, schema, table, d.column(), d.written());
        }
        SchemaWrites.finish(b, schema);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    private static void renameTable(ProgramBuilder b, Schema schema, Table table, String to) {
        if (schema.table(to) != null || schema.view(to) != null || schema.index(to) != null) {
            throw ExprCodegen.error("there is already another table or index with this name: " + to);
        }
        if (SystemTables.isReserved(to)) {
            throw ExprCodegen.error("object name reserved for internal use: " + to);
        }
        String from = table.name();
        SchemaWrites.update(b, "table", from, to, to, AlterText.renameTable(table.sql(), from, to));
        for (Index index : table.indexes()) {
            String newName = index.isAutomatic() ? "sqlite_autoindex_" + to
                    + index.name().substring(("sqlite_autoindex_" + from).length()) : index.name();
            SchemaWrites.update(b, "index", index.name(), newName, to,
                    index.sql() == null ? null : AlterText.renameTable(index.sql(), from, to));
        }
        for (Trigger trigger : schema.triggers()) {
            String sql = AlterText.renameTable(trigger.sql(), from, to);
            boolean on = Identifiers.same(trigger.table(), from);
            if (on || !sql.equals(trigger.sql())) {
                SchemaWrites.update(b, "trigger", trigger.name(), trigger.name(), on ? to : trigger.table(), sql);
            }
        }
        for (View view : schema.views()) {
            String sql = AlterText.renameTable(view.sql(), from, to);
            if (!sql.equals(view.sql())) {
                SchemaWrites.update(b, "view", view.name(), view.name(), view.name(), sql);
            }
        }
        for (Table other : schema.tables()) {
            if (other != table && other.sql() != null && !other.foreignKeys().isEmpty()) {
                String sql = AlterText.renameTable(other.sql(), from, to);
                if (!sql.equals(other.sql())) {
                    SchemaWrites.update(b, "table", other.name(), other.name(), other.name(), sql);
                }
            }
        }
        if (table.autoincrement() && schema.sequenceTable() != null) {
            int cursor = b.allocCursor();
            Table seq = schema.sequenceTable();
            b.emit(Opcode.OpenWrite, cursor, seq.rootPage(), 0);
            int row = b.allocRegisters(2);
            int old = b.allocRegister();
            b.emit(Opcode.String8, 0, old, 0, from, 0);
            int done = b.newLabel();
            b.emit(Opcode.Rewind, cursor, done);
            int top = b.currentAddress();
            int next = b.newLabel();
            b.emit(Opcode.Column, cursor, 0, row);
            b.emit(Opcode.Column, cursor, 1, row + 1);
            b.emit(Opcode.Ne, old, next, row, null, io.turso4j.vdbe.AffinityCode.JUMPIFNULL);
            b.emit(Opcode.String8, 0, row, 0, to, 0);
            int record = b.allocRegister();
            int rowid = b.allocRegister();
            b.emit(Opcode.MakeRecord, row, 2, record);
            b.emit(Opcode.Rowid, cursor, rowid);
            b.emit(Opcode.Insert, cursor, record, rowid);
            b.resolve(next);
            b.emit(Opcode.Next, cursor, top);
            b.resolve(done);
            b.emit(Opcode.Close, cursor, 0);
        }
    }

    private static void renameColumn(ProgramBuilder b, Schema schema, Table table, String from, String to,
                                     String fromWritten) {
        int i = table.columnIndex(from);
        if (i < 0) {
            throw ExprCodegen.error("no such column: \"" + fromWritten + "\"");
        }
        if (table.columnIndex(to) >= 0 && table.columnIndex(to) != i) {
            throw ExprCodegen.error("error in table " + table.name() + " after rename: duplicate column name: " + to);
        }
        String column = table.column(i).name();
        SchemaWrites.update(b, "table", table.name(), table.name(), table.name(),
                AlterText.renameColumn(table.sql(), column, to, null));
        for (Index index : table.indexes()) {
            if (index.sql() != null) {
                SchemaWrites.update(b, "index", index.name(), index.name(), table.name(),
                        AlterText.renameColumn(index.sql(), column, to, null));
            }
        }
        for (Table other : schema.tables()) {
            if (other != table && !other.foreignKeys().isEmpty()) {
                String sql = AlterText.renameColumn(other.sql(), column, to, table.name());
                if (!sql.equals(other.sql())) {
                    SchemaWrites.update(b, "table", other.name(), other.name(), other.name(), sql);
                }
            }
        }
        for (View view : schema.views()) {
            if (AlterText.mentions(view.sql(), table.name())) {
                String sql = AlterText.renameColumn(view.sql(), column, to, null);
                if (!sql.equals(view.sql())) {
                    SchemaWrites.update(b, "view", view.name(), view.name(), view.name(), sql);
                }
            }
        }
        for (Trigger trigger : schema.triggersOn(table.name())) {
            SchemaWrites.update(b, "trigger", trigger.name(), trigger.name(), trigger.table(),
                    AlterText.renameColumn(trigger.sql(), column, to, null));
        }
    }

    private static void addColumn(ProgramBuilder b, Table table, CreateTable.ColumnDef def, String text) {
        if (table.columnIndex(def.name()) >= 0) {
            throw ExprCodegen.error("duplicate column name: " + def.name());
        }
        Expr defaultValue = null;
        boolean notNull = false;
        for (CreateTable.ColumnConstraint c : def.constraints()) {
            switch (c) {
                case CreateTable.PrimaryKey pk -> throw ExprCodegen.error("Cannot add a PRIMARY KEY column");
                case CreateTable.Unique u -> throw ExprCodegen.error("Cannot add a UNIQUE column");
                case CreateTable.Default d -> defaultValue = d.value();
                case CreateTable.NotNull n -> notNull = true;
                case CreateTable.Generated g when g.storage() == CreateTable.Storage.STORED ->
                        throw ExprCodegen.error("cannot add a STORED column");
                default -> {
                }
            }
        }
        boolean nullDefault = defaultValue == null
                || (defaultValue instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.NULL);
        if (notNull && nullDefault) {
            errorIfNotEmpty(b, table, "Cannot add a NOT NULL column with default value NULL");
        }
        if (defaultValue != null && !(defaultValue instanceof Expr.Literal) && !isSignedNumber(defaultValue)) {
            errorIfNotEmpty(b, table, "Cannot add a column with non-constant default");
        }
        String sql = AlterText.addColumn(table.sql(), AlterText.addedDefinition(text));
        SchemaWrites.update(b, "table", table.name(), table.name(), table.name(), sql);
        // Schema format 3 when the new column has a default, else 2 (sqlite3MinimumFileFormat).
        b.emit(Opcode.SetCookie, 2, 0, nullDefault ? 2 : 3, null, 1);
    }

    /** SQLite's sqlite3ErrorIfNotEmpty: the change is refused only when the table has rows. */
    private static void errorIfNotEmpty(ProgramBuilder b, Table table, String message) {
        int cursor = b.allocCursor();
        WithoutRowidTables.open(b, Opcode.OpenRead, cursor, table);
        int empty = b.newLabel();
        b.emit(Opcode.Rewind, cursor, empty);
        b.emit(Opcode.Halt, ResultCode.ERROR.code(), 0, 0, message, 0);
        b.resolve(empty);
        b.emit(Opcode.Close, cursor, 0);
    }

    private static boolean isSignedNumber(Expr e) {
        return e instanceof Expr.Unary u && (u.op() == Expr.UnaryOp.NEGATE || u.op() == Expr.UnaryOp.PLUS)
                && u.operand() instanceof Expr.Literal;
    }

    private static void dropColumn(ProgramBuilder b, Schema schema, Table table, String name, String written) {
        int i = table.columnIndex(name);
        if (i < 0) {
            throw ExprCodegen.error("no such column: \"" + written + "\"");
        }
        Column column = table.column(i);
        if (column.primaryKey()) {
            throw ExprCodegen.error("cannot drop PRIMARY KEY column: \"" + column.name() + "\"");
        }
        if (AlterText.declaresUnique(table.sql(), i)) {
            throw ExprCodegen.error("cannot drop UNIQUE column: \"" + column.name() + "\"");
        }
        if (table.columns().size() == 1) {
            throw ExprCodegen.error("cannot drop column \"" + column.name() + "\": no other columns exist");
        }
        for (Index index : table.indexes()) {
            if (!table.hasRowid() && index.isPrimaryKey()) {
                continue; // the table itself, which holds every column; its key ones were refused above
            }
            boolean uses = index.columns().stream().anyMatch(c -> c.column() == i);
            if (uses && index.isAutomatic()) {
                throw ExprCodegen.error("error in table " + table.name() + " after drop column: no such column: "
                        + column.name());
            }
            if (uses || (index.sql() != null && AlterText.mentions(index.sql(), column.name()))) {
                throw ExprCodegen.error("error in index " + index.name() + " after drop column: no such column: "
                        + column.name());
            }
        }
        for (View view : schema.views()) {
            if (AlterText.mentions(view.sql(), table.name()) && AlterText.mentions(view.sql(), column.name())) {
                throw ExprCodegen.error("error in view " + view.name() + " after drop column: no such column: "
                        + column.name());
            }
        }
        String sql = AlterText.dropColumn(table.sql(), i);
        try {
            SchemaBuilder.redeclareTable((CreateTable) Parser.parse(sql), sql);
        } catch (SqliteException e) {
            // What reading the schema back would fail on: a CHECK or generated column that used it.
            throw ExprCodegen.error("error in table " + table.name() + " after drop column: " + e.getMessage());
        }
        SchemaWrites.update(b, "table", table.name(), table.name(), table.name(), sql);
        if (column.generated() == Column.Generated.VIRTUAL) {
            return;
        }
        if (table.hasRowid()) {
            rewriteRows(b, table, i);
        } else {
            WithoutRowidTables.rewriteWithout(b, table, i);
        }
    }

    /** Every row of {@code table} written again without the stored field of column {@code drop}. */
    private static void rewriteRows(ProgramBuilder b, Table table, int drop) {
        // Record fields: the stored columns (VIRTUAL generated ones have none), in order.
        List<Column> columns = table.columns();
        int fieldOfDrop = 0;
        int fields = 0;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).generated() == Column.Generated.VIRTUAL) {
                continue;
            }
            if (c == drop) {
                fieldOfDrop = fields;
            }
            fields++;
        }
        int cursor = b.allocCursor();
        b.emit(Opcode.OpenWrite, cursor, table.rootPage(), table.db());
        int values = b.allocRegisters(fields);
        int record = b.allocRegister();
        int rowid = b.allocRegister();
        int done = b.newLabel();
        b.emit(Opcode.Rewind, cursor, done);
        int top = b.currentAddress();
        int out = 0;
        int f = 0;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).generated() == Column.Generated.VIRTUAL) {
                continue;
            }
            if (f != fieldOfDrop) {
                b.emit(Opcode.Column, cursor, f, values + out++, ColumnDefaults.of(columns.get(c)), 0);
            }
            f++;
        }
        b.emit(Opcode.MakeRecord, values, fields - 1, record);
        b.emit(Opcode.Rowid, cursor, rowid);
        b.emit(Opcode.Insert, cursor, record, rowid);
        b.emit(Opcode.Next, cursor, top);
        b.resolve(done);
        b.emit(Opcode.Close, cursor, 0);
    }
}
