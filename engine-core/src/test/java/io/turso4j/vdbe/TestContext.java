package io.turso4j.vdbe;

import io.turso4j.storage.btree.BTree;

/** A {@link VmContext} over a given B-tree, with a fixed clock and a counter for randomness. */
final class TestContext implements VmContext {
    private final BTree btree;
    long changes;
    long lastRowid;
    private long random = 12345;

    TestContext(BTree btree) {
        this.btree = btree;
    }

    @Override
    public BTree btree() {
        return btree;
    }

    @Override
    public long currentTimeMillis() {
        return 1_700_000_000_000L;
    }

    @Override
    public long nextRandom() {
        return random++;
    }

    @Override
    public long changes() {
        return changes;
    }

    @Override
    public long totalChanges() {
        return changes;
    }

    @Override
    public long lastInsertRowid() {
        return lastRowid;
    }

    @Override
    public void rowsChanged(long n) {
        changes += n;
    }

    @Override
    public void setLastInsertRowid(long rowid) {
        lastRowid = rowid;
    }

    @Override
    public boolean isAutocommit() {
        return true;
    }

    @Override
    public void setAutocommit(boolean autocommit, boolean rollback) {
    }
}
