package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY, GROUP BY and DISTINCT through the sorter against SQLite 3.54, over values made to
 * collide on the sorter's lead-key shortcut: texts and blobs sharing their first eight bytes or
 * shorter than eight, bytes above 0x7f (UTF-8 past ASCII), embedded NUL characters, integers of
 * both signs and every width, reals equal to integers, and NULLs; under BINARY, NOCASE and
 * DESC, alone and with a second key. Seeded; replay with {@code -Dturso4j.seed=N}.
 */
class SortKeyDifferentialTest {
    private static final String[] PIECES = {"a", "b", "A", "é", "ÿ", "z", "abcdefgh", "' || char(0) || '"};
    private static final String[] QUERIES = {
        "SELECT v, id FROM t ORDER BY v, id",
        "SELECT v, id FROM t ORDER BY v DESC, id",
        "SELECT v, id FROM t ORDER BY v COLLATE NOCASE, v, id",
        "SELECT v, w, id FROM t ORDER BY w, v DESC, id",
        "SELECT v, count(*), min(id) FROM t GROUP BY v ORDER BY min(id)",
        "SELECT v, w, count(*) FROM t GROUP BY v, w ORDER BY v, w",
        "SELECT DISTINCT v FROM t ORDER BY v DESC",
        "SELECT typeof(v), v FROM t ORDER BY v LIMIT 20 OFFSET 7",
    };

    @Test
    void sortedResultsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("SortKeyDifferentialTest seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            String create = "CREATE TABLE t(id INTEGER PRIMARY KEY, v, w)";
            assertEquals(oracle.sqlite(create), oracle.turso(create));
            for (int i = 0; i < 400; i++) {
                String insert = "INSERT INTO t(v, w) VALUES (" + value(random) + ", " + value(random) + ")";
                assertEquals(oracle.sqlite(insert), oracle.turso(insert), insert);
            }
            for (String query : QUERIES) {
                assertEquals(oracle.sqlite(query), oracle.turso(query), query + " (seed " + seed + ")");
            }
        }
    }

    private static String value(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> "NULL";
            case 1 -> String.valueOf(random.nextInt(21) - 10);
            case 2 -> String.valueOf(random.nextLong() >> random.nextInt(64));
            case 3 -> random.nextInt(11) - 5 + (random.nextBoolean() ? ".0" : ".5");
            case 4 -> "CAST('" + text(random) + "' AS BLOB)";
            default -> "'" + text(random) + "'";
        };
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }
}
