package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The pages one connection holds in memory, bounded by {@code cache_size} pages.
 *
 * <p>Invariants:
 * <ol>
 *   <li>A page number maps to at most one {@link Page}.</li>
 *   <li>The eviction list holds exactly the pages that are resident, clean and unpinned,
 *       least recently released first, except that a page a large scan read and alone used
 *       ({@link #pin(Page, Object)}) is listed as released before every other: {@link
 *       #evict()} takes only from it, so a dirty, pinned or loading page is never evicted,
 *       and a scan through more pages than the cache holds evicts its own pages, not the
 *       pages other statements work with.</li>
 *   <li>The cache may hold more pages than its capacity when every page is dirty or pinned:
 *       {@link #isOverCapacity()} then tells the pager to spill dirty pages (write them to
 *       the WAL) so that they become clean and evictable.</li>
 * </ol>
 *
 * <p>Transitions: {@link #insert} (new page, pinned once), {@link #markScanned}, {@link #pin} / {@link #unpin},
 * {@link #markDirty} / {@link #markClean}, {@link #evict}, {@link #discard} (drop a page,
 * e.g. after a failed read or a rollback). Not thread-safe: owned by one pager.
 */
public final class PageCache {
    private final PageTable pages = new PageTable();
    private int capacity;
    /** Eviction list ends: oldest is evicted first. */
    private Page oldest;
    private Page newest;
    /** Pages read ahead ({@link #markReadAhead}) that nobody has pinned yet. */
    private int unusedAhead;
    /** The dirty pages, so that a commit finds them without a walk over the whole cache. */
    private final Set<Page> dirty = Collections.newSetFromMap(new IdentityHashMap<>());

    public PageCache(int capacity) {
        setCapacity(capacity);
    }

    /** Changes the bound (PRAGMA cache_size); takes effect as pages are evicted. */
    public void setCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return pages.size();
    }

    public int dirtyCount() {
        return dirty.size();
    }

    /** True when no page may be added without evicting one first. */
    public boolean isFull() {
        return pages.size() >= capacity;
    }

    /** True when even evicting every evictable page would not bring the cache within bounds. */
    public boolean isOverCapacity() {
        return pages.size() > capacity && oldest == null;
    }

    /**
     * Whether {@code page} is still this cache's page for its number: no lookup, since a page
     * object leaves the cache only through {@link #evict} or {@link #discard} and never returns.
     */
    public boolean holds(Page page) {
        return !page.gone;
    }

    /** The page with this number, or null. Does not pin it. */
    public Page get(int number) {
        return pages.get(number);
    }

    /**
     * Adds a page whose bytes {@code load} will provide, pinned once for the caller.
     *
     * @throws IllegalStateException if the number is already cached
     */
    public Page insert(int number, Buffer buffer, Completion load) {
        Page page = new Page(number, buffer, load);
        page.pins = 1;
        if (pages.putIfAbsent(page) != null) {
            throw new IllegalStateException("page " + number + " is already cached");
        }
        return page;
    }

    /**
     * Marks a page just {@linkplain #insert inserted} as read ahead of need: it counts among
     * {@link #unusedAhead()} until its next pin, its eviction or its discard.
     */
    public void markReadAhead(Page page) {
        if (!page.readAhead) {
            page.readAhead = true;
            unusedAhead++;
        }
    }

    /** Marks a page just {@linkplain #insert inserted} as prefetched: read for nobody yet, until its next pin. */
    public void markPrefetched(Page page) {
        page.prefetched = true;
    }

    /**
     * Pages read ahead and not yet used: a bound on them keeps reads ahead from evicting the
     * pages an operation is working through (with a cache too small for both, each retry of the
     * operation would evict what the last one read, for ever).
     */
    public int unusedAhead() {
        return unusedAhead;
    }

    /**
     * Marks a page just {@linkplain #insert inserted} as read by large scan {@code scan} (any
     * object that stands for one run of one scan): while no one else pins it, it is evicted
     * before any other page.
     */
    public void markScanned(Page page, Object scan) {
        page.scan = scan;
    }

    /** Takes a hold on a cached page; it cannot be evicted until the matching unpin. */
    public void pin(Page page) {
        pin(page, null);
    }

    /**
     * {@link #pin(Page)} for large scan {@code scan} (null: not one). A page read ahead and not
     * used yet becomes the scan's, as one it {@linkplain #markScanned read}; a page another
     * reader or scan pins is an ordinary page from then on.
     */
    public void pin(Page page, Object scan) {
        unlist(page);
        page.pins++;
        if (page.scan != scan) {
            page.scan = page.readAhead ? scan : null;
        }
        page.prefetched = false;
        forgetAhead(page);
    }

    private void forgetAhead(Page page) {
        if (page.readAhead) {
            page.readAhead = false;
            unusedAhead--;
        }
    }

    /**
     * Releases one hold. The last release of a clean resident page makes it evictable; the last
     * release of a {@link #discard discarded} page returns true: nobody holds it any more, and
     * the caller now owns its buffer.
     */
    public boolean unpin(Page page) {
        if (page.pins <= 0) {
            throw new IllegalStateException(page + " is not pinned");
        }
        if (--page.pins > 0) {
            return false;
        }
        if (page.discarded) {
            return true;
        }
        if (!page.dirty && page.isResident()) {
            if (page.scan != null) {
                listOldest(page);
            } else {
                listNewest(page);
            }
        }
        return false;
    }

    /** The open transaction changed the page: it must be written before it can be evicted. */
    public void markDirty(Page page) {
        page.scan = null; // a changed page is no scan's alone
        if (!page.dirty) {
            page.dirty = true;
            dirty.add(page);
            unlist(page);
        }
    }

    /** The page's bytes reached the WAL (commit or spill): it may be evicted again. */
    public void markClean(Page page) {
        if (page.dirty) {
            page.dirty = false;
            dirty.remove(page);
            if (page.pins == 0 && page.isResident()) {
                listNewest(page);
            }
        }
    }

    /** A page whose read has just finished becomes evictable if nobody holds it. */
    public void loaded(Page page) {
        if (page.pins == 0 && !page.dirty && page.isResident() && pages.get(page.number()) == page) {
            listNewest(page);
        }
    }

    /**
     * Removes the least recently released evictable page and returns it; the caller owns its
     * buffer now (reuses or releases it). Null when nothing can be evicted.
     */
    public Page evict() {
        Page victim = oldest;
        if (victim != null) {
            unlist(victim);
            pages.remove(victim);
            victim.gone = true;
            forgetAhead(victim);
        }
        return victim;
    }

    /**
     * Drops a page no matter its state (failed read, rollback of a dirty page, truncation).
     * If nobody holds it, the caller owns its buffer now; if someone does, the buffer stays
     * theirs until the {@link #unpin} that returns true (a truncation may drop a page the
     * B-tree layer still has pinned).
     */
    public void discard(Page page) {
        if (pages.remove(page)) {
            page.discarded = true;
            page.gone = true;
            forgetAhead(page);
            unlist(page);
            if (page.dirty) {
                page.dirty = false;
                dirty.remove(page);
            }
        }
    }

    /** The dirty pages in ascending page-number order, the order commit writes them. */
    public List<Page> dirtyPages() {
        List<Page> inOrder = new ArrayList<>(dirty);
        inOrder.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return inOrder;
    }

    /** Every cached page, in no particular order: for invalidation and shutdown. */
    public List<Page> all() {
        return pages.values();
    }

    private void listNewest(Page page) {
        if (page.listed) {
            unlist(page);
        }
        page.older = newest;
        page.newer = null;
        if (newest != null) {
            newest.newer = page;
        } else {
            oldest = page;
        }
        newest = page;
        page.listed = true;
    }

    private void listOldest(Page page) {
        if (page.listed) {
            unlist(page);
        }
        page.newer = oldest;
        page.older = null;
        if (oldest != null) {
            oldest.older = page;
        } else {
            newest = page;
        }
        oldest = page;
        page.listed = true;
    }

    private void unlist(Page page) {
        if (!page.listed) {
            return;
        }
        if (page.older != null) {
            page.older.newer = page.newer;
        } else {
            oldest = page.newer;
        }
        if (page.newer != null) {
            page.newer.older = page.older;
        } else {
            newest = page.older;
        }
        page.older = null;
        page.newer = null;
        page.listed = false;
    }
}
