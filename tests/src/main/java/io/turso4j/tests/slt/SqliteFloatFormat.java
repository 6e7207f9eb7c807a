package io.turso4j.tests.slt;

import java.math.BigDecimal;

/**
 * SQLite's (3.43 and later) printing of doubles for the two formats the harness needs:
 * {@code "%.3f"} (how {@code R} columns print) and {@code "%!.15g"} (SQLite's REAL to TEXT
 * conversion, how a REAL prints in a {@code T} column). FORMAT.md §6.
 *
 * <p>SQLite first decodes the double into at most 19 decimal digits: it scales the value into
 * [9.22e17, 9.22e18] and truncates to an unsigned 64-bit integer. That equals the exact decimal
 * expansion cut (not rounded) to 19 significant digits, or to 18 when those 19 digits exceed
 * 9223372036854774784. It then rounds half-up at the requested position, but never keeps more
 * than 16 significant digits ({@code %f}, {@code %g}) or 26 (with the {@code !} flag), and
 * prints every digit past that as 0. Stateless; any thread.
 */
public final class SqliteFloatFormat {

    private static final BigDecimal U64_SCALE_LIMIT = new BigDecimal("9223372036854774784");
    private static final int MAX_DIGITS_PLAIN = 16;
    private static final int MAX_DIGITS_ALT2 = 26;

    private SqliteFloatFormat() {}

    /**
     * The decoded digits: value = 0.{@code digits} × 10^{@code pointPos}, no trailing zeros
     * except for zero itself ("0"). {@code negative} survives rounding to zero.
     */
    private record Decoded(boolean negative, String digits, int pointPos) {

        char digit(int index) {
            return index >= 0 && index < digits.length() ? digits.charAt(index) : '0';
        }
    }

    /** {@code printf("%.3f", d)} as SQLite ≥ 3.43 prints it. */
    public static String fixed3(double d) {
        return fixed(d, 3);
    }

    /** SQLite's REAL to TEXT conversion, {@code printf("%!.15g", d)}. */
    public static String generic15(double d) {
        String special = special(d);
        if (special != null) {
            return special;
        }
        int precision = 15;
        Decoded dec = decode(d, precision, MAX_DIGITS_ALT2);
        int exponent = dec.pointPos - 1;
        int fractionDigits = precision - 1;
        StringBuilder out = new StringBuilder(24);
        if (dec.negative) {
            out.append('-');
        }
        if (exponent < -4 || exponent > fractionDigits) {
            out.append(dec.digit(0)).append('.');
            for (int j = 1; j <= fractionDigits; j++) {
                out.append(dec.digit(j));
            }
            trimZerosKeepOne(out);
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else {
            appendFixed(out, dec, fractionDigits - exponent);
            trimZerosKeepOne(out);
        }
        return out.toString();
    }

    private static String fixed(double d, int precision) {
        String special = special(d);
        if (special != null) {
            return special;
        }
        Decoded dec = decode(d, -precision, MAX_DIGITS_PLAIN);
        StringBuilder out = new StringBuilder(24);
        if (dec.negative) {
            out.append('-');
        }
        appendFixed(out, dec, precision);
        return out.toString();
    }

    /** Integer digits (at least one), the point, then {@code precision} fraction digits. */
    private static void appendFixed(StringBuilder out, Decoded dec, int precision) {
        if (dec.pointPos <= 0) {
            out.append('0');
        } else {
            for (int j = 0; j < dec.pointPos; j++) {
                out.append(dec.digit(j));
            }
        }
        out.append('.');
        for (int j = 0; j < precision; j++) {
            out.append(dec.digit(dec.pointPos + j));
        }
    }

    /** The {@code !} flag's rule: drop trailing zeros, but keep (or add) one digit after the point. */
    private static void trimZerosKeepOne(StringBuilder out) {
        int len = out.length();
        while (out.charAt(len - 1) == '0' && out.charAt(len - 2) != '.') {
            len--;
        }
        out.setLength(len);
        if (out.charAt(len - 1) == '.') {
            out.append('0');
        }
    }

    private static String special(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        return null;
    }

    /**
     * Decodes |d| into significant digits and rounds them. {@code round} > 0 keeps that many
     * significant digits; {@code round} ≤ 0 keeps {@code -round} digits after the decimal point.
     * At most {@code maxDigits} significant digits survive either way.
     */
    private static Decoded decode(double d, int round, int maxDigits) {
        if (d == 0.0) {
            return new Decoded(false, "0", 1);
        }
        boolean negative = d < 0;
        BigDecimal exact = new BigDecimal(Math.abs(d));
        String all = exact.unscaledValue().toString();
        int pointPos = all.length() - exact.scale();
        String digits = padOrCut(all, 19);
        if (new BigDecimal(digits).compareTo(U64_SCALE_LIMIT) > 0) {
            digits = digits.substring(0, 18);
        }
        char[] z = new char[digits.length() + 1];
        z[0] = '0';
        digits.getChars(0, digits.length(), z, 1);
        int first = 1;
        int n = digits.length();
        int keep = round;
        if (keep <= 0) {
            keep = pointPos - round;
            if (keep == 0 && z[first] >= '5') {
                // The first digit is exactly at the rounding position: round into a new digit.
                first--;
                n++;
                pointPos++;
                keep = 1;
            }
        }
        if (keep > 0 && (keep < n || n > maxDigits)) {
            keep = Math.min(keep, maxDigits);
            boolean roundUp = z[first + keep] >= '5';
            n = keep;
            if (roundUp) {
                int j = first + keep - 1;
                while (true) {
                    if (z[j] < '9') {
                        z[j]++;
                        break;
                    }
                    z[j] = '0';
                    if (j == first) {
                        z[--first] = '1';
                        n++;
                        pointPos++;
                        break;
                    }
                    j--;
                }
            }
        }
        while (n > 1 && z[first + n - 1] == '0') {
            n--;
        }
        return new Decoded(negative, new String(z, first, n), pointPos);
    }

    private static String padOrCut(String digits, int length) {
        if (digits.length() >= length) {
            return digits.substring(0, length);
        }
        return digits + "0".repeat(length - digits.length());
    }
}
