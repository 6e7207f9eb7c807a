package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OverflowChainTest {
    private static final int U = 512;

    /** A tiny "database": page n at index n; page 2 holds one spilled leaf table cell. */
    private static MemorySegment[] database(byte[] payload, long[] chain) {
        MemorySegment[] pages = new MemorySegment[20];
        for (int i = 1; i < pages.length; i++) {
            pages[i] = MemorySegment.ofArray(new byte[U]);
        }
        PageHeader.initialize(pages[2], 0, PageType.LEAF_TABLE, U);
        MemorySegment whole = MemorySegment.ofArray(payload);
        int size = Cell.sizeOnPage(PageType.LEAF_TABLE, 9, payload.length, U);
        Cell.write(pages[2], U - size, PageType.LEAF_TABLE, 0, 9, whole, chain[0], U);
        PageHeader.setCellPointer(pages[2], 0, 8, 0, U - size);
        PageHeader.setCellCount(pages[2], 0, 1);
        PageHeader.setContentStart(pages[2], 0, U - size);
        long from = LocalPayload.localSize(PageType.LEAF_TABLE, payload.length, U);
        for (int i = 0; i < chain.length && from < payload.length; i++) {
            int n = (int) Math.min(U - 4, payload.length - from);
            long next = i + 1 < chain.length ? chain[i + 1] : 0;
            OverflowPage.write(pages[(int) chain[i]], next, whole, from, n);
            from += n;
        }
        return pages;
    }

    private static byte[] gather(MemorySegment[] pages, OverflowChain chain) {
        Cell cell = BTreePage.of(pages[2], 2, U).cell(0, new Cell());
        chain.start(cell, 2, U, pages.length - 1);
        byte[] out = new byte[(int) chain.payloadSize()];
        chain.copyLocal(cell, pages[2], MemorySegment.ofArray(out));
        for (long next = chain.nextPage(); next != 0; next = chain.nextPage()) {
            chain.accept(pages[(int) next]);
        }
        return out;
    }

    @Test
    void gathersAPayloadSpreadOverSeveralPages() {
        Random random = TestSeed.random("OverflowChainTest.gathersAPayloadSpreadOverSeveralPages");
        OverflowChain chain = new OverflowChain();
        for (int iter = 0; iter < 200; iter++) {
            byte[] payload = new byte[random.nextInt(4 * (U - 4))];
            random.nextBytes(payload);
            long[] pages = {7, 3, 12, 5, 18};
            assertArrayEquals(payload, gather(database(payload, pages), chain));
            assertEquals(LocalPayload.overflowPageCount(PageType.LEAF_TABLE, payload.length, U), chain.pagesRead());
        }
    }

    @Test
    void rejectsALoop() {
        byte[] payload = new byte[3 * U];
        MemorySegment[] pages = database(payload, new long[] {7, 8, 9, 10});
        BigEndian.putU32(pages[8], OverflowPage.NEXT_PAGE_OFFSET, 7);
        CorruptDatabaseException e = assertThrows(CorruptDatabaseException.class,
                () -> gather(pages, new OverflowChain()));
        assertEquals(8, e.pageNumber());
    }

    @Test
    void rejectsAChainEndingEarly() {
        byte[] payload = new byte[3 * U];
        MemorySegment[] pages = database(payload, new long[] {7, 8, 9, 10});
        BigEndian.putU32(pages[8], OverflowPage.NEXT_PAGE_OFFSET, 0);
        assertEquals(8, assertThrows(CorruptDatabaseException.class, () -> gather(pages, new OverflowChain())).pageNumber());
    }

    @Test
    void rejectsPageNumbersOutsideTheDatabase() {
        for (long bad : new long[] {1, 20, 0xffffffffL}) {
            byte[] payload = new byte[3 * U];
            MemorySegment[] pages = database(payload, new long[] {7, 8, 9, 10});
            BigEndian.putU32(pages[7], OverflowPage.NEXT_PAGE_OFFSET, bad);
            assertEquals(7, assertThrows(CorruptDatabaseException.class,
                    () -> gather(pages, new OverflowChain())).pageNumber());
        }
    }

    @Test
    void refusesAPayloadLargerThanTheDatabaseBeforeAllocating() {
        MemorySegment[] pages = database(new byte[3 * U], new long[] {7, 8, 9, 10});
        Cell cell = BTreePage.of(pages[2], 2, U).cell(0, new Cell());
        // 3*U bytes need 4 overflow pages; a database of 3 pages cannot hold them.
        assertEquals(2, assertThrows(CorruptDatabaseException.class,
                () -> new OverflowChain().start(cell, 2, U, 3)).pageNumber());
    }
}
