package io.turso4j.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.Statement;
import io.turso4j.io.sim.SimulatedIO;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential: ORDER BY and GROUP BY over a few thousand random rows give exactly the same
 * rows (same order, ties in insertion order) with a sorter budget so small that it spills
 * dozens of runs to a temporary file as with everything in memory. The spilling side runs on
 * a {@link SimulatedIO}, whose reads and writes complete only when polled and out of order,
 * so the sorter's pending-I/O paths run too; its log shows the runs were written and read.
 * Seeded; prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class SorterSpillTest {
    private static final List<String> QUERIES = List.of(
            "SELECT a, b, c FROM t ORDER BY a",
            "SELECT id, b FROM t ORDER BY b",
            "SELECT a, b, c FROM t ORDER BY b DESC, a, c",
            "SELECT c, a FROM t ORDER BY c COLLATE NOCASE, id DESC",
            "SELECT b, count(*), sum(a), min(c), max(c) FROM t GROUP BY b",
            "SELECT a % 7, group_concat(b, ',') FROM t GROUP BY 1 ORDER BY 2",
            "SELECT DISTINCT b FROM t ORDER BY b",
            "SELECT a, c FROM t ORDER BY c LIMIT 50 OFFSET 900");

    @Test
    void spilledSortsGiveTheInMemoryResult() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("SorterSpillTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        List<String> setup = setup(new SplittableRandom(seed), 4000);

        List<List<String>> expected = run(Database.open(":memory:"), setup);
        SimulatedIO sim = new SimulatedIO(seed);
        String before = System.getProperty(Sorter.BUDGET_PROPERTY);
        System.setProperty(Sorter.BUDGET_PROPERTY, "4096");
        List<List<String>> spilled;
        try {
            spilled = run(Database.open("spill.db", sim), setup);
        } finally {
            if (before == null) {
                System.clearProperty(Sorter.BUDGET_PROPERTY);
            } else {
                System.setProperty(Sorter.BUDGET_PROPERTY, before);
            }
        }
        for (int i = 0; i < QUERIES.size(); i++) {
            assertEquals(expected.get(i), spilled.get(i), QUERIES.get(i) + " (seed " + seed + ")");
        }
        long runWrites = sim.log().stream().filter(l -> l.contains(" write spill.db-sort-") && l.contains(" -> ")).count();
        long runReads = sim.log().stream().filter(l -> l.contains(" read spill.db-sort-") && l.contains(" -> ")).count();
        System.out.println("sorter runs written: " + runWrites + ", blocks read back: " + runReads);
        assertTrue(runWrites > QUERIES.size(), "the sorter did not spill: " + runWrites + " run writes");
        assertTrue(runReads >= runWrites, "the spilled runs were not read back");
    }

    private static List<String> setup(SplittableRandom random, int rows) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c TEXT)");
        sql.add("BEGIN");
        for (int i = 0; i < rows; i++) {
            long a = random.nextInt(1000) - 500;
            String b = "k" + random.nextInt(40); // many ties: their order is the insertion order
            StringBuilder c = new StringBuilder();
            for (int n = random.nextInt(1, 30); n > 0; n--) {
                c.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
            }
            sql.add("INSERT INTO t(a, b, c) VALUES (" + a + ", '" + b + "', '" + c + "')");
        }
        sql.add("COMMIT");
        return sql;
    }

    private static List<List<String>> run(Database db, List<String> setup) {
        try (db; Connection c = db.connect()) {
            for (String s : setup) {
                c.execute(s);
            }
            List<List<String>> out = new ArrayList<>();
            for (String q : QUERIES) {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.prepare(q)) {
                    while (s.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 0; i < s.columnCount(); i++) {
                            row.append(i == 0 ? "" : "|").append(s.getText(i));
                        }
                        rows.add(row.toString());
                    }
                }
                out.add(rows);
            }
            return out;
        }
    }
}
