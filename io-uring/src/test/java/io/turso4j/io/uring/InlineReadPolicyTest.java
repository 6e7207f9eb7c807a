package io.turso4j.io.uring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineReadPolicyTest {
    /** Counts how many of {@code reads} reads would try inline, each try missing. */
    private static int triesWhileMissing(InlineReadPolicy p, int reads) {
        int tries = 0;
        for (int i = 0; i < reads; i++) {
            if (p.shouldTry()) {
                tries++;
                p.miss();
            }
        }
        return tries;
    }

    @Test
    void everyReadTriesUntilAStreakOfMisses() {
        InlineReadPolicy p = new InlineReadPolicy();
        for (int i = 0; i < InlineReadPolicy.MISS_STREAK - 1; i++) {
            assertTrue(p.shouldTry());
            p.miss();
        }
        assertTrue(p.shouldTry(), "a streak one short of the limit still tries");
        p.miss();
        for (int i = 0; i < InlineReadPolicy.SKIP; i++) {
            assertEquals(false, p.shouldTry(), "read " + i + " of the pause");
        }
        assertTrue(p.shouldTry(), "the read after the pause tries again");
    }

    @Test
    void aColdStreamTriesOncePerPause() {
        InlineReadPolicy p = new InlineReadPolicy();
        int reads = InlineReadPolicy.MISS_STREAK + 10 * (InlineReadPolicy.SKIP + 1);
        assertEquals(InlineReadPolicy.MISS_STREAK + 10, triesWhileMissing(p, reads));
    }

    @Test
    void aHitResetsTheStreak() {
        InlineReadPolicy p = new InlineReadPolicy();
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < InlineReadPolicy.MISS_STREAK - 1; i++) {
                assertTrue(p.shouldTry());
                p.miss();
            }
            assertTrue(p.shouldTry());
            p.hit();
        }
    }

    @Test
    void aHitAfterAPauseReturnsToTryingEveryRead() {
        InlineReadPolicy p = new InlineReadPolicy();
        triesWhileMissing(p, InlineReadPolicy.MISS_STREAK + InlineReadPolicy.SKIP);
        assertTrue(p.shouldTry());
        p.hit();
        for (int i = 0; i < 10 * InlineReadPolicy.SKIP; i++) {
            assertTrue(p.shouldTry(), "read " + i);
            p.hit();
        }
    }

    @Test
    void aFileIsColdFromAStreakOfMissesToTheNextHit() {
        InlineReadPolicy p = new InlineReadPolicy();
        triesWhileMissing(p, InlineReadPolicy.MISS_STREAK - 1);
        assertFalse(p.isCold(), "a streak one short is not cold yet");
        triesWhileMissing(p, 1 + 3 * InlineReadPolicy.SKIP);
        assertTrue(p.isCold(), "cold through the pauses and the tries between them");
        while (!p.shouldTry()) {
            // the rest of the pause
        }
        p.hit();
        assertFalse(p.isCold());
    }
}
