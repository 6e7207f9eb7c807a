package io.turso4j.storage.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.pager.ArrayPager;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Databases sqlite3 made and found "ok" give no messages, whatever their shape. */
class CleanDatabaseTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "page size {0}, auto_vacuum {1}")
    @CsvSource({
        "512, none", "512, full", "512, incremental",
        "4096, none", "4096, full", "4096, incremental",
        "65536, none", "65536, full", "65536, incremental"})
    void sqlite3DatabasesAreOk(int pageSize, String autoVacuum) throws Exception {
        int rows = pageSize == 65536 ? 3000 : 600;
        byte[] image = Sqlite3Oracle.create(dir, "clean.db", Shapes.mixed(pageSize, autoVacuum, rows, true));
        assertEquals(List.of(), Sqlite3Oracle.storageMessages(dir, image, 100), "sqlite3 itself");
        List<Long> roots = Checker.schemaRoots(image);
        assertEquals(sorted(Sqlite3Oracle.checkedRoots(dir, image)), sorted(roots), "roots from sqlite_schema");
        assertEquals(List.of(), Checker.check(image, roots, 100));
        assertEquals(List.of(), Checker.check(image, roots, 100, false, java.util.Map.of(), new Random(pageSize)));
    }

    @Test
    void reservedBytesAndAnEmptyDatabase() throws Exception {
        byte[] image = Sqlite3Oracle.create(dir, "reserved.db", ".filectrl reserve_bytes 32\n"
                + Shapes.mixed(1024, "full", 300, true));
        assertEquals(32, image[20]);
        assertEquals(List.of(), Checker.check(image, Checker.schemaRoots(image), 100));

        byte[] empty = Sqlite3Oracle.create(dir, "empty.db", "PRAGMA user_version=1;\n");
        assertEquals(List.of(1L), Checker.schemaRoots(empty));
        assertEquals(List.of(), Checker.check(empty, List.of(1L), 100));
    }

    @Test
    void aNewZeroLengthDatabaseHasNothingToCheck() {
        ArrayPager pager = new ArrayPager(4096);
        pager.beginRead();
        assertEquals(List.of(), new IntegrityCheck(pager, List.of(1L), 100).run());
        assertTrue(new SchemaRoots(pager).read().isEmpty());
    }

    @Test
    void utf16SchemaIsRead() throws Exception {
        byte[] image = Sqlite3Oracle.create(dir, "utf16.db", "PRAGMA encoding='UTF-16le';\n"
                + "CREATE TABLE \"täble\"(x);\nCREATE INDEX ix ON \"täble\"(x);\n");
        ArrayPager pager = ArrayPager.of(image);
        pager.beginRead();
        List<SchemaRoots.Entry> entries = new SchemaRoots(pager).read();
        assertEquals("täble", entries.get(0).name());
        assertEquals("index", entries.get(1).type());
        assertEquals(List.of(1L, 2L, 3L), SchemaRoots.roots(entries));
    }

    /** Without the 0s sqlite3 puts in its root array (for WITHOUT ROWID tables), which mean "skip". */
    private static List<Long> sorted(List<Long> roots) {
        return roots.stream().filter(r -> r != 0).sorted().toList();
    }
}
