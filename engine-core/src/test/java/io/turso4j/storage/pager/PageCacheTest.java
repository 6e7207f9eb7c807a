package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageCacheTest {
    private static final Buffer BUF = Buffer.allocate(512);

    private static Page residentUnpinned(PageCache cache, int number) {
        Page p = cache.insert(number, BUF, Completion.succeeded(512));
        cache.unpin(p);
        return p;
    }

    @Test
    void evictsLeastRecentlyReleasedFirst() {
        PageCache cache = new PageCache(3);
        Page a = residentUnpinned(cache, 1);
        Page b = residentUnpinned(cache, 2);
        residentUnpinned(cache, 3);
        cache.pin(a);
        cache.unpin(a); // a is now the most recently released
        assertSame(b, cache.evict());
        assertNull(cache.get(2));
        assertEquals(2, cache.size());
    }

    @Test
    void holdsAPageUntilItIsEvictedOrDiscarded() {
        PageCache cache = new PageCache(3);
        Page a = residentUnpinned(cache, 1);
        Page b = residentUnpinned(cache, 2);
        assertTrue(cache.holds(a) && cache.holds(b));
        assertSame(a, cache.evict());
        assertFalse(cache.holds(a));
        cache.discard(b);
        assertFalse(cache.holds(b));
        Page again = residentUnpinned(cache, 1);
        assertTrue(cache.holds(again));
        assertFalse(cache.holds(a), "a new page for the same number does not revive the old object");
    }

    @Test
    void neverEvictsDirtyPinnedOrLoadingPages() {
        PageCache cache = new PageCache(2);
        Page dirty = residentUnpinned(cache, 1);
        cache.markDirty(dirty);
        cache.insert(2, BUF, Completion.succeeded(512)); // pinned
        Completion reading = new Completion();
        Page loading = cache.insert(3, BUF, reading);
        cache.unpin(loading);
        assertNull(cache.evict());
        assertTrue(cache.isOverCapacity());

        reading.complete(512);
        cache.loaded(loading);
        assertSame(loading, cache.evict());
        cache.markClean(dirty);
        assertSame(dirty, cache.evict());
        assertNull(cache.evict());
    }

    @Test
    void dirtyPagesComeInPageOrder() {
        PageCache cache = new PageCache(10);
        for (int n : new int[] {7, 3, 9, 1}) {
            cache.markDirty(residentUnpinned(cache, n));
        }
        residentUnpinned(cache, 5);
        assertEquals(List.of(1, 3, 7, 9), cache.dirtyPages().stream().map(Page::number).toList());
        assertEquals(4, cache.dirtyCount());
    }

    @Test
    void discardDropsAnyPage() {
        PageCache cache = new PageCache(4);
        Page p = residentUnpinned(cache, 4);
        cache.markDirty(p);
        cache.discard(p);
        assertNull(cache.get(4));
        assertEquals(0, cache.dirtyCount());
        assertNull(cache.evict());
    }

    @Test
    void misuseIsRefused() {
        PageCache cache = new PageCache(4);
        Page p = residentUnpinned(cache, 2);
        assertThrows(IllegalStateException.class, () -> cache.unpin(p));
        assertThrows(IllegalStateException.class, () -> cache.insert(2, BUF, Completion.succeeded(0)));
        assertThrows(IllegalArgumentException.class, () -> cache.insert(0, BUF, Completion.succeeded(0)));
        assertThrows(IllegalArgumentException.class, () -> new PageCache(0));
    }

    /** A resident page read by large scan {@code scan}, released. */
    private static Page scannedUnpinned(PageCache cache, int number, Object scan) {
        Page p = cache.insert(number, BUF, Completion.succeeded(512));
        cache.markScanned(p, scan);
        cache.unpin(p);
        return p;
    }

    /** Takes and releases one hold for {@code scan} (null: an ordinary reader). */
    private static void use(PageCache cache, Page p, Object scan) {
        cache.pin(p, scan);
        cache.unpin(p);
    }

    private static void assertEvictedInOrder(PageCache cache, Page... pages) {
        for (Page p : pages) {
            assertSame(p, cache.evict());
        }
    }

    @Test
    void aPageALargeScanReadAloneGoesFirst() {
        PageCache cache = new PageCache(4);
        Object scan = new Object();
        Page a = residentUnpinned(cache, 1);
        Page b = scannedUnpinned(cache, 2, scan);
        Page c = residentUnpinned(cache, 3);
        use(cache, b, scan); // released last, but by the scan that read it
        assertEvictedInOrder(cache, b, a, c);
    }

    @Test
    void aPageAnotherReaderOrScanPinsIsOrdinaryFromThen() {
        PageCache cache = new PageCache(4);
        Object scan = new Object();
        Page a = residentUnpinned(cache, 1);
        Page b = scannedUnpinned(cache, 2, scan);
        use(cache, b, null);
        use(cache, b, scan); // the scan does not take it back
        Page c = scannedUnpinned(cache, 3, scan);
        use(cache, c, new Object()); // a later run of the scan finds what the last one kept
        assertEvictedInOrder(cache, a, b, c);
    }

    @Test
    void aPageReadAheadBelongsToTheScanThatUsesItFirst() {
        PageCache cache = new PageCache(4);
        Page a = residentUnpinned(cache, 1);
        Page ahead = cache.insert(2, BUF, Completion.succeeded(512));
        cache.markReadAhead(ahead);
        cache.unpin(ahead);
        Page c = residentUnpinned(cache, 3);
        use(cache, ahead, new Object());
        assertEvictedInOrder(cache, ahead, a, c);
    }

    /**
     * Random operations against a model: eviction only ever returns evictable pages, in LRU
     * order, with the pages a large scan alone used before all others (the last released first).
     */
    @Test
    void randomOperationsKeepTheInvariants() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("PageCacheTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        SplittableRandom rnd = new SplittableRandom(seed);
        PageCache cache = new PageCache(16);
        Map<Integer, Page> model = new HashMap<>();
        List<Integer> releaseOrder = new ArrayList<>(); // evictable pages, first to go first
        Object[] scans = {null, new Object(), new Object()};
        Map<Integer, Object> scanOf = new HashMap<>(); // the scan a page is alone used by
        for (int step = 0; step < 20_000; step++) {
            int n = 1 + rnd.nextInt(40);
            Page p = model.get(n);
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    if (p == null) {
                        Page inserted = cache.insert(n, BUF, Completion.succeeded(512));
                        Object scan = scans[rnd.nextInt(scans.length)];
                        if (scan != null) {
                            cache.markScanned(inserted, scan);
                        }
                        model.put(n, inserted);
                        scanOf.put(n, scan);
                    }
                }
                case 1 -> {
                    if (p != null && p.isPinned()) {
                        cache.unpin(p);
                        if (!p.isPinned() && !p.isDirty()) {
                            if (scanOf.get(n) != null) {
                                releaseOrder.addFirst(n);
                            } else {
                                releaseOrder.add(n);
                            }
                        }
                    } else if (p != null) {
                        Object scan = scans[rnd.nextInt(scans.length)];
                        cache.pin(p, scan);
                        if (scanOf.get(n) != scan) {
                            scanOf.put(n, null);
                        }
                        releaseOrder.remove(Integer.valueOf(n));
                    }
                }
                case 2 -> {
                    if (p != null) {
                        cache.markDirty(p);
                        scanOf.put(n, null);
                        releaseOrder.remove(Integer.valueOf(n));
                    }
                }
                case 3 -> {
                    if (p != null && p.isDirty()) {
                        cache.markClean(p);
                        if (!p.isPinned()) {
                            releaseOrder.add(n);
                        }
                    }
                }
                default -> {
                    Page victim = cache.evict();
                    if (releaseOrder.isEmpty()) {
                        assertNull(victim, "seed " + seed);
                    } else {
                        assertNotNull(victim, "seed " + seed);
                        assertEquals(releaseOrder.removeFirst(), victim.number(), "seed " + seed);
                        assertFalse(victim.isDirty() || victim.isPinned(), "seed " + seed);
                        model.remove(victim.number());
                    }
                }
            }
            assertEquals(model.size(), cache.size(), "seed " + seed);
        }
    }
}
