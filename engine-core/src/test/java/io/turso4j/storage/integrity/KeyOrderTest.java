package io.turso4j.storage.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index key order check, our addition to SQLite's storage-level checks: keys compared by
 * value with the index's collations and directions, overflow pages gathered for long keys.
 */
class KeyOrderTest {
    @TempDir
    Path dir;

    private static IndexKeyComparator order(Collation collation, boolean descending) {
        return new IndexKeyComparator(new Collation[] {collation, BuiltinCollation.BINARY},
                new boolean[] {descending, false});
    }

    private byte[] database() throws Exception {
        return Sqlite3Oracle.create(dir, "keys.db", "PRAGMA page_size=512;\n"
                + "CREATE TABLE t(a INTEGER PRIMARY KEY, c TEXT, long TEXT);\n"
                + "CREATE INDEX t_c ON t(c COLLATE NOCASE DESC);\n"
                + "CREATE INDEX t_long ON t(long);\n"
                + "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM n WHERE x<400)\n"
                + "  INSERT INTO t SELECT x, CASE x % 3 WHEN 0 THEN 'Row ' ELSE 'row ' END || (x * 37 % 400),\n"
                + "    printf('%04d', x * 13 % 400) || hex(zeroblob(300)) FROM n;\n");
    }

    private long root(byte[] image, String name) {
        return Checker.schemaRootEntries(image).stream().filter(e -> e.name().equals(name))
                .findFirst().orElseThrow().rootPage();
    }

    @Test
    void aCleanIndexIsInOrderUnderItsOwnCollationAndDirection() throws Exception {
        byte[] image = database();
        List<Long> roots = Checker.schemaRoots(image);
        long tc = root(image, "t_c");
        long tlong = root(image, "t_long");
        Map<Long, IndexKeyComparator> orders = Map.of(
                tc, order(BuiltinCollation.NOCASE, true),
                tlong, order(BuiltinCollation.BINARY, false),
                roots.get(1), order(BuiltinCollation.BINARY, false)); // a table tree: ignored
        assertEquals(List.of(), Checker.check(image, roots, 100, false, orders, new Random(1)));
    }

    @Test
    void theWrongCollationOrDirectionIsNoticed() throws Exception {
        byte[] image = database();
        List<Long> roots = Checker.schemaRoots(image);
        long tc = root(image, "t_c");
        List<String> ascending = Checker.check(image, roots, 100, false,
                Map.of(tc, order(BuiltinCollation.NOCASE, false)), null);
        assertFalse(ascending.isEmpty());
        assertTrue(ascending.stream().allMatch(m -> m.endsWith("Index key out of order")), ascending.toString());
        List<String> binary = Checker.check(image, roots, 100, false,
                Map.of(tc, order(BuiltinCollation.BINARY, true)), null);
        assertFalse(binary.isEmpty(), "'Row' and 'row' interleave under NOCASE but not BINARY");
    }

    @Test
    void swappedKeysAreFoundAlsoWhenTheyOverflow() throws Exception {
        byte[] image = database();
        List<Long> roots = Checker.schemaRoots(image);
        long tlong = root(image, "t_long");
        DbImage db = new DbImage(image);
        int leaf = (int) tlong;
        while (!db.isLeaf(leaf)) {
            leaf = (int) db.child(leaf, 0);
        }
        int first = db.cellOffset(leaf, 0);
        db.put16(leaf, db.cellPointerAt(leaf, 0), db.cellOffset(leaf, 1));
        db.put16(leaf, db.cellPointerAt(leaf, 1), first);
        List<String> messages = Checker.check(db.bytes, roots, 100, false,
                Map.of(tlong, order(BuiltinCollation.BINARY, false)), new Random(2));
        assertEquals(List.of("On tree page " + leaf + " cell 0: Index key out of order"), messages);
        // sqlite3's storage level does not look at index keys: without a comparator, neither do we.
        assertEquals(List.of(), Checker.check(db.bytes, roots, 100));
    }
}
