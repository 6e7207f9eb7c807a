package io.turso4j.tests.slt;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The sqllogictest command line ({@code ./slt} at the repository root; see
 * {@link SltOptions#USAGE}). Runs the files one after another, each on its own thread so a file
 * that overruns {@code --timeout-per-file} can be stopped; the main thread only waits and prints.
 * The system property {@code slt.defaultPath} names the corpus to run when no path is given.
 */
public final class SltMain {

    /** How long a cancelled file gets to notice before it is abandoned. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(30);

    private SltMain() {}

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code (0 all passed, 1 failures, 2 usage error). */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        SltOptions options;
        SltEngine engine;
        List<TestFiles.TestFile> files;
        try {
            options = SltOptions.parse(args, System.getProperty("slt.defaultPath"));
            engine = engine(options.engine());
            files = TestFiles.find(options.paths());
        } catch (SltOptions.UsageException e) {
            if (e.getMessage().isEmpty()) {
                out.print(SltOptions.USAGE);
                return 0;
            }
            err.println("slt: " + e.getMessage());
            err.print(SltOptions.USAGE);
            return 2;
        } catch (IOException e) {
            err.println("slt: " + e.getMessage());
            return 2;
        }
        String engineDescription;
        try {
            engineDescription = describe(engine);
        } catch (SltEngineException e) {
            err.println("slt: " + e.getMessage());
            return 2;
        }
        SlowestQueries slowest = new SlowestQueries(options.slowestShown());
        TimingsFile timingsFile = null;
        try {
            Consumer<QueryTiming> timings = slowest;
            if (options.timingsOut() != null) {
                timingsFile = new TimingsFile(options.timingsOut());
                timings = timings.andThen(timingsFile);
            }
            TimingsComparison comparison = null;
            if (options.compareTimings() != null) {
                comparison = TimingsComparison.read(options.compareTimings());
                timings = timings.andThen(comparison);
            }
            int width = files.stream().mapToInt(f -> f.name().length()).max().orElse(0);
            SltReport report = new SltReport(out, width);
            report.header();
            long start = System.nanoTime();
            for (TestFiles.TestFile file : files) {
                report.file(runFile(engine, file, options, timings, err), file.group());
            }
            int failed = report.finish(options.maxFailuresShown(), slowest.slowestFirst(), engineDescription,
                    (System.nanoTime() - start) / 1e9);
            if (comparison != null) {
                comparison.report(out, options.slowestShown());
            }
            return failed == 0 ? 0 : 1;
        } catch (IOException e) {
            err.println("slt: cannot read or write timings: " + e.getMessage());
            return 2;
        } finally {
            closeQuietly(timingsFile, err);
        }
    }

    /** The engine named on the command line. */
    private static SltEngine engine(String name) throws SltOptions.UsageException {
        return switch (name) {
            case "sqlite" -> new SqliteJdbcEngine();
            case "turso4j" -> new Turso4jEngine();
            default -> throw new SltOptions.UsageException("unknown engine " + name + " (sqlite or turso4j)");
        };
    }

    private static String describe(SltEngine engine) throws SltEngineException {
        if (engine instanceof SqliteJdbcEngine) {
            return "sqlite (SQLite " + SqliteJdbcEngine.sqliteVersion() + " via sqlite-jdbc)";
        }
        return engine.name();
    }

    /** Runs one file on its own thread, stopping it if it overruns {@code timeout}. */
    private static FileResult runFile(SltEngine engine, TestFiles.TestFile file, SltOptions options,
                                      Consumer<QueryTiming> timings, PrintStream err)
            throws InterruptedException {
        Duration timeout = options.timeoutPerFile();
        SltFileRunner runner = new SltFileRunner(engine, file.path(), file.name(), timings, options.repeat());
        AtomicReference<FileResult> result = new AtomicReference<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().daemon().name("slt " + file.name()).start(() -> {
            try {
                result.set(runner.run());
            } catch (Throwable t) {
                crash.set(t);
            }
        });
        if (!thread.join(timeout)) {
            runner.cancel();
            thread.join(CANCEL_GRACE);
        }
        if (result.get() != null) {
            return result.get();
        }
        String why = crash.get() != null
                ? "the runner crashed: " + crash.get()
                : "the file overran its time limit of " + timeout.toSeconds() + " s and did not stop when cancelled";
        FailureCategory category = crash.get() != null ? FailureCategory.ENGINE_ERROR : FailureCategory.TIMEOUT;
        if (crash.get() != null) {
            crash.get().printStackTrace(err);
        }
        return new FileResult(file.name(), 0, 1, 0, 0,
                List.of(new Failure(file.name(), 0, category, "", List.of(), List.of(), why)));
    }

    private static void closeQuietly(TimingsFile timingsFile, PrintStream err) {
        if (timingsFile == null) {
            return;
        }
        try {
            timingsFile.close();
        } catch (IOException e) {
            err.println("slt: cannot write timings: " + e.getMessage());
        }
    }
}
