package io.turso4j.storage.integrity;

import io.turso4j.completion.Completion;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * A read-only {@link Pager} over another that reports "pending" on the first {@link #get} of
 * a share of pages, the way a cache miss does, so tests can prove a caller resumes correctly.
 * Counts the pendings it threw.
 */
final class PendingPager implements Pager {
    private final Pager inner;
    private final Random random;
    private final double share;
    private final Set<Integer> seen = new HashSet<>();
    int pendings;

    PendingPager(Pager inner, Random random, double share) {
        this.inner = inner;
        this.random = random;
        this.share = share;
    }

    @Override
    public Page get(int number) {
        if (number >= 1 && number <= inner.pageCount() && seen.add(number) && random.nextDouble() < share) {
            pendings++;
            throw new IoPending(Completion.succeeded(0));
        }
        return inner.get(number);
    }

    @Override public int pageSize() { return inner.pageSize(); }
    @Override public int usableSize() { return inner.usableSize(); }
    @Override public boolean setPageSize(int pageSize) { return false; }
    @Override public int pageCount() { return inner.pageCount(); }
    @Override public void setCacheSize(int pages) { }
    @Override public void beginRead() { inner.beginRead(); }
    @Override public void endRead() { inner.endRead(); }
    @Override public void beginWrite() { throw new UnsupportedOperationException("read-only"); }
    @Override public boolean inWriteTransaction() { return false; }
    @Override public void commit() { throw new UnsupportedOperationException("read-only"); }
    @Override public void rollback() { throw new UnsupportedOperationException("read-only"); }
    @Override public int openSavepoint() { throw new UnsupportedOperationException("read-only"); }
    @Override public void releaseSavepoint(int depth) { throw new UnsupportedOperationException("read-only"); }
    @Override public void rollbackToSavepoint(int depth) { throw new UnsupportedOperationException("read-only"); }
    @Override public void prefetch(int number) { }
    @Override public void readAhead(int number) { }
    @Override public void unpin(Page page) { inner.unpin(page); }
    @Override public void write(Page page) { throw new UnsupportedOperationException("read-only"); }
    @Override public Page allocate() { throw new UnsupportedOperationException("read-only"); }
    @Override public void truncate(int pageCount) { throw new UnsupportedOperationException("read-only"); }
    @Override public void close() { inner.close(); }
}
