package io.turso4j.function;

import java.util.Random;

/**
 * Seeded generators of arguments with a function's own structure, so random calls reach past
 * the argument checks: time values in every format SQLite accepts (and near misses), date
 * modifiers, strftime formats with every specifier, printf specs with flags, widths and
 * precisions, and numbers at the edges of what the math and string functions take.
 */
final class CallShapes {
    /** strftime's specifiers, plus two it rejects. */
    static final String SPECIFIERS = "dfHjJmMsSwWYeFGgIklpPRTuUV%xE";
    static final String PRINTF_CONVERSIONS = "diuxXoprfeEgGsqQwzcjJ";
    private static final String[] UNITS = {"day", "days", "hour", "hours", "minute", "minutes", "second",
        "seconds", "month", "months", "year", "years", "DAYS", "Hours", "fortnight"};
    private static final String[] WORDS = {"start of month", "start of year", "start of day", "weekday 0",
        "weekday 1", "weekday 6", "weekday 7", "weekday -1", "weekday 1.0", "weekday 1.5", "unixepoch",
        "julianday", "auto", "subsec", "subsecond", "ceiling", "floor", "START OF MONTH", "Start of Day",
        "start of  day", "weekday  3", "start of week", "utc2", "", " ", "+", "-"};

    private final Random random;
    private final ArgPool pool;

    CallShapes(ArgPool pool) {
        this.pool = pool;
        this.random = pool.random();
    }

    Random random() {
        return random;
    }

    ArgPool pool() {
        return pool;
    }

    /** A time value: mostly well-formed text of one of the accepted formats, sometimes a number or junk. */
    Object timeValue() {
        return switch (random.nextInt(12)) {
            case 0 -> random.nextDouble() * 5373484.5;
            case 1 -> random.nextLong() % 300_000_000_000L;
            case 2 -> (random.nextDouble() - 0.3) * 4e11;
            case 3 -> edgeNumber();
            case 4 -> random.nextBoolean() ? Double.toString(random.nextDouble() * 5373484.5)
                    : Long.toString(random.nextLong() % 300_000_000_000L);
            case 5 -> pool.next();
            case 6 -> time() + zone();
            case 7 -> mutate(date() + " " + time() + zone());
            default -> pad(date() + (random.nextInt(4) == 0 ? "" : (random.nextBoolean() ? " " : "T") + time()) + zone());
        };
    }

