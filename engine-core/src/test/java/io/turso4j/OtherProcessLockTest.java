package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.format.Sqlite3;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlite3 as another process on a file turso4j has open: turso4j's whole-file lock (an fcntl
 * lock on Linux, which SQLite's byte-range locks respect) keeps sqlite3 out with "database is
 * locked" while the Database is open, since turso4j's WAL index lives only in its memory; once
 * closed, sqlite3 reads every committed row.
 */
class OtherProcessLockTest {
    @TempDir
    Path dir;

    @Test
    void sqlite3IsLockedOutWhileOpenAndSeesEverythingAfterClose() throws Exception {
        Path file = dir.resolve("shared.db");
        try (Database db = Database.open(file.toString()); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a); INSERT INTO t VALUES (1), (2), (3)");
            for (String sql : new String[] {"SELECT count(*) FROM t;", "INSERT INTO t VALUES (4);"}) {
                IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Sqlite3.run(file, sql));
                assertTrue(e.getMessage().contains("database is locked"), e.getMessage());
            }
        }
        assertEquals("3", Sqlite3.output(file, "SELECT count(*) FROM t;"));
    }
}
