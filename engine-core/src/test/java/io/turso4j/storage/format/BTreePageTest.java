package io.turso4j.storage.format;

import io.turso4j.error.ResultCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BTreePageTest {
    private static final int PAGE = 1024;

    /** A page laid out as the B-tree layer would: cells packed from the end, pointers in order. */
    static MemorySegment build(long pageNumber, PageType type, long[] rowids, byte[][] payloads, int usable) {
        MemorySegment page = MemorySegment.ofArray(new byte[PAGE]);
        int hdr = PageHeader.headerOffset(pageNumber);
        PageHeader.initialize(page, hdr, type, usable);
        int top = usable;
        for (int i = 0; i < rowids.length; i++) {
            MemorySegment payload = payloads == null ? null : MemorySegment.ofArray(payloads[i]);
            long size = payload == null ? 0 : payload.byteSize();
            top -= Cell.sizeOnPage(type, rowids[i], size, usable);
            int written = Cell.write(page, top, type, 100 + i, rowids[i], payload, 900 + i, usable);
            assertEquals(Cell.sizeOnPage(type, rowids[i], size, usable), written);
            PageHeader.setCellPointer(page, hdr, type.headerSize(), i, top);
        }
        PageHeader.setCellCount(page, hdr, rowids.length);
        PageHeader.setContentStart(page, hdr, top);
        if (!type.isLeaf()) {
            PageHeader.setRightChild(page, hdr, 77);
        }
        return page;
    }

    @Test
    void roundTripsCellsOfAllFourKinds() {
        Random random = TestSeed.random("BTreePageTest.roundTripsCellsOfAllFourKinds");
        for (PageType type : PageType.values()) {
            for (long pageNumber : new long[] {1, 2}) {
                int usable = PAGE - random.nextInt(40);
                int n;
                long[] rowids;
                byte[][] payloads;
                int need;
                do { // draw cells until they fit on one page
                    n = 1 + random.nextInt(3);
                    rowids = new long[n];
                    payloads = new byte[n][];
                    need = 100 + PageType.INTERIOR_HEADER_SIZE;
                    for (int i = 0; i < n; i++) {
                        rowids[i] = random.nextLong() >> random.nextInt(64);
                        payloads[i] = new byte[random.nextInt(2) == 0 ? random.nextInt(10) : random.nextInt(3000)];
                        random.nextBytes(payloads[i]);
                        need += 2 + Cell.sizeOnPage(type, rowids[i], payloads[i].length, usable);
                    }
                } while (need > usable);
                MemorySegment seg = build(pageNumber, type, rowids, type.hasPayload() ? payloads : null, usable);
                BTreePage page = BTreePage.of(seg, pageNumber, usable);
                assertEquals(type, page.type());
                assertEquals(n, page.cellCount());
                Cell cell = new Cell();
                int used = 0;
                for (int i = 0; i < n; i++) {
                    page.cell(i, cell);
                    used += cell.sizeOnPage() + PageHeader.CELL_POINTER_SIZE;
                    if (type.isTable()) {
                        assertEquals(rowids[i], cell.rowid());
                    }
                    if (!type.isLeaf()) {
                        assertEquals(100 + i, cell.leftChild());
                        assertEquals(100 + i, page.leftChild(i));
                        assertEquals(77, page.rightChild());
                    }
                    if (type.hasPayload()) {
                        assertEquals(payloads[i].length, cell.payloadSize());
                        byte[] local = cell.localPayload(seg).toArray(ValueLayout.JAVA_BYTE);
                        byte[] expected = java.util.Arrays.copyOf(payloads[i], cell.localSize());
                        assertArrayEquals(expected, local);
                        assertEquals(cell.spills() ? 900 + i : 0, cell.overflowPage());
                        assertEquals(LocalPayload.spills(type, payloads[i].length, usable), cell.spills());
                    }
                }
                int hdrEnd = page.headerOffset() + type.headerSize();
                assertEquals(usable - hdrEnd - used, page.freeSpace());
            }
        }
    }

    @Test
    void rejectsAnUnknownPageType() {
        MemorySegment seg = build(3, PageType.LEAF_TABLE, new long[0], new byte[0][], PAGE);
        seg.set(ValueLayout.JAVA_BYTE, 0, (byte) 7);
        CorruptDatabaseException e = assertThrows(CorruptDatabaseException.class, () -> BTreePage.of(seg, 3, PAGE));
        assertEquals(3, e.pageNumber());
        assertEquals(ResultCode.CORRUPT, e.code());
        assertTrue(e.getMessage().startsWith("database disk image is malformed: page 3"), e.getMessage());
    }

    @Test
    void rejectsACellCountTooLargeForThePage() {
        MemorySegment seg = build(5, PageType.LEAF_TABLE, new long[] {1}, new byte[][] {{1, 2}}, PAGE);
        PageHeader.setCellCount(seg, 0, 600);
        assertEquals(5, assertThrows(CorruptDatabaseException.class, () -> BTreePage.of(seg, 5, PAGE)).pageNumber());
    }

    @Test
    void rejectsAContentAreaOverlappingThePointers() {
        MemorySegment seg = build(5, PageType.LEAF_TABLE, new long[] {1, 2}, new byte[][] {{1}, {2}}, PAGE);
        PageHeader.setContentStart(seg, 0, 10);
        assertThrows(CorruptDatabaseException.class, () -> BTreePage.of(seg, 5, PAGE));
    }

    @Test
    void rejectsCellPointersOutOfBounds() {
        MemorySegment seg = build(6, PageType.LEAF_INDEX, new long[] {0, 0}, new byte[][] {{1}, {2}}, PAGE);
        for (int bad : new int[] {0, 11, PAGE - 3, PAGE + 100, 65535}) {
            PageHeader.setCellPointer(seg, 0, 8, 1, bad);
            BTreePage page = BTreePage.of(seg, 6, PAGE);
            page.cell(0, new Cell());
            CorruptDatabaseException e = assertThrows(CorruptDatabaseException.class, () -> page.cell(1, new Cell()));
            assertEquals(6, e.pageNumber());
        }
    }

    @Test
    void rejectsAVarintRunningOffThePage() {
        MemorySegment seg = build(2, PageType.LEAF_TABLE, new long[] {1}, new byte[][] {{1}}, PAGE);
        int cell = PAGE - 4;
        PageHeader.setCellPointer(seg, 0, 8, 0, cell);
        for (int i = cell; i < PAGE; i++) {
            seg.set(ValueLayout.JAVA_BYTE, i, (byte) 0x81);
        }
        BTreePage page = BTreePage.of(seg, 2, PAGE);
        assertThrows(CorruptDatabaseException.class, () -> page.cell(0, new Cell()));
    }

    @Test
    void rejectsALocalPayloadRunningOffThePage() {
        MemorySegment seg = build(2, PageType.LEAF_TABLE, new long[] {1}, new byte[][] {{1}}, PAGE);
        int cell = PAGE - 10;
        PageHeader.setCellPointer(seg, 0, 8, 0, cell);
        seg.set(ValueLayout.JAVA_BYTE, cell, (byte) 50); // payload 50 bytes, only 8 left
        seg.set(ValueLayout.JAVA_BYTE, cell + 1, (byte) 1);
        BTreePage page = BTreePage.of(seg, 2, PAGE);
        assertThrows(CorruptDatabaseException.class, () -> page.cell(0, new Cell()));
    }

    @Test
    void walksFreeblocksAndRejectsBadChains() {
        MemorySegment seg = build(4, PageType.LEAF_TABLE, new long[] {1}, new byte[][] {{1, 2, 3}}, PAGE);
        // Two freeblocks in the content area: 600 (size 20) -> 700 (size 8).
        PageHeader.setContentStart(seg, 0, 600);
        PageHeader.setFirstFreeblock(seg, 0, 600);
        BigEndian.putU16(seg, 600, 700);
        BigEndian.putU16(seg, 602, 20);
        BigEndian.putU16(seg, 700, 0);
        BigEndian.putU16(seg, 702, 8);
        BTreePage page = BTreePage.of(seg, 4, PAGE);
        assertEquals(600, page.nextFreeblock(0));
        assertEquals(700, page.nextFreeblock(600));
        assertEquals(0, page.nextFreeblock(700));
        assertEquals(600 - 10 + 20 + 8, page.freeSpace());

        BigEndian.putU16(seg, 700, 600); // a loop back
        assertThrows(CorruptDatabaseException.class, () -> BTreePage.of(seg, 4, PAGE).freeSpace());
        BigEndian.putU16(seg, 700, 0);
        BigEndian.putU16(seg, 600, 621); // overlaps the first block's end + 4
        assertThrows(CorruptDatabaseException.class, () -> BTreePage.of(seg, 4, PAGE).freeSpace());
        BigEndian.putU16(seg, 600, 700);
        BigEndian.putU16(seg, 702, 400); // runs past the page
        assertThrows(CorruptDatabaseException.class, () -> BTreePage.of(seg, 4, PAGE).freeSpace());
        BigEndian.putU16(seg, 702, 8);
        PageHeader.setFirstFreeblock(seg, 0, 500); // before the content area
        assertThrows(CorruptDatabaseException.class, () -> BTreePage.of(seg, 4, PAGE).freeSpace());
    }

    @Test
    void decodesContentStartZeroAs65536() {
        MemorySegment page = MemorySegment.ofArray(new byte[65536]);
        PageHeader.initialize(page, 0, PageType.LEAF_TABLE, 65536);
        assertEquals(0, BigEndian.u16(page, PageHeader.CONTENT_START_OFFSET));
        BTreePage view = BTreePage.of(page, 2, 65536);
        assertEquals(65536, view.contentStart());
        assertEquals(65536 - 8, view.freeSpace());
    }
}
