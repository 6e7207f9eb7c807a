package io.turso4j.function;

import io.turso4j.value.NumericText;
import java.nio.charset.StandardCharsets;

/**
 * The modifiers of the date and time functions, applied left to right to a {@link DateTime}
 * as date.c's {@code parseModifier} does: {@code NNN days|hours|minutes|seconds|months|years},
 * {@code ±HH:MM[:SS.FFF]}, {@code ±YYYY-MM-DD[ HH:MM]}, {@code start of day|month|year},
 * {@code weekday N}, {@code unixepoch}, {@code julianday}, {@code auto}, {@code localtime},
 * {@code utc}, {@code subsec}/{@code subsecond}, {@code floor} and {@code ceiling}. Names are
 * case-insensitive.
 *
 * <p>Stateless; any thread.
 */
final class DateModifier {
    /** The "+NNN unit" transforms: name, largest magnitude (float, as SQLite keeps it), seconds per unit. */
    private static final String[] UNIT = {"second", "minute", "hour", "day", "month", "year"};
    private static final float[] LIMIT = {4.6427e+14f, 7.7379e+12f, 1.2897e+11f, 5373485.0f, 176546.0f, 14713.0f};
    private static final float[] SECONDS = {1.0f, 60.0f, 3600.0f, 86400.0f, 2592000.0f, 31536000.0f};
    private static final int MONTH = 4;
    private static final int YEAR = 5;

    private DateModifier() {
    }

    /**
     * Applies modifier {@code z} (argument number {@code idx}, 1 for the first modifier) to
     * {@code p}; false when it is not a valid modifier here, which makes the result NULL.
     */
    static boolean apply(String z, DateTime p, int idx) {
        if (z.isEmpty()) {
            return false;
        }
        char first = Character.toLowerCase(z.charAt(0));
        return switch (first) {
            case 'a' -> auto(z, p, idx);
            case 'c' -> {
                if (!z.equalsIgnoreCase("ceiling")) {
                    yield false;
                }
                p.computeJD();
                p.clearYMDHMSTZ();
                p.nFloor = 0;
                yield true;
            }
            case 'f' -> {
                if (!z.equalsIgnoreCase("floor")) {
                    yield false;
                }
                p.computeJD();
                p.iJD -= p.nFloor * 86400000L;
                p.clearYMDHMSTZ();
                yield true;
            }
            case 'j' -> {
                if (!z.equalsIgnoreCase("julianday") || idx > 1 || !(p.validJD && p.rawS)) {
                    yield false;
                }
                p.rawS = false;
                yield true;
            }
            case 'l' -> {
                if (!z.equalsIgnoreCase("localtime")) {
                    yield false;
                }
                if (!p.isLocal) {
                    p.toLocaltime();
                }
                p.isUtc = false;
                p.isLocal = true;
                yield true;
            }
            case 'u' -> unixepochOrUtc(z, p, idx);
            case 'w' -> weekday(z, p);
            case 's' -> startOfOrSubsec(z, p);
            case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> arithmetic(z, p);
            default -> false;
        };
    }

    /**
     * auto: a bare number is a Julian day if it is one, else unix seconds when in range; out of
     * range it stays a bare number (and the result NULL unless a later modifier recovers).
     */
    private static boolean auto(String z, DateTime p, int idx) {
        if (!z.equalsIgnoreCase("auto") || idx > 1) {
            return false;
        }
        if (!p.rawS || p.validJD) {
            p.rawS = false;
        } else if (p.s >= -21086676L * 10000 && p.s <= 25340230L * 10000 + 799) {
            double r = p.s * 1000.0 + DateTime.UNIX_EPOCH_JD_MS;
            p.clearYMDHMSTZ();
            p.iJD = (long) (r + 0.5);
            p.validJD = true;
            p.rawS = false;
        }
        return true;
    }

