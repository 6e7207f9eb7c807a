package io.turso4j.storage.btree;

import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;

/**
 * Views of one tree's pages that descents read as the pager's clean copies, with the pager's
 * pages behind them, direct-mapped by page number ({@code number % SLOTS}), all from when the
 * tree had the version {@link #seen}: a seek reads them again without the pager, so a lookup
 * repeated over a tree asks the pager for its leaf alone, or for nothing.
 *
 * <p>A kept view is good while the tree's version is {@link #seen} and the pager still holds
 * its page ({@link Pager#isCurrent}): the page's bytes then change only by the tree's own
 * writes, which move the version, and a rollback moves every version. It needs no pin: it is
 * only read until the reader's next call to the pager, which may evict it. One per tree
 * ({@link PagerBTree.Version}), shared by the tree's cursors and kept across statements, as
 * the pages are across transactions that do not change them (another connection's commit
 * makes the pager drop the pages it changed). One connection, one thread at a time.
 */
final class KeptPages {
    /** A table of a few thousand rows keeps all its pages. */
    private static final int SLOTS = 64;

    private final BTreePage[] views = new BTreePage[SLOTS];
    private final Page[] pages = new Page[SLOTS];
    private long seen = -1;

    /** The kept view of page {@code number} if it is good at tree version {@code version}, else null. */
    BTreePage get(int number, long version, Pager pager) {
        int slot = number & (SLOTS - 1);
        BTreePage v = views[slot];
        return v != null && v.pageNumber() == number && seen == version && pager.isCurrent(pages[slot]) ? v : null;
    }

    /** The pager's page behind the kept view {@link #get} just returned for {@code number}. */
    Page page(int number) {
        return pages[number & (SLOTS - 1)];
    }

    /** Keeps {@code view} of {@code page}, read as the pager's clean copy at tree version {@code version}. */
    void keep(BTreePage view, Page page, long version) {
        if (seen != version) {
            java.util.Arrays.fill(views, null);
            java.util.Arrays.fill(pages, null);
            seen = version;
        }
        int slot = (int) view.pageNumber() & (SLOTS - 1);
        views[slot] = view;
        pages[slot] = page;
    }

    /**
     * A change took the tree from version {@code before} to {@code after} writing only the leaf
     * {@code leafPage}, in place: every other kept page still holds, that leaf is dropped.
     */
    void leafChanged(long before, long after, int leafPage) {
        if (seen != before) {
            return;
        }
        seen = after;
        int slot = leafPage & (SLOTS - 1);
        if (views[slot] != null && views[slot].pageNumber() == leafPage) {
            views[slot] = null;
            pages[slot] = null;
        }
    }
}
