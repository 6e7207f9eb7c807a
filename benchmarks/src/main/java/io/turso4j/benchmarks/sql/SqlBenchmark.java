package io.turso4j.benchmarks.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * turso4j against SQLite (sqlite-jdbc) and H2 on the same table and the same statements, in
 * the same run: {@code t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER)} with an index on b (see
 * {@link BenchRows} for the data).
 *
 * <ul>
 *   <li>{@link #bulkInsert}: {@code bulkRows} (1M) inserts in one transaction into an empty
 *       table of a new file; single shot per iteration.
 *   <li>{@link #autocommitInserts}: {@code autocommitRows} (10k) inserts, each its own
 *       transaction (one commit, so one WAL sync under synchronous=FULL, per row); single shot.
 *   <li>{@link #pointSelectRowid}, {@link #pointSelectIndex}: one row by a random id / by its
 *       b through the index, on a table of {@code rows} (1M) loaded once per fork.
 *   <li>{@link #scanAggregate}: {@code SELECT sum(b), count(*) FROM t} over that table.
 * </ul>
 *
 * <p>Engines ({@code engine} parameter) and their settings:
 * <ul>
 *   <li>{@code turso4j}: public API, default I/O backend, WAL, synchronous=FULL (its default);
 *       {@code turso4j-normal} sets synchronous=NORMAL by PRAGMA (needs PRAGMA support);
 *   <li>{@code sqlite-full} / {@code sqlite-normal}: sqlite-jdbc, journal_mode=WAL,
 *       synchronous=FULL / NORMAL, default page size (4096) and cache (2000 KiB);
 *   <li>{@code h2}: H2 embedded file database, MODE=Regular, OPTIMIZE_REUSE_RESULTS=FALSE (else a
 *       repeated query on unchanged data is answered from a cache), default MVStore settings
 *       (H2 does not fsync on commit, so its autocommit numbers are not durable ones).
 * </ul>
 * Every statement's answer is checked, so a wrong result fails the run. Files go to a new
 * directory under {@code -Dturso4j.bench.dir} (default: the system temp directory), removed at
 * the end. Run: {@code ./benchmarks/run sql} (see README.md).
 */
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class SqlBenchmark {

    /** Opens {@code engine} on a new directory. */
    static SqlTarget open(String engine, Path dir) throws Exception {
        return switch (engine) {
            case "turso4j" -> new Turso4jTarget(dir, false);
            case "turso4j-normal" -> new Turso4jTarget(dir, true);
            case "sqlite-full" -> JdbcTarget.sqlite(dir, "FULL");
            case "sqlite-normal" -> JdbcTarget.sqlite(dir, "NORMAL");
            case "h2" -> JdbcTarget.h2(dir);
            default -> throw new IllegalArgumentException("unknown engine: " + engine);
        };
    }

    static Path newDirectory() throws IOException {
        Path base = Path.of(System.getProperty("turso4j.bench.dir", System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(base, "turso4j-sqlbench");
    }

    static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The 1M-row table with its index, loaded once per fork; read by the select benchmarks. */
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"turso4j", "sqlite-full", "sqlite-normal", "h2"})
        public String engine;

        @Param({"1000000"})
        public long rows;

        SqlTarget target;
        private Path dir;

        @Setup(Level.Trial)
        public void load() throws Exception {
            dir = newDirectory();
            target = open(engine, dir);
            target.createTable();
            target.insertInOneTransaction(rows);
            target.createIndex();
            long[] sc = target.sumAndCount();
            if (sc[0] != BenchRows.sumOfB(rows) || sc[1] != rows) {
                throw new IllegalStateException(engine + " loaded sum/count " + sc[0] + "/" + sc[1]);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            if (target != null) {
                target.close();
            }
            delete(dir);
        }
    }

    /** An empty table in a new file for every iteration; used by the insert benchmarks. */
    @State(Scope.Benchmark)
    public static class Fresh {
        @Param({"turso4j", "sqlite-full", "sqlite-normal", "h2"})
        public String engine;

        @Param({"1000000"})
        public long bulkRows;

        @Param({"10000"})
        public long autocommitRows;

        SqlTarget target;
        private Path dir;

        @Setup(Level.Iteration)
        public void create() throws Exception {
            dir = newDirectory();
            target = open(engine, dir);
            target.createTable();
        }

        @TearDown(Level.Iteration)
        public void check() throws Exception {
            try {
                long[] sc = target.sumAndCount();
                if (sc[1] != bulkRows && sc[1] != autocommitRows) {
                    throw new IllegalStateException(engine + " holds " + sc[1] + " rows after the inserts");
                }
            } finally {
                target.close();
                delete(dir);
            }
        }
    }

    /** Random keys for the point selects. */
    @State(Scope.Thread)
    public static class Keys {
        private final SplittableRandom random = new SplittableRandom(42);

        long nextId(long rows) {
            return 1 + random.nextLong(rows);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void bulkInsert(Fresh s) throws Exception {
        s.target.insertInOneTransaction(s.bulkRows);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    // Five warm-up batches: a JIT-compiled engine reaches its steady speed only after about 30k
    // inserts (the batches before run 1.3-2x slower); SQLite's native code needs none.
    @Warmup(iterations = 5)
    @Measurement(iterations = 5)
    public void autocommitInserts(Fresh s) throws Exception {
        s.target.insertAutocommit(s.autocommitRows);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public String pointSelectRowid(Loaded s, Keys k) throws Exception {
        long id = k.nextId(s.rows);
        String a = s.target.selectByRowid(id);
        if (!BenchRows.text(id).equals(a)) {
            throw new IllegalStateException("row " + id + ": a = " + a);
        }
        return a;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long pointSelectIndex(Loaded s, Keys k) throws Exception {
        long id = k.nextId(s.rows);
        long found = s.target.selectByIndex(BenchRows.b(id, s.rows));
        if (found != id) {
            throw new IllegalStateException("b of row " + id + " found row " + found);
        }
        return found;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long scanAggregate(Loaded s) throws Exception {
        long[] sc = s.target.sumAndCount();
        if (sc[0] != BenchRows.sumOfB(s.rows) || sc[1] != s.rows) {
            throw new IllegalStateException("sum/count " + sc[0] + "/" + sc[1]);
        }
        return sc[0];
    }
}
