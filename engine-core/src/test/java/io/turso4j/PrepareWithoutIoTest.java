package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.SqliteException;
import io.turso4j.io.ForwardingIO;
import io.turso4j.io.sim.SimulatedIO;
import io.turso4j.storage.pager.WalPager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prepare does no I/O: on a {@link SimulatedIO} disk, where nothing completes until someone
 * polls, with a page cache of one page (so page 1, the schema cookie's, is usually not cached),
 * prepare returns without polling, and the statements' checks of the schema cookie and
 * reloads of the schema happen in stepped code, the test doing every poll between steps.
 * Seeded: {@code -Dturso4j.seed=N} replays a run.
 */
class PrepareWithoutIoTest {
    private final long seed = Long.getLong("turso4j.seed", System.nanoTime());
    private final SimulatedIO sim = new SimulatedIO(seed);
    private final CountingIo io = new CountingIo();
    private String cacheBefore;

    @BeforeEach
    void oneCachedPage() {
        System.out.println("PrepareWithoutIoTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        cacheBefore = System.getProperty(WalPager.CACHE_PAGES_PROPERTY);
        System.setProperty(WalPager.CACHE_PAGES_PROPERTY, "1");
    }

    @AfterEach
    void restoreCache() {
        if (cacheBefore == null) {
            System.clearProperty(WalPager.CACHE_PAGES_PROPERTY);
        } else {
            System.setProperty(WalPager.CACHE_PAGES_PROPERTY, cacheBefore);
        }
    }

    @Test
    void prepareNeverPollsAndSchemaChangesAreFoundInSteppedCode() {
        try (Database db = Database.open("p.db", io); Connection a = db.connect(); Connection b = db.connect()) {
            int openingPolls = io.enginePolls; // opening is a blocking call and may poll
            run(a, "CREATE TABLE t(x INTEGER PRIMARY KEY, y TEXT)");
            for (int i = 1; i <= 60; i++) {
                run(a, "INSERT INTO t VALUES (" + i + ", '" + "y".repeat(200) + i + "')");
            }
            assertEquals(List.of("60"), run(a, "SELECT count(*) FROM t")); // many pages read: page 1 evicted

            List<String> sums = new ArrayList<>();
            Statement known = prepare(a, "SELECT sum(x) FROM t WHERE x > ?1");
            known.bindLong(1, 50);
            sums.addAll(drain(known));
            assertEquals(List.of("555"), sums);

            run(b, "CREATE TABLE u(v); INSERT INTO u VALUES (7)");
            Statement later = prepare(a, "SELECT v + 1 FROM u"); // a's schema predates u
            assertEquals(List.of("8"), drain(later));
            Statement stale = prepare(a, "INSERT INTO u(v) VALUES (?)");
            run(b, "ALTER TABLE u ADD COLUMN w DEFAULT 'w'");
            stale.bindLong(1, 9);
            drain(stale);
            assertEquals(List.of("7|w", "9|w"), run(a, "SELECT v, w FROM u ORDER BY v"));

            // Reported by prepare if page 1 happens to be cached, else by the step that checks the schema.
            SqliteException e = assertThrows(SqliteException.class, () -> drain(prepare(a, "SELECT * FROM nosuch")));
            assertEquals("no such table: nosuch", e.getMessage());
            assertEquals(openingPolls, io.enginePolls, "the engine polled the disk itself (seed " + seed + ")");
            assertTrue(io.drivenPolls > 0, "no step ever waited for I/O: the test proves nothing");
            known.close();
            later.close();
            stale.close();
        }
    }

    /** Prepares {@code sql}, checking that no poll happened meanwhile, whether it succeeds or fails. */
    private Statement prepare(Connection c, String sql) {
        int before = io.enginePolls;
        try {
            return c.prepare(sql);
        } finally {
            assertEquals(before, io.enginePolls, "prepare polled: " + sql);
        }
    }

    /** Runs every statement of {@code sql}; the rows of the last one, columns joined by '|'. */
    private List<String> run(Connection c, String sql) {
        List<String> rows = List.of();
        for (String text = sql; text != null && !text.isBlank(); ) {
            try (Statement s = prepare(c, text)) {
                rows = drain(s);
                text = s.tail();
            }
        }
        return rows;
    }

    /** Steps {@code s} to its end, doing its pending I/O between steps. */
    private List<String> drain(Statement s) {
        List<String> rows = new ArrayList<>();
        for (;;) {
            switch (s.step()) {
                case ROW -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 0; i < s.columnCount(); i++) {
                        row.append(i > 0 ? "|" : "").append(s.getText(i));
                    }
                    rows.add(row.toString());
                }
                case DONE -> {
                    return rows;
                }
                case IO -> io.complete(s);
                case BUSY -> throw new AssertionError("busy");
            }
        }
    }

    /** The simulator, with polls counted: the test's own (between steps) and any other. */
    private final class CountingIo extends ForwardingIO {
        int enginePolls;
        int drivenPolls;
        private boolean driving;

        CountingIo() {
            super(sim);
        }

        void complete(Statement s) {
            var pending = s.pendingIo();
            driving = true;
            try {
                while (!pending.isDone()) {
                    if (sim.poll() == 0) {
                        throw new AssertionError("IO returned for an operation the disk never got");
                    }
                    drivenPolls++;
                }
            } finally {
                driving = false;
            }
        }

        @Override
        public int poll() {
            if (!driving) {
                enginePolls++;
            }
            return super.poll();
        }
    }
}
