package io.turso4j.storage.btree;

import static io.turso4j.storage.btree.Oracle.retry;
import static io.turso4j.storage.btree.Oracle.retryRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.pager.ArrayPager;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Databases written by sqlite3 (many tables and indexes, overflow-heavy rows, a freelist, each
 * page size and auto-vacuum mode) read back row for row through the cursors, then changed
 * here (rows deleted and inserted in a table and its index, a table dropped, possibly moving a
 * root, a table created) and handed back to sqlite3, which must find them intact and see the
 * changes.
 */
class SqliteFilesTest {
    @TempDir
    Path dir;

    private static final IndexKeyComparator ONE_FIELD =
            new IndexKeyComparator(new Collation[] {null}, new boolean[] {false});

    static String script(int pageSize, int autoVacuum, int reservedBytes) {
        StringBuilder s = new StringBuilder("PRAGMA page_size=" + pageSize + ";\n"
                + (reservedBytes > 0 ? ".filectrl reserve_bytes " + reservedBytes + "\n" : "")
                + "PRAGMA auto_vacuum=" + autoVacuum + ";\n");
        s.append("CREATE TABLE t1(a, b);\nCREATE INDEX t1a ON t1(a);\n");
        s.append("CREATE TABLE big(a, b);\nINSERT INTO big SELECT value, randomblob(").append(pageSize)
                .append(") FROM generate_series(1, 40);\n");
        for (int t = 2; t <= 9; t++) {
            s.append("CREATE TABLE t").append(t).append("(a, b);\n");
            if (t % 2 == 0) {
                s.append("CREATE INDEX t").append(t).append("a ON t").append(t).append("(a);\n");
            }
            s.append("INSERT INTO t").append(t).append(" SELECT CASE value % 3 WHEN 0 THEN value WHEN 1 THEN 'v' || value"
                    + " ELSE NULL END, CASE WHEN value % 5 = 0 THEN randomblob(value * 37) ELSE 'text ' || value END"
                    + " FROM generate_series(1, ").append(20 * t).append(");\n");
        }
        s.append("INSERT INTO t1 SELECT CASE WHEN value % 4 = 0 THEN value ELSE printf('%.*c', value % 97 * 7 + 1, 'k') || value END,"
                + " randomblob(value * 13 % 3000) FROM generate_series(1, 400);\n");
        s.append("DROP TABLE big;\nDELETE FROM t1 WHERE rowid % 7 = 0;\n");
        return s.toString();
    }

