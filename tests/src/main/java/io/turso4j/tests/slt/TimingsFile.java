package io.turso4j.tests.slt;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes every query's timing as one TSV line {@code file, line, micros, cpu_micros, gc_micros}
 * (see {@link QueryTiming}), so two
 * engines' runs can be compared query by query (e.g. turso4j against SQLite, {@link
 * TimingsComparison}). Thread-safe (a lock, not
 * {@code synchronized}, since writing may block).
 */
final class TimingsFile implements Consumer<QueryTiming>, AutoCloseable {

    static final String HEADER = "file\tline\tmicros\tcpu_micros\tgc_micros";

    private final BufferedWriter out;
    private final ReentrantLock lock = new ReentrantLock();

    TimingsFile(Path path) throws IOException {
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        out.write(HEADER + "\n");
    }

    @Override
    public void accept(QueryTiming t) {
        lock.lock();
        try {
            out.write(t.file() + "\t" + t.line() + "\t" + t.nanos() / 1000 + "\t" + t.cpuNanos() / 1000 + "\t"
                    + t.gcNanos() / 1000 + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            out.close();
        } finally {
            lock.unlock();
        }
    }
}
