package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.io.ForwardingIO;
import io.turso4j.io.sim.SimulatedIO;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * VACUUM and VACUUM INTO never wait for the disk: on a seeded {@link SimulatedIO}, which
 * completes every read and write only when polled, with a page cache far smaller than the
 * database, the statements return IO again and again and still end with the same rows, an
 * empty freelist and a copy that reads back. Replay with {@code -Dturso4j.seed=N}.
 */
class VacuumSimulatedTest {
    private static final String CONTENTS = "SELECT rowid, a, length(b), hex(substr(b, 1, 4)) FROM t ORDER BY rowid";

    private static List<String> query(Connection c, String sql) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    row.append(i > 0 ? "|" : "").append(s.getText(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Runs {@code sql} by hand, polling the simulator while it waits; returns how often it waited. */
    private static int stepThrough(Connection c, SimulatedIO sim, String sql) {
        PolledSteps steps = new PolledSteps(sim);
        try (Statement s = c.prepare(sql)) {
            assertEquals(StepResult.DONE, steps.step(s));
        }
        return steps.waits();
    }

    @Test
    void vacuumStepsThroughPendingIo() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("VacuumSimulatedTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random rnd = new Random(seed);
        SimulatedIO sim = new SimulatedIO(seed);
        List<String> before;
        try (Database db = Database.open("vac.db", new KeptOpen(sim)); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b BLOB); CREATE INDEX ta ON t(a)");
            c.execute("BEGIN");
            for (int i = 0; i < 600; i++) {
                c.execute("INSERT INTO t(a, b) VALUES ('k" + rnd.nextInt(1000) + "', zeroblob(" + rnd.nextInt(1500) + "))");
            }
            c.execute("COMMIT");
            c.execute("DELETE FROM t WHERE id % 2 = 0");
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            c.execute("PRAGMA cache_size = 8");
            before = query(c, CONTENTS);
            long pages = Long.parseLong(query(c, "PRAGMA page_count").get(0));

            int intoWaits = stepThrough(c, sim, "VACUUM INTO 'copy.db'");
            int waits = stepThrough(c, sim, "VACUUM");
            System.out.println("VACUUM INTO waited " + intoWaits + " times, VACUUM " + waits + " times");
            assertTrue(intoWaits > 0 && waits > 0, "the simulator completes nothing unpolled");

            assertTrue(Long.parseLong(query(c, "PRAGMA page_count").get(0)) < pages, "seed " + seed);
            assertEquals(List.of("0"), query(c, "PRAGMA freelist_count"));
            assertEquals(before, query(c, CONTENTS), "seed " + seed);
            assertEquals(List.of("ok"), query(c, "PRAGMA integrity_check"));
        }
        try (Database db = Database.open("vac.db", new KeptOpen(sim)); Connection c = db.connect()) {
            assertEquals(before, query(c, CONTENTS), "after reopening, seed " + seed);
        }
        try (Database db = Database.open("copy.db", sim); Connection c = db.connect()) {
            assertEquals(before, query(c, CONTENTS), "the copy, seed " + seed);
            assertEquals(List.of("ok"), query(c, "PRAGMA integrity_check"));
        }
    }

    /** The simulator, left open when a database closes, so the next one sees the same files. */
    private static final class KeptOpen extends ForwardingIO {
        KeptOpen(SimulatedIO sim) {
            super(sim);
        }

        @Override
        public void close() {
        }
    }
}
