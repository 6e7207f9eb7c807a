package io.turso4j.value;

/**
 * Numbers in text, read as SQLite reads them ({@code sqlite3AtoF} and {@code sqlite3Atoi64}):
 * UTF-8 bytes in, a REAL or INTEGER out, plus how well-formed the text was.
 *
 * <p>Grammar (whitespace is SQLite's: space, \t, \n, \v, \f, \r):
 * <pre>
 *   real    := ws* [+-] digits [. digits*] [(e|E) [+-] digits] ws*
 *            | ws* [+-] . digits [(e|E) [+-] digits] ws*
 *   integer := ws* [+-] digits ws*
 * </pre>
 * Hexadecimal is not a number here ({@code '0x10'} reads as 0 followed by junk). Conversions
 * take the longest prefix that parses ({@code '12abc'} → 12); the {@code *Kind} methods say
 * whether the whole text was a number, which is what column affinity needs.
 *
 * <p>Stateless; any thread.
 */
public final class NumericText {
    /** {@link #realKind}: not a number (not even a prefix with a point or exponent). */
    public static final int NOT_NUMERIC = 0;
    /** {@link #realKind}: the whole text is an integer literal. */
    public static final int WHOLE_INTEGER = 1;
    /** {@link #realKind}: the whole text is a number with a decimal point and/or exponent. */
    public static final int WHOLE_REAL = 2;
    /** {@link #realKind}: not a number, but a prefix with a point or exponent is. */
    public static final int REAL_PREFIX = -1;

    /** {@link #integerKind}: the whole text is an integer that fits in 64 bits. */
    public static final int INT_OK = 0;
    /** {@link #integerKind}: an integer that fits, followed by non-space text. */
    public static final int INT_TRAILING_TEXT = 1;
    /** {@link #integerKind}: too large for 64 bits (the value saturates). */
    public static final int INT_OVERFLOW = 2;
    /** {@link #integerKind}: exactly 9223372036854775808, which fits only when negated. */
    public static final int INT_TWO_POW_63 = 3;
    /** {@link #integerKind}: no digits at all. */
    public static final int INT_NO_DIGITS = -1;

    /** Significand digits beyond this are dropped (their count still scales the exponent). */
    private static final long SIGNIFICAND_LIMIT = (Long.MAX_VALUE - 9) / 10;

    private NumericText() {
    }

    static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The longest real prefix of {@code z[off .. off+len)}, 0.0 if there is none. */
    public static double parseReal(byte[] z, int off, int len) {
        return Double.longBitsToDouble(scanReal(z, off, len, true));
    }

    public static double parseReal(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return parseReal(b, 0, b.length);
    }

    /** How {@code z[off .. off+len)} reads as a real: {@link #WHOLE_INTEGER}, … */
    public static int realKind(byte[] z, int off, int len) {
        return (int) scanReal(z, off, len, false);
    }

    /** True when the whole text (spaces aside) is a number: what NUMERIC affinity accepts. */
    public static boolean isWellFormed(byte[] z, int off, int len) {
        return realKind(z, off, len) > 0;
    }

