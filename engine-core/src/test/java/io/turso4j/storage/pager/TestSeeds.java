package io.turso4j.storage.pager;

/**
 * Seeds for the randomised pager tests: {@code -Dturso4j.seed=N} replays a run, otherwise a
 * fresh seed is drawn; either way it is printed.
 */
final class TestSeeds {
    private TestSeeds() {}

    static long seed(String test) {
        Long fixed = Long.getLong("turso4j.seed");
        long seed = fixed != null ? fixed : System.nanoTime() ^ (long) test.hashCode() << 32;
        System.out.println(test + ": seed " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        return seed;
    }
}