    /** {@code s} with one character dropped, doubled or replaced: the near misses a parser must reject or accept as SQLite does. */
    String mutate(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int at = random.nextInt(s.length());
        String junk = "0123456789 +-.:TtZz\u00a0e";
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, at) + s.substring(at + 1);
            case 1 -> s.substring(0, at) + s.charAt(at) + s.substring(at);
            default -> s.substring(0, at) + junk.charAt(random.nextInt(junk.length())) + s.substring(at + 1);
        };
    }

    private String pad(String s) {
        return switch (random.nextInt(10)) {
            case 0 -> " " + s;
            case 1 -> s + " ";
            case 2 -> s + "x";
            default -> s;
        };
    }

    private String date() {
        int year = switch (random.nextInt(8)) {
            case 0 -> random.nextInt(20000) - 5000;
            case 1 -> new int[] {0, 1, 1582, 1970, 2000, 9999, -4713, -1}[random.nextInt(8)];
            default -> 1900 + random.nextInt(200);
        };
        int month = random.nextInt(10) == 0 ? random.nextInt(15) : 1 + random.nextInt(12);
        int day = random.nextInt(10) == 0 ? random.nextInt(33) : 1 + random.nextInt(28 + random.nextInt(4));
        String y = year < 0 ? String.format("-%04d", -year) : String.format("%04d", year);
        return y + "-" + digits(month, 2) + "-" + digits(day, 2);
    }

    private String digits(int v, int width) {
        return random.nextInt(30) == 0 ? Integer.toString(v) : String.format("%0" + width + "d", v);
    }

    private String time() {
        int hour = random.nextInt(12) == 0 ? random.nextInt(26) : random.nextInt(24);
        int minute = random.nextInt(12) == 0 ? random.nextInt(62) : random.nextInt(60);
        StringBuilder sb = new StringBuilder(digits(hour, 2)).append(':').append(digits(minute, 2));
        if (random.nextInt(4) != 0) {
            sb.append(':').append(digits(random.nextInt(12) == 0 ? random.nextInt(62) : random.nextInt(60), 2));
            if (random.nextBoolean()) {
                sb.append('.');
                for (int i = random.nextInt(9); i >= 0; i--) {
                    sb.append((char) ('0' + random.nextInt(10)));
                }
            }
        }
        return sb.toString();
    }

    private String zone() {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextBoolean() ? "Z" : "z";
            case 1 -> (random.nextBoolean() ? " " : "") + (random.nextBoolean() ? "+" : "-")
                    + digits(random.nextInt(16), 2) + ":" + digits(random.nextInt(61), 2);
            case 2 -> (random.nextBoolean() ? "+" : "-") + digits(random.nextInt(16), 2) + digits(random.nextInt(60), 2);
            default -> "";
        };
    }

    /** One modifier: a signed count of a unit, a signed time or date-time shift, or a keyword. */
    String modifier() {
        if (random.nextInt(8) == 0) {
            return mutate(modifier());
        }
        String sign = random.nextInt(5) == 0 ? "" : random.nextBoolean() ? "+" : "-";
        return switch (random.nextInt(7)) {
            case 0, 1 -> sign + number() + (random.nextInt(15) == 0 ? "  " : " ") + UNITS[random.nextInt(UNITS.length)];
            case 2 -> sign + time();
            case 3 -> (random.nextBoolean() ? "+" : "-") + date().replaceFirst("^-", "")
                    + (random.nextBoolean() ? " " + time() : "");
            default -> WORDS[random.nextInt(WORDS.length)];
        };
    }

    private String number() {
        return switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(100));
            case 1 -> Integer.toString(random.nextInt(10_000_000));
            case 2 -> String.format("%.3f", random.nextDouble() * 1000);
            case 3 -> (random.nextInt(100) + 1) + "e" + random.nextInt(4);
            case 4 -> new String[] {"0", ".5", "5.", "1e400", "0x10", "9223372036854775808", "1.5e-3"}[random.nextInt(7)];
            default -> Integer.toString(random.nextInt(400));
        };
    }

    /** A strftime format of a few specifiers and literals. */
    String strftimeFormat() {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(5); k >= 0; k--) {
            sb.append('%').append(SPECIFIERS.charAt(random.nextInt(SPECIFIERS.length())));
            if (random.nextInt(3) == 0) {
                sb.append(random.nextBoolean() ? " " : "é-");
            }
        }
        if (random.nextInt(20) == 0) {
            sb.append('%');
        }
        return sb.toString();
    }

    /** A number at the edges: 2^63 and around it, 2^53, huge and tiny reals, infinities. */
    Object edgeNumber() {
        return switch (random.nextInt(12)) {
            case 0 -> Long.MAX_VALUE - random.nextInt(3);
            case 1 -> Long.MIN_VALUE + random.nextInt(3);
            case 2 -> 9.223372036854775807e18 * (random.nextBoolean() ? 1 : -1);
            case 3 -> Math.nextDown(9.223372036854775807e18);
            case 4 -> (double) (1L << 53) + random.nextInt(3);
            case 5 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 6 -> Math.scalb(random.nextDouble(), random.nextInt(2100) - 1075);
            case 7 -> random.nextInt(2001) / 100.0 - 10;
            case 8 -> "9223372036854775807";
            case 9 -> random.nextBoolean() ? "-9223372036854775808" : "9223372036854775808";
            case 10 -> (long) random.nextInt(2_000_000) - 1_000_000;
            default -> random.nextInt(200) - 100 + (random.nextBoolean() ? 0.5 : 0.0);
        };
    }

    /** An integer-ish argument (position, count, precision): small, huge or not an integer at all. */
    Object count() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pool.smallInt();
            case 2 -> edgeNumber();
            case 3 -> (long) random.nextInt(40) - 5;
            default -> pool.next();
        };
    }

    /** Text of the characters the string functions treat specially, sometimes with invalid UTF-8 or NULs. */
    Object text() {
        return switch (random.nextInt(8)) {
            case 0 -> {
                byte[] b = new byte[random.nextInt(6)];
                random.nextBytes(b);
                yield new Oracle.RawText(b);
            }
            case 1 -> pool.text() + "\u0000" + pool.text();
            case 2 -> "\uD83D\uDE00" + pool.text() + "ß";
            default -> pool.text();
        };
    }

    /** A '*' width or precision: small, or a value whose int conversion is small (no gigabyte strings). */
    private Object star() {
        Object[] odd = {null, "5", "-3", "abc", 2.7, -3.5, 4294967297L, Long.MAX_VALUE, Long.MIN_VALUE, new byte[] {'7'}};
        return random.nextInt(5) == 0 ? odd[random.nextInt(odd.length)] : (Object) ((long) random.nextInt(41) - 20);
    }

    /** A printf format of one to three conversions and the arguments it consumes. */
    Object[] printfCall() {
        StringBuilder fmt = new StringBuilder();
        java.util.List<Object> args = new java.util.ArrayList<>();
        args.add(null);
        for (int k = random.nextInt(3); k >= 0; k--) {
            if (random.nextInt(3) == 0) {
                fmt.append("é.");
            }
            fmt.append('%');
            for (int f = random.nextInt(3); f > 0; f--) {
                fmt.append("-+ #!0,".charAt(random.nextInt(7)));
            }
            switch (random.nextInt(4)) {
                case 0 -> fmt.append(random.nextInt(25));
                case 1 -> {
                    fmt.append('*');
                    args.add(star());
                }
                default -> {
                }
            }
            switch (random.nextInt(4)) {
                case 0 -> fmt.append('.').append(random.nextInt(30));
                case 1 -> {
                    fmt.append(".*");
                    args.add(star());
                }
                default -> {
                }
            }
            fmt.append(PRINTF_CONVERSIONS.charAt(random.nextInt(PRINTF_CONVERSIONS.length())));
            args.add(switch (random.nextInt(4)) {
                case 0 -> edgeNumber();
                case 1 -> text();
                default -> pool.next();
            });
        }
        if (random.nextInt(10) == 0) {
            args.removeLast(); // fewer arguments than conversions
        }
        args.set(0, fmt.toString());
        return args.toArray();
    }
}
