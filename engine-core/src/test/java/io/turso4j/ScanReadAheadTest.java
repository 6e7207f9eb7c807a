package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.ForwardingDbFile;
import io.turso4j.io.ForwardingIO;
import io.turso4j.io.OpenMode;
import io.turso4j.io.memory.MemoryIO;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cursor walking leaf after leaf asks for the next leaves ahead of need, forwards or
 * backwards, and a seek does not. Counted on a memory backend whose files count their reads
 * ahead; the rows must come out as they do without any.
 */
class ScanReadAheadTest {
    private static final int ROWS = 3000;

    private final CountingIo io = new CountingIo();
    private Database db;

    @BeforeEach
    void fill() {
        db = Database.open("r.db", io);
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
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= ROWS; i++) {
                expected.add(text(i));
            }
            expected.sort(null);
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

    /** A connection with a cache of its own, empty, and smaller than the table. */
    private Connection fresh() {
        Connection c = db.connect();
        c.execute("PRAGMA cache_size = 50");
        return c;
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

    /** A memory backend whose files count their reads ahead. */
    private static final class CountingIo extends ForwardingIO {
        final AtomicInteger readsAhead = new AtomicInteger();

        CountingIo() {
            super(new MemoryIO());
        }

        @Override
        public DbFile open(String path, OpenMode mode) {
            return new ForwardingDbFile(super.open(path, mode)) {
                @Override
                public boolean readsAheadPay() {
                    return true; // as on a backend whose reads wait
                }

                @Override
                public Completion readAhead(long pos, Buffer buf) {
                    readsAhead.incrementAndGet();
                    return read(pos, buf);
                }
            };
        }
    }
}
