package io.turso4j.storage.pager;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.DatabaseOptions;
import io.turso4j.Statement;
import io.turso4j.error.SqliteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first commit writes page 1 of a new database before its WAL frames; a crash can cut
 * that write short (StorageSimulationTest's seed -6053769535774832358 left 37 bytes). Such a
 * file, shorter than the header and the start of exactly that page, opens as the empty
 * database it still is, and takes the next commit. Any other file that short is not a
 * database, as before.
 */
class TornFirstPageTest {
    @TempDir
    Path dir;

    @Test
    void aFirstPageCutShortOpensAsAnEmptyDatabase() throws Exception {
        for (int pageSize : new int[] {4096, 512, 65536}) {
            MemorySegment page = MemorySegment.ofArray(new byte[pageSize]);
            SharedPager.firstPage(page, pageSize, 0);
            for (int n : new int[] {1, 16, 17, 18, 21, 37, 99}) {
                Path file = dir.resolve("torn-" + pageSize + "-" + n + ".db");
                Files.write(file, Arrays.copyOf(page.toArray(ValueLayout.JAVA_BYTE), n));
                try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
                     Connection c = db.connect()) {
                    c.execute("CREATE TABLE t(a); INSERT INTO t VALUES (" + n + ")");
                    try (Statement s = c.prepare("SELECT a FROM t")) {
                        assertTrue(s.next());
                        assertEquals(n, s.getLong(0), file.toString());
                    }
                }
                assertTrue(Files.size(file) >= 512, "page 1 was written again: " + file);
            }
        }
    }

    @Test
    void otherShortFilesAreNotDatabases() throws Exception {
        byte[][] contents = {
            "hello, this is a text file of 37 b.\n".getBytes(),
            Arrays.copyOf("SQLite format 3\0".getBytes(), 40), // a header of zeros after the magic
            {0},
        };
        for (int i = 0; i < contents.length; i++) {
            Path file = dir.resolve("short-" + i + ".db");
            Files.write(file, contents[i]);
            SqliteException e = assertThrows(SqliteException.class, () -> {
                try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"))) {
                    db.connect().close();
                }
            });
            assertTrue(e.getMessage().contains("file is not a database"), e.getMessage());
            assertEquals(contents[i].length, Files.size(file), "left as it was");
        }
    }
}
