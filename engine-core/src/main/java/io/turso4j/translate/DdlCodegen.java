package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.translate.schema.SchemaBuilder;
import io.turso4j.translate.schema.StatementText;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * CREATE TABLE and CREATE INDEX, as SQLite's {@code sqlite3EndTable} and {@code
 * sqlite3CreateIndex} code them: create the B-tree, write its sqlite_schema row (the text
 * {@link StatementText} stores), create the automatic indexes of UNIQUE and PRIMARY KEY
 * constraints, fill a new index from its table, then bump the schema cookie and mark the
 * schema changed (the connection reads it again before its next prepare). A new database gets
 * schema format 4 and UTF-8 text encoding. Checks (names taken, reserved names …) are
 * {@link SchemaBuilder}'s. Stateless.
 */
final class DdlCodegen {
    /** The cursor on sqlite_schema. */
    private static final int SCHEMA_CURSOR = 0;

    private DdlCodegen() {
    }

    static Program createTable(CreateTable stmt, String text, Schema schema) {
        if (stmt.temp()) {
            throw ExprCodegen.error("TEMP tables are not supported yet");
        }
        if (stmt.asSelect() != null) {
            throw ExprCodegen.error("CREATE TABLE ... AS SELECT is not supported yet");
        }
        Table table = SchemaBuilder.createTable(schema, stmt, text, SchemaBuilder.Mode.EXECUTE);
        ProgramBuilder b = start();
        if (table != null) {
            if (!table.hasRowid()) {
                throw ExprCodegen.error("WITHOUT ROWID tables are not supported yet");
            }
            int root = b.allocRegister();
            b.emit(Opcode.CreateBtree, 0, root);
            schemaRow(b, "table", table.name(), table.name(), root, StatementText.of(text).storedSql());
            for (Index index : table.indexes()) {
                int indexRoot = b.allocRegister();
                b.emit(Opcode.CreateBtree, 1, indexRoot);
                schemaRow(b, "index", index.name(), table.name(), indexRoot, null);
            }
            finish(b, schema);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    static Program createIndex(CreateIndex stmt, String text, Schema schema) {
        Index index = SchemaBuilder.createIndex(schema, stmt, text, SchemaBuilder.Mode.EXECUTE);
        ProgramBuilder b = start();
        if (index != null) {
            if (index.isPartial()) {
                throw ExprCodegen.error("partial indexes are not supported yet");
            }
            Table table = schema.table(index.table());
            int root = b.allocRegister();
            b.emit(Opcode.CreateBtree, 1, root);
            schemaRow(b, "index", index.name(), table.name(), root, StatementText.of(text).storedSql());
            int indexCursor = b.allocCursor();
            b.emit(Opcode.OpenWrite, indexCursor, root, 0, IndexKeys.comparator(index), 0x02);
            int row = b.allocRegisters(Math.max(table.columns().size(), 1));
            int rowid = b.allocRegister();
            int key = b.allocRegisters(index.columns().size());
            int record = b.allocRegister();
            int tableCursor = b.allocCursor();
            b.emit(Opcode.OpenRead, tableCursor, table.rootPage(), 0);
            int done = b.newLabel();
            b.emit(Opcode.Rewind, tableCursor, done);
            int top = b.currentAddress();
            TableSource.readRow(b, table, tableCursor, row);
            b.emit(Opcode.Rowid, tableCursor, rowid);
            IndexKeys.build(b, index, row, rowid, key);
            b.emit(Opcode.MakeRecord, key, index.columns().size(), record);
            b.emit(Opcode.IdxInsert, indexCursor, record);
            b.emit(Opcode.Next, tableCursor, top);
            b.resolve(done);
            finish(b, schema);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    private static ProgramBuilder start() {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.allocCursor(); // SCHEMA_CURSOR
        return b;
    }

    /** Appends a row to sqlite_schema; the root page is in register {@code root}. */
    private static void schemaRow(ProgramBuilder b, String type, String name, String tblName, int root, String sql) {
        b.emit(Opcode.OpenWrite, SCHEMA_CURSOR, SystemTables.SCHEMA_ROOT_PAGE, 0);
        int fields = b.allocRegisters(5);
        b.emit(Opcode.String8, 0, fields, 0, type, 0);
        b.emit(Opcode.String8, 0, fields + 1, 0, name, 0);
        b.emit(Opcode.String8, 0, fields + 2, 0, tblName, 0);
        b.emit(Opcode.SCopy, root, fields + 3);
        if (sql != null) {
            b.emit(Opcode.String8, 0, fields + 4, 0, sql, 0);
        } else {
            b.emit(Opcode.Null, 0, fields + 4);
        }
        int record = b.allocRegister();
        int rowid = b.allocRegister();
        b.emit(Opcode.MakeRecord, fields, 5, record);
        b.emit(Opcode.NewRowid, SCHEMA_CURSOR, rowid);
        b.emit(Opcode.Insert, SCHEMA_CURSOR, record, rowid);
    }

    /** Schema format 4 and UTF-8 for a new file, the cookie bumped, the schema marked changed. */
    private static void finish(ProgramBuilder b, Schema schema) {
        b.emit(Opcode.SetCookie, 2, 0, 4, null, 1);
        b.emit(Opcode.SetCookie, 5, 0, 1, null, 1);
        b.emit(Opcode.SetCookie, 1, 0, schema.cookie() + 1);
        b.emit(Opcode.ParseSchema, 0, 0);
    }
}
