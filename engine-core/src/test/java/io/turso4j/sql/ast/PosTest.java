package io.turso4j.sql.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A position keeps its offset whether it is one of the shared ones (short statements) or made anew. */
class PosTest {

    @Test
    void everyOffsetReadsBackAndSmallOnesAreShared() {
        for (int offset : new int[] {0, 1, 2047, 2048, 100_000}) {
            assertEquals(offset, Pos.at(offset).offset());
            assertEquals("@" + offset, Pos.at(offset).toString());
        }
        assertSame(Pos.at(17), Pos.at(17));
        assertEquals(-1, Pos.NONE.offset());
        assertEquals(Pos.at(3), Pos.at(99_999)); // every position equals every other (see the class comment)
    }
}
