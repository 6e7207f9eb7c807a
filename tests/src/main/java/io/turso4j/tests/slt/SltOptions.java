package io.turso4j.tests.slt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SltMain}, parsed. Immutable.
 *
 * @param paths            files and folders to run, as given (never empty once parsed)
 * @param engine           "sqlite" (the oracle) or "turso4j"
 * @param maxFailuresShown how many failures the report details
 * @param timeoutPerFile   how long one file may run before it is stopped and counted as failed
 * @param slowestShown     how many of the slowest queries the report lists
 * @param timingsOut       where to write every query's timing as TSV, or null
 * @param compareTimings   another run's timings to compare this run's with, or null
 * @param repeat           how many times each query runs; its fastest run is timed (at least 1)
 */
public record SltOptions(List<String> paths, String engine, int maxFailuresShown, Duration timeoutPerFile,
                         int slowestShown, Path timingsOut, Path compareTimings, int repeat) {

    static final String USAGE = """
            usage: slt [options] [FILE.test | FOLDER]...
              Runs sqllogictest files (folders are searched for *.test) and prints a per-file
              table, the first failures in detail, the slowest queries, and "N passed, N failed".
              Exit code 0 when nothing failed, 1 otherwise, 2 on a usage error.
              With no path, runs the corpus at ../shared/slt.
            options:
              --engine sqlite|turso4j     engine to test (default sqlite: SQLite via sqlite-jdbc)
              --max-failures-shown N      failures to print in detail (default 10)
              --timeout-per-file SECONDS  stop a file that runs longer and count it failed (default 600)
              --slowest N                 slowest queries to list (default 10)
              --timings-out FILE          write every query's time as TSV (file, line, micros,
                                          cpu_micros: the thread's CPU time, gc_micros: the
                                          collectors' time meanwhile, to the millisecond)
              --compare-timings FILE      compare each query's time with FILE's (a --timings-out of
                                          another run, e.g. --engine sqlite): counts the queries
                                          over 10x as long, by wall clock, by wall clock less GC
                                          pauses and by CPU time
              --repeat N                  run each query N times and time its fastest run: its
                                          time warm, without first-use costs (default 1; the
                                          first run's result is the one checked)
            """;

    /** Thrown for a command line that cannot be run (message says why), or for help (empty message). */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Parses {@code args}; {@code defaultPath} (may be null) is used when no path is given. */
    static SltOptions parse(String[] args, String defaultPath) throws UsageException {
        List<String> paths = new ArrayList<>();
        String engine = "sqlite";
        int maxFailures = 10;
        Duration timeout = Duration.ofSeconds(600);
        int slowest = 10;
        Path timingsOut = null;
        Path compareTimings = null;
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--engine" -> engine = value(args, ++i, arg);
                case "--max-failures-shown" -> maxFailures = number(args, ++i, arg);
                case "--timeout-per-file" -> timeout = Duration.ofSeconds(number(args, ++i, arg));
                case "--slowest" -> slowest = number(args, ++i, arg);
                case "--timings-out" -> timingsOut = Path.of(value(args, ++i, arg));
                case "--compare-timings" -> compareTimings = Path.of(value(args, ++i, arg));
                case "--repeat" -> repeat = Math.max(1, number(args, ++i, arg));
                case "-h", "--help" -> throw new UsageException("");
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    paths.add(arg);
                }
            }
        }
        if (paths.isEmpty()) {
            if (defaultPath == null) {
                throw new UsageException("no test file or folder given");
            }
            paths.add(defaultPath);
        }
        return new SltOptions(List.copyOf(paths), engine, maxFailures, timeout, slowest, timingsOut, compareTimings,
                repeat);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String option) throws UsageException {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a non-negative whole number, not " + v);
        }
    }
}
