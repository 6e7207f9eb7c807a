package io.turso4j.storage.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real sqlite3 command line shell, the oracle for the storage tests (format, pager,
 * B-tree, integrity).
 */
public final class Sqlite3 {
    public static final String BINARY = "/usr/bin/sqlite3";

    private Sqlite3() {}

    /** Runs {@code script} (SQL and dot-commands) against {@code db}; returns stdout. */
    public static String run(Path db, String script) throws IOException, InterruptedException {
        Path input = Files.createTempFile(db.getParent(), "script", ".sql");
        Files.writeString(input, script);
        Process p = new ProcessBuilder(BINARY, "-batch", "-bail", db.toString())
                .redirectInput(input.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("sqlite3 timed out");
        }
        Files.delete(input);
        if (p.exitValue() != 0) {
            throw new IOException("sqlite3 failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    /** Runs {@code script} against {@code db}; returns stdout without surrounding whitespace. */
    public static String output(Path db, String script) throws IOException, InterruptedException {
        return run(db, script).strip();
    }

    /** Runs a query and returns its output lines, columns separated by '|'. */
    public static List<String> query(Path db, String sql) throws IOException, InterruptedException {
        return run(db, ".mode list\n.separator |\n" + sql + ";\n").lines().toList();
    }

    /** The single value a one-row, one-column query returns. */
    static String scalar(Path db, String sql) throws IOException, InterruptedException {
        List<String> lines = query(db, sql);
        if (lines.size() != 1) {
            throw new IOException("expected one line from " + sql + ", got " + lines);
        }
        return lines.get(0);
    }

    /** The expression that renders column {@code c} as {@link Render} does. */
    static String render(String c) {
        return "typeof(" + c + ")||':'||CASE typeof(" + c + ")"
                + " WHEN 'real' THEN printf('%.17g'," + c + ")"
                + " WHEN 'text' THEN hex(" + c + ")"
                + " WHEN 'blob' THEN hex(" + c + ")"
                + " WHEN 'null' THEN '' ELSE " + c + " END";
    }
}
