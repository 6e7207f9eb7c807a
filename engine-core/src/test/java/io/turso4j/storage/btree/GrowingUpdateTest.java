package io.turso4j.storage.btree;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.DatabaseOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rows that grow in place, a byte or a few at a time, on pages left without a gap: each
 * replacement frees its old cell and needs a slightly bigger one, so the page is packed again
 * and again, mostly by sliding cells over one or two freeblocks (see {@link CellSlot}), with
 * deletes leaving more blocks and fragments between. The file must pass sqlite3's integrity
 * check after each round and hold the rows sqlite3 holds after the same statements.
 */
class GrowingUpdateTest {
    @TempDir
    Path dir;

    private static final String SETUP = """
            CREATE TABLE t(a INTEGER PRIMARY KEY, b, c);
            CREATE INDEX tc ON t(c);
            WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 3000)
            INSERT INTO t SELECT x, x % 13, printf('%.*c', x % 23, 'v') FROM s;
            """;

    private static String round(int r) {
        return "UPDATE t SET c = c || '" + "w".repeat(1 + r % 3) + "' WHERE a % " + (2 + r % 5) + " = " + (r % 2) + ";"
                + "DELETE FROM t WHERE a % 97 = " + r + ";"
                + "UPDATE t SET b = b || 'x' WHERE a % 11 = " + (r % 11) + ";";
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {512, 4096})
    void rowsThatGrowInPlaceKeepTheFileSound(int pageSize) throws Exception {
        String pragmas = "PRAGMA page_size = " + pageSize + ";";
        Path ours = dir.resolve("ours.db");
        Path theirs = dir.resolve("theirs.db");
        StringBuilder all = new StringBuilder(pragmas + SETUP);
        try (Database db = Database.open(ours.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            c.execute(pragmas + SETUP);
            for (int r = 0; r < 12; r++) {
                c.execute(round(r));
                all.append(round(r));
                try (var s = c.prepare("PRAGMA integrity_check")) {
                    s.next();
                    assertEquals("ok", s.getText(0), "round " + r);
                }
            }
        }
        Oracle.sqlite3(theirs, pragmas + "PRAGMA journal_mode = WAL;" + all);
        assertEquals(List.of("ok"), Oracle.sqlite3(ours, "PRAGMA integrity_check;"));
        String digest = "SELECT count(*), sum(length(b)), sum(length(c)), group_concat(a % 7) FROM t;";
        assertEquals(Oracle.sqlite3(theirs, digest), Oracle.sqlite3(ours, digest));
    }
}
