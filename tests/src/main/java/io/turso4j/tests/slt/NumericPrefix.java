package io.turso4j.tests.slt;

import java.nio.charset.StandardCharsets;

/**
 * SQLite's conversions of TEXT and BLOB bytes to numbers, as {@code sqlite3_column_int64} and
 * {@code sqlite3_column_double} apply them (and {@code CAST(x AS INTEGER|REAL)}): skip leading
 * whitespace, then take the longest numeric prefix; no digits gives 0. Stateless; any thread.
 */
final class NumericPrefix {

    private static final String LONG_MIN_MAGNITUDE = "9223372036854775808";

    private NumericPrefix() {}

    /** The leading integer of {@code bytes}: sign and digits; overflow saturates. */
    static long toLong(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int i = skipSpace(s, 0);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i++) == '-';
        }
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        int digitsStart = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        String digits = s.substring(digitsStart, i);
        int cmp = digits.length() != LONG_MIN_MAGNITUDE.length()
                ? Integer.compare(digits.length(), LONG_MIN_MAGNITUDE.length())
                : digits.compareTo(LONG_MIN_MAGNITUDE);
        if (cmp >= 0) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        long magnitude = digits.isEmpty() ? 0 : Long.parseLong(digits);
        return negative ? -magnitude : magnitude;
    }

    /** The leading real number of {@code bytes}: sign, digits, point, digits, exponent. */
    static double toDouble(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int start = skipSpace(s, 0);
        int i = start;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int mantissaDigits = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
            mantissaDigits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return 0.0;
        }
        int mantissaEnd = i;
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
                j++;
            }
            int expDigitsStart = j;
            while (j < s.length() && isDigit(s.charAt(j))) {
                j++;
            }
            if (j > expDigitsStart) {
                mantissaEnd = j;
            }
        }
        // Java's grammar accepts every prefix cut above ("1.", ".5", "1.e5") and rounds correctly.
        return Double.parseDouble(s.substring(start, mantissaEnd));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && SltParser.isCSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