    @ParameterizedTest(name = "page size {0}, auto_vacuum {1}, reserved bytes {2}")
    @CsvSource({"512, 0, 0", "512, 1, 0", "512, 2, 20", "4096, 0, 32", "4096, 1, 0", "4096, 2, 0",
        "65536, 0, 0", "65536, 1, 100", "65536, 2, 0"})
    void readsAndChangesWhatSqlite3Wrote(int pageSize, int autoVacuum, int reservedBytes) throws Exception {
        Random random = new Random(Oracle.seed("SqliteFilesTest " + pageSize + " " + autoVacuum));
        Path db = dir.resolve("in.db");
        Oracle.sqlite3(db, script(pageSize, autoVacuum, reservedBytes));
        ArrayPager pager = ArrayPager.of(Files.readAllBytes(db));
        if (reservedBytes == 0) {
            // the test pager takes reserved bytes only from an image, and reports pending reads only when built empty
            pager = copyInto(pager, new ArrayPager(pageSize, new Random(random.nextLong()), 0.4));
        }
        assertEquals(pageSize - reservedBytes, pager.usableSize());
        PagerBTree tree = new PagerBTree(pager);
        pager.beginRead();
        assertEquals(AutoVacuum.values()[autoVacuum], retry(tree::autoVacuum));

        List<Object[]> schema = readAll(tree.openTable(1, false));
        assertEquals(Oracle.sqlite3(db, "SELECT rowid, quote(type), quote(name), quote(tbl_name), rootpage, quote(sql) FROM sqlite_schema ORDER BY rowid;"),
                render(schema));
        Map<String, Integer> roots = new TreeMap<>();
        for (Object[] row : schema) {
            roots.put((String) row[2], ((Long) row[4]).intValue());
        }
        for (Map.Entry<String, Integer> e : roots.entrySet()) {
            String name = e.getKey();
            if (name.endsWith("a")) {
                String table = name.substring(0, name.length() - 1);
                List<Object[]> entries = readAll(tree.openIndex(e.getValue(), ONE_FIELD, false));
                assertEquals(Oracle.sqlite3(db, "SELECT quote(a), rowid FROM " + table + " INDEXED BY " + name
                        + " ORDER BY a, rowid;"), renderIndex(entries), name);
            } else {
                assertEquals(Oracle.sqlite3(db, "SELECT rowid, quote(a), quote(b) FROM " + name + " ORDER BY rowid;"),
                        render(readAll(tree.openTable(e.getValue(), false))), name);
            }
        }

        pager.beginWrite();
        TreeMap<Long, Object[]> t1 = new TreeMap<>();
        for (Object[] row : readAll(tree.openTable(roots.get("t1"), false))) {
            t1.put((Long) row[0], row);
        }
        changeT1(tree, roots, t1, random, pageSize);
        long dropped = dropTable(tree, roots, "t3");
        int created = retry(tree::createTable);
        try (BTreeCursor c = tree.openTable(created, true)) {
            for (long r = 1; r <= 50; r++) {
                long rowid = r;
                retryRun(() -> c.insert(rowid, new RecordWriter().addLong(rowid).addBlob(new byte[(int) rowid * 50]).toByteArray()));
            }
        }
        try (BTreeCursor s = tree.openTable(1, true)) {
            retryRun(() -> s.insert(1000, new RecordWriter().addText("table").addText("fresh").addText("fresh")
                    .addLong(created).addText("CREATE TABLE fresh(a, b)").toByteArray()));
        }
        retryRun(() -> tree.setMeta(1, retry(() -> tree.meta(1)) + 1));
        if (autoVacuum == 2) {
            long free = DatabaseHeader.decode(pager.image()).freelistCount();
            assertEquals(free, (long) retry(() -> tree.incrementalVacuum(0)), "every free page released");
        }
        retryRun(tree::beforeCommit);
        pager.commit();
        assertEquals(Map.of(), pager.heldPins());
        pager.endRead();

        Path out = Oracle.writeImage(dir, "out.db", pager.image());
        assertEquals(List.of("ok"), Oracle.sqlite3(out, "PRAGMA integrity_check;"));
        List<String> expected = new ArrayList<>(render(new ArrayList<>(t1.values())));
        assertEquals(expected, Oracle.sqlite3(out, "SELECT rowid, quote(a), quote(b) FROM t1 ORDER BY rowid;"));
        assertEquals(List.of("50|63750"), Oracle.sqlite3(out, "SELECT count(*), sum(length(b)) FROM fresh;"));
        assertEquals(List.of("0"), Oracle.sqlite3(out, "SELECT count(*) FROM sqlite_schema WHERE name = 't3';"));
        if (autoVacuum != 0) {
            assertEquals(List.of("0"), Oracle.sqlite3(out, "PRAGMA freelist_count;"));
        }
        assertTrue(dropped >= 0);
    }

    /** The image of {@code from} in a pager that reports pending reads. */
    private static ArrayPager copyInto(ArrayPager from, ArrayPager to) {
        from.beginRead();
        to.beginRead();
        to.beginWrite();
        for (int n = 1; n <= from.pageCount(); n++) {
            var src = from.get(n);
            var dst = to.allocate();
            java.lang.foreign.MemorySegment.copy(src.buffer().segment(), 0, dst.buffer().segment(), 0, from.pageSize());
            from.unpin(src);
            to.unpin(dst);
        }
        to.commit();
        to.endRead();
        from.endRead();
        return to;
    }

