package io.turso4j.vdbe;

import io.turso4j.function.TableFunction;
import io.turso4j.value.Register;
import java.util.Arrays;

/**
 * The table-valued function cursors of one VM ({@link Opcode#VFilter}, {@link Opcode#VNext},
 * {@link Opcode#VColumn}), by cursor number: each holds the scan its last VFilter opened. A
 * cursor past its last row (or never opened) reads NULL, which is also a LEFT JOIN's row of
 * NULLs, since that row is only made once the scan has ended. A {@link Frames frame} sets the
 * scans of its sub-program's cursors aside. One VM, one thread.
 */
final class FunctionCursors {
    private final int cursorCount;
    /** Made at the first VFilter: most programs have no function cursor. */
    private TableFunction.Rows[] scans;
    /** Per cursor: whether its scan is on a row. */
    private boolean[] onRow;

    FunctionCursors(int cursorCount) {
        this.cursorCount = cursorCount;
    }

    /** Opens a scan of {@code function} with the arguments {@code r[first .. first + count)}; false if it has no row. */
    boolean filter(int cursor, TableFunction function, Register[] r, int first, int count) {
        if (scans == null) {
            scans = new TableFunction.Rows[cursorCount];
            onRow = new boolean[cursorCount];
        }
        scans[cursor] = null;
        onRow[cursor] = false;
        TableFunction.Rows rows = function.open(r, first, count);
        scans[cursor] = rows;
        onRow[cursor] = rows.next();
        return onRow[cursor];
    }

    /** Moves to the next row; false (and the scan let go) when there is none. */
    boolean next(int cursor) {
        if (scans == null) {
            return false;
        }
        onRow[cursor] = scans[cursor] != null && scans[cursor].next();
        if (!onRow[cursor]) {
            scans[cursor] = null;
        }
        return onRow[cursor];
    }

    void column(int cursor, int column, Register out) {
        if (onRow != null && onRow[cursor]) {
            scans[cursor].column(column, out);
        } else {
            out.setNull();
        }
    }

    /** Scans of cursors {@code [from, to)} a frame set aside; null if no cursor was ever opened. */
    record Scans(TableFunction.Rows[] scans, boolean[] onRow) {}

    /** Takes the scans of cursors {@code [from, to)} out, leaving them unopened for a new frame. */
    Scans setAside(int from, int to) {
        if (scans == null) {
            return null;
        }
        Scans saved = new Scans(Arrays.copyOfRange(scans, from, to), Arrays.copyOfRange(onRow, from, to));
        Arrays.fill(scans, from, to, null);
        Arrays.fill(onRow, from, to, false);
        return saved;
    }

    /** Puts back what {@link #setAside} took, dropping the scans the frame opened. */
    void putBack(int from, int to, Scans saved) {
        if (saved != null) {
            System.arraycopy(saved.scans(), 0, scans, from, to - from);
            System.arraycopy(saved.onRow(), 0, onRow, from, to - from);
        } else if (scans != null) {
            Arrays.fill(scans, from, to, null);
            Arrays.fill(onRow, from, to, false);
        }
    }

    void closeAll() {
        if (scans != null) {
            Arrays.fill(scans, null);
            Arrays.fill(onRow, false);
        }
    }
}
