package io.turso4j.storage.btree;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.PointerMap;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import io.turso4j.value.IndexKeyComparator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link BTree} over a {@link Pager}. Every operation runs inside one {@link PageEdit}: it reads
 * what it needs, changes private copies, and only when it has run to the end without an {@link
 * IoPending} are the changes handed to the pager, so an operation that meets pending I/O has
 * changed nothing and its retry starts over (with the pages it read now resident).
 *
 * <p>State: the auto-vacuum mode a new database will get ({@link #setAutoVacuum}) and a {@link
 * Version} per tree that cursors have opened, by which they notice that their tree changed
 * under them. A change to one tree's entries ({@link #write(Version, Function)}) moves only
 * that tree's version: it touches that tree's pages, free and overflow pages, pointer-map
 * pages and page 1's header, and no other tree's pages or cells, so a statement that reads one
 * tree while it writes another keeps its read cursor's fast paths. Anything else that changes
 * pages (creating, dropping or clearing a tree, a vacuum that moves pages between trees, a meta
 * value, a rollback) moves every version. The first write to an empty database ({@code
 * pageCount() == 0}) creates page 1: the header (WAL file format, versions 2/2) and an empty
 * sqlite_schema table leaf.
 *
 * <p>One connection, one thread at a time.
 */
public final class PagerBTree implements BTree {
    /** The SQLITE_VERSION_NUMBER written into new headers as last writer. */
    static final int SQLITE_VERSION_NUMBER = 3040001;
    /** How many leaf copies' arrays wait for reuse: enough for a statement's cursors, a join's included. */
    private static final int SPARE_LEAF_COPIES = 4;

    private final Pager pager;
    private AutoVacuum newDatabaseMode = AutoVacuum.NONE;
    /** The versions of the trees cursors have opened, by root page. */
    private final Map<Integer, Version> versions = new HashMap<>();
    /** The last value given to a version: each change takes a new one, so none repeats. */
    private long clock;
    /** Pins kept from an operation that met {@link IoPending}, until it runs to the end. */
    private final List<Page> retained = new ArrayList<>();
    /** The edit {@link #read} reuses, when no read is under way. */
    private PageEdit idleReadEdit;
    /** The edit {@link #write} reuses (with its spare page copies), when no write is under way. */
    private PageEdit idleWriteEdit;
    /**
     * Arrays of leaf copies ({@link LeafSnapshot}) that cursors gave back when they dropped the
     * copy ({@link #giveBackLeafCopy}), for the next copy of any cursor on this connection
     * ({@link #leafCopy}): most statements open a cursor, copy a leaf or two and close, and a
     * new page-sized array each time was most of what reading allocated. An array is either
     * here or owned by one cursor, never both, so two live cursors never share one.
     */
    private final byte[][] spareLeafCopies = new byte[SPARE_LEAF_COPIES][];
    private int spareLeafCopyCount;

    public PagerBTree(Pager pager) {
        this.pager = pager;
    }

    Pager pager() {
        return pager;
    }

    /**
     * A tree's change counter: its {@link #value} is new after every applied change to the
     * tree. Shared by all cursors on the tree, with the pages their descents keep.
     */
    static final class Version {
        long value;
        /** The tree's pages that descents kept, good while {@link #value} stands. */
        final KeptPages kept = new KeptPages();
    }

    /**
     * An array of {@code size} bytes for a leaf copy, now owned by the caller: one a cursor gave
     * back, or a new one. Its contents are stale; the caller overwrites all of it.
     */
    byte[] leafCopy(int size) {
        while (spareLeafCopyCount > 0) {
            byte[] b = spareLeafCopies[--spareLeafCopyCount];
            spareLeafCopies[spareLeafCopyCount] = null;
            if (b.length == size) {
                return b;
            }
        }
        return new byte[size];
    }

    /**
     * Takes back the array of a leaf copy its cursor dropped, which neither it nor anything it
     * handed out reads any more; kept if there is room.
     */
    void giveBackLeafCopy(byte[] b) {
        if (spareLeafCopyCount < SPARE_LEAF_COPIES) {
            spareLeafCopies[spareLeafCopyCount++] = b;
        }
    }

    /** The version of the tree rooted at {@code root}, the same object for every cursor on it. */
    Version version(int root) {
        return versions.computeIfAbsent(root, r -> new Version());
    }

    /** Moves every tree's version: pages may have changed anywhere. */
    private void changedAll() {
        clock++;
        for (Version v : versions.values()) {
            v.value = clock;
        }
    }

    @Override
    public boolean setAutoVacuum(AutoVacuum mode) {
        if (pager.pageCount() != 0) {
            return false;
        }
        newDatabaseMode = mode;
        return true;
    }

    @Override
    public AutoVacuum autoVacuum() {
        if (pager.pageCount() == 0) {
            return newDatabaseMode;
        }
        return read(e -> mode(e));
    }

    private static AutoVacuum mode(PageEdit e) {
        if (!e.autoVacuum()) {
            return AutoVacuum.NONE;
        }
        return e.header(DatabaseHeader.INCREMENTAL_VACUUM_OFFSET) != 0 ? AutoVacuum.INCREMENTAL : AutoVacuum.FULL;
    }

    @Override
    public void beforeCommit() {
        if (!pager.inWriteTransaction() || pager.pageCount() == 0) {
            return;
        }
        boolean due = read(e -> mode(e) == AutoVacuum.FULL && FreeList.count(e) > 0);
        if (due) {
            write(e -> Vacuum.vacuum(e, 0));
        }
    }

    @Override
    public void pagesRolledBack() {
        changedAll();
        releaseRetained();
    }

    @Override
    public int createTable() {
        return write(e -> createRoot(e, true));
    }

    @Override
    public int createIndex() {
        return write(e -> createRoot(e, false));
    }

    private static int createRoot(PageEdit e, boolean table) {
        int root = e.autoVacuum() ? Vacuum.placeNewRoot(e) : FreeList.allocate(e);
        Node.emptyLeaf(root, table).store(e);
        PointerMaps.put(e, root, PointerMap.ROOTPAGE, 0);
        return root;
    }

    @Override
    public int drop(int root) {
        if (root < 2) {
            throw new IllegalArgumentException("cannot drop the tree at page " + root);
        }
        return write(e -> {
            freeTree(e, root, true, 0);
            return e.autoVacuum() ? Vacuum.dropRoot(e, root) : 0;
        });
    }

    @Override
    public long clear(int root) {
        return write(e -> {
            Node n = Node.load(e, root);
            long count = freeTree(e, root, false, 0);
            Node.emptyLeaf(root, n.isTable()).store(e);
            return count;
        });
    }

    /** Frees the pages below {@code page} (and it too if {@code self}); returns the entries. */
    private static long freeTree(PageEdit e, int page, boolean self, int depth) {
        if (depth > TreePath.MAX_DEPTH) {
            throw new CorruptDatabaseException(page, "B-tree deeper than " + TreePath.MAX_DEPTH);
        }
        Node n = Node.load(e, page);
        long count = n.isLeaf() || !n.isTable() ? n.size() : 0;
        if (n.type.hasPayload()) {
            for (byte[] body : n.bodies) {
                Overflow.free(e, Node.leafOf(n.type), body);
            }
        }
        if (!n.isLeaf()) {
            for (int i = 0; i <= n.size(); i++) {
                e.prefetch(n.child(i));
            }
            for (int i = 0; i <= n.size(); i++) {
                count += freeTree(e, (int) n.child(i), true, depth + 1);
            }
        }
        if (self) {
            FreeList.free(e, page);
        }
        return count;
    }

    @Override
    public BTreeCursor openTable(int root, boolean writable) {
        return new PagerCursor(this, root, null, writable);
    }

    @Override
    public BTreeCursor openIndex(int root, IndexKeyComparator key, boolean writable) {
        return new PagerCursor(this, root, key, writable);
    }

    @Override
    public int meta(int index) {
        checkMeta(index);
        if (pager.pageCount() == 0) {
            return 0;
        }
        return read(e -> (int) e.header(metaOffset(index)));
    }

    @Override
    public void setMeta(int index, int value) {
        checkMeta(index);
        write(e -> {
            e.setHeader(metaOffset(index), Integer.toUnsignedLong(value));
            return null;
        });
    }

    private static int metaOffset(int index) {
        return DatabaseHeader.FREELIST_COUNT_OFFSET + 4 * index;
    }

    private static void checkMeta(int index) {
        if (index < 1 || index > 8) {
            throw new IllegalArgumentException("meta index " + index);
        }
    }

    @Override
    public int incrementalVacuum(int pages) {
        if (pager.pageCount() == 0 || autoVacuum() != AutoVacuum.INCREMENTAL) {
            return 0;
        }
        return write(e -> Vacuum.vacuum(e, pages));
    }

    /** Runs a read-only operation; nothing it does outlives it. */
    <T> T read(Function<PageEdit, T> op) {
        // reuse the idle edit; a read nested in another gets its own
        PageEdit e = idleReadEdit != null ? idleReadEdit.restart() : new PageEdit(pager);
        idleReadEdit = null;
        try {
            T result = op.apply(e);
            releaseRetained();
            return result;
        } catch (IoPending pending) {
            e.retainPins(retained);
            throw pending;
        } finally {
            e.release();
            idleReadEdit = e;
        }
    }

    /** Runs a changing operation and applies it only if it ran to the end; every tree may have changed. */
    <T> T write(Function<PageEdit, T> op) {
        return write(null, op);
    }

    /**
     * Runs an operation that changes the entries of one tree (see the class comment for what it
     * may touch) and applies it only if it ran to the end; moves that tree's {@code version},
     * or, if null, every tree's.
     */
    <T> T write(Version version, Function<PageEdit, T> op) {
        if (!pager.inWriteTransaction()) {
            throw new SqliteException(ResultCode.ERROR, "cannot change the database outside a write transaction");
        }
        // reuse the idle edit; a write nested in another gets its own
        PageEdit e = idleWriteEdit != null ? idleWriteEdit.restart() : new PageEdit(pager);
        idleWriteEdit = null;
        try {
            if (e.pageCount() == 0) {
                createPageOne(e);
            }
            T result = op.apply(e);
            e.apply();
            if (version != null) {
                version.value = ++clock;
            } else {
                changedAll();
            }
            releaseRetained();
            return result;
        } catch (IoPending pending) {
            e.retainPins(retained);
            throw pending;
        } catch (RuntimeException failed) {
            releaseRetained();
            throw failed;
        } finally {
            e.release();
            idleWriteEdit = e;
        }
    }

    /**
     * Drops the pins an interrupted operation kept for its retry. Retrying from the start is
     * only sure to progress if what the last attempt read is still resident: with a cache
     * smaller than an operation's pages, unpinned pages would be evicted again before the
     * retry reaches the page it was waiting for, for ever.
     */
    private void releaseRetained() {
        for (Page p : retained) {
            pager.unpin(p);
        }
        retained.clear();
    }

    private void createPageOne(PageEdit e) {
        int page = e.extend();
        DatabaseHeader h = DatabaseHeader.forNewDatabase(e.pageSize(), e.pageSize() - e.usableSize(),
                SQLITE_VERSION_NUMBER);
        boolean av = newDatabaseMode != AutoVacuum.NONE;
        new DatabaseHeader(h.pageSize(), DatabaseHeader.VERSION_WAL, DatabaseHeader.VERSION_WAL, h.reservedBytes(),
                h.maxPayloadFraction(), h.minPayloadFraction(), h.leafPayloadFraction(), h.changeCounter(),
                h.databaseSize(), 0, 0, 0, h.schemaFormat(), h.defaultCacheSize(), av ? 1 : 0, h.textEncoding(),
                0, newDatabaseMode == AutoVacuum.INCREMENTAL ? 1 : 0, 0, h.versionValidFor(), h.sqliteVersion())
                .encode(e.write(page));
        Node.emptyLeaf(page, true).store(e);
    }
}
