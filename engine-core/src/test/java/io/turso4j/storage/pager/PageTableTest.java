package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link PageTable} against a HashMap model under random puts and removes (seed: -Dturso4j.seed). */
class PageTableTest {
    private static final Buffer BUF = Buffer.allocate(512);

    private static Page page(int number) {
        return new Page(number, BUF, Completion.succeeded(512));
    }

    @Test
    void removeIsByIdentity() {
        PageTable t = new PageTable();
        Page a = page(5);
        t.putIfAbsent(a);
        assertSame(a, t.putIfAbsent(page(5)));
        assertFalse(t.remove(page(5)));
        assertSame(a, t.get(5));
        assertEquals(true, t.remove(a));
        assertNull(t.get(5));
    }

    @Test
    void randomOperationsMatchAMap() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("PageTableTest seed " + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        PageTable t = new PageTable();
        Map<Integer, Page> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // a small key range makes long probe runs and many shifts on removal
            int n = 1 + rnd.nextInt(step < 100_000 ? 3000 : 200_000);
            if (rnd.nextInt(3) == 0) {
                Page p = model.get(n);
                if (p != null) {
                    assertEquals(true, t.remove(p), "seed " + seed);
                    model.remove(n);
                } else {
                    assertFalse(t.remove(page(n)), "seed " + seed);
                }
            } else {
                Page p = page(n);
                Page had = model.putIfAbsent(n, p);
                assertSame(had, t.putIfAbsent(p), "seed " + seed);
            }
            if (step % 997 == 0) {
                for (int k = 1; k <= 3000; k++) {
                    assertSame(model.get(k), t.get(k), "seed " + seed + ", page " + k);
                }
            }
        }
        assertEquals(model.size(), t.size(), "seed " + seed);
        var fromTable = t.values().stream().map(Page::number).sorted().toList();
        var fromModel = model.keySet().stream().sorted(Comparator.naturalOrder()).toList();
        assertEquals(fromModel, fromTable, "seed " + seed);
    }
}
