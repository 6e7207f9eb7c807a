package io.turso4j.value;

/**
 * REAL → TEXT, byte for byte as SQLite renders a real when it needs its text (CAST, {@code ||},
 * TEXT affinity, {@code sqlite3_column_text}, the shell's output). Two renderings, because
 * SQLite changed it (and a third, {@link #TWENTY_DIGITS_LEGACY}, for the 3.40 shell's SQL
 * literals):
 *
 * <ul>
 *   <li>{@link #SEVENTEEN_DIGITS} — SQLite 3.52 and later (the default, and what sqlite-jdbc
 *       3.54 gives): {@code "%!.17g"} over SQLite's own binary→decimal conversion, which
 *       takes 17 digits approximately and drops trailing zeros. So {@code 0.1} stays
 *       {@code 0.1}, {@code 0.1+0.2} is {@code 0.30000000000000004}, {@code 1.0/3} is
 *       {@code 0.33333333333333332}, and whole numbers up to 10^16 print without exponent
 *       ({@code 1e16} → {@code 10000000000000000.0}).</li>
 *   <li>{@link #FIFTEEN_DIGITS_LEGACY} — SQLite 3.40 (the {@code sqlite3} command on these
 *       machines): {@code "%!.15g"} computed in x87 {@code long double}, so 15 significant
 *       digits ({@code 0.1+0.2} → {@code 0.3}, {@code 1e15} → {@code 1.0e+15}), with that
 *       arithmetic's own choices on near-ties, which this replays exactly.</li>
 * </ul>
 *
 * <p>Both: {@code "!"} means a whole number keeps {@code ".0"}; exponents have at least two
 * digits ({@code 1.0e+20}, {@code 1.0e-05}); -0.0 renders as {@code 0.0}; infinities as
 * {@code Inf} and {@code -Inf}. (NaN never reaches here: a register turns it into NULL.)
 *
 * <p>Stateless; any thread.
 */
public enum RealFormat {
    SEVENTEEN_DIGITS {
        @Override
        public String format(double r) {
            if (!Double.isFinite(r)) {
                return special(r);
            }
            boolean negative = r < 0;
            double a = negative ? -r : r;
            if (a == 0.0) {
                return layout(negative, new char[] {'0'}, 1, 17);
            }
            // 18 digits, then rounded to 17 — or fewer when fewer read back as the same double.
            int[] exp = new int[1];
            char[] z = Long.toString(DecimalConversion.toDecimal(a, 18, exp)).toCharArray();
            int n = z.length;
            int pointPos = n + exp[0];
            int keep = 17;
            if (z[15] == '9' && z[14] == '9') {
                // Just below a shorter decimal: try the prefix before the run of nines, plus one.
                int jj = 14;
                while (jj > 0 && z[jj - 1] == '9') {
                    jj--;
                }
                long v2 = jj == 0 ? 1 : prefixValue(z, jj) + 1;
                if (a == DecimalConversion.toDouble(v2, exp[0] + n - jj)) {
                    keep = jj + 1;
                }
            } else if (pointPos >= n || (z[15] == '0' && z[14] == '0' && z[13] == '0')) {
                // Just above a shorter decimal (or a whole number): try the prefix before the zeros.
                int jj = 13;
                while (z[jj - 1] == '0') {
                    jj--;
                }
                if (a == DecimalConversion.toDouble(prefixValue(z, jj), exp[0] + n - jj)) {
                    keep = jj + 1;
                }
            }
            char[] digits = new char[keep + 1];
            System.arraycopy(z, 0, digits, 1, keep);
            digits[0] = '0';
            int first = 1;
            if (z[keep] >= '5') {
                int j = keep;
                while (true) {
                    if (++digits[j] <= '9') {
                        break;
                    }
                    digits[j] = '0';
                    if (j == 1) {
                        digits[0] = '1'; // 99…9 rounded up: one more digit in front
                        first = 0;
                        pointPos++;
                        break;
                    }
                    j--;
                }
            }
            int last = digits.length;
            while (last - first > 1 && digits[last - 1] == '0') {
                last--;
            }
            return layout(negative, java.util.Arrays.copyOfRange(digits, first, last), pointPos, 17);
        }

        private static long prefixValue(char[] z, int count) {
            long v = 0;
            for (int k = 0; k < count; k++) {
                v = v * 10 + (z[k] - '0');
            }
            return v;
        }
    },

