package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.turso4j.storage.CorruptDatabaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flips bytes of a sqlite3-made database and walks it: the only acceptable outcomes are a
 * clean walk or a {@link CorruptDatabaseException} with a page number — never another
 * exception, a hang or running out of memory. Iterations: {@code -Dturso4j.fuzz.iterations}.
 */
class CorruptionFuzzTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void flippedBytesGiveCorruptionErrorsOnly() throws Exception {
        int iterations = Integer.getInteger("turso4j.fuzz.iterations", 1500);
        byte[][] originals = {
            Files.readAllBytes(SqliteFileFormatTest.create(dir, 512, 1, 0)),
            Files.readAllBytes(SqliteFileFormatTest.create(dir, 1024, 2, 16)),
            Files.readAllBytes(SqliteFileFormatTest.create(dir, 4096, 0, 0)),
        };
        long seed = TestSeed.seed("CorruptionFuzzTest");
        Random random = new Random(seed);
        int clean = 0;
        int corrupt = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] original = originals[i % originals.length];
            byte[] image = original.clone();
            int pageSize = new DatabaseWalker(original).pageSize;
            int flips = 1 + random.nextInt(8);
            StringBuilder where = new StringBuilder();
            for (int f = 0; f < flips; f++) {
                // Half the flips land in the first 64 bytes of a page, where headers, cell
                // pointers and page links live; the rest anywhere.
                int page = random.nextInt(image.length / pageSize);
                int at = random.nextBoolean() ? page * pageSize + random.nextInt(64) : random.nextInt(image.length);
                if (random.nextInt(20) == 0) {
                    at = random.nextInt(DatabaseHeader.SIZE + 12);
                }
                image[at] ^= (byte) (1 << random.nextInt(8));
                if (random.nextInt(4) == 0) {
                    image[at] = (byte) random.nextInt(256);
                }
                where.append(at).append(' ');
            }
            try {
                new DatabaseWalker(image).walkAll();
                clean++;
            } catch (CorruptDatabaseException e) {
                assertTrue(e.pageNumber() >= 0);
                assertTrue(e.getMessage().startsWith("database disk image is malformed")
                        || e.getMessage().startsWith("file is not a database"), e.getMessage());
                corrupt++;
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                AssertionError failure = new AssertionError("seed " + seed + " iteration " + i
                        + " (flipped bytes at " + where + "): " + e, e);
                fail(failure);
            }
        }
        System.out.println("CorruptionFuzzTest: " + iterations + " mutated files, " + clean + " read cleanly, "
                + corrupt + " reported as corrupt");
        assertEquals(iterations, clean + corrupt);
        assertTrue(corrupt > iterations / 10, "the mutations reach the structures being checked");
    }
}
