package io.turso4j.storage.btree;

import static io.turso4j.storage.btree.Oracle.retry;
import static io.turso4j.storage.btree.Oracle.retryRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.format.StorageClass;
import io.turso4j.storage.integrity.IntegrityCheck;
import io.turso4j.storage.pager.ArrayPager;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random inserts, replaces, deletes and seeks on a table tree and an index over it, checked
 * against a TreeMap model after every step that reads, with the test pager reporting pending
 * I/O on a share of first reads (so every operation is retried from scratch), in all three
 * auto-vacuum modes and at page sizes 512, 4096 and 65536. Extra tables are created, filled and
 * dropped on the way (moving roots in auto-vacuum databases). At the end the image goes to
 * sqlite3, which must find it intact ({@code PRAGMA integrity_check}, which also checks that
 * the index matches the table) and return the model's rows.
 *
 * <p>{@code -Dturso4j.btree.scale=N} runs N times as many operations, for soak runs.
 */
class BTreeModelTest {
    @TempDir
    Path dir;

    /** Model index entries: (a, rowid), a being a Long or a String; integers sort first. */
    static final Comparator<Object> VALUE_ORDER = (x, y) -> {
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        if (x instanceof String a && y instanceof String b) {
            return a.compareTo(b);
        }
        return x instanceof Long ? -1 : 1;
    };
    static final Comparator<Object[]> ENTRY_ORDER =
            Comparator.<Object[], Object>comparing(e -> e[0], VALUE_ORDER).thenComparing(e -> (Long) e[1]);

    private Random random;
    private ArrayPager pager;
    private PagerBTree tree;
    private int tableRoot;
    private int indexRoot;
    private final IndexKeyComparator cmp = new IndexKeyComparator(new Collation[] {null}, new boolean[] {false});
    private final TreeMap<Long, Object[]> rows = new TreeMap<>();
    private final TreeSet<Object[]> entries = new TreeSet<>(ENTRY_ORDER);
    private int pageSize;

    @ParameterizedTest(name = "page size {0}, auto_vacuum {1}")
    @CsvSource({
        "512, NONE, 1000", "512, FULL, 1000", "512, INCREMENTAL, 1000",
        "4096, NONE, 1200", "4096, FULL, 1200", "4096, INCREMENTAL, 1200",
        "65536, NONE, 300", "65536, FULL, 300", "65536, INCREMENTAL, 300",
    })
    void randomOperationsMatchTheModelAndSqlite3(int pageSize, AutoVacuum mode, int baseOps) throws Exception {
        int ops = baseOps * Integer.getInteger("turso4j.btree.scale", 1);
        this.pageSize = pageSize;
        random = new Random(Oracle.seed("BTreeModelTest " + pageSize + " " + mode));
        pager = new ArrayPager(pageSize, new Random(random.nextLong()), 0.3);
        tree = new PagerBTree(pager);
        assertTrue(tree.setAutoVacuum(mode));
        pager.beginRead();
        pager.beginWrite();
        tableRoot = retry(tree::createTable);
        indexRoot = retry(tree::createIndex);
        assertEquals(mode, retry(tree::autoVacuum));
        for (int op = 0; op < ops; op++) {
            int dice = random.nextInt(100);
            boolean growing = op < ops * 2 / 3;
            if (dice < 5) {
                long from = random.nextInt(ops * 4);
                for (int n = random.nextInt(growing ? 60 : 10); n > 0; n--) {
                    insert(from++);
                }
            } else if (dice < 7) {
                insert(random.nextLong());
            } else if (dice < (growing ? 60 : 30)) {
                insert(random.nextInt(ops * 4) + 1L);
            } else if (dice < 75) {
                deleteSome();
            } else if (dice < 88) {
                checkSeeks();
            } else if (dice < 90) {
                scanBoth();
            } else if (dice < 92) {
                extraTable();
            } else if (dice < 93) {
                copyWhileScanning();
            } else if (dice < 94) {
                copyIndexInOrder();
            } else if (dice < 95) {
                seekAfterAnotherCursorWrites();
            } else if (dice < 96) {
                commit();
            } else if (mode == AutoVacuum.INCREMENTAL && dice < 98) {
                retry(() -> tree.incrementalVacuum(random.nextInt(5)));
            }
        }
        scanBoth();
        writeSchema();
        retryRun(tree::beforeCommit);
        pager.commit();
        assertEquals(Map.of(), pager.heldPins());
        pager.endRead();
        checkWithSqlite3(mode);
    }

