package io.turso4j.storage.wal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WalIndexTest {

    @Test
    void findsTheNewestFrameWithinTheSnapshot() {
        WalIndex index = new WalIndex();
        index.append(5);          // frame 1
        index.append(2);          // frame 2
        index.append(5);          // frame 3
        index.append(5);          // frame 4
        assertEquals(4, index.find(5, 4));
        assertEquals(3, index.find(5, 3));
        assertEquals(1, index.find(5, 2));
        assertEquals(0, index.find(5, 0));
        assertEquals(2, index.find(2, 4));
        assertEquals(0, index.find(9, 4));
        assertEquals(5, index.pageOf(4));
    }

    @Test
    void truncateRestoresTheOlderVersions() {
        WalIndex index = new WalIndex();
        index.append(1);
        index.append(2);
        index.append(1);
        index.append(3);
        index.truncate(2);
        assertEquals(2, index.frameCount());
        assertEquals(1, index.find(1, Integer.MAX_VALUE));
        assertEquals(0, index.find(3, Integer.MAX_VALUE));
        assertEquals(3, index.append(3));
        assertEquals(3, index.find(3, 3));
        assertThrows(IllegalArgumentException.class, () -> index.truncate(7));
    }

    @Test
    void modelCheckAcrossChunks() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("WalIndexTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        SplittableRandom rnd = new SplittableRandom(seed);
        WalIndex index = new WalIndex();
        List<Integer> model = new ArrayList<>(); // model.get(f - 1) = page of frame f
        for (int step = 0; step < 30_000; step++) {
            if (rnd.nextInt(50) == 0 && !model.isEmpty()) {
                int keep = rnd.nextInt(model.size() + 1);
                index.truncate(keep);
                model.subList(keep, model.size()).clear();
            } else {
                int page = 1 + rnd.nextInt(300);
                model.add(page);
                assertEquals(model.size(), index.append(page), "seed " + seed);
            }
            int page = 1 + rnd.nextInt(300);
            int bound = rnd.nextInt(model.size() + 1);
            int expected = 0;
            for (int f = bound; f >= 1; f--) {
                if (model.get(f - 1) == page) {
                    expected = f;
                    break;
                }
            }
            assertEquals(expected, index.find(page, bound), "seed " + seed + " step " + step);
        }
    }

    /** Readers see only complete frames of their snapshot while the writer appends. */
    @Test
    void concurrentReadersSeeConsistentSnapshots() throws Exception {
        WalIndex index = new WalIndex();
        AtomicInteger committed = new AtomicInteger(); // published snapshot bound
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int total = 50_000;
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            readers.add(Thread.ofPlatform().start(() -> {
                try {
                    while (committed.get() < total) {
                        int bound = committed.get();
                        // Frame f holds page f % 97 + 1: the newest version of page p at or
                        // before bound is the largest f <= bound with f % 97 == p - 1.
                        for (int p = 1; p <= 97; p++) {
                            int expect = bound - Math.floorMod(bound - (p - 1), 97);
                            int got = index.find(p, bound);
                            if (got != (expect >= 1 ? expect : 0)) {
                                throw new AssertionError("page " + p + " bound " + bound + ": " + got);
                            }
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        for (int f = 1; f <= total; f++) {
            index.append(f % 97 + 1);
            committed.set(f);
        }
        for (Thread t : readers) {
            t.join();
        }
        assertNull(failure.get());
    }

    /**
     * A reader walks from a page's newest (uncommitted) frame down to its snapshot while the
     * writer keeps rolling those frames back and reusing their slots for other pages: every
     * answer must still be the page's newest committed frame.
     */
    @Test
    void readersSurviveRollbacksThatReuseFrameSlots() throws Exception {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("WalIndexTest rollback race seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        WalIndex index = new WalIndex();
        int pages = 3;
        int committed = 2000;
        int[] expected = new int[pages + 1];
        SplittableRandom setup = new SplittableRandom(seed);
        for (int f = 1; f <= committed; f++) {
            int page = 1 + setup.nextInt(pages);
            index.append(page);
            expected[page] = f;
        }
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicInteger lookups = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            SplittableRandom r = new SplittableRandom(seed + 1);
            while (!stop.get() && failure.get() == null) {
                int page = 1 + r.nextInt(pages);
                int found = index.find(page, committed);
                if (found != expected[page]) {
                    failure.set("page " + page + ": frame " + found + ", expected " + expected[page]);
                }
                lookups.incrementAndGet();
            }
        });
        reader.start();
        SplittableRandom w = new SplittableRandom(seed + 2);
        for (int round = 0; round < 20_000 && failure.get() == null; round++) {
            // Long runs of uncommitted frames make long walks through slots about to be reused.
            for (int i = 1 + w.nextInt(200); i > 0; i--) {
                index.append(1 + w.nextInt(pages));
            }
            index.truncate(committed);
        }
        stop.set(true);
        reader.join();
        assertNull(failure.get(), "seed " + seed + " after " + lookups.get() + " lookups");
    }
}
