package io.turso4j.storage.format;

import io.turso4j.error.ResultCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specific damage done to a sqlite3-made database: each must surface as a {@link
 * CorruptDatabaseException} naming the damaged page.
 */
class CorruptFileTest {
    private static byte[] original;
    private static DatabaseWalker walker;

    @BeforeAll
    static void createDatabase(@TempDir java.nio.file.Path dir) throws Exception {
        original = Files.readAllBytes(SqliteFileFormatTest.create(dir, 512, 0, 0));
        walker = new DatabaseWalker(original).walkAll();
    }

    private static long firstPage(LongPredicate p) {
        for (long n = 2; n <= walker.pageCount; n++) {
            if (p.test(n)) {
                return n;
            }
        }
        throw new AssertionError("no such page");
    }

    private static BTreePage btree(long n) {
        return BTreePage.of(MemorySegment.ofArray(original).asSlice((n - 1) * 512, 512), n, 512);
    }

    private static long leafWithCells(PageType type) {
        return firstPage(n -> walker.use(n).equals("btree") && btree(n).type() == type && btree(n).cellCount() > 1);
    }

    private static CorruptDatabaseException walkDamaged(byte[] image) {
        return assertThrows(CorruptDatabaseException.class, () -> new DatabaseWalker(image).walkAll());
    }

    private static void putU16(byte[] image, long page, int offset, int value) {
        BigEndian.putU16(MemorySegment.ofArray(image), (page - 1) * 512 + offset, value);
    }

    @Test
    void truncatedHeader() {
        CorruptDatabaseException e = walkDamaged(Arrays.copyOf(original, 60));
        assertEquals(1, e.pageNumber());
        assertEquals(ResultCode.NOTADB, e.code());
    }

    @Test
    void fileShorterThanItsHeaderSays() {
        assertEquals(1, walkDamaged(Arrays.copyOf(original, original.length - 512)).pageNumber());
    }

    @Test
    void badPageType() {
        long page = leafWithCells(PageType.LEAF_TABLE);
        byte[] image = original.clone();
        image[(int) (page - 1) * 512] = 3;
        assertEquals(page, walkDamaged(image).pageNumber());
    }

    @Test
    void cellCountTooLarge() {
        long page = leafWithCells(PageType.LEAF_INDEX);
        byte[] image = original.clone();
        putU16(image, page, PageHeader.CELL_COUNT_OFFSET, 0xffff);
        assertEquals(page, walkDamaged(image).pageNumber());
    }

    @Test
    void cellPointerOutOfBounds() {
        long page = leafWithCells(PageType.LEAF_TABLE);
        byte[] image = original.clone();
        putU16(image, page, PageType.LEAF_HEADER_SIZE + 2, 0xfff0);
        assertEquals(page, walkDamaged(image).pageNumber());
    }

    @Test
    void varintRunningOffThePage() {
        long page = leafWithCells(PageType.LEAF_TABLE);
        byte[] image = original.clone();
        putU16(image, page, PageType.LEAF_HEADER_SIZE, 512 - 4);
        Arrays.fill(image, (int) page * 512 - 4, (int) page * 512, (byte) 0xff);
        assertEquals(page, walkDamaged(image).pageNumber());
    }

    @Test
    void overflowChainLoop() {
        // A middle link of a chain (not its last page, whose next pointer is never followed).
        long middle = firstPage(n -> walker.use(n).equals("overflow")
                && walker.expectedPointerType(n) == PointerMap.OVERFLOW2
                && OverflowPage.nextPage(MemorySegment.ofArray(original).asSlice((n - 1) * 512, 512)) != 0);
        long previous = walker.expectedPointerParent(middle);
        assertEquals("overflow", walker.use(previous));
        byte[] image = original.clone();
        BigEndian.putU32(MemorySegment.ofArray(image), (middle - 1) * 512 + OverflowPage.NEXT_PAGE_OFFSET, previous);
        CorruptDatabaseException e = walkDamaged(image);
        assertEquals(middle, e.pageNumber());
        assertTrue(e.detail().contains("loops"), e.detail());
    }

    @Test
    void freeblockChainOutOfOrder() {
        long page = firstPage(n -> walker.use(n).equals("btree") && btree(n).nextFreeblock(0) == 0
                && btree(n).type().isLeaf() && btree(n).contentStart() < 500);
        BTreePage view = btree(page);
        byte[] image = original.clone();
        // A freeblock inside a cell's space whose next pointer goes backwards.
        int at = view.contentStart();
        putU16(image, page, PageHeader.FIRST_FREEBLOCK_OFFSET, at);
        putU16(image, page, at, at - 1);
        putU16(image, page, at + 2, 4);
        CorruptDatabaseException e = walkDamaged(image);
        assertEquals(page, e.pageNumber());
        assertNotEquals(0, e.detail().length());
    }
}
