package io.turso4j.storage.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately damaged databases: our messages must equal the lines sqlite3's {@code PRAGMA
 * integrity_check} prints at the storage level, in the same order, for every corruption of
 * {@link Damage} on databases with and without auto-vacuum.
 */
class CorruptionTest {
    @TempDir
    static Path dir;

    private static final Map<String, byte[]> BASES = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void buildBases() throws Exception {
        for (String autoVacuum : List.of("none", "full", "incremental")) {
            BASES.put(autoVacuum, Sqlite3Oracle.create(dir, autoVacuum + ".db", Shapes.mixed(512, autoVacuum, 600, false)));
        }
    }

    @TestFactory
    List<DynamicTest> everyCorruptionAsSqlite3ReportsIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, byte[]> base : BASES.entrySet()) {
            for (Map.Entry<String, Function<byte[], byte[]>> damage : Damage.corpus().entrySet()) {
                byte[] damaged = damage.getValue().apply(base.getValue());
                if (damaged != null) {
                    String name = damage.getKey() + " (auto_vacuum " + base.getKey() + ")";
                    tests.add(DynamicTest.dynamicTest(name, () -> assertSameAsSqlite3(name, base.getValue(), damaged, 100)));
                }
            }
        }
        return tests;
    }

    @Test
    void theMessageLimitCutsWhereSqlite3Does() throws Exception {
        byte[] base = BASES.get("none");
        byte[] damaged = Damage.corpus().get("duplicate child pointer").apply(
                Damage.corpus().get("freelist count one too high").apply(
                        Damage.corpus().get("overlapping cells").apply(base)));
        for (int max : new int[] {1, 2, 3, 4, 100}) {
            assertSameAsSqlite3("limit " + max, base, damaged, max);
        }
    }

    @Test
    void aPartialCheckOfOneTableSkipsTheFreelistAndUnusedPages() throws Exception {
        byte[] base = BASES.get("none");
        byte[] damaged = Damage.corpus().get("duplicate child pointer").apply(
                Damage.corpus().get("freelist count one too high").apply(base));
        List<Long> roots = Sqlite3Oracle.checkedRoots(dir, base, "PRAGMA integrity_check(t)");
        assertEquals(0L, roots.get(0), "sqlite3 marks a partial check with a leading 0");
        List<String> expected = Sqlite3Oracle.storageMessages(dir, damaged, "t");
        List<String> actual = Checker.check(damaged, roots.subList(1, roots.size()), 100, true, Map.of(), null);
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertTrue(actual.stream().noneMatch(m -> m.contains("freelist") || m.contains("never used")), actual.toString());
        assertFalse(actual.isEmpty());
    }

    static void assertSameAsSqlite3(String name, byte[] base, byte[] damaged, int maxErrors) throws Exception {
        List<String> expected = Sqlite3Oracle.storageMessages(dir, damaged, maxErrors);
        assertNotNull(expected, name + ": sqlite3 could not check it");
        assertFalse(expected.isEmpty(), name + ": the damage should be visible to sqlite3");
        List<Long> roots = Sqlite3Oracle.checkedRoots(dir, base);
        // sqlite3 reads a leading 0 in its root array as "partial check"; mirror that.
        boolean partial = roots.get(0) == 0;
        List<String> actual = Checker.check(damaged, roots, maxErrors, partial, Map.of(), new Random(name.hashCode()));
        assertEquals(String.join("\n", expected), String.join("\n", actual), name);
    }
}