    private static void changeT1(PagerBTree tree, Map<String, Integer> roots, TreeMap<Long, Object[]> t1,
            Random random, int pageSize) {
        try (BTreeCursor t = tree.openTable(roots.get("t1"), true);
                BTreeCursor i = tree.openIndex(roots.get("t1a"), ONE_FIELD, true)) {
            for (int n = 0; n < 150; n++) {
                long rowid = 1 + random.nextInt(600);
                Object[] old = t1.remove(rowid);
                if (old != null) {
                    assertTrue(retry(() -> t.seekRowid(rowid)));
                    retryRun(t::delete);
                    Register[] key = {Register.of(old[1]), Register.of(rowid)};
                    assertTrue(retry(() -> i.seek(SeekOp.GE, key, 0, 2)));
                    assertEquals(rowid, retry(i::record).getLong(1));
                    retryRun(i::delete);
                }
                if (old == null || random.nextBoolean()) {
                    Object a = random.nextBoolean() ? (Object) (long) random.nextInt(1000) : "new" + "x".repeat(random.nextInt(pageSize / 2));
                    byte[] b = new byte[random.nextInt(pageSize * 2)];
                    random.nextBytes(b);
                    RecordWriter w = new RecordWriter();
                    if (a instanceof Long l) {
                        w.addLong(l);
                    } else {
                        w.addText((String) a);
                    }
                    byte[] record = w.addBlob(b).toByteArray();
                    retryRun(() -> t.insert(rowid, record));
                    RecordWriter k = new RecordWriter();
                    if (a instanceof Long l) {
                        k.addLong(l);
                    } else {
                        k.addText((String) a);
                    }
                    byte[] key = k.addLong(rowid).toByteArray();
                    retryRun(() -> i.insert(key));
                    t1.put(rowid, new Object[] {rowid, a, b});
                }
            }
        }
    }

    /** Drops table {@code name} and its schema row, repointing the schema row of a moved root. */
    private static long dropTable(PagerBTree tree, Map<String, Integer> roots, String name) {
        int root = roots.get(name);
        int moved = retry(() -> tree.drop(root));
        try (BTreeCursor s = tree.openTable(1, true)) {
            List<Long> victims = new ArrayList<>();
            List<Object[]> rewrite = new ArrayList<>();
            for (boolean ok = retry(s::first); ok; ok = retry(s::next)) {
                RecordReader r = retry(s::record);
                if (r.getText(1).equals(name)) {
                    victims.add(retry(s::rowid));
                } else if (moved != 0 && r.getLong(3) == moved) {
                    rewrite.add(new Object[] {retry(s::rowid), r.getText(0), r.getText(1), r.getText(2), r.getText(4)});
                }
            }
            for (long v : victims) {
                assertTrue(retry(() -> s.seekRowid(v)));
                retryRun(s::delete);
            }
            for (Object[] w : rewrite) {
                retryRun(() -> s.insert((Long) w[0], new RecordWriter().addText((String) w[1]).addText((String) w[2])
                        .addText((String) w[3]).addLong(root).addText((String) w[4]).toByteArray()));
                roots.put((String) w[2], root);
            }
        }
        return moved;
    }

    /** Every entry of a tree, as {rowid, field...} (rowid -1 for index entries). */
    private static List<Object[]> readAll(BTreeCursor c) {
        List<Object[]> out = new ArrayList<>();
        try (c) {
            for (boolean ok = retry(c::first); ok; ok = retry(c::next)) {
                RecordReader r = retry(c::record);
                Object[] row = new Object[r.columnCount() + 1];
                row[0] = isTable(c) ? retry(c::rowid) : -1L;
                for (int i = 0; i < r.columnCount(); i++) {
                    row[i + 1] = switch (r.typeOf(i)) {
                        case NULL -> null;
                        case INTEGER -> r.getLong(i);
                        case REAL -> r.getDouble(i);
                        case TEXT -> r.getText(i);
                        case BLOB -> r.getBlob(i);
                    };
                }
                out.add(row);
            }
        }
        return out;
    }

    private static boolean isTable(BTreeCursor c) {
        try {
            c.rowid();
            return true;
        } catch (IllegalStateException notTable) {
            return false;
        }
    }

    static List<String> render(List<Object[]> rows) {
        List<String> out = new ArrayList<>();
        for (Object[] row : rows) {
            StringBuilder s = new StringBuilder().append(row[0]);
            for (int i = 1; i < row.length; i++) {
                s.append('|').append(quote(row[i]));
            }
            out.add(s.toString());
        }
        return out;
    }

    static List<String> renderIndex(List<Object[]> entries) {
        List<String> out = new ArrayList<>();
        for (Object[] e : entries) {
            out.add(quote(e[1]) + "|" + e[2]);
        }
        return out;
    }

    /** As sqlite3's quote(): NULL, integers, 'text', X'HEX'. */
    static String quote(Object v) {
        return switch (v) {
            case null -> "NULL";
            case String s -> "'" + s.replace("'", "''") + "'";
            case byte[] b -> "X'" + BTreeModelTest.hex(b) + "'";
            default -> v.toString();
        };
    }
}
