package io.turso4j.translate;

import io.turso4j.value.Affinity;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IN against a temporary index, as SQLite codes {@code x IN (SELECT …)}, {@code x IN table} and
 * a long constant list: {@link #open} and {@link #add} fill the index (usually once per
 * statement, under {@code Once}), {@link #probe} tests a left-hand side against it.
 *
 * <p>Every column has the affinity of its comparison, applied to both sides as on storing, and
 * its collation, which orders the index. The result is three-valued: true when a row equals the
 * left side; otherwise NULL when some row could equal it but for NULLs (for one column: the left
 * side is NULL, or the set holds a NULL), else false; and an empty subquery gives false even for
 * a NULL left side. Rows holding a NULL are stored too: the index never finds them equal to a
 * left side without NULLs, and the NULL case scans every row. Registers {@link #hasNull} and
 * {@link #empty} keep what the fill saw for every later probe. Instead of a temporary index the
 * set may be a stored table's rowids or index ({@link #openStored}), which the fill only looks at.
 * Not thread-safe; one per IN.
 */
final class InSet {
    private final ProgramBuilder b;
    private final int width;
    private Affinity[] affinities;
    private Collation[] collations;
    /** The instructions whose P4 holds the column types, patched by {@link #types}. */
    private int openAddress = -1;
    private final List<Integer> recordAddresses = new ArrayList<>();
    private final int cursor;
    /** True once a row with a NULL column was added. */
    private final int hasNull;
    /** True until a row is added. */
    private final int empty;
    /** The set is a stored table's rowids ({@link #openStored}): probed by rowid, never NULL. */
    private boolean rowids;
    /** Whether a row that may hold a NULL was added: else {@link #hasNull} is known to stay false. */
    private boolean mayHoldNull;

    /** A set of rows of {@code width} columns, whose types {@link #types} gives before {@link #probe}. */
    InSet(ProgramBuilder b, int width) {
        this.b = b;
        this.width = width;
        this.affinities = new Affinity[width];
        this.collations = new Collation[width];
        Arrays.fill(affinities, Affinity.NONE);
        Arrays.fill(collations, BuiltinCollation.BINARY);
        this.cursor = b.allocCursor();
        this.hasNull = b.allocRegister();
        this.empty = b.allocRegister();
    }

    /**
     * Sets each column's affinity and collation, also in the code {@link #open} and {@link #add}
     * emitted already (a subquery's column types are known once it has been compiled).
     */
    void types(Affinity[] affinities, Collation[] collations) {
        this.affinities = affinities.clone();
        for (int i = 0; i < width; i++) {
            this.collations[i] = collations[i] != null ? collations[i] : BuiltinCollation.BINARY;
        }
        if (openAddress >= 0) {
            b.changeP4(openAddress, comparator());
        }
        for (int at : recordAddresses) {
            b.changeP4(at, affinityString());
        }
    }

    /** Opens the index empty (again, when re-run for a correlated subquery). */
    void open() {
        openAddress = b.emit(Opcode.OpenEphemeral, cursor, width, 0, comparator(), 0);
        b.emit(Opcode.Integer, 0, hasNull);
        b.emit(Opcode.Integer, 1, empty);
    }

    /**
     * Opens the set on the table's rowids or the stored index whose first columns hold the
     * values that {@code use} names ({@link InIndex}), and notes whether it is empty and (for one
     * column) holds a NULL; nothing is added. Usually under {@code Once}.
     */
    void openStored(InIndex.Use use) {
        int done = b.newLabel();
        b.emit(Opcode.Integer, 0, hasNull);
        b.emit(Opcode.Integer, 1, empty);
        use.open(b, cursor);
        b.emit(Opcode.Rewind, cursor, done);
        b.emit(Opcode.Integer, 0, empty);
        rowids = use.index() == null;
        if (width > 1) {
            // As SQLite, a row value not found looks through every row for one that NULLs could equal.
            b.emit(Opcode.Integer, 1, hasNull);
        } else if (!rowids) {
            int nul = b.allocRegister();
            b.emit(Opcode.Null, 0, nul);
            b.emit(Opcode.NotFound, cursor, done, nul, 1, 0);
            b.emit(Opcode.Integer, 1, hasNull);
        }
        b.resolve(done);
    }

    /** Adds the row r[first ..]; its registers get the columns' affinities. */
    void add(int first) {
        add(first, true);
    }

    /**
     * As {@link #add(int)}; a row known at compile time to hold no NULL ({@code mayHoldNull}
     * false, a literal of a constant list) is stored without the NULL checks, nor noted as
     * making the set non-empty: such rows are only added when {@link #probe} is not asked
     * about emptiness.
     */
    void add(int first, boolean mayHoldNull) {
        int n = width;
        int record = b.allocRegister();
        if (mayHoldNull) {
            b.emit(Opcode.Integer, 0, empty);
            this.mayHoldNull = true;
            for (int i = 0; i < n; i++) {
                int notNull = b.newLabel();
                b.emit(Opcode.NotNull, first + i, notNull);
                b.emit(Opcode.Integer, 1, hasNull);
                b.resolve(notNull);
            }
        }
        recordAddresses.add(b.emit(Opcode.MakeRecord, first, n, record, affinityString(), 0));
        b.emit(Opcode.IdxInsert, cursor, record);
    }

    /**
     * Codes the IN's result for the left side r[lhs ..] into {@code target}, negated for NOT IN.
     *
     * @param emptyIsFalse the candidates came from a subquery, which may have had no rows
     */
    void probe(int lhs, boolean not, boolean emptyIsFalse, int target) {
        int n = width;
        int done = b.newLabel();
        int found = b.newLabel();
        int isNull = b.newLabel();
        int maybeNull = b.newLabel();
        b.emit(Opcode.Integer, not ? 1 : 0, target);
        if (emptyIsFalse) {
            b.emit(Opcode.If, empty, done, 0);
        }
        int key = b.allocRegisters(n);
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.SCopy, lhs + i, key + i);
        }
        b.emit(Opcode.Affinity, key, n, 0, affinityString(), 0);
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.IsNull, key + i, maybeNull);
        }
        if (rowids) {
            // Only an integer can equal a rowid (MustBeInt also takes a REAL or text that is one).
            int notFound = b.newLabel();
            b.emit(Opcode.MustBeInt, key, notFound);
            b.emit(Opcode.NotExists, cursor, notFound, key);
            b.emit(Opcode.Goto, 0, found);
            b.resolve(notFound);
        } else {
            b.emit(Opcode.Found, cursor, found, key, n, 0);
        }
        b.emit(Opcode.IfNot, hasNull, done, 0);
        b.resolve(maybeNull);
        if (n > 1) {
            scanForNull(key, isNull, done);
        }
        b.resolve(isNull);
        b.emit(Opcode.Null, 0, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(found);
        b.emit(Opcode.Integer, not ? 0 : 1, target);
        b.resolve(done);
    }

    /**
     * Jumps to {@code dest} when the IN of the one-column left side r[lhs] (negated for NOT IN)
     * has the truth value {@code sense}, and when it is NULL only if {@code jumpIfNull}; falls
     * through otherwise. The jump form of {@link #probe} for a set that is never empty (a
     * constant list), as SQLite's sqlite3ExprCodeIN with its destinations: no result register
     * is set and tested.
     */
    void probeJump(int lhs, boolean not, boolean sense, int dest, boolean jumpIfNull) {
        int done = b.newLabel();
        int whenFound = not != sense ? dest : done;
        int whenAbsent = not == sense ? dest : done;
        int whenNull = jumpIfNull ? dest : done;
        int key = b.allocRegister();
        b.emit(Opcode.SCopy, lhs, key);
        b.emit(Opcode.Affinity, key, 1, 0, affinityString(), 0);
        b.emit(Opcode.IsNull, key, whenNull);
        b.emit(Opcode.Found, cursor, whenFound, key, 1, 0);
        if (mayHoldNull) {
            // not found: false unless the set holds a NULL, which makes it NULL
            b.emit(Opcode.IfNot, hasNull, whenAbsent, 0);
            jumpUnlessNext(whenNull, done);
        } else {
            jumpUnlessNext(whenAbsent, done);
        }
        b.resolve(done);
    }

    /** A Goto to {@code dest}, left out when it is {@code next}, the label resolved right after. */
    private void jumpUnlessNext(int dest, int next) {
        if (dest != next) {
            b.emit(Opcode.Goto, 0, dest);
        }
    }

    /**
     * A row value with no equal row: NULL when some row has no pair of non-NULL values that
     * differ (jump to {@code isNull}), false otherwise (jump to {@code done}).
     */
    private void scanForNull(int key, int isNull, int done) {
        int n = width;
        int column = b.allocRegister();
        b.emit(Opcode.Rewind, cursor, done);
        int loop = b.currentAddress();
        int next = b.newLabel();
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Column, cursor, i, column);
            b.emit(Opcode.Ne, column, next, key + i, collations[i], AffinityCode.of(Affinity.NONE));
        }
        b.emit(Opcode.Goto, 0, isNull);
        b.resolve(next);
        b.emit(Opcode.Next, cursor, loop);
        b.emit(Opcode.Goto, 0, done);
    }

    private IndexKeyComparator comparator() {
        return new IndexKeyComparator(collations, new boolean[width]);
    }

    /** The stored affinities: none where the comparison has none (BLOB converts nothing). */
    private String affinityString() {
        StringBuilder s = new StringBuilder();
        for (Affinity a : affinities) {
            s.append((char) AffinityCode.of(a == Affinity.NONE ? Affinity.BLOB : a));
        }
        return s.toString();
    }
}