    private static boolean unixepochOrUtc(String z, DateTime p, int idx) {
        if (z.equalsIgnoreCase("unixepoch") && p.rawS) {
            if (idx > 1) {
                return false;
            }
            double r = p.s * 1000.0 + DateTime.UNIX_EPOCH_JD_MS;
            if (r >= 0.0 && r < 464269060800000.0) {
                p.clearYMDHMSTZ();
                p.iJD = (long) (r + 0.5);
                p.validJD = true;
                p.rawS = false;
                return true;
            }
            return false;
        }
        if (!z.equalsIgnoreCase("utc")) {
            return false;
        }
        if (!p.isUtc) {
            // Find the UTC time whose local time is this one (a few rounds for DST edges).
            p.computeJD();
            long orig = p.iJD;
            long guess = orig;
            long err = 0;
            int cnt = 0;
            do {
                DateTime t = new DateTime();
                guess -= err;
                t.iJD = guess;
                t.validJD = true;
                t.toLocaltime();
                t.computeJD();
                err = t.iJD - orig;
            } while (err != 0 && cnt++ < 3);
            DateTime fresh = new DateTime();
            fresh.iJD = guess;
            fresh.validJD = true;
            fresh.isUtc = true;
            p.copyFrom(fresh);
        }
        return true;
    }

    private static boolean weekday(String z, DateTime p) {
        if (z.length() < 8 || !z.regionMatches(true, 0, "weekday ", 0, 8)) {
            return false;
        }
        byte[] num = z.substring(8).getBytes(StandardCharsets.ISO_8859_1);
        if (NumericText.realKind(num, 0, num.length) <= 0) {
            return false;
        }
        double r = NumericText.parseReal(num, 0, num.length);
        // 'weekday -N' (SQLite 3.54) goes back to the latest day N on or before the date; '-0' too.
        boolean back = z.substring(8).strip().startsWith("-");
        int n = (int) Math.abs(r);
        if (!(Math.abs(r) < 7.0 && n == Math.abs(r))) {
            return false;
        }
        p.computeYMDHMS();
        p.tz = 0;
        p.validJD = false;
        p.computeJD();
        long zday = ((p.iJD + 129600000) / 86400000) % 7;
        if (back) {
            if (zday < n) {
                zday += 7;
            }
            p.iJD -= (zday - n) * 86400000L;
        } else {
            if (zday > n) {
                zday -= 7;
            }
            p.iJD += (n - zday) * 86400000L;
        }
        p.clearYMDHMSTZ();
        return true;
    }

    private static boolean startOfOrSubsec(String z, DateTime p) {
        if (z.length() < 9 || !z.regionMatches(true, 0, "start of ", 0, 9)) {
            if (z.equalsIgnoreCase("subsec") || z.equalsIgnoreCase("subsecond")) {
                p.useSubsec = true;
                return true;
            }
            return false;
        }
        if (!p.validJD && !p.validYMD && !p.validHMS) {
            return false;
        }
        String unit = z.substring(9);
        p.computeYMD();
        p.validHMS = true;
        p.hour = 0;
        p.minute = 0;
        p.s = 0.0;
        p.rawS = false;
        p.tz = 0;
        p.validJD = false;
        if (unit.equalsIgnoreCase("month")) {
            p.day = 1;
            return true;
        } else if (unit.equalsIgnoreCase("year")) {
            p.month = 1;
            p.day = 1;
            return true;
        }
        return unit.equalsIgnoreCase("day");
    }

