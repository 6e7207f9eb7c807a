package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class FreelistTrunkPageTest {

    @Test
    void roundTripsATrunk() {
        MemorySegment trunk = MemorySegment.ofArray(new byte[1024]);
        int n = FreelistTrunkPage.writerCapacity(1024);
        assertEquals(248, n);
        FreelistTrunkPage.writeHeader(trunk, 99, n);
        for (int i = 0; i < n; i++) {
            FreelistTrunkPage.setLeaf(trunk, i, 1000 + i);
        }
        assertEquals(99, FreelistTrunkPage.nextTrunk(trunk));
        assertEquals(n, FreelistTrunkPage.leafCount(trunk, 5, 1024));
        assertEquals(1000 + n - 1, FreelistTrunkPage.leaf(trunk, n - 1));
    }

    @Test
    void aTrunkListingMoreLeavesThanFitIsCorrupt() {
        MemorySegment trunk = MemorySegment.ofArray(new byte[1024]);
        FreelistTrunkPage.writeHeader(trunk, 0, 254);
        assertEquals(254, FreelistTrunkPage.leafCount(trunk, 5, 1024));
        FreelistTrunkPage.writeHeader(trunk, 0, 255);
        assertEquals(5, assertThrows(CorruptDatabaseException.class,
                () -> FreelistTrunkPage.leafCount(trunk, 5, 1024)).pageNumber());
        FreelistTrunkPage.writeHeader(trunk, 0, -1); // 0xffffffff leaves
        assertThrows(CorruptDatabaseException.class, () -> FreelistTrunkPage.leafCount(trunk, 5, 1024));
    }
}
