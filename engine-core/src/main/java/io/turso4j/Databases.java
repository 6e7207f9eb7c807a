package io.turso4j;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Schema;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.btree.PagerBTree;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import io.turso4j.storage.wal.CheckpointMode;
import io.turso4j.storage.wal.CheckpointResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's databases as SQLite numbers them (its {@code db->aDb}): main at index 0, the
 * temp database at 1 (created on first use, on an in-memory store of its own), the attached
 * databases from 2 on. Each has its own pager and B-tree; cursors name the one they open in by
 * index (P3 of OpenRead/OpenWrite).
 *
 * <p>As a {@link Pager} this is the connection's transaction: beginning, committing, rolling
 * back and the savepoints fan out to every database, so COMMIT, ROLLBACK and a failed
 * statement's undo cover temp and attached tables too. A database that joins while a
 * transaction is open is brought to the same state (read, write, savepoint depth), so the
 * depths the pagers return stay equal. The page and geometry calls address main only (they are
 * what the PRAGMAs of main and the connection's main B-tree use). There is no super-journal: a
 * commit touching several files commits them one after the other, as SQLite does in WAL mode.
 *
 * <p>Confined to the connection's thread, as the connection is.
 */
final class Databases implements Pager {
    /** Index of the temp database, as SQLite's. */
    static final int TEMP = 1;

    /** A database other than main: its file (or in-memory store), pager, B-tree and last read schema. */
    private static final class Other {
        final String name;
        final Database database;
        final Pager pager;
        final BTree btree;
        /** Opened for this connection (closed when it leaves), not shared with an open one. */
        final boolean owned;
        Schema schema;

        Other(String name, Database database, boolean owned) {
            this.name = name;
            this.database = database;
            this.owned = owned;
            this.pager = database.newPager();
            this.btree = new PagerBTree(pager);
        }
    }

    private final Pager main;
    private final Database mainDatabase;
    /** By index - 1: the temp database (null until created), then the attached ones. */
    private final List<Other> others = new ArrayList<>();
    /** The last {@link #schema} result and the main schema it was made from; null after any change. */
    private Schema merged;
    private Schema mergedFrom;
    private boolean reading;
    private boolean writing;
    private int savepoints;

    Databases(Database mainDatabase, Pager main) {
        this.mainDatabase = mainDatabase;
        this.main = main;
        others.add(null);
    }

    /** Whether there is a database besides main (whose schemas {@link #schema} must then check). */
    boolean hasOthers() {
        return others.size() > 1 || others.get(0) != null;
    }

    /** The B-tree of database {@code index}, or null if there is none. */
    BTree btree(int index) {
        Other o = other(index);
        return o == null ? null : o.btree;
    }

    /** The pager of database {@code index} (1 temp, 2… attached), or null if it is not open. */
    Pager pager(int index) {
        Other o = other(index);
        return o == null ? null : o.pager;
    }

    private Other other(int index) {
        return index >= 1 && index <= others.size() ? others.get(index - 1) : null;
    }

    /** Creates the temp database if it does not exist yet; true if it did not. */
    boolean ensureTemp() {
        if (others.get(0) != null) {
            return false;
        }
        others.set(0, join(new Other("temp", Database.open(":memory:"), true)));
        merged = null;
        return true;
    }

    /**
     * ATTACH {@code file} AS {@code name}: opens the file (awaiting its I/O on this thread) and
     * gives it the next index.
     */
    void attach(String file, String name) {
        if (database(name) >= 0 || Identifiers.same(name, "temp")) {
            throw new SqliteException(ResultCode.ERROR, "database " + name + " is already in use");
        }
        Database db = OpenFiles.find(file);
        boolean owned = db == null;
        if (owned) {
            try {
                db = Database.open(file, mainDatabase.options());
            } catch (SqliteException e) {
                throw new SqliteException(ResultCode.CANTOPEN, "unable to open database: " + file);
            }
        }
        others.add(join(new Other(name, db, owned)));
        merged = null;
    }

    /** DETACH {@code name}: the database leaves; the ones after it move down one index. */
    void detach(String name) {
        int index = database(name);
        if (index < 0) {
            throw new SqliteException(ResultCode.ERROR, "no such database: " + name);
        }
        if (index < 2) {
            throw new SqliteException(ResultCode.ERROR, "cannot detach database " + name);
        }
        if (writing) {
            throw new SqliteException(ResultCode.ERROR, "database " + name + " is locked");
        }
        Other o = others.remove(index - 1);
        merged = null;
        if (reading) {
            o.pager.endRead();
        }
        close(o);
    }

    /** The index of the database named {@code name} (any ASCII case), or -1. */
    private int database(String name) {
        if (Identifiers.same(name, "main")) {
            return 0;
        }
        for (int i = 0; i < others.size(); i++) {
            Other o = others.get(i);
            if (o != null && Identifiers.same(o.name, name)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Brings {@code o} into the transaction state the others are in. */
    private Other join(Other o) {
        if (reading) {
            o.pager.beginRead();
        }
        if (writing) {
            o.pager.beginWrite();
            for (int i = 0; i < savepoints; i++) {
                o.pager.openSavepoint();
            }
        }
        return o;
    }

    /**
     * The connection's schema: {@code mainSchema} with the temp and attached databases' schemas
     * (read again when their cookies moved on, as another connection's commit to an attached
     * file moves them) merged in SQLite's name resolution order. Call inside a read
     * transaction. Returns {@code mainSchema} itself while there are no others.
     */
    Schema schema(Schema mainSchema) {
        if (!hasOthers()) {
            return mainSchema;
        }
        boolean current = merged != null && mergedFrom == mainSchema;
        List<String> names = new ArrayList<>(List.of("main"));
        List<String> files = new ArrayList<>(java.util.Collections.singletonList(null));
        List<Schema> schemas = new ArrayList<>(List.of(mainSchema));
        for (Other o : others) {
            names.add(o == null ? "temp" : o.name);
            files.add(o == null || o.database.isMemory() ? ""
                    : java.nio.file.Path.of(o.database.path()).toAbsolutePath().toString());
            if (o == null) {
                schemas.add(null);
                continue;
            }
            // At prepare no transaction may be open: then a read of its own, as SQLite's schema loading.
            boolean transientRead = !reading;
            if (transientRead) {
                o.pager.beginRead();
            }
            try {
                int cookie = SchemaReader.cookieAwaiting(o.btree, o.database);
                if (o.schema == null || o.schema.cookie() != cookie) {
                    // Temp triggers may watch main's tables (SQLite resolves them in any database).
                    o.schema = SchemaReader.loadAwaiting(o.btree, o.pager, o.database, cookie,
                            o == others.get(0) ? mainSchema : null);
                    current = false;
                }
            } finally {
                if (transientRead) {
                    o.pager.endRead();
                }
            }
            schemas.add(o.schema);
        }
        if (!current) {
            merged = Schema.merge(names, files, schemas);
            mergedFrom = mainSchema;
        }
        return merged;
    }

    /** Forgets the schemas read from the other databases (a statement changed one, or a rollback). */
    void schemaChanged() {
        merged = null;
        for (Other o : others) {
            if (o != null) {
                o.schema = null;
            }
        }
    }

    // ---- the transaction, over every database ------------------------------------------------

    @Override
    public void beginRead() {
        main.beginRead();
        for (Other o : others) {
            if (o != null) {
                o.pager.beginRead();
            }
        }
        reading = true;
    }

    @Override
    public void endRead() {
        main.endRead();
        for (Other o : others) {
            if (o != null) {
                o.pager.endRead();
            }
        }
        reading = false;
    }

    /** Main first (it may be BUSY, leaving nothing begun); an attached file that is BUSY undoes the rest. */
    @Override
    public void beginWrite() {
        main.beginWrite();
        List<Pager> begun = new ArrayList<>(List.of(main));
        try {
            for (Other o : others) {
                if (o != null) {
                    o.pager.beginWrite();
                    begun.add(o.pager);
                }
            }
        } catch (RuntimeException e) {
            for (Pager p : begun) {
                p.rollback();
            }
            throw e;
        }
        writing = true;
        savepoints = 0;
    }

    @Override
    public boolean inWriteTransaction() {
        return main.inWriteTransaction();
    }

    /**
     * Commits the others first, then main; each only if still in its write transaction, so a
     * call repeated after an {@code IoPending} resumes where it stopped.
     */
    @Override
    public void commit() {
        commit(false);
    }

    @Override
    public void commit(boolean callerWaits) {
        for (Other o : others) {
            if (o != null && o.pager.inWriteTransaction()) {
                o.btree.beforeCommit();
                o.pager.commit(callerWaits);
            }
        }
        main.commit(callerWaits);
        writing = false;
        savepoints = 0;
    }

    @Override
    public void rollback() {
        for (Other o : others) {
            if (o != null && o.pager.inWriteTransaction()) {
                o.pager.rollback();
                o.btree.pagesRolledBack();
            }
        }
        main.rollback();
        schemaChanged();
        writing = false;
        savepoints = 0;
    }

    @Override
    public int openSavepoint() {
        int depth = main.openSavepoint();
        for (Other o : others) {
            if (o != null) {
                o.pager.openSavepoint();
            }
        }
        savepoints = depth;
        return depth;
    }

    @Override
    public void releaseSavepoint(int depth) {
        main.releaseSavepoint(depth);
        for (Other o : others) {
            if (o != null) {
                o.pager.releaseSavepoint(depth);
            }
        }
        savepoints = depth - 1;
    }

    @Override
    public void rollbackToSavepoint(int depth) {
        main.rollbackToSavepoint(depth);
        for (Other o : others) {
            if (o != null) {
                o.pager.rollbackToSavepoint(depth);
                o.btree.pagesRolledBack();
            }
        }
        schemaChanged();
    }

    /** Closes main's pager and every other database. */
    @Override
    public void close() {
        for (Other o : others) {
            if (o != null) {
                if (o.pager.inWriteTransaction()) {
                    o.pager.rollback();
                }
                close(o);
            }
        }
        main.close();
    }

    private static void close(Other o) {
        o.pager.close();
        if (o.owned) {
            o.database.close();
        }
    }

    // ---- main's geometry and pages ------------------------------------------------------------

    @Override
    public int pageSize() {
        return main.pageSize();
    }

    @Override
    public int usableSize() {
        return main.usableSize();
    }

    @Override
    public boolean setPageSize(int pageSize) {
        return main.setPageSize(pageSize);
    }

    @Override
    public int pageCount() {
        return main.pageCount();
    }

    @Override
    public void setCacheSize(int pages) {
        main.setCacheSize(pages);
    }

    @Override
    public int cacheSize() {
        return main.cacheSize();
    }

    @Override
    public Page get(int number) {
        return main.get(number);
    }

    @Override
    public Page getForScan(int number, Object scan) {
        return main.getForScan(number, scan);
    }

    @Override
    public void prefetch(int number) {
        main.prefetch(number);
    }

    @Override
    public void readAhead(int number) {
        main.readAhead(number);
    }

    @Override
    public void unpin(Page page) {
        main.unpin(page);
    }

    @Override
    public void write(Page page) {
        main.write(page);
    }

    @Override
    public Page allocate() {
        return main.allocate();
    }

    @Override
    public void truncate(int pageCount) {
        main.truncate(pageCount);
    }

    @Override
    public void setSynchronous(io.turso4j.storage.pager.Synchronous mode) {
        main.setSynchronous(mode);
    }

    @Override
    public io.turso4j.storage.pager.Synchronous synchronous() {
        return main.synchronous();
    }

    @Override
    public void setAutoCheckpoint(int frames) {
        main.setAutoCheckpoint(frames);
    }

    @Override
    public CheckpointResult checkpoint(CheckpointMode mode) {
        return main.checkpoint(mode);
    }
}
