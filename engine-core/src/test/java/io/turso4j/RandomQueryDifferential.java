package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The frame of a random differential test: a schema, random rows, then random queries whose
 * results must be the same on turso4j and SQLite, row for row and in order. The seed comes from
 * {@code -Dturso4j.seed=N} (else the clock), is printed, and names the failing query.
 */
final class RandomQueryDifferential {
    private RandomQueryDifferential() {
    }

    /**
     * @param inserts the statements of one round of inserts; {@code rounds} of them are run
     * @param query one random query
     */
    static void run(String test, String[] schema, int rounds, Function<Random, List<String>> inserts, int queries,
                    Function<Random, String> query) throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println(test + " seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : schema) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (int i = 0; i < rounds; i++) {
                for (String sql : inserts.apply(random)) {
                    assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
                }
            }
            for (int i = 0; i < queries; i++) {
                String sql = query.apply(random);
                String expected = oracle.sqlite(sql);
                String actual = oracle.turso(sql);
                if (!expected.equals(actual)) {
                    fail("seed " + seed + ": " + sql + "\nsqlite: " + expected + "\nturso4j: " + actual);
                }
            }
        }
    }
}
