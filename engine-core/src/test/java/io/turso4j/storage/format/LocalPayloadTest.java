package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocalPayloadTest {

    @Test
    void thresholdsFollowTheFormulasForA4096BytePage() {
        // X(table leaf) = 4096-35; X(index) = (4084*64/255)-23 = 1025-23; M = (4084*32/255)-23 = 512-23.
        assertEquals(4061, LocalPayload.maxLocal(PageType.LEAF_TABLE, 4096));
        assertEquals(1002, LocalPayload.maxLocal(PageType.LEAF_INDEX, 4096));
        assertEquals(1002, LocalPayload.maxLocal(PageType.INTERIOR_INDEX, 4096));
        assertEquals(489, LocalPayload.minLocal(4096));
    }

    @Test
    void keepsSmallPayloadsWhole() {
        assertEquals(4061, LocalPayload.localSize(PageType.LEAF_TABLE, 4061, 4096));
        assertEquals(false, LocalPayload.spills(PageType.LEAF_TABLE, 4061, 4096));
        assertEquals(1002, LocalPayload.localSize(PageType.LEAF_INDEX, 1002, 4096));
    }

    @Test
    void spillsUsingKWhenItFitsAndMOtherwise() {
        // P = 4062: K = 489 + (4062-489) % 4092 = 4062 > X, so M stays local.
        assertEquals(489, LocalPayload.localSize(PageType.LEAF_TABLE, 4062, 4096));
        // P = 5000: K = 489 + 4511 % 4092 = 489 + 419 = 908 <= X.
        assertEquals(908, LocalPayload.localSize(PageType.LEAF_TABLE, 5000, 4096));
        assertEquals(1, LocalPayload.overflowPageCount(PageType.LEAF_TABLE, 5000, 4096));
        // Index P = 1003: K = 489 + 514 = 1003 > 1002, so M.
        assertEquals(489, LocalPayload.localSize(PageType.LEAF_INDEX, 1003, 4096));
    }

    @Test
    void overflowPagesHoldExactlyTheRest() {
        for (int usable : new int[] {480, 512, 1000, 4096, 65536}) {
            for (PageType type : new PageType[] {PageType.LEAF_TABLE, PageType.LEAF_INDEX}) {
                for (long p = 0; p < 300_000; p += 997) {
                    int local = LocalPayload.localSize(type, p, usable);
                    long pages = LocalPayload.overflowPageCount(type, p, usable);
                    long rest = p - local;
                    assertTrue(local <= LocalPayload.maxLocal(type, usable));
                    assertTrue(pages * (usable - 4) >= rest && (pages == 0 || (pages - 1) * (usable - 4) < rest));
                    if (rest > 0) {
                        assertTrue(local >= LocalPayload.minLocal(usable));
                    }
                }
            }
        }
    }
}
