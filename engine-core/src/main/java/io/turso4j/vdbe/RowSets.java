package io.turso4j.vdbe;

import java.util.Arrays;

/**
 * The row sets of {@code RowSetTest}, by the register that names them (a MULTI-INDEX OR's
 * record of the rows it produced). The array is made at the first test: most programs have no
 * row set. A {@link Frames frame} sets the sets of its sub-program's registers aside, so a
 * recursive trigger's OR loop does not see or clear its caller's. Owned by one VM.
 */
final class RowSets {
    private final int registerCount;
    private RowSet[] sets;

    RowSets(int registerCount) {
        this.registerCount = registerCount;
    }

    /** Whether {@code rowid} is in register {@code set}'s row set; adds it if not and {@code add}. */
    boolean test(int set, long rowid, boolean add) {
        if (sets == null) {
            sets = new RowSet[registerCount];
        }
        RowSet rows = sets[set];
        if (rows == null) {
            rows = sets[set] = new RowSet();
        }
        return add ? !rows.add(rowid) : rows.contains(rowid);
    }

    /** Empties the sets of registers {@code [from, to]} ({@code Null} on them). */
    void clear(int from, int to) {
        if (sets != null) {
            Arrays.fill(sets, from, to + 1, null);
        }
    }

    void clearAll() {
        sets = null;
    }

    /** Takes the sets of registers {@code [from, to]} out (null if there are none), leaving them empty. */
    RowSet[] setAside(int from, int to) {
        if (sets == null) {
            return null;
        }
        RowSet[] saved = Arrays.copyOfRange(sets, from, to + 1);
        clear(from, to);
        return saved;
    }

    /** Puts back what {@link #setAside} took, dropping the sets made since. */
    void putBack(int from, int to, RowSet[] saved) {
        if (saved != null) {
            System.arraycopy(saved, 0, sets, from, saved.length);
        } else {
            clear(from, to);
        }
    }
}
