package io.turso4j.function;

/** The seed of a randomised test: {@code -Dturso4j.seed=N} replays a run; the seed is printed. */
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
