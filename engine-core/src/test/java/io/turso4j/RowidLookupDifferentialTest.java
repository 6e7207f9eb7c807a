package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.TestSeed;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lookups by rowid, many per statement (through an index, an IN list, a MULTI-INDEX OR), on
 * turso4j and SQLite, over a table deep enough to have interior pages and more pages than a
 * tree's {@code KeptPages} hold (so descents go on from kept pages to pages read anew), with rowids of every
 * varint length (negative ones take nine bytes), while statements and transactions change the
 * table between and during the lookups (an UPDATE or DELETE that looks rows up and changes
 * them): a cursor that reuses the pages of earlier descents must notice each change. Prints its
 * seed; replay with {@code -Dturso4j.seed=N}.
 */
class RowidLookupDifferentialTest {
    @Test
    void lookupsMatchSqliteWhileTheTableChanges() throws SQLException {
        long seed = TestSeed.seed("RowidLookupDifferentialTest");
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            run(oracle, "CREATE TABLE t(a INTEGER PRIMARY KEY, b INT, c TEXT)");
            run(oracle, "CREATE INDEX tb ON t(b)");
            run(oracle, "CREATE INDEX tc ON t(c)");
            run(oracle, "WITH RECURSIVE s(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM s WHERE v < 20000) "
                    + "INSERT INTO t SELECT v * 7 - 3000, v % 97, 'row' || v FROM s");
            run(oracle, "INSERT INTO t VALUES (-9000000000000000000, 5, 'min'), (9000000000000000000, 6, 'max'), "
                    + "(-1, 7, 'neg'), (200000, 8, 'mid')");
            boolean inTransaction = false;
            for (int step = 0; step < 400; step++) {
                int b = random.nextInt(100);
                long a = random.nextInt(150000) - 3500;
                String sql = switch (random.nextInt(11)) {
                    case 0, 1 -> "SELECT a, c FROM t WHERE b = " + b;
                    case 2 -> "SELECT a, c FROM t WHERE a IN (" + a + ", " + (a + 7) + ", " + (a * 3) + ", -1, 200000, "
                            + "9000000000000000000, -9000000000000000000)";
                    case 3 -> "SELECT a FROM t WHERE b = " + b + " OR c = 'row" + random.nextInt(20000) + "' OR b = "
                            + (b + 1);
                    case 4 -> "UPDATE t SET c = c || 'x' WHERE b = " + b;
                    case 5 -> "DELETE FROM t WHERE b = " + b + " AND a % 3 = " + random.nextInt(3);
                    case 6 -> "INSERT OR REPLACE INTO t VALUES (" + a + ", " + b + ", '" + "y".repeat(random.nextInt(300))
                            + "')";
                    case 7 -> "UPDATE t SET b = b + 1 WHERE a IN (SELECT a FROM t WHERE b = " + b + ")";
                    case 8 -> inTransaction ? "COMMIT" : "BEGIN";
                    case 9 -> "SELECT count(*), sum(length(c)) FROM t WHERE b BETWEEN " + b + " AND " + (b + 3);
                    default -> "SELECT a, b FROM t WHERE a = " + a;
                };
                if (sql.equals("BEGIN") || sql.equals("COMMIT")) {
                    inTransaction = !inTransaction;
                }
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), "seed " + seed + ", step " + step + ": " + sql);
            }
        }
    }

    private static void run(SqliteOracle oracle, String sql) {
        assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
    }
}
