package io.turso4j.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RowSet} against {@link HashSet} on random rowids: dense runs (the usual rowids), wide
 * random values and {@link Long#MIN_VALUE} (its empty-slot marker), through several growths.
 * Prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class RowSetTest {
    @Test
    void agreesWithAHashSet() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("RowSetTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            RowSet rows = new RowSet();
            Set<Long> model = new HashSet<>();
            int n = random.nextInt(1, 5000);
            for (int i = 0; i < n; i++) {
                long rowid = switch (random.nextInt(4)) {
                    case 0 -> random.nextLong(-50, 2000);
                    case 1 -> random.nextLong();
                    case 2 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
                    default -> random.nextLong(0, 64) << 32;
                };
                if (random.nextBoolean()) {
                    assertEquals(model.add(rowid), rows.add(rowid), "seed " + seed + ": add " + rowid);
                } else {
                    assertEquals(model.contains(rowid), rows.contains(rowid), "seed " + seed + ": contains " + rowid);
                }
            }
        }
    }
}
