package io.turso4j.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.completion.Completion;
import io.turso4j.error.SqliteException;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cursor opcodes against a TreeMap-backed {@link FakeBTree}: insert, scan both ways, seek
 * by rowid and by index key, index range scans, delete — and, with the fake's one-IoPending-
 * per-page, that every instruction re-executes after {@link Vm.Status#IO} with the same result.
 */
class VmCursorTest {
    private static final IndexKeyComparator ONE_TEXT_KEY =
            new IndexKeyComparator(new Collation[] {BuiltinCollation.BINARY}, new boolean[] {false});

    /** Inserts (name, n) rows with NewRowid, and (name, rowid) into the index when there is one. */
    private static Program insertProgram(int table, int index, List<Object[]> rows) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.OpenWrite, 0, table);
        if (index != 0) {
            b.emit(Opcode.OpenWrite, 1, index, 0, ONE_TEXT_KEY, 0);
        }
        int name = b.allocRegister();
        int n = b.allocRegister();
        int rowid = b.allocRegister();
        int record = b.allocRegister();
        int key = b.allocRegister();
        int keyRowid = b.allocRegister();
        int keyRecord = b.allocRegister();
        for (Object[] row : rows) {
            b.emit(Opcode.String8, 0, name, 0, row[0], 0);
            b.emit(Opcode.Int64, 0, n, 0, ((Number) row[1]).longValue(), 0);
            b.emit(Opcode.NewRowid, 0, rowid);
            b.emit(Opcode.MakeRecord, name, 2, record, "BD", 0);
            b.emit(Opcode.Insert, 0, record, rowid, null, ChangeFlags.COUNT | ChangeFlags.LAST_ROWID);
            if (index != 0) {
                b.emit(Opcode.SCopy, name, key);
                b.emit(Opcode.SCopy, rowid, keyRowid);
                b.emit(Opcode.MakeRecord, key, 2, keyRecord);
                b.emit(Opcode.IdxInsert, 1, keyRecord);
            }
        }
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** rowid, name, n (and a defaulted missing column) for every row, forwards or backwards. */
    private static Program scanProgram(int table, boolean backwards) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.OpenRead, 0, table);
        int end = b.newLabel();
        b.emit(backwards ? Opcode.Last : Opcode.Rewind, 0, end);
        int loop = b.currentAddress();
        int out = b.allocRegisters(4);
        b.emit(Opcode.Rowid, 0, out);
        b.emit(Opcode.Column, 0, 0, out + 1);
        b.emit(Opcode.Column, 0, 1, out + 2);
        b.emit(Opcode.Column, 0, 5, out + 3, Register.of("dflt"), 0);
        b.emit(Opcode.ResultRow, out, 4);
        b.emit(backwards ? Opcode.Prev : Opcode.Next, 0, loop);
        b.resolve(end);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    /** Runs to DONE, completing each pending I/O as a backend would; returns the rows. */
    private static List<String> run(Vm vm, FakeBTree btree) {
        List<String> rows = new ArrayList<>();
        for (int guard = 0; guard < 10_000; guard++) {
            switch (vm.step()) {
                case ROW -> {
                    List<String> row = new ArrayList<>();
                    for (int i = 0; ; i++) {
                        try {
                            row.add(vm.column(i).toString());
                        } catch (SqliteException end) {
                            break;
                        }
                    }
                    rows.add(String.join("|", row));
                }
                case DONE -> {
                    return rows;
                }
                case IO -> {
                    Completion c = vm.pendingIo();
                    assertTrue(!c.isDone(), "IO returned for a completion that is already done");
                    c.complete(0);
                }
                case BUSY -> throw new AssertionError("BUSY");
            }
        }
        throw new AssertionError("no progress");
    }

    private static List<Object[]> sampleRows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {"name" + (char) ('a' + (i * 7) % 26) + i, i * 10});
        }
        return rows;
    }

    @Test
    void insertsThenScansBothWays() {
        FakeBTree btree = new FakeBTree(0);
        int table = btree.createTable();
        TestContext ctx = new TestContext(btree);
        run(new Vm(insertProgram(table, 0, sampleRows(5)), ctx), btree);
        assertEquals(5, ctx.changes);
        assertEquals(5, ctx.lastRowid);
        List<String> forward = run(new Vm(scanProgram(table, false), ctx), btree);
        assertEquals("INTEGER 1|TEXT 'namea0'|INTEGER 0|TEXT 'dflt'", forward.getFirst());
        assertEquals("INTEGER 5|TEXT 'namec4'|INTEGER 40|TEXT 'dflt'", forward.getLast());
        List<String> backward = run(new Vm(scanProgram(table, true), ctx), btree);
        assertEquals(forward.reversed(), backward);
    }

    @Test
    void everyInstructionReexecutesAfterIoPending() {
        List<Object[]> rows = sampleRows(40);
        FakeBTree plain = new FakeBTree(0);
        FakeBTree paged = new FakeBTree(3);
        int t1 = plain.createTable();
        int i1 = plain.createIndex();
        int t2 = paged.createTable();
        int i2 = paged.createIndex();
        run(new Vm(insertProgram(t1, i1, rows), new TestContext(plain)), plain);
        run(new Vm(insertProgram(t2, i2, rows), new TestContext(paged)), paged);
        int beforeScans = paged.ioCount;
        assertTrue(beforeScans > 0, "the inserts should have met pending pages");
        for (boolean backwards : new boolean[] {false, true}) {
            assertEquals(run(new Vm(scanProgram(t1, backwards), new TestContext(plain)), plain),
                    run(new Vm(scanProgram(t2, backwards), new TestContext(paged)), paged));
        }
        assertEquals(run(new Vm(indexRange(t1, i1, "namec", "namek"), new TestContext(plain)), plain),
                run(new Vm(indexRange(t2, i2, "namec", "namek"), new TestContext(paged)), paged));
        assertEquals(0, paged.pendingCompletions().size());
        assertEquals(0, plain.ioCount);
    }

    /** Rows whose name is in [lo, hi) through the index: SeekGE, IdxGE, IdxRowid, SeekRowid. */
    private static Program indexRange(int table, int index, String lo, String hi) {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.OpenRead, 0, table);
        b.emit(Opcode.OpenRead, 1, index, 0, ONE_TEXT_KEY, 0);
        int low = b.allocRegister();
        int high = b.allocRegister();
        int rowid = b.allocRegister();
        int out = b.allocRegisters(2);
        b.emit(Opcode.String8, 0, low, 0, lo, 0);
        b.emit(Opcode.String8, 0, high, 0, hi, 0);
        int end = b.newLabel();
        b.emit(Opcode.SeekGE, 1, end, low, 1, 0);
        int loop = b.currentAddress();
        b.emit(Opcode.IdxGE, 1, end, high, 1, 0);
        b.emit(Opcode.IdxRowid, 1, rowid);
        b.emit(Opcode.SeekRowid, 0, end, rowid);
        b.emit(Opcode.Column, 0, 0, out);
        b.emit(Opcode.Rowid, 0, out + 1);
        b.emit(Opcode.ResultRow, out, 2);
        b.emit(Opcode.Next, 1, loop);
        b.resolve(end);
        b.emit(Opcode.Halt, 0, 0);
        return b.build();
    }

    @Test
    void indexRangeScanFindsTheKeysInOrder() {
        FakeBTree btree = new FakeBTree(0);
        int table = btree.createTable();
        int index = btree.createIndex();
        run(new Vm(insertProgram(table, index, sampleRows(26)), new TestContext(btree)), btree);
        List<String> rows = run(new Vm(indexRange(table, index, "namec", "namef"), new TestContext(btree)), btree);
        List<Object[]> sample = sampleRows(26);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            String name = (String) sample.get(i)[0];
            if (name.compareTo("namec") >= 0 && name.compareTo("namef") < 0) {
                expected.add("TEXT '" + name + "'|INTEGER " + (i + 1));
            }
        }
        expected.sort(null);
        assertEquals(expected, rows);
        assertEquals(3, rows.size());
    }

    @Test
    void seeksRowidsAndDeletes() {
        FakeBTree btree = new FakeBTree(0);
        int table = btree.createTable();
        run(new Vm(insertProgram(table, 0, sampleRows(10)), new TestContext(btree)), btree);
        // Delete every row with rowid >= 4.5 (a REAL key rounds up), then list what is left.
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.OpenWrite, 0, table);
        int key = b.allocRegister();
        b.emit(Opcode.Real, 0, key, 0, 4.5, 0);
        int end = b.newLabel();
        b.emit(Opcode.SeekGE, 0, end, key, 1, 0);
        int loop = b.currentAddress();
        b.emit(Opcode.Delete, 0, 0, 0, null, ChangeFlags.COUNT);
        b.emit(Opcode.Next, 0, loop);
        b.resolve(end);
        int missing = b.allocRegister();
        b.emit(Opcode.Integer, 7, missing);
        int gone = b.newLabel();
        b.emit(Opcode.NotExists, 0, gone, missing);
        b.emit(Opcode.Halt, 1, 0, 0, "rowid 7 should be gone", 0);
        b.resolve(gone);
        b.emit(Opcode.Halt, 0, 0);
        TestContext ctx = new TestContext(btree);
        run(new Vm(b.build(), ctx), btree);
        assertEquals(6, ctx.changes);
        List<String> left = run(new Vm(scanProgram(table, false), ctx), btree);
        assertEquals(4, left.size());
        assertTrue(left.getLast().startsWith("INTEGER 4|"));
    }

    @Test
    void haltWithAnErrorThrowsItsMessageAndStaysFailed() {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.Halt, 19, 0, 0, "UNIQUE constraint failed: t.a", 0);
        Vm vm = new Vm(b.build(), new TestContext(null));
        SqliteException e = assertThrows(SqliteException.class, vm::step);
        assertEquals("UNIQUE constraint failed: t.a", e.getMessage());
        assertEquals(19, e.code().code());
        assertThrows(SqliteException.class, vm::step);
        vm.reset();
        assertThrows(SqliteException.class, vm::step);
    }
}
