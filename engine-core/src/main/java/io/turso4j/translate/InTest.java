package io.turso4j.translate;

import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * The code of one IN test, for {@code x IN (list)} and {@code x IN (SELECT …)}: {@link #compare}
 * per candidate value, then {@link #end}. Not thread-safe; one per IN.
 * {@code stored} applies the affinity to both sides as storing into a temporary index does;
 * otherwise it is the comparison's.
 */
final class InTest {
    private final ProgramBuilder b;
    private final int x;
    private final Affinity affinity;
    private final Collation collation;
    private final boolean stored;
    private final int original;
    private final boolean subquery;
    private final int sawNull;
    private final int found;
    private final int isNull;
    private final int done;

    /**
     * @param subquery candidates come from a subquery, which may be empty: x's NULL test
     *     then also waits for {@link #end(boolean, int, int)} to know whether there were any
     */
    InTest(ProgramBuilder b, int x, Affinity affinity, Collation collation, boolean stored, boolean subquery) {
        this.b = b;
        this.sawNull = b.allocRegister();
        this.found = b.newLabel();
        this.isNull = b.newLabel();
        this.done = b.newLabel();
        this.affinity = affinity;
        this.collation = collation;
        this.stored = stored && affinity != Affinity.NONE && affinity != Affinity.BLOB;
        this.original = x;
        this.subquery = subquery;
        // x's NULL test comes at the end: SQLite computes every value of the list (or runs the
        // subquery) even for a NULL x, and raises their errors.
        b.emit(Opcode.Integer, 0, sawNull);
        if (this.stored) {
            int converted = b.allocRegister();
            b.emit(Opcode.SCopy, x, converted);
            b.emit(Opcode.Affinity, converted, 1, 0, String.valueOf((char) AffinityCode.of(affinity)), 0);
            x = converted;
        }
        this.x = x;
    }

    /** Jumps to "found" when r[value] equals x; notes a NULL value. */
    void compare(int value) {
        int r = value;
        if (stored) {
            r = b.allocRegister();
            b.emit(Opcode.SCopy, value, r);
            b.emit(Opcode.Affinity, r, 1, 0, String.valueOf((char) AffinityCode.of(affinity)), 0);
        }
        b.emit(Opcode.Eq, r, found, x, collation, stored ? AffinityCode.of(Affinity.NONE) : AffinityCode.of(affinity));
        int notNull = b.newLabel();
        b.emit(Opcode.NotNull, r, notNull);
        b.emit(Opcode.Integer, 1, sawNull);
        b.resolve(notNull);
    }

    /** Codes the result into {@code target}: false, or NULL if a NULL was seen; true when found; negated for NOT IN. */
    void end(boolean not, int target) {
        end(not, target, 0);
    }

    /** As {@link #end(boolean, int)}, but false even for a NULL x when r[empty] is true (IN an empty subquery). */
    void end(boolean not, int target, int empty) {
        b.emit(Opcode.Integer, not ? 1 : 0, target);
        if (subquery) {
            b.emit(Opcode.If, empty, done, 0);
        }
        b.emit(Opcode.IsNull, original, isNull);
        b.emit(Opcode.IfNot, sawNull, done, 0);
        b.resolve(isNull);
        b.emit(Opcode.Null, 0, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(found);
        b.emit(Opcode.Integer, not ? 0 : 1, target);
        b.resolve(done);
    }
}
