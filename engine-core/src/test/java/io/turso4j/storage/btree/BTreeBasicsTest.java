package io.turso4j.storage.btree;

import static io.turso4j.storage.btree.Oracle.retry;
import static io.turso4j.storage.btree.Oracle.retryRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.pager.ArrayPager;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The B-tree layer's smaller promises: a new database's first page, meta values, clear, the
 * auto-vacuum setting, collated and descending index keys, and that an operation meeting
 * pending I/O has changed nothing.
 */
class BTreeBasicsTest {
    @TempDir
    Path dir;

    static byte[] row(long a, String b) {
        return new RecordWriter().addLong(a).addText(b).toByteArray();
    }

    static void schemaRow(PagerBTree tree, long rowid, String type, String name, String table, int root, String sql) {
        try (BTreeCursor s = tree.openTable(1, true)) {
            retryRun(() -> s.insert(rowid, new RecordWriter().addText(type).addText(name).addText(table)
                    .addLong(root).addText(sql).toByteArray()));
        }
    }

    @ParameterizedTest(name = "page size {0}, auto_vacuum {1}")
    @CsvSource({"512, NONE", "4096, FULL", "65536, INCREMENTAL", "1024, NONE", "8192, FULL"})
    void firstWriteCreatesADatabaseSqlite3Opens(int pageSize, AutoVacuum mode) throws Exception {
        ArrayPager pager = new ArrayPager(pageSize);
        PagerBTree tree = new PagerBTree(pager);
        pager.beginRead();
        assertEquals(0, tree.meta(1));
        assertTrue(tree.setAutoVacuum(mode));
        assertEquals(mode, tree.autoVacuum());
        assertEquals(0, pager.pageCount(), "reading creates nothing");
        pager.beginWrite();
        int root = tree.createTable();
        assertEquals(mode == AutoVacuum.NONE ? 2 : 3, root);
        assertFalse(tree.setAutoVacuum(AutoVacuum.NONE), "too late once the database has pages");
        try (BTreeCursor c = tree.openTable(root, true)) {
            for (int i = 1; i <= 300; i++) {
                c.insert(i, row(i, "row " + i));
            }
        }
        schemaRow(tree, 1, "table", "t", "t", root, "CREATE TABLE t(a, b)");
        tree.setMeta(1, 1);
        tree.setMeta(6, 42);
        tree.setMeta(8, 0x7a7a);
        assertEquals(42, tree.meta(6));
        tree.beforeCommit();
        pager.commit();
        pager.endRead();

        byte[] image = pager.image();
        DatabaseHeader h = DatabaseHeader.decode(image);
        assertTrue(h.walMode(), "file format versions 2/2");
        assertEquals(pageSize, h.pageSize());
        assertEquals(mode != AutoVacuum.NONE, h.autoVacuum());
        Path db = Oracle.writeImage(dir, "new.db", image);
        assertEquals(List.of("ok"), Oracle.sqlite3(db, "PRAGMA integrity_check;"));
        assertEquals(List.of("42", String.valueOf(0x7a7a), String.valueOf(mode.ordinal()), String.valueOf(pageSize),
                "wal", "300|45150"), Oracle.sqlite3(db, "PRAGMA user_version; PRAGMA application_id; PRAGMA auto_vacuum;"
                + " PRAGMA page_size; PRAGMA journal_mode; SELECT count(*), sum(a) FROM t;"));
    }

    @Test
    void clearEmptiesATreeAndKeepsItsRoot() throws Exception {
        ArrayPager pager = new ArrayPager(512);
        PagerBTree tree = new PagerBTree(pager);
        tree.setAutoVacuum(AutoVacuum.INCREMENTAL);
        pager.beginRead();
        pager.beginWrite();
        int root = tree.createTable();
        try (BTreeCursor c = tree.openTable(root, true)) {
            for (int i = 1; i <= 500; i++) {
                c.insert(i, row(i, "x".repeat(i % 700)));
            }
        }
        int before = pager.pageCount();
        assertEquals(500, tree.clear(root));
        try (BTreeCursor c = tree.openTable(root, true)) {
            assertFalse(c.first());
            c.insert(7, row(7, "seven"));
            assertTrue(c.first());
            assertEquals(7, c.rowid());
        }
        int released = tree.incrementalVacuum(10);
        assertEquals(10, released);
        assertEquals(before - 10, pager.pageCount() + countPointerMapPagesDropped(before, pager.pageCount()));
        tree.incrementalVacuum(0);
        schemaRow(tree, 1, "table", "t", "t", root, "CREATE TABLE t(a, b)");
        pager.commit();
        pager.endRead();
        Path db = Oracle.writeImage(dir, "clear.db", pager.image());
        assertEquals(List.of("ok", "0", "7|7|'seven'"), Oracle.sqlite3(db,
                "PRAGMA integrity_check; PRAGMA freelist_count; SELECT rowid, a, quote(b) FROM t;"));
    }

