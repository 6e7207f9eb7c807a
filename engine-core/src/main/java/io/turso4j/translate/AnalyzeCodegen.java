package io.turso4j.translate;

import io.turso4j.function.FunctionContext;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.Register;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.FunctionCall;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.Program;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * ANALYZE [schema | table | index], as SQLite's analyze.c writes sqlite_stat1 (created first
 * when missing): the rows of what is analyzed are deleted, then each non-empty index gets
 * {@code "nrow d1 d2 …"} — its entry count, then for each prefix of its key columns the
 * average number of entries sharing a value (NULLs count as equal, compared in the column's
 * collation) — and a table with no complete index gets a {@code "nrow"} row with idx NULL.
 * The connection then reads its schema, with the new estimates, again. Stateless.
 */
final class AnalyzeCodegen {
    private AnalyzeCodegen() {
    }

    static Program analyze(Stmt.Analyze stmt, Schema schema) {
        List<Table> tables = new ArrayList<>();
        Index only = null;
        Name name = stmt.name();
        boolean everything = name == null || (name.schema() == null && Identifiers.same(name.name(), "main"));
        if (everything) {
            schema.tables().forEach(tables::add);
        } else {
            if (name.schema() != null && !Identifiers.same(name.schema(), "main")) {
                throw ExprCodegen.error("unknown database " + name.schema());
            }
            Table table = schema.table(name.name());
            only = table == null ? schema.index(name.name()) : null;
            if (table == null && only == null) {
                throw ExprCodegen.error("no such table: " + (name.schema() != null ? name.schema() + "." : "")
                        + name.name());
            }
            tables.add(table != null ? table : schema.table(only.table()));
        }
        ProgramBuilder b = SchemaWrites.start();
        int statRoot = b.allocRegister();
        Table stat1 = schema.stat1Table();
        if (stat1 == null) {
            b.emit(Opcode.CreateBtree, 0, statRoot);
            SchemaWrites.append(b, "table", SystemTables.STAT1, SystemTables.STAT1, statRoot, SystemTables.STAT1_SQL);
        } else {
            b.emit(Opcode.Integer, stat1.rootPage(), statRoot);
        }
        int stat = b.allocCursor();
        b.emit(Opcode.OpenWrite, stat, statRoot, 0, null, 0x02);
        if (everything) {
            if (stat1 != null) {
                b.emit(Opcode.Clear, stat1.rootPage(), 0, 0);
            }
        } else {
            SchemaWrites.deleteWhere(b, stat, only != null ? 1 : 0, only != null ? only.name() : tables.getFirst().name());
        }
        for (Table table : tables) {
            if (table.isVirtual() || table.name().regionMatches(true, 0, "sqlite_", 0, 7)) {
                continue;
            }
            boolean needTableCount = only == null;
            for (Index index : table.indexes()) {
                if (only != null && index != only && !index.name().equals(only.name())) {
                    continue;
                }
                if (!index.isPartial()) {
                    needTableCount = false;
                }
                analyzeIndex(b, stat, table, index);
            }
            if (needTableCount) {
                countTable(b, stat, table);
            }
        }
        b.emit(Opcode.Close, stat, 0);
        if (stat1 == null) {
            SchemaWrites.finish(b, schema);
        } else {
            b.emit(Opcode.ParseSchema, 0, 0);
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** Counts entries and changes of each key prefix between neighbours; writes the row unless the index is empty. */
    private static void analyzeIndex(ProgramBuilder b, int stat, Table table, Index index) {
        int k = index.keyCount();
        int cursor = b.allocCursor();
        b.emit(Opcode.OpenRead, cursor, index.rootPage(), 0, IndexKeys.comparator(index), 0);
        int counts = b.allocRegisters(k + 1); // entries, then distinct values of each prefix
        for (int i = 0; i <= k; i++) {
            b.emit(Opcode.Integer, 0, counts + i);
        }
        int previous = b.allocRegisters(k);
        int current = b.allocRegisters(k);
        int done = b.newLabel();
        b.emit(Opcode.Rewind, cursor, done);
        int top = b.currentAddress();
        for (int i = 0; i < k; i++) {
            b.emit(Opcode.Column, cursor, i, current + i);
        }
        int[] changed = new int[k];
        for (int i = 0; i < k; i++) {
            changed[i] = b.newLabel();
        }
        b.emit(Opcode.IfNot, counts, changed[0], 1);
        for (int i = 0; i < k; i++) {
            String collation = index.columns().get(i).collation();
            Collation c = collation == null ? BuiltinCollation.BINARY : Collation.builtin(collation);
            b.emit(Opcode.Ne, previous + i, changed[i], current + i, c, AffinityCode.NULLEQ);
        }
        int same = b.newLabel();
        b.emit(Opcode.Goto, 0, same);
        for (int i = 0; i < k; i++) {
            b.resolve(changed[i]);
            increment(b, counts + 1 + i);
        }
        b.resolve(same);
        increment(b, counts);
        b.emit(Opcode.Copy, current, previous, k - 1);
        b.emit(Opcode.Next, cursor, top);
        b.resolve(done);
        b.emit(Opcode.Close, cursor, 0);
        int skip = b.newLabel();
        b.emit(Opcode.IfNot, counts, skip, 1);
        int row = b.allocRegisters(3);
        b.emit(Opcode.String8, 0, row, 0, table.name(), 0);
        // A WITHOUT ROWID table's primary key index is recorded under the table's name, as SQLite does.
        String name = !table.hasRowid() && index.isPrimaryKey() ? table.name() : index.name();
        b.emit(Opcode.String8, 0, row + 1, 0, name, 0);
        b.emit(Opcode.Function, 0, counts, row + 2, new FunctionCall("stat1", k + 1, AnalyzeCodegen::stat,
                BuiltinCollation.BINARY), k + 1);
        insert(b, stat, row);
        b.resolve(skip);
    }

    /** The table's row count, when it has rows, with idx NULL. */
    private static void countTable(ProgramBuilder b, int stat, Table table) {
        int cursor = b.allocCursor();
        b.emit(Opcode.OpenRead, cursor, table.rootPage(), 0);
        int count = b.allocRegister();
        b.emit(Opcode.Integer, 0, count);
        int done = b.newLabel();
        b.emit(Opcode.Rewind, cursor, done);
        int top = b.currentAddress();
        increment(b, count);
        b.emit(Opcode.Next, cursor, top);
        b.resolve(done);
        b.emit(Opcode.Close, cursor, 0);
        int skip = b.newLabel();
        b.emit(Opcode.IfNot, count, skip, 1);
        int row = b.allocRegisters(3);
        b.emit(Opcode.String8, 0, row, 0, table.name(), 0);
        b.emit(Opcode.Null, 0, row + 1);
        b.emit(Opcode.Function, 0, count, row + 2, new FunctionCall("stat1", 1, AnalyzeCodegen::stat,
                BuiltinCollation.BINARY), 1);
        insert(b, stat, row);
        b.resolve(skip);
    }

    /** Adds one to the integer in {@code register}. */
    private static void increment(ProgramBuilder b, int register) {
        int one = b.allocRegister();
        b.emit(Opcode.Integer, 1, one);
        b.emit(Opcode.Add, one, register, register);
    }

    private static void insert(ProgramBuilder b, int stat, int row) {
        int record = b.allocRegister();
        int rowid = b.allocRegister();
        b.emit(Opcode.MakeRecord, row, 3, record);
        b.emit(Opcode.NewRowid, stat, rowid);
        b.emit(Opcode.Insert, stat, record, rowid);
    }

    /**
     * The stat text from the entry count and the distinct counts of each prefix: SQLite's
     * statGet rounds each average up, and writes 1 for an average of 2 when at most one entry
     * in ten repeats.
     */
    private static void stat(FunctionContext context, Register[] args, int start, int count, Register result) {
        long rows = args[start].intValue();
        StringBuilder s = new StringBuilder().append(rows);
        for (int i = 1; i < count; i++) {
            long distinct = args[start + i].intValue();
            long average = (rows + distinct - 1) / distinct;
            if (average == 2 && rows * 10 <= distinct * 11) {
                average = 1;
            }
            s.append(' ').append(average);
        }
        result.setText(s.toString());
    }
}
