package io.turso4j.translate;

import io.turso4j.error.ResultCode;
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
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
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

    /**
     * Fills the index b-tree at page r[root] with an entry for every row of {@code table}, as
     * SQLite's sqlite3RefillIndex: the entries go through a sorter first and are inserted in
     * index order (appends, where inserting in table order would seek and split at random), and
     * the table is read whole before the index is written. A UNIQUE index fails on two entries
     * with equal keys and no NULL, as SQLite does ("UNIQUE constraint failed: t.a").
     */
    private static void fill(ProgramBuilder b, Table table, Index index, int root) {
        IndexKeyComparator order = IndexKeys.comparator(index);
        int width = index.columns().size();
        int sorter = b.allocCursor();
        b.emit(Opcode.SorterOpen, sorter, width, 0, order, 0);
        int row = b.allocRegisters(Math.max(table.columns().size(), 1));
        int rowid = b.allocRegister();
        int key = b.allocRegisters(width);
        int record = b.allocRegister();
        int tableCursor = b.allocCursor();
        WithoutRowidTables.open(b, Opcode.OpenRead, tableCursor, table);
        int read = b.newLabel();
        b.emit(Opcode.Rewind, tableCursor, read);
        int top = b.currentAddress();
        TableSource.readRow(b, table, tableCursor, row);
        if (table.hasRowid()) {
            b.emit(Opcode.Rowid, tableCursor, rowid);
        }
        int skip = IndexKeys.skipUnlessIndexed(b, table, index, row, record);
        IndexKeys.build(b, table, index, row, rowid, key);
        b.emit(Opcode.MakeRecord, key, width, record);
        b.emit(Opcode.SorterInsert, sorter, record);
        b.resolve(skip);
        b.emit(Opcode.Next, tableCursor, top);
        b.resolve(read);
        b.emit(Opcode.Close, tableCursor, 0);

        int indexCursor = b.allocCursor();
        b.emit(Opcode.OpenWrite, indexCursor, root, 0, order, 0x02);
        int pseudo = b.allocCursor();
        b.emit(Opcode.OpenPseudo, pseudo, record, width);
        int keys = index.keyCount();
        int current = b.allocRegisters(keys);
        int previous = b.allocRegisters(keys);
        b.emit(Opcode.Null, 0, previous, previous + keys - 1); // no previous key: distinct from the first
        int done = b.newLabel();
        b.emit(Opcode.SorterSort, sorter, done);
        int loop = b.currentAddress();
        // The record for IdxInsert, and its key columns through the pseudo cursor.
        b.emit(Opcode.SorterData, sorter, record, pseudo, null, 1);
        if (index.unique()) {
            int distinct = b.newLabel();
            for (int i = 0; i < keys; i++) {
                b.emit(Opcode.Column, pseudo, i, current + i);
            }
            for (int i = 0; i < keys; i++) { // a NULL on either side is distinct in a UNIQUE index
                b.emit(Opcode.Ne, previous + i, distinct, current + i, order.collation(i), AffinityCode.JUMPIFNULL);
            }
            b.emit(Opcode.Halt, ResultCode.CONSTRAINT_UNIQUE.code(), ConflictCodegen.OE_ABORT, 0,
                    "UNIQUE constraint failed: " + ConflictCodegen.uniqueNames(table, index), 0);
            b.resolve(distinct);
            b.emit(Opcode.Copy, current, previous, keys - 1);
        }
        b.emit(Opcode.IdxInsert, indexCursor, record);
        b.emit(Opcode.SorterNext, sorter, loop);
        b.resolve(done);
        b.emit(Opcode.Close, indexCursor, 0);
        b.emit(Opcode.Close, sorter, 0);
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
