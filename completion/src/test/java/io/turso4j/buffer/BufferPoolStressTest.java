package io.turso4j.buffer;

import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Virtual threads acquire, stamp, pin, release and unpin buffers concurrently; an I/O-like
 * task unpins on another thread, sometimes after the owner released. If the pool ever handed
 * one buffer to two owners, a stamp would be overwritten while its owner still holds it.
 */
class BufferPoolStressTest {

    @Test
    void noBufferHasTwoOwnersAndAllComeBack() {
        run(128, 1);
    }

    /** Each thread holds a batch at once, so the pool fills several shelves and runs out. */
    @Test
    void noBufferHasTwoOwnersAcrossShelves() {
        run(2 * BufferPool.SHELF_BUFFERS + 128, 48);
    }

    /** 200 threads each hold up to {@code batch} buffers at once, 200 times over. */
    private static void run(int capacity, int batch) {
        AtomicInteger clobbered = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        try (BufferPool pool = new BufferPool(512, capacity, true)) {
            try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
                 ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 200; t++) {
                    long tag = t;
                    vts.execute(() -> {
                        List<Buffer> held = new ArrayList<>(batch);
                        for (int i = 0; i < 200; i++) {
                            held.clear();
                            for (int k = 0; k < batch; k++) {
                                Buffer b = pool.tryAcquire();
                                if (b == null) {
                                    exhausted.incrementAndGet();
                                    break;
                                }
                                b.segment().set(ValueLayout.JAVA_LONG, 0, tag << 32 | (long) i << 8 | k);
                                b.pinForIo();
                                held.add(b);
                            }
                            Thread.yield();
                            for (int k = 0; k < held.size(); k++) {
                                Buffer b = held.get(k);
                                if (b.segment().get(ValueLayout.JAVA_LONG, 0) != (tag << 32 | (long) i << 8 | k)) {
                                    clobbered.incrementAndGet();
                                }
                                if ((i + k) % 2 == 0) {
                                    b.release();                       // owner first, the I/O recycles
                                    io.execute(b::unpinForIo);
                                } else {
                                    b.unpinForIo();                    // I/O first, the owner recycles
                                    b.release();
                                }
                            }
                        }
                    });
                }
            } // owners finish first (closed first), then the I/O executor's unpins
            assertEquals(0, clobbered.get(), "a buffer was handed to two owners");
            assertEquals(List.of(), pool.leaks());
            assertEquals(pool.carvedCount(), pool.freeCount(), "every buffer came back");
            System.out.println("BufferPoolStressTest: capacity " + capacity + ", " + pool.carvedCount()
                    + " carved, " + exhausted.get() + " acquires found the pool empty");
        }
    }
}
