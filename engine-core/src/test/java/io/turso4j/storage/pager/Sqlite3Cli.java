package io.turso4j.storage.pager;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The sqlite3 command line shell as the pager tests' oracle: one-shot scripts
 * ({@link #run}), and a live session that a test can kill like a crash ({@link Session}),
 * leaving its WAL behind.
 */
final class Sqlite3Cli {
    static final String BINARY = "/usr/bin/sqlite3";

    private Sqlite3Cli() {}

    /** Runs {@code script} against {@code db} and returns what it printed. */
    static String run(Path db, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(BINARY, "-batch", "-bail", db.toString())
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("sqlite3 timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("sqlite3 failed (" + p.exitValue() + "): " + out);
        }
        return out.strip();
    }

    /** A sqlite3 process that keeps running between scripts until {@link #close()} kills it. */
    static final class Session implements AutoCloseable {
        private final Process process;
        private final OutputStream stdin;
        private final Path dir;
        private int scripts;

        Session(Path db) throws IOException {
            this.dir = db.getParent();
            this.process = new ProcessBuilder(BINARY, "-batch", db.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            this.stdin = process.getOutputStream();
        }

        /** Runs {@code script} and returns once sqlite3 has finished it (it then touches a marker). */
        void run(String script) throws IOException, InterruptedException {
            Path done = dir.resolve("session-done." + scripts++);
            stdin.write((script + "\n.shell touch '" + done + "'\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(done)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("sqlite3 did not finish the script");
                }
                Thread.sleep(10);
            }
        }

        /** Kills the process: no checkpoint, no cleanup, as a crash. */
        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while killing sqlite3", e);
            }
        }
    }
}