    /** Pointer-map pages (every 103rd page at 512 bytes) that fell off the end with the free pages. */
    private static int countPointerMapPagesDropped(int before, int after) {
        int n = 0;
        for (int p = after + 1; p <= before; p++) {
            if (io.turso4j.storage.format.PointerMap.isPointerMapPage(p, 512, 512)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void collatedDescendingIndexAgreesWithSqlite3() throws Exception {
        Path db = dir.resolve("nocase.db");
        Oracle.sqlite3(db, "CREATE TABLE t(a, b); CREATE INDEX ti ON t(a COLLATE NOCASE DESC, b);"
                + " INSERT INTO t SELECT char(65 + value % 26 + (value % 2) * 32) || char(97 + value % 7), value % 5"
                + " FROM generate_series(1, 300);");
        ArrayPager pager = ArrayPager.of(Files.readAllBytes(db));
        PagerBTree tree = new PagerBTree(pager);
        IndexKeyComparator cmp = new IndexKeyComparator(new Collation[] {BuiltinCollation.NOCASE, null},
                new boolean[] {true, false});
        pager.beginRead();
        int root = Integer.parseInt(Oracle.sqlite3(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'ti';").get(0));
        int table = Integer.parseInt(Oracle.sqlite3(db, "SELECT rootpage FROM sqlite_schema WHERE name = 't';").get(0));
        List<String> entries = new ArrayList<>();
        try (BTreeCursor c = tree.openIndex(root, cmp, false)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                entries.add(c.record().getText(0) + "|" + c.record().getLong(1) + "|" + c.record().getLong(2));
            }
            assertEquals(Oracle.sqlite3(db, "SELECT a, b, rowid FROM t INDEXED BY ti ORDER BY a COLLATE NOCASE DESC, b, rowid;"),
                    entries);
            assertTrue(c.seek(SeekOp.GE, new Register[] {Register.of("m")}, 0, 1));
            assertEquals(Oracle.sqlite3(db, "SELECT a FROM t INDEXED BY ti WHERE a <= 'm' COLLATE NOCASE"
                    + " ORDER BY a COLLATE NOCASE DESC, b, rowid LIMIT 1;").get(0), c.record().getText(0));
        }
        pager.beginWrite();
        try (BTreeCursor t = tree.openTable(table, true); BTreeCursor i = tree.openIndex(root, cmp, true)) {
            for (long r = 301; r <= 600; r++) {
                String a = (r % 3 == 0 ? "Q" : "q") + (char) ('a' + r % 11);
                t.insert(r, new RecordWriter().addText(a).addLong(r % 5).toByteArray());
                i.insert(new RecordWriter().addText(a).addLong(r % 5).addLong(r).toByteArray());
            }
            // a key equal under NOCASE replaces the entry
            String upper = ("q" + (char) ('a' + 301 % 11)).toUpperCase();
            i.insert(new RecordWriter().addText(upper).addLong(301 % 5).addLong(301).toByteArray());
            assertEquals(upper, i.record().getText(0));
            t.insert(301, new RecordWriter().addText(upper).addLong(301 % 5).toByteArray());
        }
        schemaRow(tree, 100, "table", "u", "u", tree.createTable(), "CREATE TABLE u(x)");
        pager.commit();
        pager.endRead();
        Path out = Oracle.writeImage(dir, "nocase-out.db", pager.image());
        assertEquals(List.of("ok", "600"), Oracle.sqlite3(out, "PRAGMA integrity_check; SELECT count(*) FROM t INDEXED BY ti;"));
    }

    @Test
    void aScanDeletingUnderItsCursorVisitsEveryEntryOnce() {
        ArrayPager pager = new ArrayPager(512);
        PagerBTree tree = new PagerBTree(pager);
        pager.beginRead();
        pager.beginWrite();
        int root = tree.createTable();
        List<Long> kept = new ArrayList<>();
        try (BTreeCursor c = tree.openTable(root, true)) {
            for (long i = 1; i <= 600; i++) {
                c.insert(i, row(i, "d".repeat((int) (i * 7 % 40))));
            }
            // deletes in place keep the cursor's leaf; the next entry then has the deleted one's index
            List<Long> visited = new ArrayList<>();
            for (boolean on = c.first(); on; on = c.next()) {
                long id = c.rowid();
                visited.add(id);
                if (id % 3 != 0) {
                    c.delete();
                } else {
                    kept.add(id);
                }
            }
            List<Long> all = new ArrayList<>();
            for (long i = 1; i <= 600; i++) {
                all.add(i);
            }
            assertEquals(all, visited, "each entry once, in order");
            List<Long> left = new ArrayList<>();
            for (boolean on = c.first(); on; on = c.next()) {
                left.add(c.rowid());
            }
            assertEquals(kept, left);
        }
    }

    @Test
    void aCursorFindsItsWayAfterAnotherCursorChangedTheTree() {
        ArrayPager pager = new ArrayPager(512);
        PagerBTree tree = new PagerBTree(pager);
        pager.beginRead();
        pager.beginWrite();
        int root = tree.createTable();
        try (BTreeCursor a = tree.openTable(root, false); BTreeCursor b = tree.openTable(root, true)) {
            for (int i = 0; i < 400; i += 2) {
                b.insert(i, row(i, "r".repeat(i % 50)));
            }
            assertTrue(a.seekRowid(100));
            assertTrue(b.seekRowid(100));
            b.delete();
            assertFalse(b.isValid(), "after delete the cursor is between entries");
            assertTrue(b.prev());
            assertEquals(98, b.rowid());
            b.insert(101, row(101, "new"));
            assertTrue(a.next(), "a's entry is gone: next goes to the first entry after it");
            assertEquals(101, a.rowid());
            for (int i = 102; i < 300; i += 2) {
                assertTrue(b.seekRowid(i));
                b.delete();
            }
            assertTrue(a.next());
            assertEquals(300, a.rowid(), "a re-found its entry after the tree was rebalanced under it");
            assertTrue(a.prev());
            assertEquals(101, a.rowid());
            assertEquals("new", a.record().getText(1));
        }
    }

    @Test
    void cursorsRefindTheirEntriesAfterARollbackToASavepoint() {
        ArrayPager pager = new ArrayPager(512);
        PagerBTree tree = new PagerBTree(pager);
        pager.beginRead();
        pager.beginWrite();
        int root = tree.createTable();
        try (BTreeCursor c = tree.openTable(root, true)) {
            for (int i = 0; i < 300; i += 3) {
                c.insert(i, row(i, "x".repeat(40)));
            }
            int savepoint = pager.openSavepoint();
            for (int i = 1; i < 300; i += 3) {
                c.insert(i, row(i, "y".repeat(40)));
            }
            assertTrue(c.seekRowid(151));
            pager.rollbackToSavepoint(savepoint);
            tree.pagesRolledBack();
            assertTrue(c.next(), "151 is gone again: next is the first entry after it");
            assertEquals(153, c.rowid());
            assertTrue(c.prev());
            assertEquals(150, c.rowid());
        }
    }

    @Test
    void manyTablesSplitTheSchemaRootOnPageOne() throws Exception {
        ArrayPager pager = new ArrayPager(512);
        PagerBTree tree = new PagerBTree(pager);
        tree.setAutoVacuum(AutoVacuum.FULL);
        pager.beginRead();
        pager.beginWrite();
        Map<Integer, Integer> rootOf = new java.util.TreeMap<>();
        for (int t = 1; t <= 150; t++) {
            int root = tree.createTable();
            rootOf.put(t, root);
            try (BTreeCursor c = tree.openTable(root, true)) {
                for (int r = 1; r <= t % 7; r++) {
                    c.insert(r, row(r, "t" + t));
                }
            }
        }
        for (int t = 1; t <= 150; t += 3) {
            int victim = rootOf.remove(t);
            int moved = tree.drop(victim);
            rootOf.replaceAll((k, v) -> v == moved ? victim : v);
        }
        for (Map.Entry<Integer, Integer> e : rootOf.entrySet()) {
            String name = "table_with_a_long_name_" + e.getKey();
            schemaRow(tree, e.getKey(), "table", name, name, e.getValue(), "CREATE TABLE " + name + "(a, b)");
        }
        tree.setMeta(1, 1);
        tree.beforeCommit();
        pager.commit();
        pager.endRead();
        Path db = Oracle.writeImage(dir, "many.db", pager.image());
        assertEquals(List.of("ok", "100", "0", String.valueOf(rootOf.values().stream().mapToInt(x -> x).max().getAsInt())),
                Oracle.sqlite3(db, "PRAGMA integrity_check; SELECT count(*) FROM sqlite_schema; PRAGMA freelist_count;"
                        + " SELECT max(rootpage) FROM sqlite_schema;"));
        assertEquals(List.of("2|t2"), Oracle.sqlite3(db, "SELECT count(*), b FROM table_with_a_long_name_2;"));
        assertTrue(Integer.parseInt(Oracle.sqlite3(db, "SELECT count(*) FROM dbstat WHERE name = 'sqlite_schema';").get(0)) > 3,
                "sqlite_schema spans several pages");
    }

    @Test
    void anOperationMeetingPendingIoHasChangedNothing() {
        long seed = Oracle.seed("anOperationMeetingPendingIoHasChangedNothing");
        Random random = new Random(seed);
        ArrayPager pager = new ArrayPager(512, new Random(random.nextLong()), 0.5);
        PagerBTree tree = new PagerBTree(pager);
        tree.setAutoVacuum(AutoVacuum.INCREMENTAL);
        pager.beginRead();
        pager.beginWrite();
        int[] pendings = {0};
        int root = once(pager, pendings, tree::createTable);
        List<Integer> extra = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            long rowid = random.nextInt(300);
            int dice = random.nextInt(10);
            try (BTreeCursor c = tree.openTable(root, true)) {
                if (dice < 6) {
                    byte[] r = row(rowid, "v".repeat(random.nextInt(1500)));
                    once(pager, pendings, () -> {
                        c.insert(rowid, r);
                        return null;
                    });
                } else if (dice < 8) {
                    if (once(pager, pendings, () -> c.seekRowid(rowid))) {
                        once(pager, pendings, () -> {
                            c.delete();
                            return null;
                        });
                    }
                } else if (dice < 9) {
                    extra.add(once(pager, pendings, tree::createTable));
                } else if (!extra.isEmpty()) {
                    int victim = extra.remove(random.nextInt(extra.size()));
                    int moved = once(pager, pendings, () -> tree.drop(victim));
                    if (moved != 0) {
                        extra.replaceAll(x -> x == moved ? victim : x);
                        root = root == moved ? victim : root;
                    }
                } else {
                    once(pager, pendings, () -> tree.incrementalVacuum(3));
                }
            }
            if (random.nextInt(20) == 0) {
                pager.commit();
                pager.endRead();
                pager.beginRead();
                pager.beginWrite();
            }
        }
        assertTrue(pendings[0] > 50, "pending reads were injected: " + pendings[0]);
        assertEquals(Map.of(), pager.heldPins());
    }

    /** Runs {@code op}; whenever it reports pending I/O, checks that the database is unchanged. */
    private static <T> T once(ArrayPager pager, int[] pendings, Supplier<T> op) {
        while (true) {
            byte[] before = pager.image();
            try {
                T result = op.get();
                // An interrupted attempt keeps its pins for the retry; the finished one drops them.
                assertEquals(Map.of(), pager.heldPins(), "a finished operation kept pins");
                return result;
            } catch (IoPending pending) {
                pendings[0]++;
                assertArrayEquals(before, pager.image(), "an operation that met pending I/O changed pages");
            }
        }
    }
}
