package io.turso4j.value;

/**
 * The order of two values, as {@code sqlite3MemCompare} defines it
 * (<a href="https://www.sqlite.org/datatype3.html#sort_order">§4.1</a>): NULL first (NULLs are
 * equal to each other here; SQL's "NULL = NULL is unknown" is the caller's business), then
 * INTEGER and REAL by numeric value (an integer and a real compare exactly, also beyond 2^53
 * and near 2^63), then TEXT by the collation, then BLOB by memcmp and then length.
 *
 * <p>No affinity is applied here: a caller comparing with SQL's {@code <} first applies
 * {@link Affinity#forComparison} to the operands. Stateless; any thread.
 */
public final class ValueComparator {
    private ValueComparator() {
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(Register a, Register b, Collation collation) {
        ValueType ta = a.type();
        ValueType tb = b.type();
        if (ta == ValueType.NULL || tb == ValueType.NULL) {
            return (tb == ValueType.NULL ? 1 : 0) - (ta == ValueType.NULL ? 1 : 0);
        }
        if (ta.isNumeric() || tb.isNumeric()) {
            if (!tb.isNumeric()) {
                return -1;
            }
            if (!ta.isNumeric()) {
                return 1;
            }
            return compareNumbers(a, b);
        }
        if (ta != tb) {
            return ta == ValueType.TEXT ? -1 : 1;
        }
        if (ta == ValueType.TEXT && collation != null) {
            return collation.compare(a.bytes(), 0, a.length(), b.bytes(), 0, b.length());
        }
        return BuiltinCollation.binary(a.bytes(), 0, a.length(), b.bytes(), 0, b.length());
    }

    /** Binary collation for TEXT. */
    public static int compare(Register a, Register b) {
        return compare(a, b, BuiltinCollation.BINARY);
    }

    private static int compareNumbers(Register a, Register b) {
        boolean ai = a.type() == ValueType.INTEGER;
        boolean bi = b.type() == ValueType.INTEGER;
        if (ai && bi) {
            return Long.compare(a.intValue(), b.intValue());
        }
        if (!ai && !bi) {
            return compareReals(a.realValue(), b.realValue());
        }
        return ai ? compareIntReal(a.intValue(), b.realValue()) : -compareIntReal(b.intValue(), a.realValue());
    }

    /** Two REALs, neither NaN: -1, 0 or 1; -0.0 equals 0.0, as in C. */
    public static int compareReals(double x, double y) {
        return x < y ? -1 : (x > y ? 1 : 0);
    }

    /** An INTEGER against a REAL (not NaN) by mathematical value, exactly: -1, 0 or 1. */
    public static int compareIntReal(long i, double r) {
        return Int64.compareIntReal(i, r);
    }
}
