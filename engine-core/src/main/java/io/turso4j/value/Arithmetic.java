package io.turso4j.value;

import java.nio.charset.StandardCharsets;

/**
 * SQL's arithmetic, bitwise and concatenation operators with SQLite's semantics (the VM's
 * {@code Add}, {@code Subtract}, {@code Multiply}, {@code Divide}, {@code Remainder},
 * {@code BitAnd}, {@code BitOr}, {@code BitNot}, {@code ShiftLeft}, {@code ShiftRight},
 * {@code Concat}):
 * <ul>
 *   <li>NULL in, NULL out.</li>
 *   <li>TEXT and BLOB operands are read as numbers by their longest numeric prefix
 *       ({@code '12abc'} is 12, {@code 'abc'} is 0); a prefix with a point or exponent, or an
 *       integer too big for 64 bits, makes the operand a REAL.</li>
 *   <li>{@code + - *} on two integers stay integer unless they overflow, then the operation
 *       is redone in REAL.</li>
 *   <li>{@code /} on integers truncates toward zero; {@code MIN / -1} is done in REAL; division
 *       by zero (integer or real) is NULL.</li>
 *   <li>{@code %} works on integers (reals are truncated first), by zero is NULL; if either
 *       operand was a REAL the result is a REAL.</li>
 *   <li>A REAL result that is NaN (Inf - Inf) is NULL.</li>
 *   <li>Bitwise operators convert to integers; shifts by a negative amount shift the other
 *       way, by 64 or more give 0 (or -1 for a negative value shifted right).</li>
 * </ul>
 * Every method writes its result to {@code out}, which may be one of the operands.
 * Stateless; any thread.
 */
public final class Arithmetic {
    private enum Op { ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER }

    private Arithmetic() {
    }

    public static void add(Register a, Register b, Register out) {
        binary(Op.ADD, a, b, out);
    }

    public static void subtract(Register a, Register b, Register out) {
        binary(Op.SUBTRACT, a, b, out);
    }

    public static void multiply(Register a, Register b, Register out) {
        binary(Op.MULTIPLY, a, b, out);
    }

    public static void divide(Register a, Register b, Register out) {
        binary(Op.DIVIDE, a, b, out);
    }

    public static void remainder(Register a, Register b, Register out) {
        binary(Op.REMAINDER, a, b, out);
    }

    /** Unary minus: {@code 0 - a}, so {@code -MIN_VALUE} is a REAL and {@code -'x'} is 0. */
    public static void negate(Register a, Register out) {
        if (a.type() == ValueType.INTEGER) {
            long v = a.intValue();
            if (v == Long.MIN_VALUE) {
                out.setReal(-(double) v);
            } else {
                out.setInt(-v);
            }
            return;
        }
        if (a.isNull()) {
            out.setNull();
        } else if (isIntegral(a)) {
            long v = integralValue(a);
            if (v == Long.MIN_VALUE) {
                out.setReal(-(double) v);
            } else {
                out.setInt(-v);
            }
        } else {
            out.setReal(0.0 - realValue(a));
        }
    }

    private static void binary(Op op, Register a, Register b, Register out) {
        ValueType ta = a.type();
        ValueType tb = b.type();
        if (ta == ValueType.NULL || tb == ValueType.NULL) {
            out.setNull();
            return;
        }
        if (isIntegral(a) && isIntegral(b)) {
            long x = integralValue(a);
            long y = integralValue(b);
            switch (op) {
                case ADD -> {
                    if (!Int64.addOverflows(x, y)) {
                        out.setInt(x + y);
                        return;
                    }
                }
                case SUBTRACT -> {
                    if (!Int64.subOverflows(x, y)) {
                        out.setInt(x - y);
                        return;
                    }
                }
                case MULTIPLY -> {
                    if (!Int64.mulOverflows(x, y)) {
                        out.setInt(x * y);
                        return;
                    }
                }
                case DIVIDE -> {
                    if (y == 0) {
                        out.setNull();
                        return;
                    }
                    if (!(y == -1 && x == Long.MIN_VALUE)) {
                        out.setInt(x / y);
                        return;
                    }
                }
                case REMAINDER -> {
                    if (y == 0) {
                        out.setNull();
                    } else {
                        out.setInt(y == -1 ? 0 : x % y);
                    }
                    return;
                }
            }
        }
        // Real arithmetic: an operand was (or read as) a REAL, or the integers overflowed.
        double x = realValue(a);
        double y = realValue(b);
        switch (op) {
            case ADD -> out.setReal(x + y);
            case SUBTRACT -> out.setReal(x - y);
            case MULTIPLY -> out.setReal(x * y);
            case DIVIDE -> {
                if (y == 0.0) {
                    out.setNull();
                } else {
                    out.setReal(x / y);
                }
            }
            case REMAINDER -> {
                long ix = a.toLong();
                long iy = b.toLong();
                if (iy == 0) {
                    out.setNull();
                } else {
                    out.setReal((double) (iy == -1 ? 0 : ix % iy));
                }
            }
        }
    }

