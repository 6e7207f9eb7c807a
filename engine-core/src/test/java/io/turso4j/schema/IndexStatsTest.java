package io.turso4j.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexStatsTest {
    @Test
    void numbersThenOptions() {
        IndexStats s = IndexStats.parse("1000 10 2 unordered sz=37 noskipscan");
        assertArrayEquals(new long[] {1000, 10, 2}, s.estimates());
        assertTrue(s.unordered());
        assertTrue(s.noSkipScan());
        assertEquals(37, s.sizeHint());
        assertEquals(1000, s.rows());
    }

    @Test
    void tableRowHasOneNumber() {
        IndexStats s = IndexStats.parse("42");
        assertArrayEquals(new long[] {42}, s.estimates());
        assertFalse(s.unordered());
        assertEquals(-1, s.sizeHint());
    }

    @Test
    void unknownWordsAndGarbageAreIgnored() {
        IndexStats s = IndexStats.parse("7 3 whatever unordered");
        assertArrayEquals(new long[] {7, 3}, s.estimates());
        assertTrue(s.unordered());
        assertEquals(-1, IndexStats.parse("").rows());
        assertArrayEquals(new long[] {5}, IndexStats.parse("5x 6").estimates(), "numbers stop at the first non-digit");
    }

    @Test
    void estimatesAreCopiedBothWays() {
        long[] in = {3, 1};
        IndexStats s = new IndexStats(in, false, false, -1);
        in[0] = 99;
        s.estimates()[1] = 99;
        assertArrayEquals(new long[] {3, 1}, s.estimates());
        assertEquals(new IndexStats(new long[] {3, 1}, false, false, -1), s);
    }
}
