package io.turso4j.vdbe;

import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;
import io.turso4j.value.ValueType;

/**
 * The comparison opcodes ({@code Eq Ne Lt Le Gt Ge}) as SQLite's {@code OP_Lt} does them:
 * NULL handling by the P5 flags, then the P5 affinity applied to the operands — a numeric
 * affinity turns TEXT that looks like a number into a number, TEXT affinity renders numbers as
 * text, but only when one of the operands is TEXT — then {@link ValueComparator} under the P4
 * collation. SQLite undoes the affinity on its registers afterwards; here it is applied to
 * scratch copies, so the operand registers never change.
 *
 * <p>Owned by one VM; not thread-safe (the scratch registers).
 */
final class Comparisons {
    private final Register left = new Register();
    private final Register right = new Register();

    /** Whether {@code op} jumps for {@code a op b}. */
    boolean jumps(Opcode op, Register a, Register b, int p5, Collation collation) {
        if (a.type() == ValueType.INTEGER && b.type() == ValueType.INTEGER) {
            // a scan's commonest test, a column against an integer: no NULL to handle, no
            // affinity that changes an integer, no collation that applies to one
            return holds(op, Long.compare(a.intValue(), b.intValue()));
        }
        if (a.isNull() || b.isNull()) {
            if ((p5 & AffinityCode.NULLEQ) != 0) {
                boolean equal = a.isNull() && b.isNull();
                return op == Opcode.Eq ? equal : !equal;
            }
            return (p5 & AffinityCode.JUMPIFNULL) != 0;
        }
        Affinity affinity = AffinityCode.affinity(p5);
        ValueType ta = a.type();
        ValueType tb = b.type();
        if (affinity.isNumeric()) {
            if (ta == ValueType.TEXT) {
                a = converted(a, left, affinity);
            }
            if (tb == ValueType.TEXT) {
                b = converted(b, right, affinity);
            }
        } else if (affinity == Affinity.TEXT && (ta == ValueType.TEXT || tb == ValueType.TEXT)) {
            if (ta.isNumeric()) {
                a = converted(a, left, affinity);
            }
            if (tb.isNumeric()) {
                b = converted(b, right, affinity);
            }
        }
        return holds(op, ValueComparator.compare(a, b, collation));
    }

    /** Whether {@code op} holds for operands that compare as {@code c} (negative, zero or positive). */
    private static boolean holds(Opcode op, int c) {
        return switch (op) {
            case Eq -> c == 0;
            case Ne -> c != 0;
            case Lt -> c < 0;
            case Le -> c <= 0;
            case Gt -> c > 0;
            case Ge -> c >= 0;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private static Register converted(Register value, Register scratch, Affinity affinity) {
        scratch.copyFrom(value);
        affinity.applyForComparison(scratch);
        return scratch;
    }

    /**
     * {@code OP_MustBeInt}'s conversion: makes {@code r} an INTEGER if it holds (or its text
     * reads exactly as) an integer value; false when it cannot.
     */
    static boolean makeInteger(Register r) {
        if (r.type() == ValueType.TEXT) {
            Affinity.NUMERIC.apply(r);
        } else if (r.type() == ValueType.REAL) {
            double d = r.realValue();
            long i = (long) d;
            if (d == (double) i && i > Long.MIN_VALUE && i < Long.MAX_VALUE) {
                r.setInt(i);
            }
        }
        return r.type() == ValueType.INTEGER;
    }
}
