package io.turso4j.tests.slt;

import io.turso4j.sql.lexer.StatementSplitter;

import java.io.BufferedInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one .test file against a fresh database of an engine and counts the outcome (FORMAT.md
 * §2–§8). The hash threshold starts at 8 and the label map empty; nothing carries over between
 * files. A {@code halt} that applies, or a record of unknown type, ends the file.
 *
 * <p>{@link #run()} is called once, by the thread that runs the file. {@link #cancel()} may be
 * called from any other thread: the run then stops before its next record (the statement in
 * flight is interrupted where the engine supports it) and reports a timeout.
 */
public final class SltFileRunner {

    /** The engine name skipif/onlyif lines are matched against: turso4j answers as SQLite does. */
    public static final String CONDITION_ENGINE_NAME = "sqlite";
    /** For each query's thread CPU time: both engines run a query on the calling thread. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The threshold before any {@code hash-threshold} record (harness: DEFAULT_HASH_THRESHOLD). */
    public static final int DEFAULT_HASH_THRESHOLD = 8;

    private final SltEngine engine;
    private final Path path;
    private final String name;
    private final Consumer<QueryTiming> timings;
    private final int repeat;

    private volatile boolean cancelled;
    private volatile SltDatabase database;

    private int passed;
    private int failed;
    private int skipped;
    private int lastLine;
    private final List<Failure> failures = new ArrayList<>();

    /**
     * @param name    how reports name the file (e.g. its path relative to the corpus root)
     * @param timings receives the timing of every query executed; called from the running thread
     */
    public SltFileRunner(SltEngine engine, Path path, String name, Consumer<QueryTiming> timings) {
        this(engine, path, name, timings, 1);
    }

    /**
     * @param repeat how many times each query runs: the first run's result is checked, and the
     *     fastest run's time is reported (at least 1)
     */
    public SltFileRunner(SltEngine engine, Path path, String name, Consumer<QueryTiming> timings, int repeat) {
        this.engine = engine;
        this.path = path;
        this.name = name;
        this.timings = timings;
        this.repeat = Math.max(1, repeat);
    }

    /** Asks a run in progress on another thread to stop; see the class comment. */
    public void cancel() {
        cancelled = true;
        SltDatabase db = database;
        if (db != null) {
            db.interrupt();
        }
    }

    /** Runs the file to its end (or halt, or cancellation) and returns its counts. */
    public FileResult run() {
        long start = System.nanoTime();
        try (SltParser parser = new SltParser(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
             SltDatabase db = engine.openDatabase()) {
            database = db;
            runRecords(parser, db);
        } catch (IOException e) {
            fail(lastLine, FailureCategory.ENGINE_ERROR, "", List.of(), List.of(), "cannot read the file: " + e);
        } catch (SltEngineException e) {
            fail(lastLine, FailureCategory.ENGINE_ERROR, "", List.of(), List.of(), e.getMessage());
        }
        if (cancelled) {
            fail(lastLine, FailureCategory.TIMEOUT, "", List.of(), List.of(),
                    "the file overran its time limit; it stopped at this record");
        }
        return new FileResult(name, passed, failed, skipped, System.nanoTime() - start, failures);
    }

    private void runRecords(SltParser parser, SltDatabase db) throws IOException {
        int threshold = DEFAULT_HASH_THRESHOLD;
        LabelBook labels = new LabelBook();
        SltRecord record;
        while (!cancelled && (record = parser.next()) != null) {
            lastLine = record.line();
            if (Condition.skips(record.conditions(), CONDITION_ENGINE_NAME)) {
                countSkipped(record, labels);
                continue;
            }
            switch (record) {
                case SltRecord.HashThreshold h -> threshold = h.threshold();
                case SltRecord.Halt _ -> {
                    return;
                }
                case SltRecord.Unknown u -> {
                    fail(u.line(), FailureCategory.BAD_RECORD, "", List.of(), List.of(),
                            "unknown record type, the file stops here: " + u.firstLine());
                    return;
                }
                case SltRecord.Statement s -> runStatement(db, s);
                case SltRecord.Query q -> runQuery(db, q, threshold, labels);
            }
        }
    }

    /**
     * A skipped statement or query counts as skipped, except that a skipped labelled query still
     * puts its expected hash into the label map, and fails if that disagrees (FORMAT.md §7.4).
     */
    private void countSkipped(SltRecord record, LabelBook labels) {
        switch (record) {
            case SltRecord.Query q when q.label() != null && LabelBook.expectedHash(q.expected()) != null -> {
                String expectedHash = LabelBook.expectedHash(q.expected());
                String before = labels.hashOf(q.label());
                if (labels.agrees(q.label(), expectedHash)) {
                    skipped++;
                } else {
                    fail(q.line(), FailureCategory.LABEL_MISMATCH, q.sql(), q.expected(), List.of(),
                            "skipped query's expected result (hash " + expectedHash + ") disagrees with label "
                                    + q.label() + " (hash " + before + ")");
                }
            }
            case SltRecord.Query _, SltRecord.Statement _ -> skipped++;
            default -> { }
        }
    }

    private void runStatement(SltDatabase db, SltRecord.Statement s) {
        if (!s.expectation().equals("ok") && !s.expectation().equals("error")) {
            fail(s.line(), FailureCategory.BAD_RECORD, s.sql(), List.of(), List.of(),
                    "statement expectation must be ok or error, not '" + s.expectation() + "'");
            return;
        }
        boolean expectError = s.expectation().equals("error");
        String error = null;
        try {
            db.executeScript(s.sql());
        } catch (SltEngineException e) {
            error = e.getMessage();
        }
        if (expectError && error == null) {
            fail(s.line(), FailureCategory.STATEMENT_ERROR_SUCCEEDED, s.sql(), List.of("an error"),
                    List.of("success"), "");
        } else if (!expectError && error != null) {
            fail(s.line(), FailureCategory.STATEMENT_OK_FAILED, s.sql(), List.of("success"),
                    List.of("an error"), error);
        } else {
            passed++;
        }
    }

    private void runQuery(SltDatabase db, SltRecord.Query q, int threshold, LabelBook labels) {
        String malformation = QueryChecker.malformation(q);
        if (malformation != null) {
            fail(q.line(), FailureCategory.BAD_RECORD, q.sql(), q.expected(), List.of(), malformation);
            return;
        }
        // The harness prepares the query once and ignores any text after its first statement.
        String sql = firstStatement(q.sql());
        QueryOutcome outcome = null;
        QueryTiming fastest = null;
        for (int run = 0; run < repeat && (run == 0 || !cancelled); run++) {
            long gcStart = GcPauses.totalNanos();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            QueryOutcome o = db.query(sql);
            long nanos = System.nanoTime() - start;
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
            if (fastest == null || nanos < fastest.nanos()) {
                fastest = new QueryTiming(name, q.line(), q.sql(), nanos, cpuNanos, GcPauses.totalNanos() - gcStart);
            }
            outcome = outcome == null ? o : outcome;
        }
        timings.accept(fastest);
        switch (outcome) {
            case QueryOutcome.PrepareFailed p -> fail(q.line(), FailureCategory.QUERY_PREPARE_FAILED, q.sql(),
                    q.expected(), List.of(), p.message());
            case QueryOutcome.Rows rows -> {
                QueryChecker.Verdict v = QueryChecker.check(q, rows, threshold);
                String before = q.label() == null ? null : labels.hashOf(q.label());
                boolean labelAgrees = q.label() == null || v.md5() == null || labels.agrees(q.label(), v.md5());
                String labelNote = labelAgrees ? "" : "labeled result does not agree with previous values (label "
                        + q.label() + ": " + before + ", this query: " + v.md5() + ")";
                if (!v.passed()) {
                    fail(q.line(), v.failure(), q.sql(), q.expected(), v.got(), join(v.detail(), labelNote));
                } else if (!labelAgrees) {
                    fail(q.line(), FailureCategory.LABEL_MISMATCH, q.sql(), q.expected(), v.got(), labelNote);
                } else {
                    passed++;
                }
            }
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private void fail(int line, FailureCategory category, String sql, List<String> expected, List<String> got,
                      String detail) {
        failed++;
        failures.add(new Failure(name, line, category, sql, expected, got, detail == null ? "" : detail));
    }

    /** A query is one statement: like sqlite3_prepare_v2, ignore any text after the first. */
    private static String firstStatement(String sql) {
        String stripped = sql.strip();
        if (!stripped.isEmpty() && sql.indexOf(';') < 0 && sql.indexOf("--") < 0 && sql.indexOf("/*") < 0) {
            return stripped; // one statement and no comment: what the splitter gives, without lexing
        }
        List<String> statements = StatementSplitter.split(sql);
        return statements.isEmpty() ? sql : statements.getFirst();
    }
}
