package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BTreePage#rowid} and {@link BTreePage#searchRowid} against the full cell parse and a
 * linear search: rowids of every varint length (negative ones take nine bytes), payload sizes of
 * one and two bytes, cells both far from the page's end (read as whole words) and near it (read
 * checked).
 */
class BTreePageRowidTest {
    private static final int PAGE = 1024;

    @Test
    void rowidsAndSearchesMatchTheParsedCells() {
        Random random = TestSeed.random("BTreePageRowidTest.rowidsAndSearchesMatchTheParsedCells");
        for (int round = 0; round < 300; round++) {
            PageType type = random.nextBoolean() ? PageType.LEAF_TABLE : PageType.INTERIOR_TABLE;
            int usable = PAGE - random.nextInt(40);
            long[] rowids = sortedRowids(random, 1 + random.nextInt(12));
            byte[][] payloads = new byte[rowids.length][];
            for (int i = 0; i < rowids.length; i++) {
                // at most two with a two-byte payload size, so that the cells fit
                payloads[i] = new byte[i < 2 && random.nextBoolean() ? 128 + random.nextInt(40) : random.nextInt(30)];
            }
            BTreePage pg = BTreePage.of(BTreePageTest.build(2, type, rowids, type.isLeaf() ? payloads : null, usable),
                    2, usable);
            Cell cell = new Cell();
            for (int i = 0; i < rowids.length; i++) {
                assertEquals(rowids[i], pg.rowid(i), "cell " + i);
                assertEquals(pg.cell(i, cell).rowid(), pg.rowid(i), "cell " + i);
            }
            for (int probe = 0; probe < 40; probe++) {
                long target = probe < rowids.length ? rowids[probe] + random.nextInt(3) - 1 : random.nextLong();
                for (boolean strict : new boolean[] {false, true}) {
                    assertEquals(linear(rowids, target, strict), pg.searchRowid(target, strict, 0, rowids.length),
                            "target " + target + (strict ? " strict" : ""));
                }
            }
        }
    }

    @Test
    void aRowidRunningPastThePageIsCorruption() {
        int usable = PAGE;
        // one cell, as the only one, at the page's very end: its rowid's varint never ends
        MemorySegment page = BTreePageTest.build(2, PageType.INTERIOR_TABLE, new long[] {5}, null, usable);
        BTreePage pg = BTreePage.of(page, 2, usable);
        int at = pg.cellOffset(0) + Cell.CHILD_POINTER_SIZE;
        for (int p = at; p < usable; p++) {
            page.set(ValueLayout.JAVA_BYTE, p, (byte) 0x80);
        }
        assertThrows(CorruptDatabaseException.class, () -> pg.rowid(0));
        assertThrows(CorruptDatabaseException.class, () -> pg.searchRowid(1, false, 0, 1));
    }

    private static long[] sortedRowids(Random random, int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = random.nextLong() >> random.nextInt(64);
        }
        return Arrays.stream(r).sorted().distinct().toArray();
    }

    private static int linear(long[] rowids, long target, boolean strict) {
        int i = 0;
        while (i < rowids.length && (strict ? rowids[i] <= target : rowids[i] < target)) {
            i++;
        }
        return i;
    }
}
