package io.turso4j.function;

import io.turso4j.value.LengthLimit;

/**
 * printf's floating-point conversions ({@code %f %e %E %g %G}) as SQLite's printf.c renders
 * them from {@link DecimalDigits}: at most 16 significant digits (26 with {@code !}), the
 * {@code #} and {@code !} forms, {@code ,} grouping, zero padding, and Inf/NaN (which the
 * {@code 0} flag turns into 9.0e+999 and null).
 *
 * <p>Stateless; any thread.
 */
final class PrintfFloat {
    /** SQLITE_FP_PRECISION_LIMIT: float precisions above it are lowered to it. */
    private static final int FLOAT_PRECISION_LIMIT = 100_000_000;

    private PrintfFloat() {
    }

    /** The conversion of {@code value} before width padding (zero padding included). */
    static String render(PrintfSpec spec, int type, double value) {
        int precision = spec.precision < 0 ? 6 : Math.min(spec.precision, FLOAT_PRECISION_LIMIT);
        boolean generic = type == 'g' || type == 'G';
        boolean exponential = type == 'e' || type == 'E';
        int round;
        if (type == 'f') {
            round = -precision;
        } else if (generic) {
            if (precision == 0) {
                precision = 1;
            }
            round = precision;
        } else {
            round = precision + 1;
        }
        DecimalDigits d = DecimalDigits.of(value, round, spec.alt2 ? 26 : 16);
        byte prefix = d.sign == '-' ? (byte) '-' : spec.prefix;
        char[] z = d.digits;
        int n = d.count;
        int iDP = d.pointPos;
        if (d.special == 2) {
            return spec.zeroPad ? "null" : "NaN";
        } else if (d.special == 1) {
            if (spec.zeroPad) {
                z = new char[] {'9'};
                n = 1;
                iDP = 1000;
            } else {
                return d.sign == '-' ? "-Inf" : spec.prefix != 0 ? (char) spec.prefix + "Inf" : "Inf";
            }
        }
        int exp = iDP - 1;
        boolean removeTrailingZeros;
        if (generic) {
            precision--;
            removeTrailingZeros = !spec.alternate;
            if (exp < -4 || exp > precision) {
                exponential = true;
            } else {
                precision = precision - exp;
            }
        } else {
            removeTrailingZeros = spec.alt2;
        }
        int e2 = exponential ? 0 : iDP - 1;
        LengthLimit.check((long) Math.max(e2, 0) + precision + spec.width + 15
                + (spec.thousands && e2 > 0 ? (e2 + 2) / 3 : 0));
        StringBuilder buf = new StringBuilder(Math.max(e2, 0) + precision + 16);
        boolean point = precision > 0 || spec.alternate || spec.alt2;
        if (prefix != 0) {
            buf.append((char) prefix);
        }
        int j = 0;
        if (e2 < 0) {
            buf.append('0');
        } else {
            for (; e2 >= 0; e2--) {
                buf.append(j < n ? z[j++] : '0');
                if (spec.thousands && (e2 % 3) == 0 && e2 > 1) {
                    buf.append(',');
                }
            }
        }
        if (point) {
            buf.append('.');
        }
        for (e2++; e2 < 0 && precision > 0; precision--, e2++) {
            buf.append('0');
        }
        while (precision-- > 0) {
            buf.append(j < n ? z[j++] : '0');
        }
        if (prefix == '-' && spec.alternate && spec.prefix == 0 && isAllZeros(buf)) {
            buf.deleteCharAt(0); // '#' drops the sign of a negative number that rounds to zero
            prefix = 0;
        }
        if (removeTrailingZeros && point) {
            int end = buf.length();
            while (buf.charAt(end - 1) == '0') {
                end--;
            }
            buf.setLength(end);
            if (buf.charAt(end - 1) == '.') {
                if (spec.alt2) {
                    buf.append('0');
                } else {
                    buf.setLength(end - 1);
                }
            }
        }
        if (exponential) {
            int x = iDP - 1;
            if (z[0] == '0' && n == 1) {
                x = 0;
            }
            buf.append(type == 'E' || type == 'G' ? 'E' : 'e');
            buf.append(x < 0 ? '-' : '+');
            x = Math.abs(x);
            if (x >= 100) {
                buf.append((char) ('0' + x / 100));
                x %= 100;
            }
            buf.append((char) ('0' + x / 10)).append((char) ('0' + x % 10));
        }
        if (spec.zeroPad && !spec.leftJustify && buf.length() < spec.width) {
            int pad = spec.width - buf.length();
            buf.insert(prefix != 0 ? 1 : 0, "0".repeat(pad));
        }
        return buf.toString();
    }

    private static boolean isAllZeros(CharSequence number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }
}
