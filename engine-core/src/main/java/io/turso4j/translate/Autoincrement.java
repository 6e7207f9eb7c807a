package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * AUTOINCREMENT for an INSERT (autoinc.html), as SQLite's {@code sqlite3AutoincrementBegin} /
 * {@code End}: the table's largest rowid ever is read from its sqlite_sequence row at the start,
 * a new rowid is always above it (SQLITE_FULL once it is the largest integer, never a random
 * one), every rowid inserted raises it, and it is written back at the end. Not thread-safe; one
 * per INSERT.
 */
final class Autoincrement {
    private final ProgramBuilder b;
    private final Table table;
    private final Table sequence;
    private final int cursor;
    /** The sqlite_sequence record being kept: the table's name, then the largest rowid. */
    private final int record;
    private final int sequenceRowid;
    private final int one;

    Autoincrement(ProgramBuilder b, Schema schema, Table table) {
        this.b = b;
        this.table = table;
        this.sequence = schema.database(table.db()).schema().sequenceTable(); // the table's own database's
        if (sequence == null) {
            throw ExprCodegen.error("no such table: sqlite_sequence");
        }
        this.cursor = b.allocCursor();
        this.record = b.allocRegisters(2);
        this.sequenceRowid = b.allocRegister();
        this.one = b.allocRegister();
    }

    /** Codes finding the table's sqlite_sequence row (the largest rowid is 0 without one). */
    void load() {
        b.emit(Opcode.OpenWrite, cursor, sequence.rootPage(), sequence.db());
        b.emit(Opcode.Integer, 1, one);
        b.emit(Opcode.Integer, 0, record + 1);
        b.emit(Opcode.Null, 0, sequenceRowid);
        b.emit(Opcode.String8, 0, record, 0, table.name(), 0);
        int name = b.allocRegister();
        int done = b.newLabel();
        b.emit(Opcode.Rewind, cursor, done);
        int top = b.currentAddress();
        int next = b.newLabel();
        b.emit(Opcode.Column, cursor, 0, name);
        b.emit(Opcode.Ne, record, next, name);
        b.emit(Opcode.Rowid, cursor, sequenceRowid);
        b.emit(Opcode.Column, cursor, 1, record + 1);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(next);
        b.emit(Opcode.Next, cursor, top);
        b.resolve(done);
    }

    /** Codes choosing a new rowid for {@code tableCursor}'s table into {@code rowid}. */
    void newRowid(int tableCursor, int rowid) {
        int max = b.allocRegister();
        int room = b.newLabel();
        b.emit(Opcode.Int64, 0, max, 0, Long.MAX_VALUE, 0);
        b.emit(Opcode.Ne, max, room, record + 1);
        b.emit(Opcode.Halt, ResultCode.FULL.code(), ConflictCodegen.OE_ABORT, 0, "database or disk is full", 0);
        b.resolve(room);
        b.emit(Opcode.NewRowid, tableCursor, rowid);
        int above = b.newLabel();
        b.emit(Opcode.Gt, record + 1, above, rowid);
        b.emit(Opcode.Add, one, record + 1, rowid);
        b.resolve(above);
    }

    /** Codes raising the largest rowid to the one in {@code rowid} when that is larger. */
    void used(int rowid) {
        int smaller = b.newLabel();
        b.emit(Opcode.Ge, rowid, smaller, record + 1);
        b.emit(Opcode.SCopy, rowid, record + 1);
        b.resolve(smaller);
    }

    /** Codes writing the largest rowid back to sqlite_sequence (a new row there if it had none). */
    void save() {
        int known = b.newLabel();
        b.emit(Opcode.NotNull, sequenceRowid, known);
        b.emit(Opcode.NewRowid, cursor, sequenceRowid);
        b.resolve(known);
        int data = b.allocRegister();
        b.emit(Opcode.MakeRecord, record, 2, data);
        b.emit(Opcode.Insert, cursor, data, sequenceRowid, null, 0);
    }
}
