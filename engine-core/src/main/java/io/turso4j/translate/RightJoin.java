package io.turso4j.translate;

import io.turso4j.schema.Table;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;

/**
 * The right side of a RIGHT or FULL JOIN, run as SQLite 3.39+ runs it: the loops run in FROM
 * order, and the right side's loop notes each of its rows that the ON clause matched, in an
 * ephemeral index (a table's rowid or WITHOUT ROWID row key; a co-routine's or a table-valued
 * function's whole row — equal rows match alike; the function is run again for the scan); what the loop does with a matched row (the loops inside it, the WHERE
 * terms, the output) is a subroutine. After all loops end, a scan of the right side calls the subroutine once more for
 * each row it did not note, with every source to its left on a row of NULLs:
 * <pre>
 *   (before the loops) OpenEphemeral matched
 *   right's loop: …ON terms → next; [If nullPass → call]; key; Found matched, call; insert key
 *     call: copy the row to registers; Gosub ret, sub; Goto next
 *     sub: WHERE terms → end; …inner loops, output…; end: Return ret
 *   (after the loops) scan right → row registers; Found matched, skip; NullRow left…; Gosub ret, sub
 * </pre>
 * The right side's columns are read from its registers inside the subroutine, so that both
 * callers can put its row there. Not thread-safe; one per RIGHT or FULL JOIN of a FROM clause.
 */
final class RightJoin {
    private final LoopCodegen.Level level;
    private final ProgramBuilder b;
    /** Codes a table-valued function's arguments again for the scan of unmatched rows. */
    private final ExprCodegen exprs;
    private final int matched;
    private final int keyWidth;
    private final int returnAddress;
    private final int subroutine;
    /** Where the subroutine returns: a WHERE term tested in the right side's loop jumps here when false. */
    final int subroutineEnd;

    /** Codes the opening of the index of matched rows (with the loops' one-time code). */
    RightJoin(LoopCodegen.Level level, ProgramBuilder b, ExprCodegen exprs) {
        this.level = level;
        this.b = b;
        this.exprs = exprs;
        keyWidth = level.table != null ? 1 : Math.max(1, level.scope.width());
        matched = b.allocCursor();
        b.emit(Opcode.OpenEphemeral, matched, keyWidth, 0,
                new IndexKeyComparator(new Collation[keyWidth], new boolean[keyWidth]), 0);
        returnAddress = b.allocRegister();
        subroutine = b.newLabel();
        subroutineEnd = b.newLabel();
    }

    /**
     * Codes, in the right side's loop after its ON terms passed, the note that the row matched
     * (not on the unmatched row of a FULL JOIN's left side, when {@code nullPass} is set) and the
     * call of the subroutine, which starts right after.
     */
    void markAndCall(int nullPass) {
        int call = b.newLabel();
        if (nullPass >= 0) {
            b.emit(Opcode.If, nullPass, call, 0);
        }
        int key = b.allocRegisters(keyWidth);
        if (level.table != null && !level.table.hasRowid()) {
            WithoutRowidTables.keyFromSource(b, level.table, level.scope, key);
        } else if (level.table != null) {
            level.scope.read(b, level.table.columns().size(), key);
        } else {
            for (int i = 0; i < keyWidth; i++) {
                level.scope.read(b, i, key + i);
            }
        }
        b.emit(Opcode.Found, matched, call, key, keyWidth, 0);
        int record = b.allocRegister();
        b.emit(Opcode.MakeRecord, key, keyWidth, record);
        b.emit(Opcode.IdxInsert, matched, record);
        b.resolve(call);
        level.reader.copyToRegisters(b, level.scope.width());
        level.reader.useRegisters();
        b.emit(Opcode.Gosub, returnAddress, subroutine);
        b.emit(Opcode.Goto, 0, level.next);
        b.resolve(subroutine);
    }

    /** Codes the end of the subroutine, where the loops inside the right side's end. */
    void returnFromSubroutine() {
        b.resolve(subroutineEnd);
        b.emit(Opcode.Return, returnAddress, 0);
    }

    /**
     * Codes the scan for the rows no ON clause matched; {@code left} are the loops outside the
     * right side's, and {@code afterNulls} codes what must follow their rows' turning NULL.
     */
    void unmatchedRows(List<LoopCodegen.Level> left, Runnable afterNulls) {
        int end = b.newLabel();
        int skip = b.newLabel();
        int first = level.scope.firstRegister();
        Table table = level.table;
        FunctionSources.Call function = level.reader != null ? level.reader.function() : null;
        int cursor = -1;
        int top;
        int key;
        if (function != null) {
            // The function's rows again (its arguments are constants): each with its whole row as key.
            FunctionSources.filter(b, exprs, function, end);
            top = b.currentAddress();
            for (int i = 0; i < keyWidth; i++) {
                b.emit(Opcode.VColumn, function.cursor(), i, first + i);
            }
            key = first;
        } else if (table != null) {
            cursor = b.allocCursor();
            WithoutRowidTables.open(b, Opcode.OpenRead, cursor, table);
            b.emit(Opcode.Rewind, cursor, end);
            top = b.currentAddress();
            TableSource.readRow(b, table, cursor, first);
            key = first + table.columns().size();
            if (table.hasRowid()) {
                b.emit(Opcode.Rowid, cursor, key);
            } else {
                WithoutRowidTables.keyFromRow(b, table, first, key);
            }
        } else {
            b.emit(Opcode.InitCoroutine, level.coroutine, 0, level.start);
            top = b.emit(Opcode.Yield, level.coroutine, end);
            key = first;
        }
        b.emit(Opcode.Found, matched, skip, key, keyWidth, 0);
        for (LoopCodegen.Level l : left) {
            if (l.reader != null) {
                l.reader.nullRow(b, l.scope.width());
            } else {
                int nulls = l.scope.firstRegister();
                b.emit(Opcode.Null, 0, nulls, nulls + Math.max(1, l.scope.width()) - 1);
            }
        }
        afterNulls.run();
        b.emit(Opcode.Gosub, returnAddress, subroutine);
        b.resolve(skip);
        if (function != null) {
            b.emit(Opcode.VNext, function.cursor(), top);
        } else if (table != null) {
            b.emit(Opcode.Next, cursor, top);
        } else {
            b.emit(Opcode.Goto, 0, top);
        }
        b.resolve(end);
    }
}
