package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class PointerMapTest {

    @Test
    void mapPagesRecurEveryUsableSizeOverFivePlusOnePages() {
        // U = 4096: 819 entries per map page, so pages 3..821 map to page 2 and page 822 is the next map.
        assertEquals(0, PointerMap.pageFor(1, 4096, 4096));
        assertEquals(2, PointerMap.pageFor(2, 4096, 4096));
        assertEquals(2, PointerMap.pageFor(3, 4096, 4096));
        assertEquals(2, PointerMap.pageFor(821, 4096, 4096));
        assertEquals(822, PointerMap.pageFor(822, 4096, 4096));
        assertEquals(822, PointerMap.pageFor(823, 4096, 4096));
        assertTrue(PointerMap.isPointerMapPage(822, 4096, 4096));
        assertFalse(PointerMap.isPointerMapPage(821, 4096, 4096));
        assertFalse(PointerMap.isPointerMapPage(1, 4096, 4096));
        assertEquals(0, PointerMap.entryOffset(3, 2));
        assertEquals(5 * 818, PointerMap.entryOffset(821, 2));
        assertTrue(PointerMap.entryOffset(821, 2) + PointerMap.ENTRY_SIZE <= 4096);
        // Reserved bytes shrink the map: U = 4064 gives 812 entries.
        assertEquals(815, PointerMap.pageFor(815, 4096, 4064));
    }

    @Test
    void aMapPageFallingOnTheLockBytePageMovesPastIt() {
        // Page size 1024: the lock-byte page is 1048577, and (1048577-2) is a multiple of 205.
        long lockByte = LockBytePage.pageNumber(1024);
        assertEquals(1048577, lockByte);
        assertEquals(0, (lockByte - 2) % (1024 / 5 + 1));
        assertEquals(lockByte + 1, PointerMap.pageFor(lockByte + 2, 1024, 1024));
        assertTrue(PointerMap.isPointerMapPage(lockByte + 1, 1024, 1024));
        assertFalse(PointerMap.isPointerMapPage(lockByte, 1024, 1024));
    }

    @Test
    void entriesRoundTripAndBadTypesAreCorrupt() {
        MemorySegment map = MemorySegment.ofArray(new byte[512]);
        for (int type = PointerMap.ROOTPAGE; type <= PointerMap.BTREE; type++) {
            int offset = PointerMap.entryOffset(2 + type, 2);
            PointerMap.write(map, offset, type, 0xfedcba98L + type);
            assertEquals(type, PointerMap.type(map, 2, offset));
            assertEquals(0xfedcba98L + type, PointerMap.parent(map, offset));
        }
        PointerMap.write(map, 0, 6, 1);
        assertEquals(2, assertThrows(CorruptDatabaseException.class, () -> PointerMap.type(map, 2, 0)).pageNumber());
        PointerMap.write(map, 0, 0, 1);
        assertThrows(CorruptDatabaseException.class, () -> PointerMap.type(map, 2, 0));
    }

    @Test
    void lockBytePageHoldsOffsetOneGiB() {
        for (int pageSize = 512; pageSize <= 65536; pageSize *= 2) {
            long page = LockBytePage.pageNumber(pageSize);
            assertTrue((page - 1) * pageSize <= LockBytePage.PENDING_BYTE);
            assertTrue(page * pageSize > LockBytePage.PENDING_BYTE);
        }
        assertEquals(262145, LockBytePage.pageNumber(4096));
    }
}
