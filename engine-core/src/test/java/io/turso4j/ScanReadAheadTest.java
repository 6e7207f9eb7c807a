package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.io.IO;
import io.turso4j.io.memory.MemoryIO;
import io.turso4j.io.sim.SimulatedIO;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cursor walking leaf after leaf asks for the next leaves ahead of need, forwards or
 * backwards, and a seek does not. Counted on a backend whose files count their reads ahead
 * (memory, or the seeded simulator, which completes reads only when polled and out of
 * order); the rows must come out as they do without any.
 */
class ScanReadAheadTest {
    private static final int ROWS = 3000;

    private final CountingIo io = new CountingIo(new MemoryIO());
    private Database db;

    @BeforeEach
    void fill() {
        db = filled(io);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A database of {@link #ROWS} rows, indexed on b, over {@code io}. */
    private static Database filled(IO io) {
        Database db = Database.open("r.db", io);
        try (Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)");
            c.execute("CREATE INDEX tb ON t(b)");
            c.execute("BEGIN");
            try (Statement s = c.prepare("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    s.bindLong(1, i);
                    s.bind(2, text(i));
                    while (s.next()) {
                        // an INSERT returns no row
                    }
                    s.reset();
                }
            }
            c.execute("COMMIT");
        }
        return db;
    }

    /** A text of ~60 bytes whose order is not the rowid's. */
    private static String text(int i) {
        return Integer.toString(i * 7919 % 10007, 36) + "-" + "x".repeat(60);
    }

    @Test
    void aTableScanReadsAhead() {
        try (Connection c = fresh()) {
            io.readsAhead.set(0);
            assertEquals(List.of(Integer.toString(ROWS), Long.toString(sumOfLengths())),
                    row(c, "SELECT count(*), sum(length(b)) FROM t"));
            assertTrue(io.readsAhead.get() > 20, "leaves read ahead: " + io.readsAhead);
        }
    }

    @Test
    void aBackwardIndexScanReadsAheadAndKeepsItsOrder() {
        try (Connection c = fresh()) {
            io.readsAhead.set(0);
            List<String> expected = sortedTexts();
            List<String> got = new ArrayList<>();
            try (Statement s = c.prepare("SELECT b FROM t INDEXED BY tb ORDER BY b DESC")) {
                while (s.next()) {
                    got.addFirst(s.getText(0));
                }
            }
            assertEquals(expected, got);
            assertTrue(io.readsAhead.get() > 20, "leaves read ahead: " + io.readsAhead);
        }
    }

    @Test
    void seeksReadNothingAhead() {
        try (Connection c = fresh(); Statement s = c.prepare("SELECT b FROM t WHERE a = ?")) {
            io.readsAhead.set(0);
            for (int i = 1; i <= ROWS; i += 97) {
                s.bindLong(1, i);
                assertTrue(s.next());
                assertEquals(text(i), s.getText(0));
                s.reset();
            }
            assertEquals(0, io.readsAhead.get());
        }
    }

    @Test
    void aShortRangeReadsNothingAhead() {
        // 30 rows of ~70 bytes: at most two leaves, one step from one to the next
        try (Connection c = fresh(); Statement s = c.prepare("SELECT count(*) FROM t WHERE a BETWEEN ?1 AND ?1 + 29")) {
            io.readsAhead.set(0);
            for (int i = 1; i <= ROWS - 30; i += 101) {
                s.bindLong(1, i);
                assertTrue(s.next());
                assertEquals(30, s.getLong(0));
                s.reset();
            }
            assertEquals(0, io.readsAhead.get());
        }
    }

    @Test
    void readsAheadOnASimulatorThatCompletesOnlyWhenPolledLeaveTheRowsAsTheyWere() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("ScanReadAheadTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        SimulatedIO sim = new SimulatedIO(seed);
        CountingIo counted = new CountingIo(sim);
        try (Database simDb = filled(counted); Connection c = fresh(simDb)) {
            counted.readsAhead.set(0);
            PolledSteps steps = new PolledSteps(sim);
            List<String> got = new ArrayList<>();
            try (Statement s = c.prepare("SELECT b FROM t INDEXED BY tb ORDER BY b DESC")) {
                while (steps.step(s) == StepResult.ROW) {
                    got.addFirst(s.getText(0));
                }
            }
            assertEquals(sortedTexts(), got, "seed " + seed);
            assertTrue(counted.readsAhead.get() > 20, "leaves read ahead: " + counted.readsAhead);
            assertTrue(steps.waits() > 0, "the simulator completes nothing unpolled");
        }
    }

    /** A connection with a cache of its own, empty, and smaller than the table. */
    private Connection fresh() {
        return fresh(db);
    }

    private static Connection fresh(Database db) {
        Connection c = db.connect();
        c.execute("PRAGMA cache_size = 50");
        return c;
    }

    private static List<String> sortedTexts() {
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            texts.add(text(i));
        }
        texts.sort(null);
        return texts;
    }

    private static long sumOfLengths() {
        long sum = 0;
        for (int i = 1; i <= ROWS; i++) {
            sum += text(i).length();
        }
        return sum;
    }

    private static List<String> row(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            assertTrue(s.next());
            List<String> row = new ArrayList<>();
            for (int i = 0; i < s.columnCount(); i++) {
                row.add(s.getText(i));
            }
            return row;
        }
    }
}
