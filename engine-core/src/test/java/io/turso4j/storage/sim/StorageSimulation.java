package io.turso4j.storage.sim;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.sim.FaultConfig;
import io.turso4j.io.sim.SimulatedIO;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.btree.AutoVacuum;
import io.turso4j.storage.btree.BTreeCursor;
import io.turso4j.storage.btree.PagerBTree;
import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.integrity.IntegrityCheck;
import io.turso4j.storage.pager.SharedPager;
import io.turso4j.storage.pager.WalPager;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One seeded run of the storage stack (WAL pager + B-trees) on {@link SimulatedIO}: random
 * transactions of inserts, replaces and deletes on a table tree and an index over it, checked
 * against an in-memory model, with I/O errors injected and crashes at random points.
 *
 * <p>Nothing here waits: every operation that reports {@link IoPending} is retried after
 * {@link SimulatedIO#poll()} has completed its I/O, so a hidden wait inside the stack would show
 * as a stall (reported with the seed) instead of passing.
 *
 * <p>The model is the committed state. A transaction whose commit failed or was cut short by a
 * crash may or may not have become durable, so after the next reopen the database must equal
 * either the state before it or the state after it — and from then on the model is whichever
 * it was. After every reopen: the rows match, the index matches the rows, and the storage
 * integrity check finds nothing.
 */
final class StorageSimulation {
    private static final String PATH = "sim.db";
    /** Retries of one operation past which it is not progressing (each retry loads a page). */
    private static final int MAX_ATTEMPTS = 100_000;
    /** Meta slots (user version, application id) where the run records its two roots. */
    private static final int TABLE_ROOT_META = 6;
    private static final int INDEX_ROOT_META = 8;
    private static final IndexKeyComparator INDEX_ORDER = new IndexKeyComparator(
            new Collation[2], new boolean[2]);

    private final long seed;
    private final Random random;
    private final SimulatedIO io;
    private final AutoVacuum autoVacuum;
    private final int cacheSize;
    private final StringBuilder trace = new StringBuilder();

    private SharedPager shared;
    private WalPager pager;
    private PagerBTree btree;
    private int tableRoot;
    private int indexRoot;
    /** Committed rows: rowid → blob. */
    private TreeMap<Long, byte[]> committed = new TreeMap<>();
    /** When the last commit's outcome is unknown: the state had it committed. */
    private TreeMap<Long, byte[]> ifCommitted;

    StorageSimulation(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        double p = random.nextInt(3) == 0 ? 0 : 0.002;
        this.io = new SimulatedIO(seed, new FaultConfig(p, p, p, p, 0.5, 512));
        this.autoVacuum = AutoVacuum.values()[random.nextInt(AutoVacuum.values().length)];
        this.cacheSize = Integer.getInteger("turso4j.sim.cache", random.nextBoolean() ? 8 + random.nextInt(24) : 2000);
    }

    /** Runs {@code transactions} random transactions; throws AssertionError naming the seed. */
    void run(int transactions) {
        try {
            reopen();
            for (int t = 0; t < transactions; t++) {
                transaction();
            }
            crashAndVerify();
            closeAfterCrash();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("storage simulation failed, seed " + seed + " (replay with "
                    + "-Dturso4j.seed=" + seed + "); auto_vacuum=" + autoVacuum + " cache=" + cacheSize
                    + "\ntrace:" + trace, e);
        }
    }

    // ---- one transaction -------------------------------------------------------------------

    private void transaction() {
        TreeMap<Long, byte[]> working = new TreeMap<>(committed);
        try {
            drive(() -> { pager.beginRead(); return null; });
            drive(() -> { pager.beginWrite(); return null; });
            if (tableRoot == 0) {
                setUp();
            }
            int ops = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 20);
            for (int i = 0; i < ops; i++) {
                if (random.nextInt(100) < 2) {
                    io.crash();
                    note("crash in transaction");
                    verifyAfterCrash();
                    return;
                }
                operation(working);
            }
            if (random.nextInt(10) == 0) {
                pager.rollback();
                btree.pagesRolledBack();
                pager.endRead();
                loadRoots();
                note("rollback");
                return;
            }
            commit(working);
        } catch (SqliteException e) {
            if (e.code().primary() != ResultCode.IOERR) {
                throw e;
            }
            // A failed read or write before the commit: the transaction is lost, nothing else.
            note("io error: " + e.getMessage());
            abandonTransaction();
        }
    }

    private void setUp() {
        btree.setAutoVacuum(autoVacuum);
        int table = drive(btree::createTable);
        int index = drive(btree::createIndex);
        drive(() -> { btree.setMeta(TABLE_ROOT_META, table); return null; });
        drive(() -> { btree.setMeta(INDEX_ROOT_META, index); return null; });
        tableRoot = table;
        indexRoot = index;
    }

    private void operation(TreeMap<Long, byte[]> working) {
        long rowid = 1 + random.nextInt(random.nextBoolean() ? 50 : 3000);
        int kind = random.nextInt(10);
        if (kind < 6) {
            byte[] value = value(rowid);
            byte[] old = working.get(rowid);
            try (BTreeCursor table = btree.openTable(tableRoot, true);
                 BTreeCursor index = btree.openIndex(indexRoot, INDEX_ORDER, true)) {
                if (old != null) {
                    deleteIndexKey(index, old.length, rowid);
                }
                byte[] record = new RecordWriter().addBlob(value).toByteArray();
                drive(() -> { table.insert(rowid, record); return null; });
                byte[] key = indexKey(value.length, rowid);
                drive(() -> { index.insert(key); return null; });
            }
            working.put(rowid, value);
        } else if (kind < 9) {
            byte[] old = working.get(rowid);
            if (old == null) {
                return;
            }
            try (BTreeCursor table = btree.openTable(tableRoot, true);
                 BTreeCursor index = btree.openIndex(indexRoot, INDEX_ORDER, true)) {
                check(drive(() -> table.seekRowid(rowid)), "row " + rowid + " missing before delete");
                drive(() -> { table.delete(); return null; });
                deleteIndexKey(index, old.length, rowid);
            }
            working.remove(rowid);
        } else if (autoVacuum == AutoVacuum.INCREMENTAL) {
            int n = random.nextInt(5);
            int released = drive(() -> btree.incrementalVacuum(n));
            note("incremental_vacuum(" + n + ") released " + released + ", " + pager.pageCount() + " pages");
        }
    }

    private void deleteIndexKey(BTreeCursor index, int length, long rowid) {
        Register[] key = {new Register().setInt(length), new Register().setInt(rowid)};
        check(drive(() -> index.seek(SeekOp.GE, key, 0, 2)), "index key for " + rowid + " missing");
        var r = drive(index::record);
        check(r.getLong(0) == length && r.getLong(1) == rowid, "index seek landed on the wrong key");
        drive(() -> { index.delete(); return null; });
    }

    /**
     * Commits, sometimes cutting the commit short with a crash. A commit that returned is
     * durable (synchronous=FULL); one that failed or was cut short is uncertain.
     */
    private void commit(TreeMap<Long, byte[]> working) {
        drive(() -> { btree.beforeCommit(); return null; });
        boolean crashMidway = random.nextInt(20) == 0;
        int pollsBeforeCrash = random.nextInt(6);
        try {
            while (true) {
                try {
                    pager.commit();
                    break;
                } catch (IoPending pending) {
                    if (crashMidway && pollsBeforeCrash-- == 0) {
                        ifCommitted = working;
                        io.crash();
                        note("crash during commit");
                        verifyAfterCrash();
                        return;
                    }
                    await(pending);
                }
            }
        } catch (SqliteException e) {
            if (e.code().primary() != ResultCode.IOERR) {
                throw e;
            }
            ifCommitted = working;
            note("commit failed: " + e.getMessage());
            io.crash();
            verifyAfterCrash();
            return;
        }
        pager.endRead();
        committed = working;
        note("commit " + working.size() + " rows");
    }

    private void abandonTransaction() {
        try {
            if (pager.inWriteTransaction()) {
                pager.rollback();
                btree.pagesRolledBack();
            }
            pager.endRead();
        } catch (IllegalStateException notInTransaction) {
            // The failure came before the read transaction began.
        }
        loadRoots();
    }

    // ---- crash, reopen, verify -------------------------------------------------------------

    private void crashAndVerify() {
        io.crash();
        note("final crash");
        verifyAfterCrash();
    }

    /** Reopens after a crash (the old handles are dead) and checks the recovered state. */
    private void verifyAfterCrash() {
        reopen();
        Map<Long, byte[]> found = readAll();
        if (ifCommitted != null) {
            if (equal(found, ifCommitted)) {
                committed = ifCommitted;
            } else {
                check(equal(found, committed), "after an uncertain commit the database is neither "
                        + "the state before it nor after it: " + describe(found));
            }
            ifCommitted = null;
        } else {
            check(equal(found, committed), "recovered rows differ from the committed ones: "
                    + describe(found) + " expected " + describe(committed));
        }
        integrityCheck();
    }

    private void reopen() {
        if (shared != null) {
            closeAfterCrash();
        }
        shared = retryIoErrors(() -> drive(SharedPager.open(io, PATH)::step));
        pager = shared.newPager();
        pager.setCacheSize(cacheSize);
        btree = new PagerBTree(pager);
        loadRoots();
    }

    /**
     * Lets go of the stack that was running when the power failed: its file handles are dead,
     * so closing does no real I/O, but it frees the page buffers (off-heap, so thousands of
     * seeds would otherwise exhaust native memory).
     */
    private void closeAfterCrash() {
        pager.close();
        try {
            drive(() -> { shared.close(); return null; });
        } catch (SqliteException deadHandles) {
            // Expected: the handles died with the crash.
        }
    }

    /** The roots as committed (a rolled-back first transaction leaves none). */
    private void loadRoots() {
        retryIoErrors(() -> {
            drive(() -> { pager.beginRead(); return null; });
            try {
                if (pager.pageCount() == 0) {
                    tableRoot = 0;
                    indexRoot = 0;
                } else {
                    tableRoot = drive(() -> btree.meta(TABLE_ROOT_META));
                    indexRoot = drive(() -> btree.meta(INDEX_ROOT_META));
                }
            } finally {
                pager.endRead();
            }
            return null;
        });
    }

    /** The table's rows, checked against the index on the way. */
    private Map<Long, byte[]> readAll() {
        return retryIoErrors(() -> {
            TreeMap<Long, byte[]> rows = new TreeMap<>();
            drive(() -> { pager.beginRead(); return null; });
            try {
                if (tableRoot == 0) {
                    return rows;
                }
                List<long[]> keys = new ArrayList<>();
                try (BTreeCursor table = btree.openTable(tableRoot, false);
                     BTreeCursor index = btree.openIndex(indexRoot, INDEX_ORDER, false)) {
                    for (boolean on = drive(table::first); on; on = drive(table::next)) {
                        rows.put(drive(table::rowid), drive(table::record).getBlob(0));
                    }
                    for (boolean on = drive(index::first); on; on = drive(index::next)) {
                        var r = drive(index::record);
                        keys.add(new long[] {r.getLong(0), r.getLong(1)});
                    }
                }
                check(keys.size() == rows.size(), "index has " + keys.size() + " keys for " + rows.size() + " rows");
                for (long[] k : keys) {
                    byte[] row = rows.get(k[1]);
                    check(row != null && row.length == k[0], "index key " + Arrays.toString(k) + " has no row");
                }
                return rows;
            } finally {
                pager.endRead();
            }
        });
    }

    private void integrityCheck() {
        List<String> messages = retryIoErrors(() -> {
            drive(() -> { pager.beginRead(); return null; });
            try {
                if (pager.pageCount() == 0) {
                    return List.<String>of();
                }
                List<Long> roots = tableRoot == 0 ? List.of(1L) : List.of(1L, (long) tableRoot, (long) indexRoot);
                IntegrityCheck check = new IntegrityCheck(pager, roots, IntegrityCheck.DEFAULT_MAX_ERRORS);
                return drive(check::run);
            } finally {
                pager.endRead();
            }
        });
        check(messages.isEmpty(), "integrity check: " + messages);
    }

    // ---- plumbing --------------------------------------------------------------------------

    /** Runs {@code op}, polling the simulator whenever it reports pending I/O, until it returns. */
    private <T> T drive(Supplier<T> op) {
        for (int attempt = 0; ; attempt++) {
            try {
                return op.get();
            } catch (IoPending pending) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new AssertionError("livelock: still pending after " + attempt + " retries: "
                            + pending.completion(), pending);
                }
                await(pending);
            }
        }
    }

    private void await(IoPending pending) {
        while (!pending.completion().isDone()) {
            if (io.poll() == 0 && !pending.completion().isDone()) {
                throw new AssertionError("stall: pending I/O that no poll completes");
            }
        }
    }

    /** Verification reads may hit injected errors too; they are read-only, so simply retry. */
    private <T> T retryIoErrors(Supplier<T> op) {
        for (int attempt = 0; ; attempt++) {
            try {
                return op.get();
            } catch (SqliteException e) {
                if (e.code().primary() != ResultCode.IOERR || attempt > 1000) {
                    throw e;
                }
            }
        }
    }

    private byte[] value(long rowid) {
        int size = random.nextInt(8) == 0 ? 1000 + random.nextInt(20_000) : random.nextInt(120);
        byte[] v = new byte[size];
        random.nextBytes(v);
        if (size > 0) {
            v[0] = (byte) rowid;
        }
        return v;
    }

    private static byte[] indexKey(int length, long rowid) {
        return new RecordWriter().addLong(length).addLong(rowid).toByteArray();
    }

    private static boolean equal(Map<Long, byte[]> a, Map<Long, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static String describe(Map<Long, byte[]> rows) {
        return rows.size() + " rows " + (rows.size() <= 20 ? rows.keySet().toString() : "");
    }

    private void note(String event) {
        trace.append("\n  ").append(event);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
