package io.turso4j.storage.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.pager.ArrayPager;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes no sane writer makes but a damaged file can: a tree thousands of levels deep (the
 * check keeps its own stack, so the Java stack cannot overflow) and a tree that loops back on
 * itself (every page is claimed once, so the walk ends).
 */
class DeepTreeTest {
    private static final int DEPTH = 5000;

    @TempDir
    Path dir;

    /** Table t's root becomes a chain of DEPTH interior pages with no cells, ending in a leaf. */
    private byte[] deepChain() throws Exception {
        byte[] base = Sqlite3Oracle.create(dir, "deep.db", "PRAGMA page_size=512;\nCREATE TABLE t(x);\n");
        int root = 2;
        byte[] grown = Arrays.copyOf(base, (root + DEPTH) * 512);
        DbImage db = new DbImage(grown);
        for (int p = root; p < root + DEPTH; p++) {
            db.put8(p, 0, 5).put16(p, 1, 0).put16(p, 3, 0).put16(p, 5, 512).put8(p, 7, 0).put32(p, 8, p + 1);
        }
        int leaf = root + DEPTH;
        db.put8(leaf, 0, 13).put16(leaf, 3, 0).put16(leaf, 5, 512);
        db.put32(1, 28, db.pageCount());
        return db.bytes;
    }

    @Test
    void aVeryDeepTreeIsWalkedWithoutRecursion() throws Exception {
        byte[] image = deepChain();
        // Every page is used once and every page is well formed: nothing to report. (sqlite3
        // stops with SQLITE_CORRUPT here instead: its cursors refuse trees deeper than 20
        // levels when the pragma scans table t, so it cannot serve as the oracle.)
        assertEquals(List.of(), Checker.check(image, Checker.schemaRoots(image), 100, false, Map.of(), new Random(3)));
    }

    @Test
    void aTreeLoopingBackOnItselfEnds() throws Exception {
        byte[] image = deepChain();
        DbImage db = new DbImage(image);
        db.put32(2 + DEPTH - 1, 8, 2);
        List<Long> roots = Sqlite3Oracle.checkedRoots(dir, image);
        List<String> messages = Checker.check(db.bytes, roots, 100, false, Map.of(), null);
        assertEquals(Sqlite3Oracle.storageMessages(dir, db.bytes, 100), messages);
        assertEquals("2nd reference to page 2", messages.get(0).replaceFirst("^On tree page \\d+ cell \\d+: ", ""));
    }

    @Test
    void schemaRootsRefusesALoopingSchemaTree() throws Exception {
        byte[] image = Sqlite3Oracle.create(dir, "schema.db", "PRAGMA page_size=512;\n"
                + String.join("", IntStream.range(0, 40)
                        .mapToObj(i -> "CREATE TABLE t" + i + "(a_rather_long_column_name_" + i + " TEXT);\n").toList()));
        DbImage db = new DbImage(image);
        assertEquals(5, db.type(1), "sqlite_schema spans several pages");
        db.put32(1, db.cellOffset(1, 0), 1);
        ArrayPager pager = ArrayPager.of(db.bytes);
        pager.beginRead();
        var e = assertThrows(CorruptDatabaseException.class, () -> new SchemaRoots(pager).read());
        assertEquals(1, e.pageNumber(), e.getMessage());
    }
}
