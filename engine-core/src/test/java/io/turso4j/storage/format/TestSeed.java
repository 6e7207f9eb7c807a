package io.turso4j.storage.format;

import java.util.Random;

/**
 * Seeds for randomised tests: {@code -Dturso4j.seed=N} replays a run, otherwise a fresh seed
 * is drawn. Either way the seed is printed so a failure can be replayed.
 */
public final class TestSeed {
    private TestSeed() {}

    public static long seed(String test) {
        Long fixed = Long.getLong("turso4j.seed");
        long seed = fixed != null ? fixed : System.nanoTime() ^ Thread.currentThread().threadId();
        System.out.println(test + ": seed " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        return seed;
    }

    public static Random random(String test) {
        return new Random(seed(test));
    }
}
