package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The encoders, checked by the oracle: a database and then a WAL assembled byte by byte from
 * the storage.format classes must pass sqlite3's integrity_check and read back the same rows.
 */
class HandBuiltDatabaseTest {
    private static final int PAGE_SIZE = 1024;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @TempDir
    Path dir;

    /** Appends cells to one leaf table page from the end of the page, keeping pointers in order. */
    private static final class LeafBuilder {
        final MemorySegment page;
        final int hdr;
        int top = PAGE_SIZE;
        int cells;

        LeafBuilder(MemorySegment page, long pageNumber) {
            this.page = page;
            this.hdr = PageHeader.headerOffset(pageNumber);
            PageHeader.initialize(page, hdr, PageType.LEAF_TABLE, PAGE_SIZE);
        }

        /** Adds a row whose spilled part (if any) starts at page {@code firstOverflow}. */
        void add(long rowid, byte[] record, long firstOverflow) {
            MemorySegment payload = MemorySegment.ofArray(record);
            top -= Cell.sizeOnPage(PageType.LEAF_TABLE, rowid, record.length, PAGE_SIZE);
            if (top < hdr + PageType.LEAF_HEADER_SIZE + PageHeader.CELL_POINTER_SIZE * (cells + 1)) {
                throw new IllegalStateException("test rows do not fit on one page");
            }
            Cell.write(page, top, PageType.LEAF_TABLE, 0, rowid, payload, firstOverflow, PAGE_SIZE);
            PageHeader.setCellPointer(page, hdr, PageType.LEAF_HEADER_SIZE, cells++, top);
            PageHeader.setCellCount(page, hdr, cells);
            PageHeader.setContentStart(page, hdr, top);
        }
    }

    /** Writes the spilled part of {@code record} to pages first, first+1, ... of {@code file}. */
    private static long writeOverflow(MemorySegment file, byte[] record, long first) {
        MemorySegment payload = MemorySegment.ofArray(record);
        long from = LocalPayload.localSize(PageType.LEAF_TABLE, record.length, PAGE_SIZE);
        long page = first;
        while (from < record.length) {
            int n = (int) Math.min(OverflowPage.contentSize(PAGE_SIZE), record.length - from);
            long next = from + n < record.length ? page + 1 : 0;
            OverflowPage.write(file.asSlice((page - 1) * PAGE_SIZE, PAGE_SIZE), next, payload, from, n);
            from += n;
            page++;
        }
        return page - first;
    }

    @ParameterizedTest(name = "WAL checksum words big-endian: {0}")
    @ValueSource(booleans = {false, true})
    void sqlite3ReadsADatabaseAndWalBuiltFromTheEncoders(boolean bigEndian) throws Exception {
        Random random = TestSeed.random("HandBuiltDatabaseTest");
        byte[] big;
        byte[] bigRecord;
        do { // a spilled row whose local part leaves room on page 2 for a dozen small rows
            big = new byte[5000 + random.nextInt(5000)];
            random.nextBytes(big);
            bigRecord = new RecordWriter().addLong(-7).addBlob(big).toByteArray();
        } while (LocalPayload.localSize(PageType.LEAF_TABLE, bigRecord.length, PAGE_SIZE) > PAGE_SIZE / 2);
        long overflowPages = LocalPayload.overflowPageCount(PageType.LEAF_TABLE, bigRecord.length, PAGE_SIZE);
        long pageCount = 2 + overflowPages;

        MemorySegment file = MemorySegment.ofArray(new byte[(int) pageCount * PAGE_SIZE]);
        DatabaseHeader fresh = DatabaseHeader.forNewDatabase(PAGE_SIZE, 0, 3040001);
        new DatabaseHeader(PAGE_SIZE, DatabaseHeader.VERSION_WAL, DatabaseHeader.VERSION_WAL, 0, 64, 32, 32,
                fresh.changeCounter(), pageCount, 0, 0, 1, 4, 0, 0, DatabaseHeader.ENCODING_UTF8, 0, 0, 0,
                fresh.versionValidFor(), fresh.sqliteVersion()).encode(file);
        LeafBuilder schema = new LeafBuilder(file.asSlice(0, PAGE_SIZE), 1);
        schema.add(1, new RecordWriter().addText("table").addText("t").addText("t").addLong(2)
                .addText("CREATE TABLE t(a, b)").toByteArray(), 0);

        LeafBuilder table = new LeafBuilder(file.asSlice(PAGE_SIZE, PAGE_SIZE), 2);
        List<String> expected = new ArrayList<>();
        long rowid = 0;
        for (int i = 0; i < 12; i++) {
            rowid += 1 + random.nextInt(1000);
            long a = random.nextLong() >> random.nextInt(64);
            String b = "row " + i;
            table.add(rowid, new RecordWriter().addLong(a).addText(b).toByteArray(), 0);
            expected.add(rowid + "|" + a + "|" + HEX.formatHex(b.getBytes()));
        }
        rowid += 1;
        table.add(rowid, bigRecord, 3);
        expected.add(rowid + "|-7|" + HEX.formatHex(big));
        assertEquals(overflowPages, writeOverflow(file, bigRecord, 3));

        Path db = dir.resolve("built.db");
        Files.write(db, file.toArray(ValueLayout.JAVA_BYTE));
        assertEquals(List.of("ok"), Sqlite3.query(db, "PRAGMA integrity_check"));
        assertEquals(expected, Sqlite3.query(db, "SELECT rowid, a, hex(b) FROM t ORDER BY rowid"));

        // A WAL whose one commit frame adds a row to page 2; sqlite3 must recover and show it.
        Files.deleteIfExists(dir.resolve("built.db-shm"));
        rowid += 1;
        table.add(rowid, new RecordWriter().addLong(0).addDouble(0.5).toByteArray(), 0);
        expected.add(rowid + "|0|" + HEX.formatHex("0.5".getBytes())); // hex() of a real is of its text
        WalHeader walHeader = WalHeader.create(bigEndian, PAGE_SIZE, 0, random.nextInt(), random.nextInt());
        MemorySegment wal = MemorySegment.ofArray(new byte[(int) walHeader.frameOffset(2)]);
        walHeader.encode(wal);
        new WalFrameChain(walHeader).append(2, pageCount, table.page).encode(wal, walHeader.frameOffset(1));
        MemorySegment.copy(table.page, 0, wal, walHeader.frameOffset(1) + WalFrameHeader.SIZE, PAGE_SIZE);
        Files.write(dir.resolve("built.db-wal"), wal.toArray(ValueLayout.JAVA_BYTE));
        assertEquals(List.of("ok"), Sqlite3.query(db, "PRAGMA integrity_check"));
        assertEquals(expected, Sqlite3.query(db, "SELECT rowid, a, hex(b) FROM t ORDER BY rowid"));
    }
}