    FIFTEEN_DIGITS_LEGACY {
        @Override
        public String format(double r) {
            // 0.5 at the 15th significant digit, computed in double as 3.40 does: 5e-5 * 1e-10.
            return legacy(r, 15, 5.0e-05 * 1.0e-10);
        }
    },

    /**
     * SQLite 3.40's {@code "%!.20g"}, in x87 {@code long double} as {@link #FIFTEEN_DIGITS_LEGACY}:
     * how the 3.40 shell's quote, json and insert modes and {@code .dump} print a real
     * ({@code 50.75} → {@code 50.749999999999999998}).
     */
    TWENTY_DIGITS_LEGACY {
        @Override
        public String format(double r) {
            return legacy(r, 20, 5.0e-10 * 1.0e-10);
        }
    };

    /** 3.40 produces at most 26 digits with the "!" flag, then zeros. */
    private static final int LEGACY_MAX_DIGITS = 26;

    /**
     * SQLite 3.40's printf {@code "%!.<significant>g"}: scale into [1, 10) in long double, add
     * {@code rounder} (a double), then take one digit at a time, as its et_getdigit does.
     */
    private static String legacy(double r, int significant, double rounder) {
        if (!Double.isFinite(r)) {
            return special(r);
        }
        boolean negative = r < 0;
        Extended80 v = Extended80.of(negative ? -r : r);
        int exp = 0;
        Extended80 ten = Extended80.of(10.0);
        if (!v.isZero()) {
            Extended80 scale = Extended80.of(1.0);
            Extended80 e100 = Extended80.of(1e100);
            Extended80 e10 = Extended80.of(1e10);
            while (v.compareTo(e100.multiply(scale)) >= 0 && exp <= 350) {
                scale = scale.multiply(e100);
                exp += 100;
            }
            while (v.compareTo(e10.multiply(scale)) >= 0 && exp <= 350) {
                scale = scale.multiply(e10);
                exp += 10;
            }
            while (v.compareTo(ten.multiply(scale)) >= 0 && exp <= 350) {
                scale = scale.multiply(ten);
                exp++;
            }
            v = v.divide(scale);
            Extended80 tiny = Extended80.of(1e-8);
            Extended80 e8 = Extended80.of(1e8);
            Extended80 one = Extended80.of(1.0);
            while (v.compareTo(tiny) < 0) {
                v = v.multiply(e8);
                exp -= 8;
            }
            while (v.compareTo(one) < 0) {
                v = v.multiply(ten);
                exp--;
            }
        }
        v = v.add(Extended80.of(rounder));
        if (v.compareTo(ten) >= 0) {
            v = v.multiply(Extended80.of(0.1));
            exp++;
        }
        char[] digits = new char[significant];
        for (int k = 0; k < significant && k < LEGACY_MAX_DIGITS; k++) {
            int digit = v.toInt();
            digits[k] = (char) ('0' + digit);
            v = v.subtract(Extended80.of(digit)).multiply(ten);
        }
        int n = significant;
        while (n > 1 && digits[n - 1] == '0') {
            n--;
        }
        return layout(negative, java.util.Arrays.copyOf(digits, n), exp + 1, significant);
    }

    /** The text of {@code r}, which is not NaN. */
    public abstract String format(double r);

    private static String special(double r) {
        if (Double.isNaN(r)) {
            return "NaN";
        }
        return r > 0 ? "Inf" : "-Inf";
    }

    /**
     * printf's {@code %!.<precision>g} layout of significant digits (no trailing zeros, at
     * least one digit) whose decimal point sits after {@code pointPos} of them.
     */
    private static String layout(boolean negative, char[] digits, int pointPos, int precision) {
        int exp = pointPos - 1;
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        if (exp < -4 || exp > precision - 1) {
            sb.append(digits[0]).append('.');
            if (digits.length > 1) {
                sb.append(digits, 1, digits.length - 1);
            } else {
                sb.append('0');
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ax = Math.abs(exp);
            if (ax < 10) {
                sb.append('0');
            }
            sb.append(ax);
        } else if (exp < 0) {
            sb.append("0.");
            for (int k = -1; k > exp; k--) {
                sb.append('0');
            }
            sb.append(digits);
        } else {
            int whole = exp + 1;
            for (int k = 0; k < whole; k++) {
                sb.append(k < digits.length ? digits[k] : '0');
            }
            sb.append('.');
            if (digits.length > whole) {
                sb.append(digits, whole, digits.length - whole);
            } else {
                sb.append('0');
            }
        }
        return sb.toString();
    }
}