    /** "±NNN unit", "±HH:MM[:SS.FFF]" and "±YYYY-MM-DD[ HH:MM[:SS]]". */
    private static boolean arithmetic(String z, DateTime p) {
        char z0 = z.charAt(0);
        int n;
        int[] digits = new int[3];
        for (n = 1; n < z.length(); n++) {
            char c = z.charAt(n);
            if (c == ':' || DateTime.isSpace(c)) {
                break;
            }
            if (c == '-') {
                if (n == 5 && DateTime.getDigits(z, 1, "40f", digits) == 1) {
                    break;
                }
                if (n == 6 && DateTime.getDigits(z, 1, "50f", digits) == 1) {
                    break;
                }
            }
        }
        byte[] num = z.substring(0, n).getBytes(StandardCharsets.ISO_8859_1);
        if (NumericText.realKind(num, 0, num.length) <= 0) {
            return false;
        }
        double r = NumericText.parseReal(num, 0, num.length);
        String timePart = z;
        int timeAt = n;
        if (DateTime.at(z, n) == '-') {
            // (+|-)YYYY-MM-DD: years, months (0..11) and days (0..30).
            if (z0 != '+' && z0 != '-') {
                return false;
            }
            int base = 0;
            if (n == 5) {
                if (DateTime.getDigits(z, 1, "40f-20a-20d", digits) != 3) {
                    return false;
                }
            } else {
                if (DateTime.getDigits(z, 1, "50f-20a-20d", digits) != 3) {
                    return false;
                }
                base = 1;
            }
            int y = digits[0];
            int m = digits[1];
            int d = digits[2];
            if (m >= 12 || d >= 31) {
                return false;
            }
            p.computeYMDHMS();
            p.validJD = false;
            if (z0 == '-') {
                p.year -= y;
                p.month -= m;
                d = -d;
            } else {
                p.year += y;
                p.month += m;
            }
            int x = p.month > 0 ? (p.month - 1) / 12 : (p.month - 12) / 12;
            p.year += x;
            p.month -= x * 12;
            p.computeFloor();
            p.computeJD();
            p.validHMS = false;
            p.validYMD = false;
            p.iJD += (long) d * 86400000L;
            if (DateTime.at(z, base + 11) == 0) {
                return true;
            }
            int[] hm = new int[2];
            if (DateTime.isSpace(DateTime.at(z, base + 11))
                    && DateTime.getDigits(z, base + 12, "20c:20e", hm) == 2) {
                timePart = z.substring(base + 12);
                timeAt = 2;
            } else {
                return false;
            }
        }
        if (DateTime.at(timePart, timeAt) == ':') {
            // (+|-)HH:MM[:SS.FFF]: a time of day added or subtracted.
            int start = DateTime.isDigit(DateTime.at(timePart, 0)) ? 0 : 1;
            DateTime tx = new DateTime();
            if (tx.parseHhMmSs(timePart, start)) {
                return false;
            }
            tx.computeJD();
            tx.iJD -= 43200000;
            long dayPart = tx.iJD / 86400000;
            tx.iJD -= dayPart * 86400000;
            if (z0 == '-') {
                tx.iJD = -tx.iJD;
            }
            p.computeJD();
            p.clearYMDHMSTZ();
            p.iJD += tx.iJD;
            return true;
        }
        // "NNN unit": seconds, minutes, hours, days, months or years.
        int i = n;
        while (DateTime.isSpace(DateTime.at(z, i))) {
            i++;
        }
        String unit = z.substring(Math.min(i, z.length()));
        int len = unit.length();
        if (len < 3 || len > 10) {
            return false;
        }
        if (Character.toLowerCase(unit.charAt(len - 1)) == 's') {
            len--;
        }
        p.computeJD();
        boolean ok = false;
        double rounder = r < 0 ? -0.5 : 0.5;
        p.nFloor = 0;
        for (int k = 0; k < UNIT.length; k++) {
            if (UNIT[k].length() == len && unit.regionMatches(true, 0, UNIT[k], 0, len)
                    && r > -LIMIT[k] && r < LIMIT[k]) {
                if (k == MONTH) {
                    p.computeYMDHMS();
                    p.month += (int) r;
                    int x = p.month > 0 ? (p.month - 1) / 12 : (p.month - 12) / 12;
                    p.year += x;
                    p.month -= x * 12;
                    p.computeFloor();
                    p.validJD = false;
                    r -= (int) r;
                } else if (k == YEAR) {
                    p.computeYMDHMS();
                    p.year += (int) r;
                    p.computeFloor();
                    p.validJD = false;
                    r -= (int) r;
                }
                p.computeJD();
                p.iJD += (long) (r * 1000.0 * SECONDS[k] + rounder);
                ok = true;
                break;
            }
        }
        p.clearYMDHMSTZ();
        return ok;
    }
}
