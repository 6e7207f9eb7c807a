package io.turso4j.value;

/**
 * The seed of a randomised test: {@code -Dturso4j.seed=N} replays a run, otherwise a fresh one
 * is drawn. Every test prints the seed it used so a failure can be replayed.
 */
final class Seeds {
    private Seeds() {
    }

    static long seed(String testName) {
        String fixed = System.getProperty("turso4j.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        System.out.println(testName + " seed=" + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        return seed;
    }
}
