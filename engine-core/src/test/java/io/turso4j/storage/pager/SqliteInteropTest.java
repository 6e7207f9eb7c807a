package io.turso4j.storage.pager;

import io.turso4j.storage.format.Sqlite3;
import io.turso4j.storage.format.Sqlite3Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.io.IO;
import io.turso4j.io.memory.MemoryIO;
import io.turso4j.storage.format.DatabaseHeader;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pager against the real sqlite3: databases it writes (from page images of databases
 * sqlite3 made, as there are no B-trees here yet) pass {@code PRAGMA integrity_check} and
 * hold the rows; a WAL it leaves after a crash is recovered by sqlite3; a WAL a killed
 * sqlite3 left is recovered by it.
 */
class SqliteInteropTest {
    private static final int PAGE_SIZE = SqliteImages.PAGE_SIZE;
    private static final String ROWS = SqliteImages.ROWS;

    @TempDir
    Path dir;

    private Path sqliteDb(String name, int rows) throws Exception {
        return SqliteImages.database(dir, name, rows);
    }

    private static void rewrite(IO io, Pager pager, byte[] image) {
        SqliteImages.rewrite(io, pager, image);
    }

    private static void export(IO io, String from, Path to) throws Exception {
        SqliteImages.export(io, from, to);
    }

    @Test
    void aJournalDatabaseRewrittenByThePagerPassesIntegrityCheck() throws Exception {
        Path small = sqliteDb("small.db", 5);
        Path big = sqliteDb("big.db", 2000);
        byte[] target = Files.readAllBytes(big);
        String expected = Sqlite3.output(big, ROWS);

        MemoryIO io = new MemoryIO();
        Drive.importFile(io, "/x.db", Files.readAllBytes(small));
        SharedPager shared = Drive.open(io, "/x.db");
        try (Pager pager = shared.newPager()) {
            assertEquals(PAGE_SIZE, pager.pageSize());
            rewrite(io, pager, target);
        }
        Drive.close(io, shared);
        assertFalse(io.exists("/x.db-wal"));

        Path out = dir.resolve("out.db");
        export(io, "/x.db", out);
        DatabaseHeader h = DatabaseHeader.decode(Files.readAllBytes(out));
        assertTrue(h.walMode(), "the first write makes the file a WAL database");
        assertEquals(target.length / PAGE_SIZE, h.databaseSize());
        assertEquals("ok", Sqlite3.output(out, "PRAGMA integrity_check;"));
        assertEquals(expected, Sqlite3.output(out, ROWS));
        assertEquals("wal", Sqlite3.output(out, "PRAGMA journal_mode;"));
        io.close();
    }

    @Test
    void sqlite3RecoversTheWalThePagerLeftToTheLastCommit() throws Exception {
        byte[] first = Files.readAllBytes(sqliteDb("a.db", 10));
        byte[] second = Files.readAllBytes(sqliteDb("b.db", 800));
        Path third = sqliteDb("c.db", 3000);
        String expected = Sqlite3.output(dir.resolve("b.db"), ROWS);

        MemoryIO io = new MemoryIO();
        Drive.importFile(io, "/x.db", first);
        SharedPager shared = Drive.open(io, "/x.db");
        Pager pager = shared.newPager();
        rewrite(io, pager, second);
        // An uncommitted transaction that spills part of itself into the WAL.
        pager.setCacheSize(8);
        pager.beginRead();
        pager.beginWrite();
        byte[] image = Files.readAllBytes(third);
        for (int n = 1; n <= image.length / PAGE_SIZE; n++) {
            int number = n;
            Page p = n <= pager.pageCount() ? Drive.await(io, () -> pager.get(number)) : pager.allocate();
            if (p.number() <= shared.wal().current().dbSize()) {
                pager.write(p);
            }
            PageImages.put(p, java.util.Arrays.copyOfRange(image, (n - 1) * PAGE_SIZE, n * PAGE_SIZE));
            pager.unpin(p);
        }
        // allocate() never does I/O: the next get() spills the pages appended past the cache's bound.
        pager.unpin(Drive.await(io, () -> pager.get(1)));
        assertTrue(shared.wal().writerFrameCount() > shared.wal().current().maxFrame(), "the transaction spilled");

        // The process dies here: copy the files as they are.
        Path crashed = dir.resolve("crashed.db");
        export(io, "/x.db", crashed);
        export(io, "/x.db-wal", dir.resolve("crashed.db-wal"));
        assertEquals("ok", Sqlite3.output(crashed, "PRAGMA integrity_check;"));
        assertEquals(expected, Sqlite3.output(crashed, ROWS));
        io.close();
    }

    @Test
    void thePagerRecoversTheWalOfAKilledSqlite3() throws Exception {
        Path live = dir.resolve("live.db");
        Path snapshot = dir.resolve("snapshot.db");
        try (Sqlite3Session sqlite = new Sqlite3Session(live)) {
            sqlite.run("""
                    PRAGMA page_size = %d;
                    PRAGMA journal_mode = WAL;
                    PRAGMA wal_autocheckpoint = 0;
                    CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT);
                    CREATE INDEX t_v ON t(v);
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 700)
                    INSERT INTO t SELECT i, hex(randomblob(1 + i %% 200)) FROM n;
                    UPDATE t SET v = 'updated' WHERE k %% 10 = 0;
                    DELETE FROM t WHERE k %% 7 = 0;
                    """.formatted(PAGE_SIZE));
            Files.copy(live, snapshot);
            Files.copy(dir.resolve("live.db-wal"), dir.resolve("snapshot.db-wal"));
            sqlite.run("""
                    PRAGMA cache_size = 2;
                    BEGIN;
                    WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 1400)
                    INSERT INTO t SELECT i, hex(randomblob(300)) FROM n;
                    """);
        }
        String expected = Sqlite3.output(snapshot, ROWS + "SELECT group_concat(k || v) FROM t;");
        assertTrue(Files.size(dir.resolve("live.db-wal")) > 0);

        MemoryIO io = new MemoryIO();
        Drive.importFile(io, "/x.db", Files.readAllBytes(live));
        Drive.importFile(io, "/x.db-wal", Files.readAllBytes(dir.resolve("live.db-wal")));
        SharedPager shared = Drive.open(io, "/x.db");
        assertTrue(shared.wal().current().maxFrame() > 0, "committed frames recovered");
        Drive.close(io, shared);
        assertFalse(io.exists("/x.db-wal"));
        Path out = dir.resolve("out.db");
        export(io, "/x.db", out);
        assertEquals("ok", Sqlite3.output(out, "PRAGMA integrity_check;"));
        assertEquals(expected, Sqlite3.output(out, ROWS + "SELECT group_concat(k || v) FROM t;"));
        io.close();
    }
}
