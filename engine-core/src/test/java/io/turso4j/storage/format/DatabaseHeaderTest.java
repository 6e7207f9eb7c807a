package io.turso4j.storage.format;

import io.turso4j.error.ResultCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatabaseHeaderTest {

    private static DatabaseHeader randomHeader(Random r) {
        int pageSize = 512 << r.nextInt(8);
        int reserved = r.nextInt(Math.min(256, pageSize - DatabaseHeader.MIN_USABLE_SIZE + 1));
        return new DatabaseHeader(pageSize, 1 + r.nextInt(2), 1 + r.nextInt(2), reserved, 64, 32, 32,
                r.nextLong(1L << 32), r.nextLong(1L << 32), r.nextLong(1L << 32), r.nextLong(1L << 32),
                r.nextLong(1L << 32), 1 + r.nextInt(4), r.nextInt(), r.nextLong(1L << 32), r.nextInt(4),
                r.nextInt(), r.nextLong(1L << 32), r.nextInt(), r.nextLong(1L << 32), r.nextInt());
    }

    @Test
    void roundTripsRandomHeaders() {
        Random random = TestSeed.random("DatabaseHeaderTest.roundTripsRandomHeaders");
        for (int i = 0; i < 10_000; i++) {
            DatabaseHeader h = randomHeader(random);
            byte[] bytes = h.toByteArray();
            assertEquals(h, DatabaseHeader.decode(bytes));
            assertTrue(Arrays.equals(bytes, DatabaseHeader.decode(bytes).toByteArray()));
        }
    }

    @Test
    void storesPageSize65536AsOne() {
        byte[] bytes = DatabaseHeader.forNewDatabase(65536, 0, 3040001).toByteArray();
        assertEquals(0, bytes[16]);
        assertEquals(1, bytes[17]);
        assertEquals(65536, DatabaseHeader.decode(bytes).pageSize());
    }

    @Test
    void newDatabaseHeaderMatchesSqlitesDefaults() {
        DatabaseHeader h = DatabaseHeader.forNewDatabase(4096, 0, 3040001);
        assertEquals(4096, h.usableSize());
        assertTrue(h.databaseSizeValid());
        assertEquals(DatabaseHeader.ENCODING_UTF8, h.textEncoding());
        assertEquals(4, h.schemaFormat());
        assertEquals(false, h.autoVacuum());
    }

    private static byte[] valid() {
        return DatabaseHeader.forNewDatabase(4096, 0, 3040001).toByteArray();
    }

    private static void assertRefused(byte[] bytes, String detailPart) {
        CorruptDatabaseException e = assertThrows(CorruptDatabaseException.class, () -> DatabaseHeader.decode(bytes));
        assertEquals(1, e.pageNumber());
        assertEquals(ResultCode.NOTADB, e.code());
        assertTrue(e.getMessage().startsWith("file is not a database"), e.getMessage());
        assertTrue(e.detail().contains(detailPart), e.detail());
    }

    @Test
    void refusesMalformedHeaders() {
        assertRefused(Arrays.copyOf(valid(), 99), "truncated");
        byte[] b = valid();
        b[0] = 's';
        assertRefused(b, "magic");
        b = valid();
        b[15] = ' ';
        assertRefused(b, "magic");
        for (int pageSize : new int[] {0, 256, 1000, 3072, 32769}) {
            b = valid();
            b[16] = (byte) (pageSize >> 8);
            b[17] = (byte) pageSize;
            assertRefused(b, "page size");
        }
        b = valid();
        b[19] = 3;
        assertRefused(b, "read version");
        b = valid();
        b[16] = 2; // page size 512
        b[17] = 0;
        b[20] = 33; // usable size 479
        assertRefused(b, "reserved bytes");
        b = valid();
        b[21] = 63;
        assertRefused(b, "fractions");
        b = valid();
        b[59] = 4;
        assertRefused(b, "encoding");
    }

    @Test
    void acceptsTheSmallestUsableSize() {
        byte[] b = valid();
        b[16] = 2;
        b[17] = 0;
        b[20] = 32;
        assertEquals(480, DatabaseHeader.decode(b).usableSize());
    }

    @Test
    void trustsDatabaseSizeOnlyWhenVersionValidForMatches() {
        DatabaseHeader h = DatabaseHeader.forNewDatabase(4096, 0, 3040001);
        byte[] b = h.toByteArray();
        b[DatabaseHeader.CHANGE_COUNTER_OFFSET + 3] = 7;
        assertEquals(false, DatabaseHeader.decode(b).databaseSizeValid());
    }

    @Test
    void aWalCommitStampsTheFieldsItOwnsAndNothingElse() {
        Random random = TestSeed.random("DatabaseHeaderTest.aWalCommitStampsTheFieldsItOwnsAndNothingElse");
        for (int i = 0; i < 1_000; i++) {
            DatabaseHeader before = randomHeader(random);
            MemorySegment page1 = MemorySegment.ofArray(before.toByteArray());
            int pageCount = 1 + random.nextInt(1_000_000);
            DatabaseHeader.stampWalCommit(page1, pageCount, 3054001);
            long counter = (before.changeCounter() + 1) & 0xffffffffL;
            DatabaseHeader expected = new DatabaseHeader(before.pageSize(), DatabaseHeader.VERSION_WAL,
                    DatabaseHeader.VERSION_WAL, before.reservedBytes(), 64, 32, 32, counter, pageCount,
                    before.firstFreelistTrunk(), before.freelistCount(), before.schemaCookie(), before.schemaFormat(),
                    before.defaultCacheSize(), before.largestRootPage(), before.textEncoding(), before.userVersion(),
                    before.incrementalVacuum(), before.applicationId(), counter, 3054001);
            assertEquals(expected, DatabaseHeader.decode(page1));
            assertFalse(DatabaseHeader.isStaleForWalCommit(page1, pageCount));
            assertTrue(DatabaseHeader.isStaleForWalCommit(page1, pageCount + 1), "another size");
        }
    }

    @Test
    void aHeaderNotValidForItsCounterOrNotInWalModeIsStale() {
        MemorySegment page1 = MemorySegment.ofArray(DatabaseHeader.forNewDatabase(4096, 0, 3040001).toByteArray());
        DatabaseHeader.stampWalCommit(page1, 5, 3040001);
        page1.set(ValueLayout.JAVA_BYTE, DatabaseHeader.CHANGE_COUNTER_OFFSET + 3, (byte) 99);
        assertTrue(DatabaseHeader.isStaleForWalCommit(page1, 5), "version-valid-for behind the counter");
        DatabaseHeader.stampWalCommit(page1, 5, 3040001);
        page1.set(ValueLayout.JAVA_BYTE, DatabaseHeader.READ_VERSION_OFFSET, (byte) DatabaseHeader.VERSION_LEGACY);
        assertTrue(DatabaseHeader.isStaleForWalCommit(page1, 5), "a rollback-journal read version");
    }
}
