package io.turso4j.tests.slt;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a run's report: the per-file table as files finish, then the first failures in detail,
 * the slowest queries, a per-folder summary, and last, alone on its line,
 * {@code N passed, N failed, N skipped}. Used by the main thread only.
 */
final class SltReport {

    private static final int LINES_SHOWN_PER_SECTION = 20;
    private static final int SQL_CHARS_IN_SLOWEST = 100;

    private final PrintStream out;
    private final int nameWidth;
    private final List<FileResult> results = new ArrayList<>();
    private final Map<String, long[]> groups = new LinkedHashMap<>();

    SltReport(PrintStream out, int nameWidth) {
        this.out = out;
        this.nameWidth = Math.max(nameWidth, "file".length());
    }

    void header() {
        out.println(String.format(Locale.ROOT, "%-" + nameWidth + "s %8s %8s %8s %9s",
                "file", "passed", "failed", "skipped", "seconds"));
    }

    /** Prints one table row and remembers the result; {@code group} is its folder for the summary. */
    void file(FileResult r, String group) {
        results.add(r);
        long[] g = groups.computeIfAbsent(group, k -> new long[5]);
        g[0] += r.passed();
        g[1] += r.failed();
        g[2] += r.skipped();
        g[3]++;
        g[4] += r.nanos();
        out.println(String.format(Locale.ROOT, "%-" + nameWidth + "s %8d %8d %8d %9.2f",
                r.file(), r.passed(), r.failed(), r.skipped(), r.seconds()));
        out.flush();
    }

    /** The closing sections; returns the total number of failures. */
    int finish(int maxFailuresShown, List<QueryTiming> slowest, String engineDescription, double seconds) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        List<Failure> failures = new ArrayList<>();
        for (FileResult r : results) {
            passed += r.passed();
            failed += r.failed();
            skipped += r.skipped();
            failures.addAll(r.failures());
        }
        failures(failures, maxFailuresShown);
        slowest(slowest);
        groups();
        out.println();
        out.println(String.format(Locale.ROOT, "%d files in %.1f s on %s", results.size(), seconds, engineDescription));
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        out.flush();
        return failed;
    }

    private void failures(List<Failure> failures, int maxShown) {
        if (failures.isEmpty() || maxShown == 0) {
            return;
        }
        int shown = Math.min(maxShown, failures.size());
        out.println();
        out.println("First " + shown + " of " + failures.size() + " failures:");
        for (Failure f : failures.subList(0, shown)) {
            out.println();
            out.println("FAIL " + f.file() + ":" + f.line() + "  " + f.category());
            section("sql", f.sql().isEmpty() ? List.of() : List.of(f.sql().split("\n")));
            if (!f.expected().isEmpty() || !f.got().isEmpty()) {
                section("expected", f.expected());
                section("got", f.got());
            }
            if (!f.detail().isEmpty()) {
                out.println("  detail: " + f.detail());
            }
        }
    }

    private void section(String title, List<String> lines) {
        out.println("  " + title + " (" + lines.size() + " line" + (lines.size() == 1 ? "" : "s") + "):");
        for (String line : lines.subList(0, Math.min(lines.size(), LINES_SHOWN_PER_SECTION))) {
            out.println("    " + line);
        }
        if (lines.size() > LINES_SHOWN_PER_SECTION) {
            out.println("    ... " + (lines.size() - LINES_SHOWN_PER_SECTION) + " more");
        }
    }

    private void slowest(List<QueryTiming> slowest) {
        if (slowest.isEmpty()) {
            return;
        }
        out.println();
        out.println("Slowest queries:");
        for (QueryTiming t : slowest) {
            String sql = t.sql().replace('\n', ' ');
            if (sql.length() > SQL_CHARS_IN_SLOWEST) {
                sql = sql.substring(0, SQL_CHARS_IN_SLOWEST) + "...";
            }
            out.println(String.format(Locale.ROOT, "  %10.3f ms  %s:%d  %s", t.nanos() / 1e6, t.file(), t.line(), sql));
        }
    }

    private void groups() {
        if (groups.size() < 2) {
            return;
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-16s %6s %8s %8s %8s %9s %9s", "folder", "files", "passed", "failed",
                "skipped", "pass rate", "seconds"));
        for (Map.Entry<String, long[]> e : groups.entrySet()) {
            long[] g = e.getValue();
            long executed = g[0] + g[1];
            double rate = executed == 0 ? 100.0 : 100.0 * g[0] / executed;
            out.println(String.format(Locale.ROOT, "%-16s %6d %8d %8d %8d %8.3f%% %9.2f", e.getKey(), g[3], g[0], g[1],
                    g[2], rate, g[4] / 1e9));
        }
    }
}
