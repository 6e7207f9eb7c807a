package io.turso4j.storage.btree;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.format.StorageClass;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import io.turso4j.storage.pager.SharedPager;
import io.turso4j.storage.pager.Synchronous;
import io.turso4j.value.IndexKeyComparator;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VACUUM's first half: a compact copy of a database, built in a private in-memory database
 * ({@link SharedPager#temporary()}) with the same page size, auto-vacuum mode and meta values.
 *
 * <p>As SQLite's sqlite3RunVacuum orders it, the copy's {@code sqlite_schema} lists first the
 * tables (each followed by its automatic indexes), then the other indexes, then views,
 * triggers and virtual tables; its rowids are renumbered from 1 and each tree gets a new
 * root. Trees are created in that order and then filled in key order, entry by entry,
 * records copied byte for byte: table rows keep their rowids, as SQLite 3.40's transfer
 * keeps them. The source's freelist is left behind, so the copy has none.
 *
 * <p>States, advanced by {@link #run}: META (read the source's header values) → SCHEMA (read
 * {@code sqlite_schema}) → TREES (create the trees, then copy each one's entries) → DONE.
 * Reading the source may throw {@link IoPending}; every stage keeps its position, so a retry
 * continues where it stopped. Writing the copy never waits (its IO completes inline). Not
 * thread-safe: one VM, one thread.
 */
public final class CompactImage implements AutoCloseable {
    private enum Stage { META, SCHEMA, TREES, DONE }

    /** One row of the source's sqlite_schema, in rowid order. */
    private record SchemaRow(String type, String name, String table, int root, boolean hasSql, byte[] record) {}

    /** The meta values VACUUM carries over (SQLite's aCopy), by sqlite3BtreeGetMeta number. */
    private static final int[] COPIED_META = {1, 3, 5, 6, 8};

    private final BTree source;
    private final Pager sourcePager;
    private final Map<Integer, IndexKeyComparator> indexTrees;
    private final AutoVacuum mode;
    private final SharedPager shared;
    private final Pager pager;
    private final PagerBTree image;
    private Stage stage = Stage.META;
    private final List<SchemaRow> rows = new ArrayList<>();
    private Scan scan;
    /** Source root → the copy's root, in creation order. */
    private final Map<Integer, Integer> roots = new java.util.LinkedHashMap<>();
    private List<Integer> toCopy;
    private int copying;

    /**
     * @param indexTrees the comparator of every index tree of the source (indexes and WITHOUT
     *     ROWID tables) by root page; roots not listed are table trees
     * @param mode the copy's auto-vacuum mode (PRAGMA auto_vacuum set since the database got
     *     pages), or null for the source's
     */
    public CompactImage(BTree source, Pager sourcePager, Map<Integer, IndexKeyComparator> indexTrees, AutoVacuum mode) {
        if (sourcePager.usableSize() != sourcePager.pageSize()) {
            throw new SqliteException(ResultCode.ERROR, "VACUUM of a database with reserved bytes is not supported yet");
        }
        this.source = source;
        this.sourcePager = sourcePager;
        this.indexTrees = new HashMap<>(indexTrees);
        this.mode = mode;
        this.shared = SharedPager.temporary();
        this.pager = shared.newPager();
        this.pager.setSynchronous(Synchronous.OFF);
        this.image = new PagerBTree(pager);
    }

    /**
     * Builds the copy and returns its pager, in a read transaction on the finished copy.
     *
     * @throws IoPending while a page of the source is being read; call again to continue
     */
    public Pager run() {
        while (stage != Stage.DONE) {
            switch (stage) {
                case META -> meta();
                case SCHEMA -> schema();
                case TREES -> trees();
                case DONE -> { }
            }
        }
        return pager;
    }

    private void meta() {
        int[] values = new int[COPIED_META.length];
        for (int i = 0; i < COPIED_META.length; i++) {
            values[i] = source.meta(COPIED_META[i]);
        }
        AutoVacuum sourceMode = source.autoVacuum();
        pager.setPageSize(sourcePager.pageSize());
        image.setAutoVacuum(mode != null ? mode : sourceMode);
        pager.beginRead();
        pager.beginWrite();
        // The first write lays out page 1 and the empty sqlite_schema.
        for (int i = 0; i < COPIED_META.length; i++) {
            image.setMeta(COPIED_META[i], COPIED_META[i] == 1 ? values[i] + 1 : values[i]);
        }
        scan = new Scan(source.openTable(1, false));
        stage = Stage.SCHEMA;
    }

    private void schema() {
        while (scan.advance()) {
            RecordReader r = scan.cursor.record();
            byte[] record = r.segment().toArray(ValueLayout.JAVA_BYTE);
            rows.add(new SchemaRow(text(r, 0), text(r, 1), text(r, 2),
                    r.typeOf(3) == StorageClass.INTEGER ? (int) r.getLong(3) : 0,
                    r.typeOf(4) != StorageClass.NULL, record));
            scan.consumed();
        }
        scan.cursor.close();
        scan = null;
        List<SchemaRow> ordered = order();
        BTreeCursor schema = image.openTable(1, true);
        long rowid = 0;
        for (SchemaRow row : ordered) {
            int root = 0;
            if (row.root() > 0) {
                root = roots.computeIfAbsent(row.root(),
                        r -> indexTrees.containsKey(r) ? image.createIndex() : image.createTable());
            }
            schema.insert(++rowid, withRoot(row, root));
        }
        schema.close();
        toCopy = new ArrayList<>(roots.keySet());
        stage = Stage.TREES;
    }

    /** SQLite's order: tables with their automatic indexes, then the other indexes, then the rest. */
    private List<SchemaRow> order() {
        List<SchemaRow> out = new ArrayList<>();
        List<SchemaRow> indexes = new ArrayList<>();
        List<SchemaRow> rest = new ArrayList<>();
        for (SchemaRow row : rows) {
            if (row.type().equals("table") && row.root() > 0) {
                out.add(row);
                for (SchemaRow auto : rows) {
                    if (auto.type().equals("index") && !auto.hasSql() && auto.table().equalsIgnoreCase(row.name())) {
                        out.add(auto);
                    }
                }
            } else if (row.type().equals("index")) {
                if (row.hasSql() || rows.stream().noneMatch(t -> t.type().equals("table") && t.root() > 0
                        && t.name().equalsIgnoreCase(row.table()))) {
                    indexes.add(row);
                }
            } else {
                rest.add(row);
            }
        }
        out.addAll(indexes);
        out.addAll(rest);
        return out;
    }

    private void trees() {
        while (copying < toCopy.size()) {
            int from = toCopy.get(copying);
            int to = roots.get(from);
            IndexKeyComparator key = indexTrees.get(from);
            if (scan == null) {
                scan = new Scan(key != null ? source.openIndex(from, key, false) : source.openTable(from, false));
            }
            BTreeCursor dst = key != null ? image.openIndex(to, key, true) : image.openTable(to, true);
            try {
                while (scan.advance()) {
                    byte[] entry = scan.cursor.record().segment().toArray(ValueLayout.JAVA_BYTE);
                    if (key != null) {
                        dst.insert(entry);
                    } else {
                        dst.insert(scan.cursor.rowid(), entry);
                    }
                    scan.consumed();
                }
            } finally {
                dst.close();
            }
            scan.cursor.close();
            scan = null;
            copying++;
        }
        image.beforeCommit();
        pager.commit();
        stage = Stage.DONE;
    }

    private static String text(RecordReader r, int field) {
        return r.typeOf(field) == StorageClass.TEXT ? r.getText(field) : "";
    }

    /** The schema row's record with its rootpage field (the fourth) set to {@code root}. */
    private static byte[] withRoot(SchemaRow row, int root) {
        RecordReader r = new RecordReader().reset(java.lang.foreign.MemorySegment.ofArray(row.record()), 1);
        RecordWriter w = new RecordWriter();
        for (int i = 0; i < r.columnCount(); i++) {
            if (i == 3) {
                w.addLong(root);
                continue;
            }
            switch (r.typeOf(i)) {
                case NULL -> w.addNull();
                case INTEGER -> w.addLong(r.getLong(i));
                case REAL -> w.addDouble(r.getDouble(i));
                case TEXT -> w.addText(r.bytes(i));
                case BLOB -> w.addBlob(r.bytes(i));
            }
        }
        return w.toByteArray();
    }

    /** The copy's page {@code number}, pinned; release it with {@link #unpin}. Never waits. */
    public Page page(int number) {
        return pager.get(number);
    }

    public void unpin(Page page) {
        pager.unpin(page);
    }

    /** Pages in the finished copy. */
    public int pageCount() {
        return pager.pageCount();
    }

    @Override
    public void close() {
        if (scan != null) {
            scan.cursor.close();
            scan = null;
        }
        pager.close();
        shared.close();
    }

    /**
     * A forward walk over one tree that survives {@link IoPending}: a move that threw is
     * repeated on retry, and an entry whose reading threw is read again without moving.
     */
    private static final class Scan {
        final BTreeCursor cursor;
        private boolean started;
        private boolean positioned;

        Scan(BTreeCursor cursor) {
            this.cursor = cursor;
        }

        /** Moves to the next entry unless the current one is not consumed yet; false at the end. */
        boolean advance() {
            if (!positioned) {
                boolean on = started ? cursor.next() : cursor.first();
                started = true;
                if (!on) {
                    return false;
                }
                positioned = true;
            }
            return true;
        }

        void consumed() {
            positioned = false;
        }
    }
}
