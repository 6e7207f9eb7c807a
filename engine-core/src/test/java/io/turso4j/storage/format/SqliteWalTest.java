package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a WAL left behind by a sqlite3 process killed mid-session: every frame's checksum,
 * salts and commit marks, and the database it describes once committed frames are applied.
 */
class SqliteWalTest {
    private static final int PAGE_SIZE = 1024;

    @TempDir
    Path dir;

    /** Several commits; then the WAL is copied. */
    private static final String COMMITS = """
            PRAGMA page_size = %d;
            PRAGMA journal_mode = WAL;
            PRAGMA wal_autocheckpoint = 0;
            CREATE TABLE w(k, v);
            CREATE INDEX w_v ON w(v);
            INSERT INTO w VALUES (1, 'one'), (2, randomblob(5000)), (3, 3.25);
            WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
            INSERT INTO w SELECT i, printf('%%.*c', i * 7 %% 900, 'v') FROM n;
            UPDATE w SET v = 'updated' WHERE k %% 10 = 0;
            DELETE FROM w WHERE k %% 7 = 0;
            """.formatted(PAGE_SIZE);

    /** A big transaction that a tiny page cache forces to spill into the WAL uncommitted. */
    private static final String UNCOMMITTED = """
            PRAGMA cache_size = 2;
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 1400)
            INSERT INTO w SELECT i, randomblob(700) FROM n;
            """;

    @Test
    void readsTheWalOfAKilledSqlite3() throws Exception {
        Path db = dir.resolve("live.db");
        Path walFile = dir.resolve("live.db-wal");
        byte[] committedWal;
        byte[] dbBytes;
        byte[] walBytes;
        try (Sqlite3Session sqlite = new Sqlite3Session(db)) {
            sqlite.run(COMMITS);
            committedWal = Files.readAllBytes(walFile);
            sqlite.run(UNCOMMITTED);
            dbBytes = Files.readAllBytes(db);
            walBytes = Files.readAllBytes(walFile);
        }
        assertTrue(Files.size(walFile) > 0, "the killed process leaves its WAL");

        // Up to the last commit, every frame sqlite3 wrote verifies and the last one commits.
        MemorySegment committed = MemorySegment.ofArray(committedWal);
        WalHeader header = WalHeader.decode(committed);
        assertTrue(header.checksumValid());
        assertEquals(WalHeader.FORMAT_VERSION, header.formatVersion());
        assertEquals(PAGE_SIZE, header.pageSize());
        assertEquals(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN, header.bigEndianChecksum());
        long committedFrames = (committedWal.length - WalHeader.SIZE) / header.frameSize();
        assertEquals(WalHeader.SIZE + committedFrames * header.frameSize(), committedWal.length);
        WalFrameChain committedChain = WalChainTest.verifyAll(header, committed, committedFrames);
        assertEquals(committedFrames, committedChain.frames(), "every committed frame verifies");
        assertEquals(committedFrames, committedChain.lastCommitFrame());

        // The spill appends frames without a commit mark, and may overwrite its own frames in
        // place with checksums SQLite recomputes only at commit, so the chain may break inside
        // the uncommitted tail; recovery keeps exactly the commits.
        MemorySegment wal = MemorySegment.ofArray(walBytes);
        assertEquals(header, WalHeader.decode(wal));
        long frames = (walBytes.length - WalHeader.SIZE) / header.frameSize();
        assertTrue(frames > committedFrames, "the uncommitted transaction spilled into the WAL");
        WalFrameChain chain = WalChainTest.verifyAll(header, wal, frames);
        assertTrue(chain.frames() >= committedFrames);
        assertEquals(committedFrames, chain.lastCommitFrame());
        assertEquals(committedChain.lastCommitDatabaseSize(), chain.lastCommitDatabaseSize());

        DatabaseHeader dbHeader = DatabaseHeader.decode(dbBytes);
        assertTrue(dbHeader.walMode());

        // What sqlite3 recovers from a copy of the files is what the committed frames describe.
        Path copy = dir.resolve("copy.db");
        Files.write(copy, dbBytes);
        Files.write(dir.resolve("copy.db-wal"), walBytes);
        DatabaseWalker walker = new DatabaseWalker(applyCommitted(dbBytes, wal, header, chain)).walkAll();
        assertEquals(Long.parseLong(Sqlite3.scalar(copy, "PRAGMA page_count")), walker.pageCount);
        List<String> expected = new ArrayList<>();
        for (String line : Sqlite3.query(copy, "SELECT " + Sqlite3.render("rowid") + ", " + Sqlite3.render("k") + ", "
                + Sqlite3.render("v") + " FROM w ORDER BY rowid")) {
            expected.add(Render.normalizeSqliteLine(line));
        }
        assertEquals(300 - 300 / 7, expected.size());
        assertEquals(expected, walker.contents.get("w"));
        assertEquals(expected.size(), walker.contents.get("w_v").size());
    }

    /** The database image as of the last commit: the file, overlaid with committed frames in order. */
    private static byte[] applyCommitted(byte[] db, MemorySegment wal, WalHeader header, WalFrameChain chain) {
        byte[] image = new byte[(int) (chain.lastCommitDatabaseSize() * header.pageSize())];
        System.arraycopy(db, 0, image, 0, Math.min(db.length, image.length));
        MemorySegment out = MemorySegment.ofArray(image);
        for (long f = 1; f <= chain.lastCommitFrame(); f++) {
            long at = header.frameOffset(f);
            WalFrameHeader frame = WalFrameHeader.decode(wal, at);
            if (frame.pageNumber() <= chain.lastCommitDatabaseSize()) {
                MemorySegment.copy(wal, at + WalFrameHeader.SIZE, out, (frame.pageNumber() - 1) * header.pageSize(),
                        header.pageSize());
            }
        }
        return image;
    }
}
