package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolation between two connections to one WAL database, against SQLite: random BEGIN /
 * BEGIN IMMEDIATE / COMMIT / ROLLBACK, writes and reads interleaved on two connections (with
 * busy_timeout 0, so a lock conflict is an immediate SQLITE_BUSY), the same sequence on two
 * sqlite-jdbc connections to one file and on two turso4j connections to another. Every
 * statement's rows or error code and message must match: which snapshot a reader sees, when
 * a writer is refused (BUSY, BUSY_SNAPSHOT), what COMMIT and ROLLBACK leave. Prints its seed;
 * replay with {@code -Dturso4j.seed=N}.
 */
class TwoConnectionsRandomTest {
    @TempDir
    Path dir;

    @Test
    void interleavedTransactionsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("TwoConnectionsRandomTest seed: " + seed);
        Random random = new Random(seed);
        String[] steps = new String[300];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = random.nextInt(2) + statement(random);
        }
        run(steps, "seed " + seed);
    }

    /**
     * BEGIN takes no snapshot: the first statement that reads does. A BEGIN IMMEDIATE refused
     * with BUSY leaves none behind either. (Each step: connection digit, then SQL.)
     */
    @Test
    void theFirstReadAfterBeginTakesTheSnapshot() throws SQLException {
        run(new String[] {
            "0INSERT INTO t(v) VALUES (1)",
            "1BEGIN",
            "0INSERT INTO t(v) VALUES (2)",
            "1SELECT count(*) FROM t",
            "0INSERT INTO t(v) VALUES (3)",
            "1SELECT count(*) FROM t",
            "1COMMIT",
            "0BEGIN IMMEDIATE",
            "1BEGIN",
            "1BEGIN IMMEDIATE",
            "0INSERT INTO t(v) VALUES (4)",
            "0COMMIT",
            "1BEGIN IMMEDIATE",
            "1INSERT INTO t(v) VALUES (5)",
            "1SELECT count(*) FROM t",
            "1COMMIT",
        }, "fixed steps");
    }

    /** Runs each step on both engines' connection, comparing results; then the final table. */
    private void run(String[] steps, String what) throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("sqlite.db");
        try (java.sql.Connection s0 = DriverManager.getConnection(url); java.sql.Connection s1 = DriverManager.getConnection(url);
                Database db = Database.open(dir.resolve("turso.db").toString());
                Connection t0 = db.connect(); Connection t1 = db.connect()) {
            java.sql.Connection[] sqlite = {s0, s1};
            Connection[] turso = {t0, t1};
            SqliteOracle.withCode(s0, "PRAGMA journal_mode=WAL");
            for (int k = 0; k < 2; k++) {
                SqliteOracle.withCode(sqlite[k], "PRAGMA busy_timeout=0");
                SqliteOracle.withCode(turso[k], "PRAGMA busy_timeout=0");
            }
            String create = "CREATE TABLE t(id INTEGER PRIMARY KEY, v)";
            assertEquals(SqliteOracle.withCode(s0, create), SqliteOracle.withCode(t0, create));
            for (int i = 0; i < steps.length; i++) {
                int k = steps[i].charAt(0) - '0';
                String sql = steps[i].substring(1);
                assertEquals(SqliteOracle.withCode(sqlite[k], sql), SqliteOracle.withCode(turso[k], sql),
                        "connection " + k + ": " + sql + " (" + what + ", step " + i + ")");
            }
            for (int k = 0; k < 2; k++) {
                SqliteOracle.withCode(sqlite[k], "ROLLBACK");
                SqliteOracle.withCode(turso[k], "ROLLBACK");
            }
            String all = "SELECT * FROM t ORDER BY id";
            assertEquals(SqliteOracle.withCode(s0, all), SqliteOracle.withCode(t1, all), what);
        }
    }

    private static String statement(Random random) {
        int r = random.nextInt(6);
        return switch (random.nextInt(11)) {
            case 0 -> "BEGIN";
            case 1 -> "BEGIN IMMEDIATE";
            case 2, 3 -> "COMMIT";
            case 4 -> "ROLLBACK";
            case 5, 6 -> "INSERT INTO t(v) VALUES (" + r + ")";
            case 7 -> "UPDATE t SET v = v + 1 WHERE id % 3 = " + r % 3;
            case 8 -> "DELETE FROM t WHERE id = " + (1 + r);
            case 9 -> "SELECT count(*), sum(v) FROM t";
            default -> "SELECT max(id), min(v) FROM t";
        };
    }
}
