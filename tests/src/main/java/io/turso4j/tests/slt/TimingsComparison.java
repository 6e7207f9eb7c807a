package io.turso4j.tests.slt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * This run's query times against another run's ({@code --compare-timings}, a {@link
 * TimingsFile} written by, say, {@code --engine sqlite}): how many queries took more than
 * {@value #LIMIT}× as long here, by wall clock (and how many of those had a collection inside
 * them), by wall clock less this run's collection time, and by the thread's CPU time, and the
 * worst of them. Only queries that took at least {@value #FLOOR_MICROS} µs there are judged: below
 * that, a microsecond's timer step or a cache miss makes any ratio. Thread-safe (a lock, not
 * {@code synchronized}).
 */
final class TimingsComparison implements Consumer<QueryTiming> {
    static final int LIMIT = 10;
    static final long FLOOR_MICROS = 100;

    /** One query of the other run: wall and CPU time in µs (CPU -1 when the file had none). */
    private record Theirs(long micros, long cpuMicros) {}

    private record Judged(String where, long micros, long cpuMicros, long gcMicros, Theirs theirs) {
        double wallRatio() {
            return (double) micros / Math.max(1, theirs.micros);
        }

        double wallLessGcRatio() {
            return (double) Math.max(0, micros - gcMicros) / Math.max(1, theirs.micros);
        }

        double cpuRatio() {
            return theirs.cpuMicros < 0 ? wallRatio() : (double) cpuMicros / Math.max(1, theirs.cpuMicros);
        }
    }

    private final Path path;
    private final Map<String, Theirs> theirs;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Judged> judged = new ArrayList<>();
    private int matched;

    private TimingsComparison(Path path, Map<String, Theirs> theirs) {
        this.path = path;
        this.theirs = theirs;
    }

    /** Reads a timings file: {@code file, line, micros[, cpu_micros]} after a header line. */
    static TimingsComparison read(Path path) throws IOException {
        Map<String, Theirs> theirs = new HashMap<>();
        List<String> lines = Files.readAllLines(path);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split("\t");
            if (f.length < 3) {
                throw new IOException(path + ": not a timings line: " + line);
            }
            theirs.put(f[0] + ":" + f[1], new Theirs(Long.parseLong(f[2]), f.length > 3 ? Long.parseLong(f[3]) : -1));
        }
        return new TimingsComparison(path, theirs);
    }

    @Override
    public void accept(QueryTiming t) {
        String where = t.file() + ":" + t.line();
        Theirs other = theirs.get(where);
        if (other == null) {
            return;
        }
        lock.lock();
        try {
            matched++;
            if (other.micros >= FLOOR_MICROS) {
                judged.add(new Judged(where, t.nanos() / 1000, t.cpuNanos() / 1000, t.gcNanos() / 1000, other));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Prints the counts and the {@code shown} worst queries by CPU time. */
    void report(PrintStream out, int shown) {
        lock.lock();
        try {
            long overWall = judged.stream().filter(j -> j.wallRatio() > LIMIT).count();
            long overWallWithGc = judged.stream().filter(j -> j.wallRatio() > LIMIT && j.gcMicros > 0).count();
            long overWallLessGc = judged.stream().filter(j -> j.wallLessGcRatio() > LIMIT).count();
            long overCpu = judged.stream().filter(j -> j.cpuRatio() > LIMIT).count();
            out.printf("%nCompared with %s: %d queries in both, %d of them took %d µs or more there.%n", path,
                    matched, judged.size(), FLOOR_MICROS);
            out.printf("Over %d× as long here: %d by wall clock (%d of them with a GC pause inside), %d by wall clock"
                    + " less GC pauses, %d by thread CPU time.%n", LIMIT, overWall, overWallWithGc, overWallLessGc,
                    overCpu);
            List<Judged> worst = new ArrayList<>(judged);
            worst.sort(Comparator.comparingDouble(Judged::cpuRatio).reversed());
            for (Judged j : worst.subList(0, Math.min(shown, worst.size()))) {
                out.printf("  %6.1f× CPU %6.1f× wall  here %d µs (CPU %d), there %d µs (CPU %d)  %s%n", j.cpuRatio(),
                        j.wallRatio(), j.micros, j.cpuMicros, j.theirs.micros, j.theirs.cpuMicros, j.where);
            }
        } finally {
            lock.unlock();
        }
    }
}
