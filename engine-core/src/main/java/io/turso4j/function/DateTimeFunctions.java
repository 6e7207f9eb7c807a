package io.turso4j.function;

import io.turso4j.value.LengthLimit;
import io.turso4j.value.Register;

/**
 * SQLite's date and time functions (<a href="https://www.sqlite.org/lang_datefunc.html">Date
 * And Time Functions</a>): {@code date}, {@code time}, {@code datetime}, {@code julianday},
 * {@code unixepoch}, {@code strftime}, {@code timediff}, and {@code current_date},
 * {@code current_time}, {@code current_timestamp}. Every one returns NULL for an argument that
 * is not a date or a modifier that does not apply. 'now' is the context's clock, and
 * 'localtime'/'utc' use the JVM's default time zone.
 *
 * <p>Stateless; any thread.
 */
final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    static void register(FunctionRegistry.Builder b) {
        b.variadic("date", 0, (ctx, a, s, n, out) -> withDate(ctx, a, s, n, out, DateTimeFunctions::date));
        b.variadic("time", 0, (ctx, a, s, n, out) -> withDate(ctx, a, s, n, out, DateTimeFunctions::time));
        b.variadic("datetime", 0,
                (ctx, a, s, n, out) -> withDate(ctx, a, s, n, out, DateTimeFunctions::datetime));
        b.variadic("julianday", 0, (ctx, a, s, n, out) -> {
            DateTime d = isDate(ctx, a, s, n);
            if (d == null) {
                out.setNull();
            } else {
                out.setReal(d.iJD / 86400000.0);
            }
        });
        b.variadic("unixepoch", 0, (ctx, a, s, n, out) -> {
            DateTime d = isDate(ctx, a, s, n);
            if (d == null) {
                out.setNull();
            } else if (d.useSubsec) {
                out.setReal((d.iJD - DateTime.UNIX_EPOCH_JD_MS) / 1000.0);
            } else {
                out.setInt(d.iJD / 1000 - DateTime.UNIX_EPOCH_JD_MS / 1000);
            }
        });
        b.variadic("strftime", 0, DateTimeFunctions::strftime);
        b.scalar("timediff", 2, DateTimeFunctions::timediff);
        b.scalar("current_date", 0, (ctx, a, s, n, out) -> withDate(ctx, a, s, 0, out, DateTimeFunctions::date));
        b.scalar("current_time", 0, (ctx, a, s, n, out) -> withDate(ctx, a, s, 0, out, DateTimeFunctions::time));
        b.scalar("current_timestamp", 0,
                (ctx, a, s, n, out) -> withDate(ctx, a, s, 0, out, DateTimeFunctions::datetime));
        for (String name : new String[] {"current_date", "current_time", "current_timestamp"}) {
            b.nonDeterministic(name);
        }
    }

    /**
     * date.c's isDate: the value of {@code args[s]} (now when there are no arguments) with
     * the modifiers {@code args[s+1 ..]} applied; null when any of it is invalid.
     */
    static DateTime isDate(FunctionContext ctx, Register[] a, int s, int n) {
        DateTime p = new DateTime();
        if (n == 0) {
            p.setToCurrent(ctx);
            return p;
        }
        Register first = a[s];
        if (first.type().isNumeric()) {
            p.setRawNumber(first.toDouble());
        } else {
            byte[] z = Utf8.cTextOf(first);
            if (z == null || p.parseDateOrTime(ctx, DateTime.latin1(z))) {
                return null;
            }
        }
        for (int i = 1; i < n; i++) {
            byte[] z = Utf8.cTextOf(a[s + i]);
            if (z == null || !DateModifier.apply(DateTime.latin1(z), p, i)) {
                return null;
            }
        }
        p.computeJD();
        if (p.isError || !DateTime.validJulianDay(p.iJD)) {
            return null;
        }
        if (n == 1 && p.validYMD && p.day > 28) {
            p.validYMD = false; // normalise e.g. 2023-02-31 to 2023-03-03
        }
        return p;
    }

    private interface Render {
        String render(DateTime d);
    }

    private static void withDate(FunctionContext ctx, Register[] a, int s, int n, Register out, Render r) {
        DateTime d = isDate(ctx, a, s, n);
        if (d == null) {
            out.setNull();
        } else {
            d.computeYMDHMS();
            out.setText(r.render(d));
        }
    }

    private static String date(DateTime d) {
        return yearText(d.year) + "-" + two(d.month) + "-" + two(d.day);
    }

    private static String time(DateTime d) {
        return two(d.hour) + ":" + two(d.minute) + ":" + seconds(d);
    }

    private static String datetime(DateTime d) {
        return date(d) + " " + time(d);
    }

    /** The year as date.c writes it: four digits (mod 10000), with a '-' before a negative year. */
    private static String yearText(int y) {
        int a = Math.abs(y);
        String digits = "" + (char) ('0' + (a / 1000) % 10) + (char) ('0' + (a / 100) % 10)
                + (char) ('0' + (a / 10) % 10) + (char) ('0' + a % 10);
        return y < 0 ? "-" + digits : digits;
    }

    private static String two(int v) {
        return "" + (char) ('0' + (v / 10) % 10) + (char) ('0' + v % 10);
    }

    private static String seconds(DateTime d) {
        if (d.useSubsec) {
            int ms = (int) (1000.0 * d.s + 0.5);
            return "" + (char) ('0' + (ms / 10000) % 10) + (char) ('0' + (ms / 1000) % 10) + '.'
                    + (char) ('0' + (ms / 100) % 10) + (char) ('0' + (ms / 10) % 10) + (char) ('0' + ms % 10);
        }
        return two((int) d.s);
    }

    // ---- strftime -----------------------------------------------------------------------

    private static void strftime(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        byte[] fmtBytes = n == 0 ? null : Utf8.cTextOf(a[s]);
        DateTime x = fmtBytes == null ? null : isDate(ctx, a, s + 1, n - 1);
        if (x == null) {
            out.setNull();
            return;
        }
        x.computeJD();
        x.computeYMDHMS();
        // Work on the bytes as Latin-1 chars so non-ASCII text passes through unchanged.
        String fmt = DateTime.latin1(fmtBytes);
        StringBuilder res = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                res.append(c);
                continue;
            }
            char cf = DateTime.at(fmt, ++i);
            String piece = conversion(cf, x);
            if (piece == null) {
                out.setNull();
                return;
            }
            res.append(piece);
        }
        byte[] r = res.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        LengthLimit.check(r.length);
        out.setText(r, 0, r.length);
    }

    /** One strftime conversion, or null for an unknown one (which makes the result NULL). */
    private static String conversion(char cf, DateTime x) {
        return switch (cf) {
            case 'd' -> PrintfFormat.format("%02d", (long) x.day);
            case 'e' -> PrintfFormat.format("%2d", (long) x.day);
            case 'f' -> PrintfFormat.format("%06.3f", Math.min(x.s, 59.999));
            case 'F' -> PrintfFormat.format("%04d-%02d-%02d", (long) x.year, (long) x.month, (long) x.day);
            case 'G', 'g' -> {
                DateTime y = thursdayOfWeek(x);
                yield cf == 'g' ? PrintfFormat.format("%02d", (long) (y.year % 100))
                        : PrintfFormat.format("%04d", (long) y.year);
            }
            case 'H' -> PrintfFormat.format("%02d", (long) x.hour);
            case 'k' -> PrintfFormat.format("%2d", (long) x.hour);
            case 'I', 'l' -> {
                int h = x.hour > 12 ? x.hour - 12 : x.hour;
                if (h == 0) {
                    h = 12;
                }
                yield PrintfFormat.format(cf == 'I' ? "%02d" : "%2d", (long) h);
            }
            case 'j' -> PrintfFormat.format("%03d", (long) daysAfterJan01(x) + 1);
            case 'J' -> PrintfFormat.format("%.16g", x.iJD / 86400000.0);
            case 'm' -> PrintfFormat.format("%02d", (long) x.month);
            case 'M' -> PrintfFormat.format("%02d", (long) x.minute);
            case 'p' -> x.hour >= 12 ? "PM" : "AM";
            case 'P' -> x.hour >= 12 ? "pm" : "am";
            case 'R' -> PrintfFormat.format("%02d:%02d", (long) x.hour, (long) x.minute);
            case 's' -> x.useSubsec
                    ? PrintfFormat.format("%.3f", (x.iJD - DateTime.UNIX_EPOCH_JD_MS) / 1000.0)
                    : Long.toString(x.iJD / 1000 - DateTime.UNIX_EPOCH_JD_MS / 1000);
            case 'S' -> PrintfFormat.format("%02d", (long) (int) x.s);
            case 'T' -> PrintfFormat.format("%02d:%02d:%02d", (long) x.hour, (long) x.minute, (long) (int) x.s);
            case 'u', 'w' -> {
                int d = daysAfterSunday(x);
                yield Integer.toString(d == 0 && cf == 'u' ? 7 : d);
            }
            case 'U' -> PrintfFormat.format("%02d", (long) ((daysAfterJan01(x) - daysAfterSunday(x) + 7) / 7));
            case 'V' -> PrintfFormat.format("%02d", (long) (daysAfterJan01(thursdayOfWeek(x)) / 7 + 1));
            case 'W' -> PrintfFormat.format("%02d", (long) ((daysAfterJan01(x) - daysAfterMonday(x) + 7) / 7));
            case 'Y' -> PrintfFormat.format("%04d", (long) x.year);
            case '%' -> "%";
            default -> null;
        };
    }

    /** The Thursday of the ISO week holding {@code x}. */
    private static DateTime thursdayOfWeek(DateTime x) {
        DateTime y = x.copy();
        y.iJD += (3 - daysAfterMonday(x)) * 86400000L;
        y.validYMD = false;
        y.computeYMD();
        return y;
    }

    private static int daysAfterJan01(DateTime d) {
        DateTime jan01 = d.copy();
        jan01.validJD = false;
        jan01.month = 1;
        jan01.day = 1;
        jan01.computeJD();
        return (int) ((d.iJD - jan01.iJD + 43200000) / 86400000);
    }

    private static int daysAfterMonday(DateTime d) {
        return (int) (((d.iJD + 43200000) / 86400000) % 7);
    }

    private static int daysAfterSunday(DateTime d) {
        return (int) (((d.iJD + 129600000) / 86400000) % 7);
    }

    // ---- timediff -----------------------------------------------------------------------

    /** timediff(A, B): A - B as "+YYYY-MM-DD HH:MM:SS.SSS", in calendar years and months first. */
    private static void timediff(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        DateTime d1 = isDate(ctx, a, s, 1);
        DateTime d2 = d1 == null ? null : isDate(ctx, a, s + 1, 1);
        if (d2 == null) {
            out.setNull();
            return;
        }
        d1.computeYMDHMS();
        d2.computeYMDHMS();
        // Walk d2 towards d1 by whole years, then months, then step back one month while it
        // overshoots; what remains of the gap is days and time.
        boolean forward = d1.iJD >= d2.iJD;
        int dir = forward ? 1 : -1;
        char sign = forward ? '+' : '-';
        int y = dir * (d1.year - d2.year);
        if (y != 0) {
            d2.year = d1.year;
            d2.validJD = false;
            d2.computeJD();
        }
        int m = dir * (d1.month - d2.month);
        if (m < 0) {
            y--;
            m += 12;
        }
        if (m != 0) {
            d2.month = d1.month;
            d2.validJD = false;
            d2.computeJD();
        }
        while (forward ? d1.iJD < d2.iJD : d1.iJD > d2.iJD) {
            m--;
            if (m < 0) {
                m = 11;
                y--;
            }
            d2.month -= dir;
            if (d2.month < 1) {
                d2.month = 12;
                d2.year--;
            } else if (d2.month > 12) {
                d2.month = 1;
                d2.year++;
            }
            d2.validJD = false;
            d2.computeJD();
        }
        d1.iJD = dir * (d1.iJD - d2.iJD);
        d1.iJD += 1486995408L * 100000L; // the span as a time after 0000-01-01 00:00
        d1.clearYMDHMSTZ();
        d1.computeYMDHMS();
        out.setText(PrintfFormat.format("%c%04d-%02d-%02d %02d:%02d:%06.3f", String.valueOf(sign),
                (long) y, (long) m, (long) (d1.day - 1), (long) d1.hour, (long) d1.minute, d1.s));
    }
}