    /**
     * One scanner for both questions: returns the kind when {@code convert} is false, else the
     * raw bits of the converted double.
     */
    private static long scanReal(byte[] z, int off, int len, boolean convert) {
        int end = off + len;
        int i = off;
        boolean negative = false;
        long s = 0;            // significand
        int scale = 0;         // decimal exponent adjustment from dropped or fraction digits
        boolean expNegative = false;
        int exp = 0;
        boolean expValid = true;
        int digits = 0;        // significant digits taken into s
        int kind = 1;          // 1 integer; +1 for a point, +1 for an exponent

        while (i < end && isSpace(z[i])) {
            i++;
        }
        if (i >= end) {
            return convert ? Double.doubleToRawLongBits(0.0) : NOT_NUMERIC;
        }
        if (z[i] == '-') {
            negative = true;
            i++;
        } else if (z[i] == '+') {
            i++;
        }
        while (i < end && isDigit(z[i])) {
            s = s * 10 + (z[i++] - '0');
            digits++;
            if (s >= SIGNIFICAND_LIMIT) {
                while (i < end && isDigit(z[i])) {
                    i++;
                    scale++;
                }
            }
        }
        if (i < end && z[i] == '.') {
            i++;
            kind++;
            while (i < end && isDigit(z[i])) {
                if (s < SIGNIFICAND_LIMIT) {
                    s = s * 10 + (z[i] - '0');
                    scale--;
                    digits++;
                }
                i++;
            }
        }
        if (i < end && (z[i] == 'e' || z[i] == 'E')) {
            i++;
            expValid = false;
            kind++;
            if (i < end) {
                if (z[i] == '-') {
                    expNegative = true;
                    i++;
                } else if (z[i] == '+') {
                    i++;
                }
                while (i < end && isDigit(z[i])) {
                    exp = exp < 10000 ? exp * 10 + (z[i] - '0') : 10000;
                    i++;
                    expValid = true;
                }
            }
        }
        while (i < end && isSpace(z[i])) {
            i++;
        }
        if (convert) {
            double value;
            if (s == 0) {
                if (digits == 0) {
                    return 0L; // no digits at all: +0.0 even after a '-'
                }
                value = 0.0;
            } else {
                value = DecimalConversion.toDouble(s, (expNegative ? -exp : exp) + scale);
            }
            return Double.doubleToRawLongBits(negative ? -value : value);
        }
        if (i == end && digits > 0 && expValid) {
            return kind;
        } else if (kind >= 2 && (kind == 3 || expValid) && digits > 0) {
            return REAL_PREFIX;
        }
        return NOT_NUMERIC;
    }

    /**
     * The longest integer prefix of {@code z[off .. off+len)} as {@code sqlite3Atoi64} reads
     * it: 0 if there are no digits, saturated at the ends of the {@code long} range.
     */
    public static long parseInteger(byte[] z, int off, int len) {
        return scanInteger(z, off, len, true);
    }

    /** How {@code z[off .. off+len)} reads as an integer: {@link #INT_OK}, … */
    public static int integerKind(byte[] z, int off, int len) {
        return (int) scanInteger(z, off, len, false);
    }

    private static long scanInteger(byte[] z, int off, int len, boolean convert) {
        int end = off + len;
        int i = off;
        boolean negative = false;
        while (i < end && isSpace(z[i])) {
            i++;
        }
        if (i < end) {
            if (z[i] == '-') {
                negative = true;
                i++;
            } else if (z[i] == '+') {
                i++;
            }
        }
        int start = i;
        while (i < end && z[i] == '0') {
            i++;
        }
        int first = i;          // first significant digit
        long u = 0;             // unsigned accumulation, wraps past 20 digits (then overflow)
        while (i < end && isDigit(z[i])) {
            u = u * 10 + (z[i] - '0');
            i++;
        }
        int nDigits = i - first;
        // Classify the significant digits against 2^63 = 9223372036854775808.
        int vs2Pow63; // <0 fits, 0 exactly 2^63, >0 too large
        if (nDigits < 19) {
            vs2Pow63 = -1;
        } else if (nDigits > 19) {
            vs2Pow63 = 1;
        } else {
            vs2Pow63 = Long.compareUnsigned(u, Long.MIN_VALUE);
        }
        if (convert) {
            if (vs2Pow63 >= 0) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            return negative ? -u : u;
        }
        int rc;
        if (nDigits == 0 && first == start) {
            rc = INT_NO_DIGITS;
        } else {
            rc = INT_OK;
            for (int j = i; j < end; j++) {
                if (!isSpace(z[j])) {
                    rc = INT_TRAILING_TEXT;
                    break;
                }
            }
        }
        if (vs2Pow63 < 0) {
            return rc;
        } else if (vs2Pow63 > 0) {
            return INT_OVERFLOW;
        }
        return negative ? rc : INT_TWO_POW_63;
    }
}
