package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Aggregates with their own ORDER BY ({@code group_concat(x, ',' ORDER BY y DESC)}, SQLite
 * 3.44+), compared with sqlite-jdbc: with GROUP BY, DISTINCT, FILTER, NULLS FIRST/LAST,
 * collations, ties (which keep the rows' order), in HAVING and correlated subqueries, and the
 * errors for non-aggregates and window functions. A random part orders random rows by random
 * terms; it prints its seed, replay with {@code -Dturso4j.seed=N}.
 */
class AggregateOrderByTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(g, x, y, z TEXT COLLATE NOCASE)",
        "INSERT INTO t VALUES (1, 'a', 3, 'b'), (1, 'b', 1, 'A'), (1, 'c', 2, 'a'), (2, 'd', NULL, 'C'), "
                + "(2, 'e', 5, NULL), (2, 'f', NULL, 'c'), (3, NULL, 1, 'x'), (1, 'g', 2, 'B')",
    };

    @Test
    void orderedAggregatesMatchSqlite() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (String sql : List.of(
                    "SELECT g, group_concat(x ORDER BY y), group_concat(x, '-' ORDER BY y DESC) FROM t GROUP BY g",
                    "SELECT g, group_concat(x ORDER BY y NULLS LAST), group_concat(x ORDER BY y DESC NULLS FIRST) FROM t GROUP BY g",
                    "SELECT group_concat(x ORDER BY z), group_concat(z ORDER BY z COLLATE BINARY DESC) FROM t",
                    "SELECT group_concat(DISTINCT g ORDER BY g DESC), sum(y ORDER BY x), count(x ORDER BY y) FROM t",
                    "SELECT group_concat(x ORDER BY y, x DESC) FILTER (WHERE g < 3) FROM t",
                    "SELECT string_agg(x, '' ORDER BY y) FROM t WHERE 0",
                    "SELECT g, group_concat(x ORDER BY y) FROM t WHERE 0 GROUP BY g",
                    "SELECT g FROM t GROUP BY g HAVING group_concat(x ORDER BY y) LIKE 'b%'",
                    "SELECT DISTINCT (SELECT group_concat(u.x ORDER BY u.y DESC) FROM t AS u WHERE u.g = t.g) FROM t",
                    "SELECT abs(y ORDER BY x) FROM t",
                    "SELECT group_concat(x ORDER BY y) OVER () FROM t")) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    @Test
    void randomOrderingsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("AggregateOrderByTest seed: " + seed);
        Random random = new Random(seed);
        String[] values = {"NULL", "1", "2", "2.5", "'a'", "'B'", "'b'", "x'00'", "-1"};
        try (SqliteOracle oracle = new SqliteOracle()) {
            oracle.sqlite("CREATE TABLE r(g, p, q, v)");
            oracle.turso("CREATE TABLE r(g, p, q, v)");
            for (int i = 0; i < 60; i++) {
                String sql = "INSERT INTO r VALUES (" + random.nextInt(3) + ", " + values[random.nextInt(values.length)]
                        + ", " + values[random.nextInt(values.length)] + ", " + i + ")";
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            String[] columns = {"p", "q", "v", "g"};
            for (int i = 0; i < 100; i++) {
                List<String> terms = new ArrayList<>();
                for (int k = random.nextInt(3) + 1; k > 0; k--) {
                    terms.add(columns[random.nextInt(columns.length)]
                            + (random.nextInt(4) == 0 ? " COLLATE NOCASE" : "")
                            + (random.nextBoolean() ? " DESC" : "")
                            + (random.nextInt(3) == 0 ? (random.nextBoolean() ? " NULLS FIRST" : " NULLS LAST") : ""));
                }
                String sql = "SELECT g, group_concat(v, ',' ORDER BY " + String.join(", ", terms) + ") FROM r GROUP BY g";
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), "seed " + seed + ": " + sql);
            }
        }
    }
}
