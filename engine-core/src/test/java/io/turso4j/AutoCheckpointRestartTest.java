package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autocommit statements keep the WAL bounded as SQLite does: the statement whose commit
 * triggers the auto-checkpoint ends only once the checkpoint has, so the next write finds
 * every frame backfilled and restarts the WAL at frame 1 rather than appending forever.
 */
class AutoCheckpointRestartTest {
    private static final int PAGE_SIZE = 4096;
    private static final int FRAME = PAGE_SIZE + 24;
    private static final int AUTOCHECKPOINT = 50;

    @TempDir
    Path dir;

    @Test
    void autocommitInsertsRestartTheWalAfterEachCheckpoint() throws Exception {
        Path db = dir.resolve("a.db");
        Path wal = dir.resolve("a.db-wal");
        long largest = 0;
        try (Database d = Database.open(db.toString()); Connection c = d.connect()) {
            c.execute("PRAGMA wal_autocheckpoint=" + AUTOCHECKPOINT);
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)");
            try (Statement insert = c.prepare("INSERT INTO t(id, a) VALUES (?, ?)")) {
                for (int id = 1; id <= 6 * AUTOCHECKPOINT; id++) {
                    insert.bindLong(1, id).bind(2, "row " + id);
                    insert.next();
                    insert.reset();
                    largest = Math.max(largest, Files.size(wal));
                }
            }
            try (Statement count = c.prepare("SELECT count(*) FROM t")) {
                assertTrue(count.next());
                assertEquals(6 * AUTOCHECKPOINT, count.getLong(0));
            }
        }
        // One generation holds at most the frames up to the checkpoint that ends it (one
        // commit frame per insert here, a few more for the commits that grow the tree).
        long bound = 32 + (long) FRAME * (AUTOCHECKPOINT + 10);
        long grew = largest;
        assertTrue(grew <= bound, () -> "the WAL grew to " + grew + " bytes, more than " + bound);
    }
}
