package io.turso4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What one shell session shares between its input loops and dot commands: the database
 * session, the output settings, stdout and stderr, and the bail flag. Owned by the shell's one
 * thread.
 *
 * <p>The database opens on first use, as in sqlite3, so that {@code .print} or {@code .help}
 * work whatever the file; if it cannot be opened the shell ends with sqlite3's message.
 */
final class ShellState implements AutoCloseable {
    private final SessionOpener opener;
    private final String io;
    private String databaseName;
    private final Path directory;
    private SqlSession session;
    private final OutputSettings settings = new OutputSettings();
    private final ShellOutput out;
    private final PrintStream err;
    private final SqlRunner runner;
    private final SqlReports reports = new SqlReports();
    private boolean bail;
    /** Commands left before a {@code .once} redirection ends (sqlite3's {@code outCount}). */
    private int onceCount;

    ShellState(SessionOpener opener, String databaseName, String io, Path directory, ShellOutput out, PrintStream err) {
        this.opener = opener;
        this.directory = directory;
        this.databaseName = databaseName;
        this.io = io;
        this.out = out;
        this.err = err;
        this.runner = new SqlRunner(this::session, settings, out);
    }

    /**
     * The open database, opening it the first time.
     *
     * @throws ShellExit (after reporting) if it cannot be opened
     */
    SqlSession session() {
        if (session == null) {
            try {
                session = opener.open(databaseName, io);
            } catch (RuntimeException e) {
                error("Error: unable to open database \"" + databaseName + "\": " + e.getMessage());
                throw new ShellExit(1);
            }
        }
        return session;
    }

    /** The database as the user named it (":memory:" when none), for {@code .show}. */
    String databaseName() {
        return databaseName;
    }

    /** {@code file} resolved against the shell's working directory. */
    Path resolve(String file) {
        return directory.resolve(file);
    }

    OutputSettings settings() {
        return settings;
    }

    ShellOutput out() {
        return out;
    }

    SqlRunner runner() {
        return runner;
    }

    /** The {@code .echo}, {@code .timer} and {@code .changes} settings and what they print. */
    SqlReports reports() {
        return reports;
    }

    boolean bail() {
        return bail;
    }

    void setBail(boolean on) {
        bail = on;
    }

    /** {@code .once}: the output redirection just made lasts for the next command only. */
    void outputOnce() {
        onceCount = 2; // this command's own end counts one, as in sqlite3
    }

    /** A command (SQL or dot) finished: ends a {@code .once} redirection after its command. */
    void commandDone() {
        if (onceCount > 0 && --onceCount == 0) {
            out.flush();
            out.restore();
        }
    }

    /** Writes one line to stderr, after what stdout holds so far. */
    void error(String text) {
        out.flush();
        err.println(text);
        err.flush();
    }

    /** {@code .open}: closes the database; {@code name} opens on next use. */
    void reopen(String name) {
        close();
        databaseName = name;
    }

    /** Closes the database if it was opened. */
    @Override
    public void close() {
        out.flush();
        out.restore();
        if (session != null) {
            SqlSession s = session;
            session = null;
            s.close();
        }
    }
}
