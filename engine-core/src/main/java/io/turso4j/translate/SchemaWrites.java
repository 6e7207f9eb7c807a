package io.turso4j.translate;

import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * The code every DDL statement shares: changing sqlite_schema's rows (append, delete by name,
 * rewrite the SQL text, repoint a root page an auto-vacuum drop moved) and the ending that makes
 * other connections and this one read the schema again (the cookie bumped, the schema marked
 * changed). sqlite_schema's columns are type, name, tbl_name, rootpage, sql (0..4). Stateless.
 */
final class SchemaWrites {
    /** The cursor on sqlite_schema; cursor 0 of every DDL program, see {@link #start()}. */
    static final int SCHEMA_CURSOR = 0;
    static final int TYPE = 0;
    static final int NAME = 1;
    static final int TBL_NAME = 2;
    static final int ROOTPAGE = 3;
    static final int SQL = 4;

    private SchemaWrites() {
    }

    /** A DDL program's start: Init, and cursor 0 reserved for sqlite_schema. */
    static ProgramBuilder start() {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.allocCursor(); // SCHEMA_CURSOR
        return b;
    }

    /** Appends a row to sqlite_schema; the root page is in register {@code root}. */
    static void append(ProgramBuilder b, String type, String name, String tblName, int root, String sql) {
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

    /**
     * One test on a sqlite_schema row: column {@code column} equals {@code value} — a text
     * (String) or integer (Integer) constant, or the value of a register ({@link InRegister}).
     */
    record Match(int column, Object value) {}

    /** A {@link Match} value held in register {@code register}. */
    record InRegister(int register) {}

    /** What to do with the rows every {@link Match} selects. */
    interface RowAction {
        /** Codes the change; the row's five columns are in {@code row..row+4}, the cursor on it. */
        void code(ProgramBuilder b, int row);
    }

    /**
     * Deletes the rows of the table open for writing on {@code cursor} whose field {@code column}
     * is the text {@code value} (compared as BINARY); the table must have no indexes to keep
     * (sqlite_stat1, sqlite_sequence).
     */
    static void deleteWhere(ProgramBuilder b, int cursor, int column, String value) {
        int wanted = b.allocRegister();
        int field = b.allocRegister();
        b.emit(Opcode.String8, 0, wanted, 0, value, 0);
        int done = b.newLabel();
        b.emit(Opcode.Rewind, cursor, done);
        int top = b.currentAddress();
        int next = b.newLabel();
        b.emit(Opcode.Column, cursor, column, field);
        b.emit(Opcode.Ne, wanted, next, field, null, AffinityCode.JUMPIFNULL);
        b.emit(Opcode.Delete, cursor, 0);
        b.resolve(next);
        b.emit(Opcode.Next, cursor, top);
        b.resolve(done);
    }

    /** Deletes the sqlite_schema rows every one of {@code matches} selects (compared as BINARY text). */
    static void delete(ProgramBuilder b, List<Match> matches) {
        forEach(b, matches, (pb, row) -> pb.emit(Opcode.Delete, SCHEMA_CURSOR, 0));
    }

    /**
     * Runs {@code action} on every sqlite_schema row the matches select. A row deleted by the
     * action leaves the cursor so that Next reaches the row after it.
     */
    static void forEach(ProgramBuilder b, List<Match> matches, RowAction action) {
        b.emit(Opcode.OpenWrite, SCHEMA_CURSOR, SystemTables.SCHEMA_ROOT_PAGE, 0);
        int row = b.allocRegisters(5);
        int value = b.allocRegister();
        int done = b.newLabel();
        b.emit(Opcode.Rewind, SCHEMA_CURSOR, done);
        int top = b.currentAddress();
        int next = b.newLabel();
        for (int i = 0; i < 5; i++) {
            b.emit(Opcode.Column, SCHEMA_CURSOR, i, row + i);
        }
        for (Match m : matches) {
            int operand = value;
            switch (m.value()) {
                case String s -> b.emit(Opcode.String8, 0, value, 0, s, 0);
                case Integer n -> b.emit(Opcode.Integer, n, value);
                case InRegister r -> operand = r.register();
                default -> throw new IllegalArgumentException("match value " + m.value());
            }
            b.emit(Opcode.Ne, operand, next, row + m.column(), null, AffinityCode.JUMPIFNULL);
        }
        action.code(b, row);
        b.resolve(next);
        b.emit(Opcode.Next, SCHEMA_CURSOR, top);
        b.resolve(done);
    }

    /**
     * Sets the name, tbl_name and (unless {@code sql} is null) sql of the row of the object
     * {@code type} named {@code name}.
     */
    static void update(ProgramBuilder b, String type, String name, String newName, String tblName, String sql) {
        forEach(b, List.of(new Match(TYPE, type), new Match(NAME, name)), (pb, row) -> {
            pb.emit(Opcode.String8, 0, row + NAME, 0, newName, 0);
            pb.emit(Opcode.String8, 0, row + TBL_NAME, 0, tblName, 0);
            if (sql != null) {
                pb.emit(Opcode.String8, 0, row + SQL, 0, sql, 0);
            }
            rewrite(pb, row);
        });
    }

    /** Rewrites the current row from {@code row..row+4} (changed by the caller) under its rowid. */
    static void rewrite(ProgramBuilder b, int row) {
        int record = b.allocRegister();
        int rowid = b.allocRegister();
        b.emit(Opcode.MakeRecord, row, 5, record);
        b.emit(Opcode.Rowid, SCHEMA_CURSOR, rowid);
        b.emit(Opcode.Insert, SCHEMA_CURSOR, record, rowid);
    }

    /**
     * Frees the B-tree rooted at {@code root} (SQLite's destroyRootPage). When auto-vacuum moved
     * the largest root into its place, the row naming that root is repointed to {@code root}.
     * Callers freeing several trees free the largest root first, so no move touches a tree
     * still to be freed.
     */
    static void destroy(ProgramBuilder b, int root) {
        int moved = b.allocRegister();
        b.emit(Opcode.Destroy, root, moved);
        int skip = b.newLabel();
        b.emit(Opcode.IfNot, moved, skip, 1);
        int rootRegister = b.allocRegister();
        b.emit(Opcode.Integer, root, rootRegister);
        forEach(b, List.of(new Match(ROOTPAGE, new InRegister(moved))), (pb, row) -> {
            pb.emit(Opcode.SCopy, rootRegister, row + ROOTPAGE);
            rewrite(pb, row);
        });
        b.resolve(skip);
    }

    /** Schema format 4 and UTF-8 for a new file, the cookie bumped, the schema marked changed. */
    static void finish(ProgramBuilder b, Schema schema) {
        b.emit(Opcode.SetCookie, 2, 0, 4, null, 1);
        b.emit(Opcode.SetCookie, 5, 0, 1, null, 1);
        b.emit(Opcode.SetCookie, 1, 0, schema.cookie() + 1);
        b.emit(Opcode.ParseSchema, 0, 0);
    }
}
