package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.error.SqliteException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Statements nested deeper than a thread's stack holds while compiling (chains of CTEs or views,
 * each read by the next; sqlite3 compiles 10,000 levels) compile anyway, on the caller's thread
 * when it can and on {@link DeepCompile}'s large stack when it cannot.
 */
class DeepNestingTest {
    private static final int LEVELS = 2_000;

    @Test
    void aLongChainOfCtesCompilesOnASmallStack() throws InterruptedException {
        StringBuilder sql = new StringBuilder("WITH c0 AS (SELECT 1 AS x)");
        for (int i = 1; i < LEVELS; i++) {
            sql.append(", c").append(i).append(" AS (SELECT x + 1 AS x FROM c").append(i - 1).append(')');
        }
        sql.append(" SELECT x FROM c").append(LEVELS - 1);
        assertEquals(LEVELS, onSmallStack(() -> {
            try (Database db = Database.open(":memory:"); Connection c = db.connect();
                    Statement s = c.prepare(sql.toString())) {
                s.next();
                return s.getLong(0);
            }
        }));
    }

    @Test
    void aLongChainOfViewsCompilesOnAVirtualThread() throws InterruptedException {
        long[] value = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread.ofVirtual().start(() -> {
            try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
                c.execute("BEGIN");
                c.execute("CREATE VIEW v0 AS SELECT 1 AS x");
                for (int i = 1; i < LEVELS; i++) {
                    c.execute("CREATE VIEW v" + i + " AS SELECT x + 1 AS x FROM v" + (i - 1));
                }
                c.execute("COMMIT");
                try (Statement s = c.prepare("SELECT x FROM v" + (LEVELS - 1))) {
                    s.next();
                    value[0] = s.getLong(0);
                }
            } catch (Throwable t) {
                failure[0] = t;
            }
        }).join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        assertEquals(LEVELS, value[0]);
    }

    @Test
    void deeperThanEvenTheLargeStackIsAnError() {
        SqliteException e = assertThrows(SqliteException.class, () -> DeepCompile.run(DeepNestingTest::endless, 1 << 20));
        assertEquals("statement too complex: nested too deeply to compile", e.getMessage());
    }

    @Test
    void whatTheCompileThrowsReachesTheCaller() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeepCompile.run(() -> { throw new IllegalArgumentException("no"); }));
        assertEquals("no", e.getMessage());
    }

    private static int endless() {
        return endless() + 1;
    }

    private static long onSmallStack(Supplier<Long> body) throws InterruptedException {
        long[] value = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                value[0] = body.get();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "small-stack", 256L << 10);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        return value[0];
    }
}