    private void commit() {
        checkIntegrity();
        retryRun(tree::beforeCommit);
        pager.commit();
        pager.endRead();
        pager.beginRead();
        pager.beginWrite();
    }

    /**
     * Our integrity check over the trees as they are now, free space accounting included (a
     * cell removed in place must leave its bytes in a freeblock or the content area).
     */
    private void checkIntegrity() {
        IntegrityCheck check = new IntegrityCheck(pager, List.of(1L, (long) tableRoot, (long) indexRoot),
                IntegrityCheck.DEFAULT_MAX_ERRORS);
        assertEquals(List.of(), retry(check::run));
    }

    private Object randomA() {
        if (random.nextInt(3) == 0) {
            return (long) random.nextInt(50) - 10;
        }
        int len = random.nextInt(8) == 0 ? random.nextInt(pageSize * 2) : 1 + random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) {
            s.append((char) ('a' + random.nextInt(random.nextInt(10) == 0 ? 26 : 3)));
        }
        return s.toString();
    }

    private byte[] randomB() {
        int len = switch (random.nextInt(10)) {
            case 0 -> random.nextInt(pageSize * 3);
            case 1 -> pageSize - 40 + random.nextInt(10);
            default -> random.nextInt(60);
        };
        byte[] b = new byte[len];
        random.nextBytes(b);
        return b;
    }

    static byte[] record(Object a, byte[] b) {
        RecordWriter w = new RecordWriter();
        add(w, a);
        return w.addBlob(b).toByteArray();
    }

    static byte[] indexKey(Object a, long rowid) {
        RecordWriter w = new RecordWriter();
        add(w, a);
        return w.addLong(rowid).toByteArray();
    }

    private static void add(RecordWriter w, Object a) {
        if (a instanceof Long l) {
            w.addLong(l);
        } else {
            w.addText((String) a);
        }
    }

    private void insert(long rowid) {
        Object a = randomA();
        byte[] b = randomB();
        try (BTreeCursor t = tree.openTable(tableRoot, true); BTreeCursor i = tree.openIndex(indexRoot, cmp, true)) {
            Object[] old = rows.get(rowid);
            if (old != null) {
                assertTrue(retry(() -> i.seek(SeekOp.GE, keyRegs(old[0], rowid), 0, 2)));
                assertEntry(i, old[0], rowid);
                retryRun(i::delete);
                entries.remove(new Object[] {old[0], rowid});
            }
            retryRun(() -> t.insert(rowid, record(a, b)));
            assertEquals(rowid, retry(t::rowid));
            retryRun(() -> i.insert(indexKey(a, rowid)));
            rows.put(rowid, new Object[] {a, b});
            entries.add(new Object[] {a, rowid});
            assertEntry(i, a, rowid);
        }
    }

    private void deleteSome() {
        if (rows.isEmpty()) {
            return;
        }
        long target = someRowid();
        int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 30 : 2);
        try (BTreeCursor t = tree.openTable(tableRoot, true); BTreeCursor i = tree.openIndex(indexRoot, cmp, true)) {
            boolean found = retry(() -> t.seekRowid(target));
            assertEquals(rows.containsKey(target), found, "seekRowid " + target);
            if (!found) {
                Long ceiling = rows.ceilingKey(target);
                if (ceiling == null) {
                    return;
                }
                assertTrue(retry(() -> t.seekRowid(ceiling)));
            }
            for (int n = 0; n < count; n++) {
                long rowid = retry(t::rowid);
                Object[] row = rows.remove(rowid);
                assertTrue(row != null, "cursor on missing row " + rowid);
                checkRow(t, row);
                retryRun(t::delete);
                assertTrue(retry(() -> i.seek(SeekOp.GE, keyRegs(row[0], rowid), 0, 2)));
                assertEntry(i, row[0], rowid);
                retryRun(i::delete);
                entries.remove(new Object[] {row[0], rowid});
                boolean forward = random.nextBoolean();
                Object[] after = forward ? entries.higher(new Object[] {row[0], rowid})
                        : entries.lower(new Object[] {row[0], rowid});
                boolean more = retry(forward ? i::next : i::prev);
                assertEquals(after != null, more);
                if (more) {
                    assertEntry(i, after[0], (Long) after[1]);
                }
                Long next = rows.higherKey(rowid);
                assertEquals(next != null, retry(t::next), "next after delete of " + rowid);
                if (next == null) {
                    return;
                }
                assertEquals(next, retry(t::rowid));
            }
        }
    }

    private void checkSeeks() {
        long target = random.nextInt(4) == 0 ? random.nextLong() : someRowid() + random.nextInt(3) - 1;
        try (BTreeCursor t = tree.openTable(tableRoot, false); BTreeCursor i = tree.openIndex(indexRoot, cmp, false)) {
            boolean found = retry(() -> t.seekRowid(target));
            assertEquals(rows.containsKey(target), found);
            if (found) {
                checkRow(t, rows.get(target));
                Long prev = rows.lowerKey(target);
                assertEquals(prev != null, retry(t::prev));
                if (prev != null) {
                    assertEquals(prev, retry(t::rowid));
                }
            }
            for (SeekOp op : SeekOp.values()) {
                Long expected = switch (op) {
                    case GE -> rows.ceilingKey(target);
                    case GT -> rows.higherKey(target);
                    case LE -> rows.floorKey(target);
                    case LT -> rows.lowerKey(target);
                };
                assertEquals(expected != null, retry(() -> t.seek(op, new Register[] {Register.of(target)}, 0, 1)), op + " " + target);
                if (expected != null) {
                    assertEquals(expected, retry(t::rowid));
                }
            }
            Object a = random.nextBoolean() || entries.isEmpty() ? randomA() : randomEntry()[0];
            Register[] prefix = keyRegs(a, 0);
            for (SeekOp op : SeekOp.values()) {
                Object[] expected = expectedSeek(op, a);
                boolean got = retry(() -> i.seek(op, prefix, 0, 1));
                assertEquals(expected != null, got, op + " " + a);
                if (expected != null) {
                    assertEntry(i, expected[0], (Long) expected[1]);
                }
            }
        }
    }

    /** A rowid near the existing ones (the neighbour of a random point), or a small one. */
    private long someRowid() {
        Long near = rows.floorKey((long) random.nextInt(Math.max(1, rows.size() * 4)));
        return near != null ? near : random.nextInt(10);
    }

    private Object[] randomEntry() {
        Object[] pick = entries.ceiling(new Object[] {randomA(), Long.MIN_VALUE});
        return pick != null ? pick : entries.first();
    }

    /** The model's answer to a seek by the one-field prefix {@code a}. */
    private Object[] expectedSeek(SeekOp op, Object a) {
        Object[] low = {a, Long.MIN_VALUE};
        Object[] high = {a, Long.MAX_VALUE};
        return switch (op) {
            case GE -> entries.ceiling(low);
            case GT -> entries.higher(high);
            case LE -> entries.floor(high);
            case LT -> entries.lower(low);
        };
    }

    private void scanBoth() {
        try (BTreeCursor t = tree.openTable(tableRoot, false); BTreeCursor i = tree.openIndex(indexRoot, cmp, false)) {
            List<Long> forward = new ArrayList<>();
            for (boolean ok = retry(t::first); ok; ok = retry(t::next)) {
                long rowid = retry(t::rowid);
                forward.add(rowid);
                checkRow(t, rows.get(rowid));
            }
            assertEquals(new ArrayList<>(rows.keySet()), forward);
            List<Long> backward = new ArrayList<>();
            for (boolean ok = retry(t::last); ok; ok = retry(t::prev)) {
                backward.add(retry(t::rowid));
            }
            assertEquals(new ArrayList<>(rows.descendingKeySet()), backward);
            List<Object[]> expected = new ArrayList<>(entries);
            int n = 0;
            for (boolean ok = retry(i::first); ok; ok = retry(i::next)) {
                assertEntry(i, expected.get(n)[0], (Long) expected.get(n)[1]);
                n++;
            }
            assertEquals(expected.size(), n);
            for (boolean ok = retry(i::last); ok; ok = retry(i::prev)) {
                n--;
                assertEntry(i, expected.get(n)[0], (Long) expected.get(n)[1]);
            }
            assertEquals(0, n);
        }
    }

    /**
     * Creates a table and fills it, then drops it or the index (re-creating the index), and
     * the table if it is still there. In auto-vacuum databases the largest root moves into a
     * dropped root's place.
     */
    private void extraTable() {
        extra = retry(tree::createTable);
        try (BTreeCursor c = tree.openTable(extra, true)) {
            int n = random.nextInt(40);
            for (int r = 0; r < n; r++) {
                long rowid = r;
                retryRun(() -> c.insert(rowid, record(randomA(), randomB())));
            }
        }
        if (random.nextBoolean()) {
            drop(indexRoot);
            indexRoot = retry(tree::createIndex);
            try (BTreeCursor i = tree.openIndex(indexRoot, cmp, true)) {
                for (Object[] e : entries) {
                    retryRun(() -> i.insert(indexKey(e[0], (Long) e[1])));
                }
            }
            if (random.nextBoolean()) {
                retry(() -> tree.clear(extra));
            }
        }
        drop(extra);
        extra = 0;
    }

    /**
     * INSERT … SELECT: a scan of the table copies each row into a new tree (appending, as
     * after NewRowid or NotExists), and now and then
     * deletes the row ahead of it through cursors of its own. The scan must see each delete
     * (its tree changed) and nothing else (the copy's inserts change another tree).
     */
    private void copyWhileScanning() {
        extra = retry(tree::createTable);
        List<Object[]> copied = new ArrayList<>();
        try (BTreeCursor scan = tree.openTable(tableRoot, false); BTreeCursor copy = tree.openTable(extra, true)) {
            Long expected = rows.isEmpty() ? null : rows.firstKey();
            for (boolean ok = retry(scan::first); ok; ok = retry(scan::next)) {
                long rowid = retry(scan::rowid);
                assertEquals(expected, rowid, "the scan's next row");
                Object[] row = rows.get(rowid);
                checkRow(scan, row);
                long copyRowid = copied.size();
                // as NewRowid (last) or NotExists (seekRowid) look first, which lets the insert append
                if (random.nextBoolean()) {
                    assertEquals(copyRowid > 0, retry(copy::last));
                    if (copyRowid > 0) {
                        assertEquals(copyRowid - 1, retry(copy::rowid));
                    }
                } else {
                    assertFalse(retry(() -> copy.seekRowid(copyRowid)));
                }
                retryRun(() -> copy.insert(copyRowid, record(row[0], (byte[]) row[1])));
                assertEquals(copyRowid, retry(copy::rowid));
                copied.add(row);
                Long ahead = rows.higherKey(rowid);
                if (ahead != null && random.nextInt(20) == 0) {
                    deleteRow(ahead);
                }
                expected = rows.higherKey(rowid);
            }
            assertEquals(null, expected, "the scan ended early");
            // back from where the appends left the cursor: its path must hold up
            for (int n = copied.size() - 1; n >= 0; n--) {
                assertEquals(n, retry(copy::rowid));
                checkRow(copy, copied.get(n));
                assertEquals(n > 0, retry(copy::prev));
            }
        }
        try (BTreeCursor copy = tree.openTable(extra, false)) {
            int n = 0;
            for (boolean ok = retry(copy::first); ok; ok = retry(copy::next)) {
                assertEquals(n, retry(copy::rowid));
                checkRow(copy, copied.get(n++));
            }
            assertEquals(copied.size(), n);
        }
        drop(extra);
        extra = 0;
    }

    /**
     * CREATE INDEX's fill: the index's entries inserted into a new index tree in key order
     * through one cursor (which appends each after the last), with now and then an entry out of
     * order (which must go in the usual way). The new tree must hold them all, in order, and
     * the cursor, left on the last insert, must step back through them.
     */
    private void copyIndexInOrder() {
        extra = retry(tree::createIndex);
        TreeSet<Object[]> copied = new TreeSet<>(ENTRY_ORDER);
        try (BTreeCursor copy = tree.openIndex(extra, cmp, true)) {
            Object[] last = null;
            for (Object[] entry : entries) {
                Object[] put = random.nextInt(30) == 0 ? new Object[] {randomA(), -1L - copied.size()} : entry;
                retryRun(() -> copy.insert(indexKey(put[0], (Long) put[1])));
                copied.add(put);
                assertEntry(copy, put[0], (Long) put[1]);
                last = put;
            }
            for (Object[] expected = last; expected != null; expected = copied.lower(expected)) {
                assertEntry(copy, expected[0], (Long) expected[1]);
                assertEquals(copied.lower(expected) != null, retry(copy::prev));
            }
        }
        try (BTreeCursor copy = tree.openIndex(extra, cmp, false)) {
            List<Object[]> expected = new ArrayList<>(copied);
            int n = 0;
            for (boolean ok = retry(copy::first); ok; ok = retry(copy::next)) {
                assertEntry(copy, expected.get(n)[0], (Long) expected.get(n)[1]);
                n++;
            }
            assertEquals(expected.size(), n);
        }
        drop(extra);
        extra = 0;
    }

    /**
     * A cursor stands on a row while another cursor inserts a run of rows around it (splitting
     * pages under its path), then seeks near where it stood and walks to the end: its
     * remembered path is stale and must not be trusted.
     */
    private void seekAfterAnotherCursorWrites() {
        if (rows.isEmpty()) {
            return;
        }
        try (BTreeCursor t = tree.openTable(tableRoot, false)) {
            long at = someRowid();
            retry(() -> t.seekRowid(at));
            long from = at - random.nextInt(5);
            for (int n = 20 + random.nextInt(60); n > 0; n--) {
                insert(from++);
            }
            long target = at + random.nextInt(3) - 1;
            boolean found = retry(() -> t.seekRowid(target));
            assertEquals(rows.containsKey(target), found, "seekRowid " + target + " after other writes");
            if (!found) {
                return;
            }
            for (Long expected = target; expected != null; expected = rows.higherKey(expected)) {
                assertEquals(expected, retry(t::rowid));
                assertEquals(rows.higherKey(expected) != null, retry(t::next));
            }
        }
    }

    /** Deletes one row of the table and its index entry, through cursors of their own. */
    private void deleteRow(long rowid) {
        Object[] row = rows.remove(rowid);
        try (BTreeCursor t = tree.openTable(tableRoot, true); BTreeCursor i = tree.openIndex(indexRoot, cmp, true)) {
            assertTrue(retry(() -> t.seekRowid(rowid)));
            retryRun(t::delete);
            assertTrue(retry(() -> i.seek(SeekOp.GE, keyRegs(row[0], rowid), 0, 2)));
            retryRun(i::delete);
        }
        entries.remove(new Object[] {row[0], rowid});
    }

    private int extra;

    private void drop(int root) {
        int largest = Math.max(tableRoot, Math.max(indexRoot, extra));
        int moved = retry(() -> tree.drop(root));
        boolean av = retry(tree::autoVacuum) != AutoVacuum.NONE;
        assertEquals(av && root != largest ? largest : 0, moved, "root moved by dropping " + root);
        if (moved != 0) {
            tableRoot = tableRoot == moved ? root : tableRoot;
            indexRoot = indexRoot == moved ? root : indexRoot;
            extra = extra == moved ? root : extra;
        }
    }

    private void writeSchema() {
        try (BTreeCursor s = tree.openTable(1, true)) {
            retryRun(() -> s.insert(1, new RecordWriter().addText("table").addText("t1").addText("t1")
                    .addLong(tableRoot).addText("CREATE TABLE t1(a, b)").toByteArray()));
            retryRun(() -> s.insert(2, new RecordWriter().addText("index").addText("i1").addText("t1")
                    .addLong(indexRoot).addText("CREATE INDEX i1 ON t1(a)").toByteArray()));
        }
        retryRun(() -> tree.setMeta(1, 1));
    }

    private void checkWithSqlite3(AutoVacuum mode) throws Exception {
        Path db = Oracle.writeImage(dir, "model.db", pager.image());
        System.out.println("  " + rows.size() + " rows, " + pager.pageCount() + " pages, "
                + Oracle.sqlite3(db, "PRAGMA freelist_count;").get(0) + " free, depth "
                + Oracle.sqlite3(db, "SELECT max(length(path) - length(replace(path, '/', ''))) FROM dbstat WHERE name = 't1';"));
        assertEquals(List.of("ok"), Oracle.sqlite3(db, "PRAGMA integrity_check;"));
        List<String> expected = new ArrayList<>();
        for (Map.Entry<Long, Object[]> r : rows.entrySet()) {
            Object a = r.getValue()[0];
            byte[] b = (byte[]) r.getValue()[1];
            expected.add(r.getKey() + "|" + (a instanceof String s ? "'" + s + "'" : a) + "|" + b.length + "|"
                    + hex(Arrays.copyOf(b, Math.min(8, b.length))));
        }
        assertEquals(expected, Oracle.sqlite3(db, "SELECT rowid, quote(a), length(b), hex(substr(b, 1, 8)) FROM t1 ORDER BY rowid;"));
        assertEquals(List.of(String.valueOf(mode.ordinal())), Oracle.sqlite3(db, "PRAGMA auto_vacuum;"));
        if (mode == AutoVacuum.FULL) {
            assertEquals(List.of("0"), Oracle.sqlite3(db, "PRAGMA freelist_count;"), "FULL truncates at commit");
        }
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X", x));
        }
        return s.toString();
    }

    private void checkRow(BTreeCursor t, Object[] row) {
        RecordReader r = retry(t::record);
        Object a = row[0];
        if (a instanceof Long l) {
            assertEquals(StorageClass.INTEGER, r.typeOf(0));
            assertEquals((long) l, r.getLong(0));
        } else {
            assertEquals(a, r.getText(0));
        }
        assertTrue(Arrays.equals((byte[]) row[1], r.getBlob(1)), "payload of the row");
    }

    private static void assertEntry(BTreeCursor i, Object a, long rowid) {
        RecordReader r = retry(i::record);
        if (a instanceof Long l) {
            assertEquals(StorageClass.INTEGER, r.typeOf(0));
            assertEquals((long) l, r.getLong(0));
        } else {
            assertEquals(a, r.getText(0));
        }
        assertEquals(rowid, r.getLong(1));
    }

    static Register[] keyRegs(Object a, long rowid) {
        return new Register[] {Register.of(a), Register.of(rowid)};
    }
}
