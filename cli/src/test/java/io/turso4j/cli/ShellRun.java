package io.turso4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One in-process run of the shell for a test: its stdout bytes, stderr text and exit code.
 *
 * @param stdout what the shell wrote to stdout
 * @param stderr what it wrote to stderr
 * @param exitCode its exit code
 */
record ShellRun(byte[] stdout, String stderr, int exitCode) {

    /** Runs the shell non-interactively with {@code stdin} as its input. */
    static ShellRun of(SessionOpener opener, Path directory, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Shell.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false, opener, directory);
        return new ShellRun(out.toByteArray(), err.toString(StandardCharsets.UTF_8), code);
    }

    /** Runs on a fresh in-memory SQLite (through sqlite-jdbc) in the current directory. */
    static ShellRun onSqlite(String stdin, String... args) {
        return of((file, io) -> new SqliteJdbcSession(file), Path.of(""), stdin, args);
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
