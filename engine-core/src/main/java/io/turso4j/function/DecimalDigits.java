package io.turso4j.function;

import io.turso4j.value.DecimalConversion;
import java.util.Arrays;

/**
 * The decimal digits of a double as SQLite's {@code sqlite3FpDecode} (3.54) produces them for
 * printf: digits from {@link DecimalConversion#toDecimal} (18 of them, or one more than the
 * rounding needs), rounded half-up at the requested place, trailing zeros dropped.
 *
 * <p>{@code round > 0} rounds to that many significant digits; {@code round <= 0} to
 * {@code -round} digits after the decimal point; never more than {@code maxRound} significant
 * digits (16, or 26 with printf's {@code !} flag). Rounding to exactly 17 digits prefers a
 * shorter decimal that reads back as the same double, which is how {@code %!.17g} prints
 * {@code 0.1} rather than {@code 0.10000000000000001}.
 *
 * <p>Immutable once built; any thread.
 */
final class DecimalDigits {
    /** '-' or '+'. */
    final char sign;
    /** 0: a finite number; 1: infinity; 2: NaN. */
    final int special;
    /** The significant digits are {@code digits[0 .. count)}, never with a trailing zero (but "0" for zero). */
    final char[] digits;
    final int count;
    /** Position of the decimal point: the value is 0.{digits} × 10^pointPos. */
    final int pointPos;

    private DecimalDigits(char sign, int special, char[] digits, int count, int pointPos) {
        this.sign = sign;
        this.special = special;
        this.digits = digits;
        this.count = count;
        this.pointPos = pointPos;
    }

    static DecimalDigits of(double r, int round, int maxRound) {
        char sign = '+';
        if (r < 0.0) {
            sign = '-';
            r = -r;
        } else if (r == 0.0) {
            return new DecimalDigits('+', 0, new char[] {'0'}, 1, 1);
        }
        if (Double.isNaN(r)) {
            return new DecimalDigits(sign, 2, new char[0], 0, 0);
        }
        if (Double.isInfinite(r)) {
            return new DecimalDigits(sign, 1, new char[0], 0, 0);
        }
        int[] exp = new int[1];
        long v = DecimalConversion.toDecimal(r, round <= 0 || round >= 18 ? 18 : round + 1, exp);
        String raw = Long.toString(v);
        // One spare slot in front for a carry ("999" rounding up to "1000") or a leading "0".
        char[] z = new char[raw.length() + 1];
        raw.getChars(0, raw.length(), z, 1);
        int first = 1;
        int n = raw.length();
        int iDP = n + exp[0];
        if (round <= 0) {
            round = iDP - round;
            if (round == 0 && z[first] >= '5') {
                round = 1;
                z[--first] = '0';
                n++;
                iDP++;
            }
        }
        if (round > 0 && (round < n || n > maxRound)) {
            if (round > maxRound) {
                round = maxRound;
            }
            if (round == 17) {
                round = shortest(r, z, first, n, exp[0], round);
            }
            n = round;
            if (z[first + round] >= '5') {
                int j = first + round - 1;
                while (true) {
                    if (++z[j] <= '9') {
                        break;
                    }
                    z[j] = '0';
                    if (j == first) {
                        z[--first] = '1';
                        n++;
                        iDP++;
                        break;
                    }
                    j--;
                }
            }
        }
        while (n > 1 && z[first + n - 1] == '0') {
            n--;
        }
        char[] digits = Arrays.copyOfRange(z, first, first + n);
        return new DecimalDigits(sign, 0, digits, n, iDP);
    }

    /**
     * For 17-digit rounding: fewer digits when the 18-digit expansion sits just below (…99) or
     * just above (…000) a shorter decimal that converts back to exactly {@code r}.
     */
    private static int shortest(double r, char[] z, int first, int n, int exp, int round) {
        if (z[first + 15] == '9' && z[first + 14] == '9') {
            int jj = 14;
            while (jj > 0 && z[first + jj - 1] == '9') {
                jj--;
            }
            long v2 = jj == 0 ? 1 : prefix(z, first, jj) + 1;
            if (r == DecimalConversion.toDouble(v2, exp + n - jj)) {
                return jj + 1;
            }
        } else if (n + exp >= n || (z[first + 15] == '0' && z[first + 14] == '0' && z[first + 13] == '0')) {
            int jj = 13;
            while (z[first + jj - 1] == '0') {
                jj--;
            }
            if (r == DecimalConversion.toDouble(prefix(z, first, jj), exp + n - jj)) {
                return jj + 1;
            }
        }
        return round;
    }

    private static long prefix(char[] z, int first, int count) {
        long v = 0;
        for (int k = 0; k < count; k++) {
            v = v * 10 + (z[first + k] - '0');
        }
        return v;
    }
}
