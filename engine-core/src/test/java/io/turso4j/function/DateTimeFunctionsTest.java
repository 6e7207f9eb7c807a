package io.turso4j.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DateTimeFunctionsTest {
    private static final Object[] TIMES = {
        "2024-02-29", "2024-02-30", "2023-02-31", "2023-04-31", "2000-01-01 12:34:56.789",
        "2000-01-01T12:34", "2000-01-01 12:34:56.9999", "12:34", "12:34:56", "24:00", "23:59:60",
        "2024-01-01 10:00+05:30", "2024-01-01 10:00 -02:15", "2024-01-01 10:00Z", "2024-01-01 10:00:00z ",
        "-0044-03-15", "0000-01-01", "-4713-11-24 12:00:00", "-4713-11-24 11:59:59", "9999-12-31 23:59:59.999",
        "10000-01-01", "2024-13-01", "2024-00-10", "2024-1-01", "abc", "", "now ", "2460000.5", " 2460000.5 ",
        "1700000000", "2024-01-31 24:00", "24:30", "24:00:01", "24:00+01:00", "2024-06-15 25:00", "2024-06-15 12:60", "1970-01-01", "1969-12-31 23:59:59",
        2460000.5, 0L, -1L, 5373484.4, 5373484.5, 1700000000L, 1700000000.5, -62135596800L, 86399L,
        null, new byte[] {'2', '0', '2', '4', '-', '0', '1', '-', '0', '1'},
    };
    private static final String[] MODIFIERS = {
        "+1 day", "-1 days", "+1.5 hours", "+90 minutes", "-30 seconds", "+3 months", "-13 months",
        "+1 year", "-2.5 years", "+1.5 months", "+0001-02-03", "-0001-02-03 04:05", "+0001-00-00 12:00:30",
        "+12:30", "-01:00:30.5", "+25:00", "start of month", "start of year", "start of day",
        "start of week", "weekday 0", "weekday 3", "weekday 6", "weekday 7", "weekday 1.5", "unixepoch",
        "julianday", "auto", "subsec", "subsecond", "floor", "ceiling", "localtime", "utc",
        "+1 fortnight", "garbage", "+1e3 seconds", "+1 DAYS", "+1 dayss", "12", "+5373485 days",
        "+1000000 years", "+14712 years", "-14713 years", "+00010-01-01", "+ 1 day", "+1  day",
        "+24:00", "+24:15", "-24:00:00.000",
    };

    @Test
    void valuesAndSingleModifiersMatchSqlite() throws Exception {
        try (Oracle oracle = new Oracle()) {
            for (String f : new String[] {"date", "time", "datetime", "julianday", "unixepoch"}) {
                for (Object t : TIMES) {
                    if (!"now ".equals(t)) {
                        oracle.scalar(f, t);
                    }
                    for (String m : MODIFIERS) {
                        if (t != null && !"now ".equals(t)) {
                            oracle.scalar(f, t, m);
                        }
                    }
                }
            }
            // An out-of-range 'auto' leaves a bare number; a later 'localtime' clears the error.
            oracle.scalar("julianday", -239838085771L, "auto", "-200.0 days", "localtime");
            oracle.scalar("julianday", -239838085771L, "auto");
            oracle.scalar("julianday", -5L, "weekday 1", "localtime");
            oracle.scalar("julianday", -5L, "start of day", "localtime");
            oracle.assertNoMismatches();
        }
    }

    @Test
    void strftimeConversionsMatchSqlite() throws Exception {
        String[] formats = {"%d|%e|%f|%F|%G|%g|%H|%k|%I|%l|%j|%J|%m|%M|%p|%P|%R|%s|%S|%T|%u|%w|%U|%V|%W|%Y|%%",
            "%", "%x", "plain é", "", "%Y-%m-%d %H:%M:%f"};
        Object[] dates = {"2024-01-01", "2023-01-01 00:00:00", "2021-01-03 13:45:07.25", "2020-12-31 23:59:59.999",
            "2026-12-28", "-0001-06-15 01:02:03", "0005-01-01", "9999-12-31 12:00", 2460000.25, 1700000000L};
        try (Oracle oracle = new Oracle()) {
            for (String f : formats) {
                for (Object d : dates) {
                    oracle.scalar("strftime", f, d);
                    oracle.scalar("strftime", f, d, "subsec");
                    oracle.scalar("strftime", f, d, "unixepoch");
                }
            }
            oracle.scalar("strftime", "%Y", null);
            oracle.scalar("strftime", null, "2024-01-01");
            oracle.assertNoMismatches();
        }
    }

    @Test
    void timediffMatchesSqlite() throws Exception {
        Object[] dates = {"2024-01-01", "2024-03-31 10:00", "2023-02-28 23:59:59.5", "2024-02-29", "2000-01-31",
            "1999-12-31 12:00:00", "-0010-05-05", "9999-12-31", "bad", null, 2460000.5};
        try (Oracle oracle = new Oracle()) {
            for (Object a : dates) {
                for (Object b : dates) {
                    oracle.scalar("timediff", a, b);
                }
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void randomModifierChainsMatchSqlite() throws Exception {
        long seed = Seeds.seed("DateTimeFunctionsTest.randomModifierChainsMatchSqlite");
        Random random = new Random(seed);
        String[] functions = {"date", "time", "datetime", "julianday", "unixepoch"};
        try (Oracle oracle = new Oracle()) {
            for (int i = 0; i < 4000; i++) {
                Object[] args = new Object[1 + random.nextInt(4)];
                args[0] = switch (random.nextInt(5)) {
                    case 0 -> random.nextDouble() * 5373484.0;
                    case 1 -> random.nextLong() % 300_000_000_000L;
                    case 2 -> (random.nextDouble() - 0.3) * 4e11;
                    default -> String.format("%04d-%02d-%02d %02d:%02d:%02d", random.nextInt(10000),
                                1 + random.nextInt(12), 1 + random.nextInt(31), random.nextInt(24),
                                random.nextInt(60), random.nextInt(60));
                };
                for (int k = 1; k < args.length; k++) {
                    args[k] = switch (random.nextInt(3)) {
                        case 0 -> MODIFIERS[random.nextInt(MODIFIERS.length)];
                        case 1 -> (random.nextBoolean() ? "+" : "-") + (random.nextInt(4000) - 1000) / 7.0
                                + " " + new String[] {"days", "hours", "minutes", "seconds", "months", "years"}[random.nextInt(6)];
                        default -> String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
                                random.nextInt(30), random.nextInt(60));
                    };
                }
                oracle.scalar(functions[random.nextInt(functions.length)], args);
                Object[] withFormat = new Object[args.length + 1];
                System.arraycopy(args, 0, withFormat, 1, args.length);
                StringBuilder fmt = new StringBuilder();
                for (int k = random.nextInt(4); k >= 0; k--) {
                    fmt.append('%').append("defFGgHkIljJmMpPRsSTuwUVWY%".charAt(random.nextInt(27)))
                            .append(random.nextBoolean() ? " " : "");
                }
                withFormat[0] = fmt.toString();
                oracle.scalar("strftime", withFormat);
            }
            oracle.assertNoMismatches();
        }
    }

    @Test
    void nowComesFromTheContextClock() throws Exception {
        StubContext ctx = new StubContext();
        ctx.now = 1_700_000_000_123L;
        try (Oracle oracle = new Oracle()) {
            String viaUnix = "datetime(?, 'unixepoch', 'subsec')";
            oracle.expression(viaUnix, new Object[] {1_700_000_000.123}, Oracle.ours(ctx, "datetime", "now", "subsec"));
            oracle.expression("datetime(?, 'unixepoch')", new Object[] {1_700_000_000L}, Oracle.ours(ctx, "datetime"));
            oracle.expression("date(?, 'unixepoch')", new Object[] {1_700_000_000L}, Oracle.ours(ctx, "current_date"));
            oracle.expression("unixepoch(?, 'unixepoch')", new Object[] {1_700_000_000L}, Oracle.ours(ctx, "unixepoch", "NOW"));
            oracle.assertNoMismatches();
        }
        double subsec = 1_700_000_000_123L / 1000.0;
        assertEquals("real " + subsec + "/" + Long.toHexString(Double.doubleToRawLongBits(subsec)),
                Oracle.ours(ctx, "unixepoch", "subsec"));
    }
}
