package io.turso4j.translate;

import io.turso4j.schema.CheckConstraint;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.vdbe.IntegrityRoots;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code PRAGMA integrity_check [(N | table)]} and {@code quick_check}, as SQLite 3.40's
 * pragma.c codes them: first the storage check of every tree ({@code IntegrityCk}; its
 * problems come back as one row prefixed "*** in database main ***"), then for each table a
 * scan that reports NULLs in NOT NULL columns ("NULL value in t.c"), rows failing a CHECK
 * constraint ("CHECK constraint failed in t") and, except in quick_check, each row missing
 * from an index ("row 5 missing from index i"), indexes whose entry count differs from the
 * table's ("wrong # of entries in index i"), and duplicate keys in UNIQUE indexes
 * ("non-unique entry in index i"). At most N messages (100 by default) come out; "ok" when
 * there are none.
 *
 * <p>Tables are visited in the order SQLite's schema hash yields them for a small schema
 * (newest first). Partial indexes are expected to hold just the rows their WHERE is true for;
 * entries of indexes on expressions are computed as INSERT computes them. Left out for now:
 * WITHOUT ROWID tables' row checks. Stateless.
 */
final class IntegrityCodegen {
    private static final int DEFAULT_MAX_ERRORS = 100;

    private final ProgramBuilder b;
    /** One less than the messages still allowed; the loop halts when a row finds it at 0. */
    private final int budget;
    private final int out;
    private final int one;
    /** The database being checked (SQLite's iDb): OpenRead's P3 and IntegrityCk's P2. */
    private int db;
    /** The most messages the check gives. */
    private final int maxErrors;

    private IntegrityCodegen(ProgramBuilder b, int maxErrors) {
        this.b = b;
        this.maxErrors = maxErrors;
        this.budget = b.allocRegister();
        this.out = b.allocRegister();
        this.one = b.allocRegister();
    }

    /**
     * Codes the check after Init; {@code arg} is the pragma's value (a message limit or a
     * table name), {@code column} the result column's name, {@code database} the name the
     * storage check's problems are reported under. {@code schema} holds that database's own
     * objects; the program reads main, and a check of another database is pointed at it as
     * every pragma on that database is ({@link io.turso4j.vdbe.ProgramDatabase}).
     */
    static void code(ProgramBuilder b, Schema schema, boolean quick, String arg, String column, String database) {
        Table only = null;
        if (!isLimit(arg)) {
            only = schema.table(arg);
            if (only == null) {
                throw ExprCodegen.error("no such table: " + arg);
            }
        }
        IntegrityCodegen check = start(b, arg, column);
        check.database(schema, quick, only, database);
        check.end();
    }

    /**
     * Codes the check of every database of a connection's merged {@code schema}, as an
     * unqualified {@code PRAGMA integrity_check} or {@code quick_check} without a table
     * argument is in SQLite: main, then temp if it exists, then the attached ones, with one
     * message limit for them all ({@code limit}: the pragma's value, or null).
     */
    static void codeAll(ProgramBuilder b, Schema schema, boolean quick, String limit, String column) {
        IntegrityCodegen check = start(b, limit, column);
        for (Schema.Database d : schema.databases()) {
            if (d != null) {
                check.db = d.index();
                check.database(d.schema(), quick, null, d.name());
            }
        }
        check.end();
    }

    /** Whether the pragma's value {@code arg} is a message limit (or absent), not a table's name. */
    static boolean isLimit(String arg) {
        return arg == null || !arg.isEmpty()
                && (Character.isDigit(arg.charAt(0)) || arg.charAt(0) == '-' || arg.charAt(0) == '+');
    }

    private static int maxErrors(String arg) {
        int n = arg == null || !isLimit(arg) ? 0 : PragmaValues.int32(arg);
        return n <= 0 ? DEFAULT_MAX_ERRORS : n;
    }

