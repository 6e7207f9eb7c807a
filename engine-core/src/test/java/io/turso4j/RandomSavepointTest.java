package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.TestSeed;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random scripts of BEGIN/COMMIT/ROLLBACK, SAVEPOINT/RELEASE/ROLLBACK TO over a few names, and
 * writes (some failing on a UNIQUE constraint), run on SQLite 3.54 and turso4j: every statement's
 * result and the table after it must agree. Prints its seed; replay with -Dturso4j.seed=N.
 */
class RandomSavepointTest {
    private static final String[] NAMES = {"a", "b", "c", "A"};

    @TempDir
    Path dir;

    @Test
    void randomScriptsAgreeWithSqlite() throws SQLException {
        Random random = TestSeed.random("RandomSavepointTest");
        for (int script = 0; script < 12; script++) {
            Path sub = dir.resolve("s" + script);
            sub.toFile().mkdirs();
            List<String> done = new ArrayList<>();
            try (SqliteOracle oracle = new SqliteOracle(sub)) {
                run(oracle, done, "CREATE TABLE t(a INTEGER PRIMARY KEY, b UNIQUE)");
                for (int i = 0; i < 60; i++) {
                    run(oracle, done, statement(random));
                }
            }
        }
    }

    private static void run(SqliteOracle oracle, List<String> done, String sql) {
        done.add(sql);
        String context = String.join(";\n", done);
        assertEquals(oracle.sqlite(sql), oracle.turso(sql), context);
        String check = "SELECT * FROM t ORDER BY a";
        assertEquals(oracle.sqlite(check), oracle.turso(check), context);
    }

    private static String statement(Random random) {
        String name = NAMES[random.nextInt(NAMES.length)];
        return switch (random.nextInt(11)) {
            case 0 -> "BEGIN";
            case 1 -> random.nextBoolean() ? "COMMIT" : "END";
            case 2 -> "ROLLBACK";
            case 3, 4 -> "SAVEPOINT " + name;
            case 5 -> "RELEASE " + (random.nextBoolean() ? "SAVEPOINT " : "") + name;
            case 6 -> "ROLLBACK TO " + (random.nextBoolean() ? "SAVEPOINT " : "") + name;
            case 7, 8 -> "INSERT INTO t VALUES (" + random.nextInt(30) + ", " + random.nextInt(10) + ")";
            case 9 -> "UPDATE t SET b = b + " + random.nextInt(3) + " WHERE a < " + random.nextInt(30);
            default -> "DELETE FROM t WHERE a % 3 = " + random.nextInt(3);
        };
    }
}
