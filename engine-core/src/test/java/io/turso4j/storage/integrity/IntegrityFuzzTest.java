package io.turso4j.storage.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.turso4j.storage.CorruptDatabaseException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random byte damage: the check must always end with messages (never a loop, a crash or
 * another exception), and where sqlite3 can still run its own check, say what sqlite3 says.
 * Prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class IntegrityFuzzTest {
    private static final int ROUNDS = Integer.getInteger("turso4j.fuzzRounds", 150);

    @TempDir
    Path dir;

    @Test
    void randomDamageEndsAndMatchesSqlite3() throws Exception {
        Long fixed = Long.getLong("turso4j.seed");
        long seed = fixed != null ? fixed : System.nanoTime();
        System.out.println("IntegrityFuzzTest: seed " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> modes = List.of("none", "full", "incremental");
        byte[][] bases = new byte[modes.size()][];
        List<List<Long>> roots = new java.util.ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            bases[i] = Sqlite3Oracle.create(dir, modes.get(i) + ".db", Shapes.mixed(512, modes.get(i), 250, false));
            roots.add(Sqlite3Oracle.checkedRoots(dir, bases[i]));
        }
        int compared = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int b = random.nextInt(bases.length);
            byte[] damaged = damage(bases[b], random);
            String where = "seed " + seed + " round " + round + " (auto_vacuum " + modes.get(b) + ")";
            // sqlite3 checks the roots its (possibly damaged) schema names; so do we when it can
            // read them, else the clean file's.
            List<Long> damagedRoots = rootsOrNull(damaged);
            List<Long> checkedRoots = damagedRoots != null ? damagedRoots : roots.get(b);
            long pendingSeed = random.nextLong();
            List<String> ours = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    return Checker.check(damaged, checkedRoots, 100, checkedRoots.get(0) == 0, Map.of(),
                            new Random(pendingSeed));
                } catch (CorruptDatabaseException e) {
                    return null;
                }
            }, where);
            List<String> theirs = Sqlite3Oracle.storageMessages(dir, damaged, 100);
            if (theirs != null && ours != null && damagedRoots != null) {
                assertEquals(String.join("\n", theirs), String.join("\n", ours), where);
                compared++;
            }
        }
        System.out.println("IntegrityFuzzTest: " + compared + " of " + ROUNDS + " rounds compared with sqlite3");
    }

    private List<Long> rootsOrNull(byte[] image) throws Exception {
        try {
            return Sqlite3Oracle.checkedRoots(dir, image);
        } catch (java.io.IOException unreadableSchema) {
            return null;
        }
    }

    /**
     * Flips 1..8 random bytes outside the 100-byte file header (which sqlite3 treats separately),
     * half of them in the first 48 bytes of a page, where headers, cell pointers, freelist
     * trunks, overflow links and pointer-map entries live.
     */
    private static byte[] damage(byte[] base, Random random) {
        byte[] out = base.clone();
        int pageSize = 512;
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = random.nextBoolean()
                    ? 100 + random.nextInt(out.length - 100)
                    : random.nextInt(out.length / pageSize) * pageSize + random.nextInt(48);
            if (at < 100) {
                at += 100;
            }
            out[at] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : (byte) (out[at] ^ (1 << random.nextInt(8)));
        }
        return out;
    }
}
