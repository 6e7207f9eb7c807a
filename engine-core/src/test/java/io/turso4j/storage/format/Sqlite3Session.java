package io.turso4j.storage.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A sqlite3 process kept running between scripts, so a test can look at its files mid-session
 * (e.g. a WAL that a clean exit would checkpoint away) and then kill it.
 */
public final class Sqlite3Session implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final Path marker;
    private int scripts;

    public Sqlite3Session(Path db) throws IOException {
        this.marker = db.resolveSibling(db.getFileName() + ".done");
        this.process = new ProcessBuilder(Sqlite3.BINARY, "-batch", db.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        this.stdin = process.getOutputStream();
    }

    /**
     * Feeds {@code script} and waits until sqlite3 has executed all of it: its output is not
     * flushed to a pipe, so the script ends by creating a marker file, which happens only after
     * every statement before it has finished.
     */
    public void run(String script) throws IOException, InterruptedException {
        Path done = marker.resolveSibling(marker.getFileName() + "." + scripts++);
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

    /** Kills the process as a crash would: no checkpoint, no cleanup. */
    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException("sqlite3 did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while killing sqlite3", e);
        }
    }
}