    private static IntegrityCodegen start(ProgramBuilder b, String arg, String column) {
        b.setColumnNames(List.of(column));
        IntegrityCodegen check = new IntegrityCodegen(b, maxErrors(arg));
        b.emit(Opcode.Integer, check.maxErrors - 1, check.budget);
        b.emit(Opcode.Integer, 1, check.one);
        return check;
    }

    /** "ok" if no message came out. */
    private void end() {
        int initial = b.allocRegister();
        b.emit(Opcode.Integer, maxErrors - 1, initial);
        int end = b.newLabel();
        b.emit(Opcode.Ne, initial, end, budget, null, 0);
        b.emit(Opcode.String8, 0, out, 0, "ok", 0);
        b.emit(Opcode.ResultRow, out, 1);
        b.resolve(end);
    }

    /** The checks of the database {@link #db} whose objects {@code schema} holds, reported under {@code database}. */
    private void database(Schema schema, boolean quick, Table only, String database) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            if (only == null || t == only) {
                tables.add(t);
            }
        }
        Collections.reverse(tables);
        storage(tables, only != null, database);
        for (Table t : tables) {
            if (t.rootPage() > 1 && !t.isVirtual() && t.hasRowid()) {
                rows(t, quick);
            }
        }
    }

    /** The storage check of every table's and index's tree; one row with all its problems. */
    private void storage(List<Table> tables, boolean partial, String database) {
        List<Long> roots = new ArrayList<>();
        for (Table t : tables) {
            if (t.hasRowid() && t.rootPage() > 0) {
                roots.add((long) t.rootPage());
            }
            for (Index i : t.indexes()) {
                roots.add((long) i.rootPage());
            }
        }
        int prefix = b.allocRegister();
        b.emit(Opcode.IntegrityCk, out, db, budget, new IntegrityRoots(roots, partial), 0);
        int skip = b.newLabel();
        b.emit(Opcode.IsNull, out, skip);
        b.emit(Opcode.String8, 0, prefix, 0, "*** in database " + database + " ***\n", 0);
        b.emit(Opcode.Concat, out, prefix, out);
        resultRow();
        b.resolve(skip);
    }

    /** Scans {@code table}: NOT NULL columns, then (unless quick) each row's index entries and the entry counts. */
    private void rows(Table table, boolean quick) {
        List<Index> indexes = new ArrayList<>();
        if (!quick) {
            indexes.addAll(table.indexes());
        }
        List<Integer> notNull = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.column(c).notNull() && c != table.rowidAlias() && !table.column(c).isGenerated()) {
                notNull.add(c);
            }
        }
        if (notNull.isEmpty() && table.checks().isEmpty() && indexes.isEmpty()) {
            return;
        }
        int cursor = b.allocCursor();
        b.emit(Opcode.OpenRead, cursor, table.rootPage(), db);
        int[] counts = new int[indexes.size()];
        int[] indexCursors = new int[indexes.size()];
        for (int j = 0; j < indexes.size(); j++) {
            indexCursors[j] = b.allocCursor();
            b.emit(Opcode.OpenRead, indexCursors[j], indexes.get(j).rootPage(), db, IndexKeys.comparator(indexes.get(j)), 0);
            counts[j] = b.allocRegister();
            b.emit(Opcode.Integer, 0, counts[j]);
        }
        int width = table.columns().size();
        int row = b.allocRegisters(width);
        int rowid = b.allocRegister();
        int text = b.allocRegister();
        int done = b.newLabel();
        b.emit(Opcode.Rewind, cursor, done);
        int top = b.currentAddress();
        b.emit(Opcode.Rowid, cursor, rowid);
        TableSource.readRow(b, table, cursor, row);
        for (int c : notNull) {
            int ok = b.newLabel();
            b.emit(Opcode.NotNull, row + c, ok);
            b.emit(Opcode.String8, 0, out, 0, "NULL value in " + table.name() + "." + table.column(c).name(), 0);
            resultRow();
            b.resolve(ok);
        }
        checks(table, row);
        for (int j = 0; j < indexes.size(); j++) {
            Index index = indexes.get(j);
            int key = b.allocRegisters(index.columns().size());
            int notIndexed = IndexKeys.skipUnlessIndexed(b, table, index, row, key);
            IndexKeys.build(b, table, index, row, rowid, key);
            b.emit(Opcode.Add, one, counts[j], counts[j]);
            int found = b.newLabel();
            b.emit(Opcode.Found, indexCursors[j], found, key, index.columns().size(), 0);
            b.emit(Opcode.String8, 0, out, 0, "row ", 0);
            b.emit(Opcode.Concat, rowid, out, out);
            b.emit(Opcode.String8, 0, text, 0, " missing from index " + index.name(), 0);
            b.emit(Opcode.Concat, text, out, out);
            resultRow();
            int next = b.newLabel();
            b.emit(Opcode.Goto, 0, next);
            b.resolve(found);
            if (index.unique()) {
                uniqueness(indexCursors[j], index, key, next);
            }
            b.resolve(next);
            b.resolve(notIndexed);
        }
        b.emit(Opcode.Next, cursor, top);
        b.resolve(done);
        for (int j = 0; j < indexes.size(); j++) {
            entryCount(indexCursors[j], counts[j], indexes.get(j));
        }
    }

    /**
     * "CHECK constraint failed in t" once for a row that fails any of the table's CHECK
     * constraints; as in SQLite a NULL result passes.
     */
    private void checks(Table table, int row) {
        if (table.checks().isEmpty()) {
            return;
        }
        ExprCodegen exprs = IndexKeys.rowExprs(b, table, row);
        int fault = b.newLabel();
        int ok = b.newLabel();
        for (CheckConstraint check : table.checks()) {
            int passed = b.newLabel();
            exprs.jumpIfTrue(IndexKeys.parse(check.sql()), passed, true);
            b.emit(Opcode.Goto, 0, fault);
            b.resolve(passed);
        }
        b.emit(Opcode.Goto, 0, ok);
        b.resolve(fault);
        b.emit(Opcode.String8, 0, out, 0, "CHECK constraint failed in " + table.name(), 0);
        resultRow();
        b.resolve(ok);
    }

    /**
     * With the index cursor on this row's entry: "non-unique entry in index i" when the next
     * entry has the same key, unless a key column is NULL (NULLs never collide).
     */
    private void uniqueness(int cursor, Index index, int key, int ok) {
        for (int k = 0; k < index.keyCount(); k++) {
            b.emit(Opcode.IsNull, key + k, ok);
        }
        int hasNext = b.newLabel();
        b.emit(Opcode.Next, cursor, hasNext);
        b.emit(Opcode.Goto, 0, ok);
        b.resolve(hasNext);
        b.emit(Opcode.IdxGT, cursor, ok, key, index.keyCount(), 0);
        b.emit(Opcode.String8, 0, out, 0, "non-unique entry in index " + index.name(), 0);
        resultRow();
    }

    /** "wrong # of entries in index i" unless the index holds {@code expected} entries. */
    private void entryCount(int cursor, int expected, Index index) {
        int count = b.allocRegister();
        b.emit(Opcode.Integer, 0, count);
        int empty = b.newLabel();
        b.emit(Opcode.Rewind, cursor, empty);
        int top = b.currentAddress();
        b.emit(Opcode.Add, one, count, count);
        b.emit(Opcode.Next, cursor, top);
        b.resolve(empty);
        int ok = b.newLabel();
        b.emit(Opcode.Eq, expected, ok, count, null, 0);
        b.emit(Opcode.String8, 0, out, 0, "wrong # of entries in index " + index.name(), 0);
        resultRow();
        b.resolve(ok);
    }

    /** Outputs r[out]; halts when it was the last message allowed (SQLite's integrityCheckResultRow). */
    private void resultRow() {
        b.emit(Opcode.ResultRow, out, 1);
        int next = b.newLabel();
        b.emit(Opcode.IfPos, budget, next, 1);
        b.emit(Opcode.Halt, 0, 0);
        b.resolve(next);
    }
}
