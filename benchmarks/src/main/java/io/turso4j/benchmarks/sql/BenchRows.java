package io.turso4j.benchmarks.sql;

/**
 * The rows every engine loads: row {@code id} (1-based) of an n-row table has
 * {@code a = text(id)} and {@code b = b(id, n)}, where b is a permutation of {@code 0..n-1}
 * (multiplying by a prime that does not divide n), so an equality lookup on b finds exactly
 * one row and the benchmark can check which.
 */
final class BenchRows {
    /** Prime; must not divide the row count (it does not divide any power of ten). */
    private static final long STRIDE = 7919;

    private BenchRows() {
    }

    static String text(long id) {
        return "name-" + Long.toString(id * 2654435761L, 36) + "-padding";
    }

    static long b(long id, long rows) {
        return (id * STRIDE) % rows;
    }

    /** The sum of b over all rows: 0 + 1 + … + (n-1). */
    static long sumOfB(long rows) {
        return rows * (rows - 1) / 2;
    }
}
