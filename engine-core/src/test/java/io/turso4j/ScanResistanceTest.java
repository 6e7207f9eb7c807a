package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.io.memory.MemoryIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scan through more leaves than the cache holds evicts its own pages, not the pages other
 * statements read, and a repeated scan finds the pages the last one kept; a short walk's pages
 * are ordinary ones. Counted in pages read from a memory backend that reads ahead, on
 * connections with a 50-page cache.
 */
class ScanResistanceTest {
    private static final int CACHE_PAGES = 50;
    private static final String BIG_SCAN = "SELECT count(*), sum(length(b)) FROM big";

    private static final CountingIo BACKEND = new CountingIo(new MemoryIO());
    private static Database db;

    @BeforeAll
    static void fill() {
        db = Database.open("s.db", BACKEND);
        try (Connection c = db.connect()) {
            c.execute("BEGIN");
            // ~70-byte rows, about 52 to a leaf: big is some 380 leaves, hot 10
            fill(c, "big", 20_000);
            fill(c, "hot", 500);
            c.execute("COMMIT");
        }
    }

    private static void fill(Connection c, String table, int rows) {
        c.execute("CREATE TABLE " + table + "(a INTEGER PRIMARY KEY, b TEXT)");
        c.execute("INSERT INTO " + table + " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                + rows + ") SELECT i, printf('%08d', i) || '" + "x".repeat(60) + "' FROM n");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aLargeScanLeavesThePagesOtherStatementsReadCached() {
        try (Connection c = connection()) {
            int hotPages = readsOf(c, "SELECT sum(length(b)) FROM hot");
            assertTrue(hotPages > 5 && hotPages < CACHE_PAGES / 4, "hot table pages: " + hotPages);
            assertEquals("20000|1360000", row(c, BIG_SCAN));
            assertEquals(0, readsOf(c, "SELECT sum(length(b)) FROM hot"), "pages of hot read again after the scan");
        }
    }

    @Test
    void aRepeatedLargeScanFindsThePagesTheLastOneKept() {
        try (Connection c = connection()) {
            int first = readsOf(c, BIG_SCAN);
            assertTrue(first > 300, "pages the first scan read: " + first);
            int second = readsOf(c, BIG_SCAN);
            assertTrue(second <= first - CACHE_PAGES / 2,
                    "pages the second scan read: " + second + " of " + first);
            assertEquals(second, readsOf(c, BIG_SCAN), "each later scan keeps the same pages");
        }
    }

    @Test
    void aShortWalksPagesAreOrdinary() {
        // ranges of ~9 leaves, fewer than a quarter of the cache: not large scans, so the pages
        // of eight of them push hot's out, as any other statement's would
        try (Connection c = connection()) {
            readsOf(c, "SELECT sum(length(b)) FROM hot");
            for (int k = 0; k < 8; k++) {
                readsOf(c, "SELECT sum(length(b)) FROM big WHERE a BETWEEN " + (k * 2000 + 1) + " AND " + (k * 2000 + 450));
            }
            assertTrue(readsOf(c, "SELECT sum(length(b)) FROM hot") > 0);
        }
    }

    /** A connection with an empty cache of its own of {@link #CACHE_PAGES} pages. */
    private static Connection connection() {
        Connection c = db.connect();
        c.execute("PRAGMA cache_size = " + CACHE_PAGES);
        return c;
    }

    /** How many pages running {@code sql} to its end read from the backend. */
    private static int readsOf(Connection c, String sql) {
        int before = BACKEND.reads.get();
        try (Statement s = c.prepare(sql)) {
            while (s.next()) {
                // rows are not the point
            }
        }
        return BACKEND.reads.get() - before;
    }

    private static String row(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            assertTrue(s.next());
            return s.getText(0) + "|" + s.getText(1);
        }
    }
}
