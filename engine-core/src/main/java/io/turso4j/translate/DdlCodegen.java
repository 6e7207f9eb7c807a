package io.turso4j.translate;

import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import io.turso4j.translate.schema.SchemaBuilder;
import io.turso4j.translate.schema.StatementText;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.value.Collation;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE TABLE, CREATE INDEX and CREATE VIEW, as SQLite's {@code sqlite3EndTable} and {@code
 * sqlite3CreateIndex} code them: create the B-tree, write its sqlite_schema row (the text
 * {@link StatementText} stores), create the automatic indexes of UNIQUE and PRIMARY KEY
 * constraints, fill a new index from its table, then bump the schema cookie and mark the
 * schema changed (the connection reads it again before its next prepare). A new database gets
 * schema format 4 and UTF-8 text encoding. Checks (names taken, reserved names …) are
 * {@link SchemaBuilder}'s. Stateless.
 */
final class DdlCodegen {
    private DdlCodegen() {
    }

    static Program createTable(CreateTable stmt, String text, Schema schema) {
        if (stmt.temp()) {
            throw ExprCodegen.error("TEMP tables are not supported yet");
        }
        Table table = SchemaBuilder.createTable(schema, stmt, text, SchemaBuilder.Mode.EXECUTE);
        ProgramBuilder b = SchemaWrites.start();
        if (table != null) {
            int root = b.allocRegister();
            b.emit(Opcode.CreateBtree, table.hasRowid() ? 0 : 1, root);
            SchemaWrites.append(b, "table", table.name(), table.name(), root, StatementText.of(text).storedSql());
            for (Index index : table.indexes()) {
                if (!table.hasRowid() && index.isPrimaryKey()) {
                    continue; // the table's own b-tree
                }
                int indexRoot = b.allocRegister();
                b.emit(Opcode.CreateBtree, 1, indexRoot);
                SchemaWrites.append(b, "index", index.name(), table.name(), indexRoot, null);
            }
            if (table.autoincrement() && schema.sequenceTable() == null) {
                // The first AUTOINCREMENT table brings sqlite_sequence, as sqlite3EndTable does.
                int sequenceRoot = b.allocRegister();
                b.emit(Opcode.CreateBtree, 0, sequenceRoot);
                SchemaWrites.append(b, "table", SystemTables.SEQUENCE, SystemTables.SEQUENCE, sequenceRoot,
                        SystemTables.SEQUENCE_SQL);
            }
            SchemaWrites.finish(b, schema);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    static Program createIndex(CreateIndex stmt, String text, Schema schema) {
        Index index = SchemaBuilder.createIndex(schema, stmt, text, SchemaBuilder.Mode.EXECUTE);
        ProgramBuilder b = SchemaWrites.start();
        if (index != null) {
            Table table = schema.table(index.table());
            int root = b.allocRegister();
            b.emit(Opcode.CreateBtree, 1, root);
            SchemaWrites.append(b, "index", index.name(), table.name(), root, StatementText.of(text).storedSql());
            fill(b, table, index, root);
            SchemaWrites.finish(b, schema);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /**
     * REINDEX [name]: every index, or those of the collation, table or index {@code name}
     * names (looked up in that order, as SQLite's sqlite3Reindex), emptied and filled again from
     * their tables. The schema does not change.
     */
    static Program reindex(Stmt.Reindex stmt, Schema schema) {
        List<Index> indexes = new ArrayList<>();
        Name name = stmt.name();
        boolean inMain = name == null || name.schema() == null || Identifiers.same(name.schema(), "main");
        if (name != null && name.schema() == null && Collation.builtin(name.name()) != null) {
            for (Table t : schema.tables()) {
                for (Index i : t.indexes()) {
                    if (i.columns().stream().anyMatch(c -> Identifiers.same(c.collation(), name.name()))) {
                        indexes.add(i);
                    }
                }
            }
        } else if (name == null) {
            schema.tables().forEach(t -> indexes.addAll(t.indexes()));
        } else if (inMain && schema.table(name.name()) != null) {
            indexes.addAll(schema.table(name.name()).indexes());
        } else if (inMain && schema.index(name.name()) != null) {
            indexes.add(schema.index(name.name()));
        } else {
            throw ExprCodegen.error("unable to identify the object to be reindexed");
        }
        ProgramBuilder b = SchemaWrites.start();
        for (Index index : indexes) {
            Table table = schema.table(index.table());
            if (!table.hasRowid() && index.isPrimaryKey()) {
                continue; // the table itself, always in its key's order
            }
            b.emit(Opcode.Clear, index.rootPage(), 0, 0);
            int root = b.allocRegister();
            b.emit(Opcode.Integer, index.rootPage(), root);
            fill(b, table, index, root);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** Inserts an entry in the index b-tree at page r[root] for every row of {@code table}. */
    private static void fill(ProgramBuilder b, Table table, Index index, int root) {
        int indexCursor = b.allocCursor();
        b.emit(Opcode.OpenWrite, indexCursor, root, 0, IndexKeys.comparator(index), 0x02);
        int row = b.allocRegisters(Math.max(table.columns().size(), 1));
        int rowid = b.allocRegister();
        int key = b.allocRegisters(index.columns().size());
        int record = b.allocRegister();
        int tableCursor = b.allocCursor();
        WithoutRowidTables.open(b, Opcode.OpenRead, tableCursor, table);
        int done = b.newLabel();
        b.emit(Opcode.Rewind, tableCursor, done);
        int top = b.currentAddress();
        TableSource.readRow(b, table, tableCursor, row);
        if (table.hasRowid()) {
            b.emit(Opcode.Rowid, tableCursor, rowid);
        }
        int skip = IndexKeys.skipUnlessIndexed(b, table, index, row, record);
        IndexKeys.build(b, table, index, row, rowid, key);
        b.emit(Opcode.MakeRecord, key, index.columns().size(), record);
        b.emit(Opcode.IdxInsert, indexCursor, record);
        b.resolve(skip);
        b.emit(Opcode.Next, tableCursor, top);
        b.resolve(done);
        b.emit(Opcode.Close, tableCursor, 0);
        b.emit(Opcode.Close, indexCursor, 0);
    }

    /** CREATE VIEW: only its sqlite_schema row (root page 0); the SELECT is checked when a statement uses the view. */
    static Program createView(CreateView stmt, String text, Schema schema) {
        Tokens tokens = Lexer.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i) == TokenType.VARIABLE) {
                throw ExprCodegen.error("parameters are not allowed in views");
            }
        }
        View view = SchemaBuilder.createView(schema, stmt, text, SchemaBuilder.Mode.EXECUTE);
        ProgramBuilder b = SchemaWrites.start();
        if (view != null) {
            int zero = b.allocRegister();
            b.emit(Opcode.Integer, 0, zero);
            SchemaWrites.append(b, "view", view.name(), view.name(), zero, StatementText.of(text).storedSql());
            SchemaWrites.finish(b, schema);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }
}
