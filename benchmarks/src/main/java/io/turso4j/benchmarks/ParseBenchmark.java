package io.turso4j.benchmarks;

import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput of the SQL front end (lexer + parser → AST) on a realistic
 * mix: every 20th statement and query of the sqllogictest corpus
 * ({@code ../shared/slt}, or {@code -Dturso4j.slt=<dir>}) plus a set of DDL and
 * DML statements of the kinds applications issue.
 *
 * <p>One operation parses the whole mix once. The {@code bytes} counter
 * reports chars of SQL parsed per second: MB/s = bytes / 10^6.
 * <pre>
 *   mvn -q -pl benchmarks -am package -DskipTests
 *   java -jar benchmarks/target/benchmarks.jar ParseBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    private static final List<String> DDL_AND_DML = List.of(
            "CREATE TABLE IF NOT EXISTS users(id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE "
                    + "COLLATE NOCASE, name TEXT, created_at TEXT DEFAULT CURRENT_TIMESTAMP, "
                    + "score REAL CHECK (score >= 0), org_id INTEGER REFERENCES orgs(id) ON DELETE CASCADE)",
            "CREATE TABLE orders(id INTEGER, user_id INTEGER, total NUMERIC(10, 2), status TEXT DEFAULT 'new', "
                    + "PRIMARY KEY (id, user_id), FOREIGN KEY (user_id) REFERENCES users(id)) WITHOUT ROWID",
            "CREATE UNIQUE INDEX IF NOT EXISTS idx_orders_user ON orders(user_id, status DESC) WHERE status <> 'void'",
            "CREATE VIEW IF NOT EXISTS big_spenders AS SELECT u.id, u.name, sum(o.total) AS spent FROM users u "
                    + "JOIN orders o ON o.user_id = u.id GROUP BY u.id HAVING sum(o.total) > 1000",
            "CREATE TRIGGER IF NOT EXISTS orders_audit AFTER UPDATE OF status ON orders FOR EACH ROW "
                    + "WHEN old.status IS NOT new.status BEGIN INSERT INTO audit(order_id, old_status, new_status) "
                    + "VALUES (new.id, old.status, new.status); END",
            "INSERT INTO users(email, name, score) VALUES (?1, ?2, ?3) ON CONFLICT(email) DO UPDATE SET "
                    + "name = excluded.name, score = max(score, excluded.score) RETURNING id",
            "UPDATE orders SET status = :status WHERE id = :id AND user_id = :user AND status IN ('new', 'paid')",
            "DELETE FROM sessions WHERE expires_at < strftime('%s', 'now') - 3600",
            "WITH RECURSIVE tree(id, parent, depth) AS (SELECT id, parent, 0 FROM nodes WHERE parent IS NULL "
                    + "UNION ALL SELECT n.id, n.parent, t.depth + 1 FROM nodes n JOIN tree t ON n.parent = t.id) "
                    + "SELECT * FROM tree ORDER BY depth, id LIMIT 100",
            "SELECT name, rank() OVER (PARTITION BY org_id ORDER BY score DESC) AS r, "
                    + "json_extract(profile, '$.city') FROM users WHERE email LIKE '%@example.com' ESCAPE '\\'");

    private List<String> mix;

    /** Counts chars parsed; JMH reports it as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    private long mixChars;

    @Setup
    public void load() throws IOException {
        List<String> sql = new ArrayList<>(DDL_AND_DML);
        int n = 0;
        try (Stream<Path> files = Files.walk(corpus())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".test")).sorted().toList()) {
                for (String record : records(f)) {
                    if (n++ % 20 == 0) {
                        sql.add(record);
                    }
                }
            }
        }
        for (int i = 0; i < 50; i++) {
            sql.addAll(DDL_AND_DML); // keep DDL a visible share of the mix
        }
        mix = List.copyOf(sql);
        mixChars = mix.stream().mapToLong(String::length).sum();
        for (String s : mix) {
            Parser.parseAll(s); // fail fast on anything unparseable
        }
        System.out.printf("%nParseBenchmark mix: %d statements, %d chars%n", mix.size(), mixChars);
    }

    private static Path corpus() {
        String prop = System.getProperty("turso4j.slt");
        for (String c : prop != null ? List.of(prop) : List.of("../shared/slt", "../../shared/slt", "shared/slt")) {
            if (Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("sqllogictest corpus not found; run from the repository root or pass "
                + "-Dturso4j.slt=<dir>");
    }

    /** The SQL of each statement-ok and query record that applies to sqlite (see ../shared/slt/FORMAT.md). */
    private static List<String> records(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\r", "");
        for (String record : text.split("\n[ \t]*\n")) {
            List<String> lines = record.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            int i = 0;
            boolean skip = false;
            for (; i < lines.size() && (lines.get(i).startsWith("skipif") || lines.get(i).startsWith("onlyif")); i++) {
                String[] t = lines.get(i).split("\\s+");
                boolean sqlite = t.length > 1 && t[1].equalsIgnoreCase("sqlite");
                skip |= t[0].equals("skipif") == sqlite;
            }
            if (skip || i >= lines.size()
                    || !(lines.get(i).startsWith("statement ok") || lines.get(i).startsWith("query"))) {
                continue;
            }
            StringBuilder sql = new StringBuilder();
            for (int j = i + 1; j < lines.size() && !lines.get(j).equals("----"); j++) {
                sql.append(lines.get(j)).append('\n');
            }
            out.add(sql.toString());
        }
        return out;
    }

    @Benchmark
    public void parseMix(Throughput counter, Blackhole bh) {
        for (String s : mix) {
            for (Stmt stmt : Parser.parseAll(s)) {
                bh.consume(stmt);
            }
        }
        counter.bytes += mixChars;
    }
}