    /**
     * Whether the operand counts as an integer in arithmetic (SQLite's numericType): INTEGER
     * does; TEXT/BLOB do when their numeric reading is an integer that fits 64 bits and no NUL
     * byte cuts it short.
     */
    private static boolean isIntegral(Register r) {
        return switch (r.type()) {
            case INTEGER -> true;
            case REAL, NULL -> false;
            case TEXT, BLOB -> {
                byte[] z = r.bytes();
                int n = r.length();
                if (integerEndedByNul(z, n)) {
                    yield false; // SQLite 3.54 reads an integer ended by a NUL byte as a REAL
                }
                int kind = NumericText.realKind(z, 0, n);
                int intKind = NumericText.integerKind(z, 0, n);
                if (kind <= 0) {
                    yield kind == NumericText.NOT_NUMERIC && intKind <= NumericText.INT_TRAILING_TEXT;
                }
                yield kind == NumericText.WHOLE_INTEGER && intKind == NumericText.INT_OK;
            }
        };
    }

    /**
     * Whether the text is an integer ended by a NUL byte: spaces, a sign, digits, spaces, then
     * NUL. SQLite 3.54 reads '5'||x'00' and ' -5 '||x'00' as REAL in arithmetic, while x'00',
     * '5e'||x'00' and x'3489b800' (other junk before the NUL) stay INTEGER; 3.40 reads all of
     * them as INTEGER. Found by differential tests against sqlite-jdbc.
     */
    private static boolean integerEndedByNul(byte[] z, int n) {
        int i = 0;
        while (i < n && NumericText.isSpace(z[i])) {
            i++;
        }
        if (i < n && (z[i] == '-' || z[i] == '+')) {
            i++;
        }
        int digits = i;
        while (i < n && z[i] >= '0' && z[i] <= '9') {
            i++;
        }
        if (i == digits) {
            return false;
        }
        while (i < n && NumericText.isSpace(z[i])) {
            i++;
        }
        return i < n && z[i] == 0;
    }

    private static long integralValue(Register r) {
        return r.type() == ValueType.INTEGER ? r.intValue()
                : NumericText.parseInteger(r.bytes(), 0, r.length());
    }

    private static double realValue(Register r) {
        return r.toDouble();
    }

    // ---- bitwise ---------------------------------------------------------------------------

    public static void bitAnd(Register a, Register b, Register out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
        } else {
            out.setInt(a.toLong() & b.toLong());
        }
    }

    public static void bitOr(Register a, Register b, Register out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
        } else {
            out.setInt(a.toLong() | b.toLong());
        }
    }

    public static void bitNot(Register a, Register out) {
        if (a.isNull()) {
            out.setNull();
        } else {
            out.setInt(~a.toLong());
        }
    }

    /** {@code a << b}. */
    public static void shiftLeft(Register a, Register b, Register out) {
        shift(a, b, true, out);
    }

    /** {@code a >> b}, arithmetic (sign-extending). */
    public static void shiftRight(Register a, Register b, Register out) {
        shift(a, b, false, out);
    }

    private static void shift(Register a, Register b, boolean left, Register out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
            return;
        }
        long value = a.toLong();
        long amount = b.toLong();
        if (amount < 0) {
            left = !left;
            amount = amount > -64 ? -amount : 64;
        }
        long result;
        if (amount >= 64) {
            result = (value >= 0 || left) ? 0 : -1;
        } else {
            result = left ? value << amount : value >> amount;
        }
        out.setInt(result);
    }

    // ---- concatenation ----------------------------------------------------------------------

    /** {@code a || b}: both rendered as text (BLOB bytes as they are); the result is TEXT. */
    public static void concat(Register a, Register b, Register out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
            return;
        }
        byte[] x = textBytes(a);
        int xn = a.type() == ValueType.TEXT || a.type() == ValueType.BLOB ? a.length() : x.length;
        byte[] y = textBytes(b);
        int yn = b.type() == ValueType.TEXT || b.type() == ValueType.BLOB ? b.length() : y.length;
        LengthLimit.check((long) xn + yn);
        byte[] joined = new byte[xn + yn];
        System.arraycopy(x, 0, joined, 0, xn);
        System.arraycopy(y, 0, joined, xn, yn);
        out.adoptText(joined, joined.length);
    }

    private static byte[] textBytes(Register r) {
        return switch (r.type()) {
            case TEXT, BLOB -> r.bytes();
            default -> r.toText().getBytes(StandardCharsets.US_ASCII);
        };
    }
}
