package io.turso4j.function;

import io.turso4j.value.NumericText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One date-time value being computed by the date and time functions, as SQLite's
 * {@code DateTime} in date.c (<a href="https://www.sqlite.org/lang_datefunc.html">Date And
 * Time Functions</a>): a Julian day number in milliseconds ({@link #iJD}) and/or
 * year-month-day and hour-minute-second fields, each with a validity flag, converted into one
 * another lazily ({@link #computeJD}, {@link #computeYMD}, {@link #computeHMS}).
 *
 * <p>Invariants: when {@link #validJD} is set, {@link #iJD} is the value; when {@link #validYMD}
 * or {@link #validHMS} is set, those fields agree with it (or are the source it will be computed
 * from); {@link #rawS} means {@link #s} holds a bare number not yet interpreted (as a Julian day,
 * or as unix seconds by a modifier); {@link #isError} means the value is out of range and the
 * function returns NULL. Mutable; one per function call.
 */
final class DateTime {
    /** Milliseconds from the Julian epoch to the unix epoch. */
    static final long UNIX_EPOCH_JD_MS = 210866760000000L;
    /** The last valid Julian day in ms: 9999-12-31 23:59:59.999. */
    private static final long MAX_JD_MS = 464269060799999L;
    private static final long DAY_MS = 86400000L;

    long iJD;
    int year;
    int month;
    int day;
    int hour;
    int minute;
    /** Timezone offset in minutes, from a "+HH:MM" suffix. */
    int tz;
    double s;
    boolean validJD;
    boolean validYMD;
    boolean validHMS;
    /** Days to go back for the "floor" modifier when the day overflowed its month. */
    int nFloor;
    boolean rawS;
    boolean isError;
    boolean useSubsec;
    boolean isUtc;
    boolean isLocal;

    DateTime copy() {
        return new DateTime().copyFrom(this);
    }

    /** Makes this value a copy of {@code o}. */
    DateTime copyFrom(DateTime o) {
        iJD = o.iJD;
        year = o.year;
        month = o.month;
        day = o.day;
        hour = o.hour;
        minute = o.minute;
        tz = o.tz;
        s = o.s;
        validJD = o.validJD;
        validYMD = o.validYMD;
        validHMS = o.validHMS;
        nFloor = o.nFloor;
        rawS = o.rawS;
        isError = o.isError;
        useSubsec = o.useSubsec;
        isUtc = o.isUtc;
        isLocal = o.isLocal;
        return this;
    }

    /** Resets to the error state (every field zero). */
    void setError() {
        copyFrom(new DateTime());
        isError = true;
    }

    static boolean validJulianDay(long jd) {
        return jd >= 0 && jd <= MAX_JD_MS;
    }

    void computeJD() {
        if (validJD) {
            return;
        }
        int y;
        int m;
        int d;
        if (validYMD) {
            y = year;
            m = month;
            d = day;
        } else {
            y = 2000;
            m = 1;
            d = 1;
        }
        if (y < -4713 || y > 9999 || rawS) {
            setError();
            return;
        }
        if (m <= 2) {
            y--;
            m += 12;
        }
        int a = (y + 4800) / 100;
        int b = 38 - a + (a / 4);
        int x1 = 36525 * (y + 4716) / 100;
        int x2 = 306001 * (m + 1) / 10000;
        iJD = (long) ((x1 + x2 + d + b - 1524.5) * 86400000);
        validJD = true;
        if (validHMS) {
            iJD += hour * 3600000L + minute * 60000L + (long) (s * 1000 + 0.5);
            if (tz != 0) {
                iJD -= tz * 60000L;
                validYMD = false;
                validHMS = false;
                tz = 0;
                isUtc = true;
                isLocal = false;
            } else if (hour == 24) {
                // 24:00 is 00:00 of the next day: the fields are recomputed from the day number.
                validYMD = false;
                validHMS = false;
            }
        }
    }

    void computeYMD() {
        if (validYMD) {
            return;
        }
        if (!validJD) {
            year = 2000;
            month = 1;
            day = 1;
        } else if (!validJulianDay(iJD)) {
            setError();
            return;
        } else {
            int z = (int) ((iJD + 43200000) / DAY_MS);
            int alpha = (int) ((z + 32044.75) / 36524.25) - 52;
            int a = z + 1 + alpha - ((alpha + 100) / 4) + 25;
            int b = a + 1524;
            int c = (int) ((b - 122.1) / 365.25);
            int d = (36525 * (c & 32767)) / 100;
            int e = (int) ((b - d) / 30.6001);
            int x1 = (int) (30.6001 * e);
            day = b - d - x1;
            month = e < 14 ? e - 1 : e - 13;
            year = month > 2 ? c - 4716 : c - 4715;
        }
        validYMD = true;
    }

    void computeHMS() {
        if (validHMS) {
            return;
        }
        computeJD();
        int dayMs = (int) ((iJD + 43200000) % DAY_MS);
        s = (dayMs % 60000) / 1000.0;
        int dayMin = dayMs / 60000;
        minute = dayMin % 60;
        hour = dayMin / 60;
        rawS = false;
        validHMS = true;
    }

    void computeYMDHMS() {
        computeYMD();
        computeHMS();
    }

    void clearYMDHMSTZ() {
        validYMD = false;
        validHMS = false;
        tz = 0;
    }

    /** How many days "floor" must step back when the day is past the end of its month. */
    void computeFloor() {
        if (day <= 28) {
            nFloor = 0;
        } else if (((1 << month) & 0x15aa) != 0) {
            nFloor = 0;
        } else if (month != 2) {
            nFloor = day == 31 ? 1 : 0;
        } else if (year % 4 != 0 || (year % 100 == 0 && year % 400 != 0)) {
            nFloor = day - 28;
        } else {
            nFloor = day - 29;
        }
    }

    /** The statement's 'now': UTC, from the context's clock. */
    void setToCurrent(FunctionContext ctx) {
        iJD = ctx.currentTimeMillis() + UNIX_EPOCH_JD_MS;
        validJD = true;
        isUtc = true;
        isLocal = false;
        clearYMDHMSTZ();
    }

    /** A bare number: a Julian day unless a modifier says otherwise. */
    void setRawNumber(double r) {
        s = r;
        rawS = true;
        if (r >= 0.0 && r < 5373484.5) {
            iJD = (long) (r * 86400000.0 + 0.5);
            validJD = true;
        }
    }

    // ---- parsing ------------------------------------------------------------------------

    /** Text parsing works on the bytes as Latin-1 chars, so positions are byte positions. */
    static String latin1(byte[] z) {
        return new String(z, StandardCharsets.ISO_8859_1);
    }

    static char at(String z, int i) {
        return i < z.length() ? z.charAt(i) : 0;
    }

    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Maxima for the third letter of a {@link #getDigits} spec: a..f. */
    private static final int[] DIGIT_MAX = {12, 14, 24, 31, 59, 14712};

    /**
     * date.c's getDigits: reads fixed-width numbers described by 4-character specs (count,
     * minimum, maximum letter, separator) into {@code out}; returns how many were read.
     */
    static int getDigits(String z, int i, String format, int[] out) {
        int cnt = 0;
        int f = 0;
        char next;
        do {
            int n = format.charAt(f) - '0';
            int min = format.charAt(f + 1) - '0';
            int max = DIGIT_MAX[format.charAt(f + 2) - 'a'];
            next = f + 3 < format.length() ? format.charAt(f + 3) : 0;
            int val = 0;
            while (n-- > 0) {
                char c = at(z, i);
                if (!isDigit(c)) {
                    return cnt;
                }
                val = val * 10 + c - '0';
                i++;
            }
            if (val < min || val > max || (next != 0 && next != at(z, i))) {
                return cnt;
            }
            out[cnt++] = val;
            i++;
            f += 4;
        } while (next != 0);
        return cnt;
    }

    /** A "[+-]HH:MM" or "Z" suffix; true on a syntax error. */
    private boolean parseTimezone(String z, int i) {
        while (isSpace(at(z, i))) {
            i++;
        }
        tz = 0;
        char c = at(z, i);
        int sign;
        if (c == '-') {
            sign = -1;
        } else if (c == '+') {
            sign = 1;
        } else if (c == 'Z' || c == 'z') {
            i++;
            isLocal = false;
            isUtc = true;
            while (isSpace(at(z, i))) {
                i++;
            }
            return at(z, i) != 0;
        } else {
            return c != 0;
        }
        i++;
        int[] hm = new int[2];
        if (getDigits(z, i, "20b:20e", hm) != 2) {
            return true;
        }
        i += 5;
        tz = sign * (hm[1] + hm[0] * 60);
        while (isSpace(at(z, i))) {
            i++;
        }
        return at(z, i) != 0;
    }

    /** "HH:MM[:SS[.FFF]]" and an optional timezone; true on a syntax error. */
    boolean parseHhMmSs(String z, int i) {
        int[] hm = new int[2];
        if (getDigits(z, i, "20c:20e", hm) != 2) {
            return true;
        }
        i += 5;
        int sec;
        double ms = 0.0;
        if (at(z, i) == ':') {
            i++;
            int[] sv = new int[1];
            if (getDigits(z, i, "20e", sv) != 1) {
                return true;
            }
            sec = sv[0];
            i += 2;
            if (at(z, i) == '.' && isDigit(at(z, i + 1))) {
                double scale = 1.0;
                i++;
                while (isDigit(at(z, i))) {
                    ms = ms * 10.0 + at(z, i) - '0';
                    scale *= 10.0;
                    i++;
                }
                ms /= scale;
                if (ms > 0.999) {
                    ms = 0.999; // truncate rather than round up to the next second
                }
            }
        } else {
            sec = 0;
        }
        if (hm[0] == 24 && (hm[1] != 0 || sec != 0 || ms != 0)) {
            return true; // 24:00 is the only time in the 24th hour
        }
        validJD = false;
        rawS = false;
        validHMS = true;
        hour = hm[0];
        minute = hm[1];
        s = sec + ms;
        return parseTimezone(z, i);
    }

    /** "[-]YYYY-MM-DD" followed by an optional time; true on a syntax error. */
    private boolean parseYyyyMmDd(String z) {
        int i = 0;
        boolean neg = false;
        if (at(z, 0) == '-') {
            i++;
            neg = true;
        }
        int[] ymd = new int[3];
        if (getDigits(z, i, "40f-21a-21d", ymd) != 3) {
            return true;
        }
        i += 10;
        while (isSpace(at(z, i)) || at(z, i) == 'T') {
            i++;
        }
        if (!parseHhMmSs(z, i)) {
            // got the time
        } else if (at(z, i) == 0) {
            validHMS = false;
        } else {
            return true;
        }
        validJD = false;
        validYMD = true;
        year = neg ? -ymd[0] : ymd[0];
        month = ymd[1];
        day = ymd[2];
        computeFloor();
        if (tz != 0 || (validHMS && hour == 24)) {
            computeJD();
        }
        return false;
    }

    /** The first argument of a date function as text; true when it is not a date. */
    boolean parseDateOrTime(FunctionContext ctx, String z) {
        if (!parseYyyyMmDd(z)) {
            return false;
        } else if (!parseHhMmSs(z, 0)) {
            return false;
        } else if (z.equalsIgnoreCase("now")) {
            setToCurrent(ctx);
            return false;
        }
        byte[] b = z.getBytes(StandardCharsets.ISO_8859_1);
        if (NumericText.realKind(b, 0, b.length) > 0) {
            setRawNumber(NumericText.parseReal(b, 0, b.length));
            return false;
        } else if (z.equalsIgnoreCase("subsec") || z.equalsIgnoreCase("subsecond")) {
            useSubsec = true;
            setToCurrent(ctx);
            return false;
        }
        return true;
    }

    // ---- local time ---------------------------------------------------------------------

    /**
     * Shifts a UTC value to local time in the JVM's default zone. Outside 1970..2037 the year
     * is first mapped to an equivalent one inside that range, as SQLite does for localtime_r.
     */
    void toLocaltime() {
        computeJD();
        int yearDiff;
        long t;
        if (iJD < 2108667600L * 100000 || iJD > 2130141456L * 100000) {
            DateTime x = copy();
            x.computeYMDHMS();
            yearDiff = (2000 + x.year % 4) - x.year;
            x.year += yearDiff;
            x.validJD = false;
            x.computeJD();
            t = x.iJD / 1000 - 21086676L * 10000;
        } else {
            yearDiff = 0;
            t = iJD / 1000 - 21086676L * 10000;
        }
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(t), ZoneId.systemDefault());
        year = local.getYear() - yearDiff;
        month = local.getMonthValue();
        day = local.getDayOfMonth();
        hour = local.getHour();
        minute = local.getMinute();
        s = local.getSecond() + (iJD % 1000) * 0.001;
        validYMD = true;
        validHMS = true;
        validJD = false;
        rawS = false;
        tz = 0;
        isError = false;
    }
}
