package io.turso4j;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.storage.pager.Pager;
import java.util.ArrayList;
import java.util.List;

/**
 * The named savepoints of one connection (SAVEPOINT, RELEASE, ROLLBACK TO), innermost last,
 * as SQLite's {@code sqlite3Savepoint} keeps them. Names match case-insensitively (ASCII); the
 * innermost savepoint of a name is the one meant.
 *
 * <p>A savepoint may be opened before the transaction writes anything (the pager's savepoints
 * live only inside a write transaction): it then has no pager level yet, and gets one when the
 * write transaction begins ({@link #writeBegun}) — every savepoint open at that moment stands
 * for the same state, the transaction's start. Invariant: if a savepoint has a pager level, so
 * has every savepoint opened after it, at a deeper level.
 *
 * <p>The outermost savepoint may be the transaction itself (opened outside BEGIN); releasing
 * it ends the transaction. Not thread-safe: the connection's thread.
 */
final class SavepointStack {
    private static final class Entry {
        final String name;
        /** The pager's savepoint depth, or 0 while the transaction has not written. */
        int depth;
        /** The deferred foreign key violations pending when it was opened: ROLLBACK TO restores them. */
        final long deferredViolations;

        Entry(String name, int depth, long deferredViolations) {
            this.name = name;
            this.depth = depth;
            this.deferredViolations = deferredViolations;
        }
    }

    private final Pager pager;
    private final List<Entry> entries = new ArrayList<>();
    /** Whether the outermost savepoint opened the transaction (SQLite's isTransactionSavepoint). */
    private boolean transactionSavepoint;

    SavepointStack(Pager pager) {
        this.pager = pager;
    }

    /**
     * SAVEPOINT {@code name}; {@code startsTransaction} when no transaction was open;
     * {@code deferredViolations} as the connection counts them now.
     */
    void open(String name, boolean startsTransaction, long deferredViolations) {
        if (startsTransaction) {
            entries.clear();
            transactionSavepoint = true;
        }
        entries.add(new Entry(name, pager.inWriteTransaction() ? pager.openSavepoint() : 0, deferredViolations));
    }

    /** Whether RELEASE {@code name} would end the transaction. */
    boolean endsTransaction(String name) {
        return find(name) == 0 && transactionSavepoint;
    }

    /** The deferred foreign key violations pending when {@code name} was opened. */
    long deferredViolationsAt(String name) {
        return entries.get(find(name)).deferredViolations;
    }

    /** The write transaction began: savepoints opened before it get their pager levels. */
    void writeBegun() {
        for (Entry e : entries) {
            if (e.depth == 0) {
                e.depth = pager.openSavepoint();
            }
        }
    }

    /**
     * RELEASE {@code name} and every savepoint opened after it, keeping their changes. Returns
     * true when that ends the transaction (the caller then commits).
     */
    boolean release(String name) {
        int i = find(name);
        if (i == 0 && transactionSavepoint) {
            clear();
            return true;
        }
        int depth = entries.get(i).depth;
        if (depth > 0) {
            pager.releaseSavepoint(depth);
        }
        entries.subList(i, entries.size()).clear();
        return false;
    }

    /**
     * ROLLBACK TO {@code name}: undoes everything since it was opened; it stays open, the
     * savepoints opened after it are gone. Returns whether pages were restored.
     */
    boolean rollbackTo(String name) {
        int i = find(name);
        int depth = entries.get(i).depth;
        entries.subList(i + 1, entries.size()).clear();
        if (depth == 0) {
            return false;
        }
        pager.rollbackToSavepoint(depth);
        return true;
    }

    /** The transaction ended (COMMIT, ROLLBACK, close): every savepoint goes with it. */
    void clear() {
        entries.clear();
        transactionSavepoint = false;
    }

    private int find(String name) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (io.turso4j.schema.Identifiers.same(entries.get(i).name, name)) {
                return i;
            }
        }
        throw new SqliteException(ResultCode.ERROR, "no such savepoint: " + name);
    }
}
