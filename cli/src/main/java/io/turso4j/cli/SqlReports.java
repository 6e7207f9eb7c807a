package io.turso4j.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What the shell prints around a piece of SQL besides its rows, as sqlite3 3.40's {@code
 * runOneSqlLine} does: with {@code .echo on} the SQL text first; with {@code .timer on} a {@code
 * Run Time:} line after it (real, user and system seconds, user and system of the shell's thread
 * here); with {@code .changes on}, when it succeeded, the connection's {@code changes()} and
 * {@code total_changes()}. Owned by the shell's one thread.
 */
final class SqlReports {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private boolean echo;
    private boolean timer;
    private boolean changes;
    private long startNanos;
    private long startCpu;
    private long startUser;

    boolean echo() {
        return echo;
    }

    void setEcho(boolean on) {
        echo = on;
    }

    void setTimer(boolean on) {
        timer = on;
    }

    void setChanges(boolean on) {
        changes = on;
    }

    /** {@code sql} is about to run. */
    void before(ShellOutput out, String sql) {
        if (echo) {
            out.write(sql + "\n");
        }
        startNanos = System.nanoTime();
        startCpu = cpuNanos();
        startUser = userNanos();
    }

    /** The SQL ran ({@code ok} when it succeeded) on {@code session}. */
    void after(ShellOutput out, SqlSession session, boolean ok) {
        if (timer) {
            long cpu = cpuNanos() - startCpu;
            long user = userNanos() - startUser;
            out.write(String.format(Locale.ROOT, "Run Time: real %.3f user %f sys %f\n",
                    (System.nanoTime() - startNanos) / 1e9, user / 1e9, Math.max(0, cpu - user) / 1e9));
        }
        if (ok && changes) {
            try (PreparedSql counts = session.prepare("SELECT changes(), total_changes()")) {
                Object[] row = counts.nextRow();
                out.write("changes: " + row[0] + "   total_changes: " + row[1] + "\n");
            } catch (RuntimeException e) {
                // An engine without the counters has nothing to report.
            }
        }
    }

    private long cpuNanos() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private long userNanos() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadUserTime() : 0;
    }
}
