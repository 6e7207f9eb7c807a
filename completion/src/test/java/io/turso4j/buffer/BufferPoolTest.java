package io.turso4j.buffer;

import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Runs with -Dturso4j.buffer.check=true (surefire config), so default pools are checked. */
class BufferPoolTest {

    @Test
    void propertyTurnsChecksOnForTests() {
        try (BufferPool pool = new BufferPool(4096)) {
            assertTrue(pool.isChecked());
        }
    }

    @Test
    void buffersAreAlignedAndDistinct() {
        for (int size : new int[] {512, 1024, 4096, 65536, 4120}) {
            try (BufferPool pool = new BufferPool(size, 1000, false)) {
                Set<Long> addresses = new HashSet<>();
                for (int i = 0; i < 600; i++) {
                    Buffer b = pool.acquire();
                    assertEquals(size, b.size());
                    long align = Math.min(4096, Integer.highestOneBit(size));
                    assertEquals(0, b.address() % align, "size " + size);
                    assertTrue(addresses.add(b.address()));
                }
            }
        }
    }

    @Test
    void releasedBufferIsReused() {
        try (BufferPool pool = new BufferPool(4096, 4, false)) {
            Buffer a = pool.acquire();
            long addr = a.address();
            a.release();
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                seen.add(pool.acquire().address());
            }
            assertTrue(seen.contains(addr));
            assertEquals(4, pool.carvedCount());
            assertNull(pool.tryAcquire(), "capacity 4 is exhausted");
            assertThrows(IllegalStateException.class, pool::acquire);
        }
    }

    @Test
    void checkedUseAfterReleaseThrows() {
        try (BufferPool pool = new BufferPool(4096, 8, true)) {
            Buffer b = pool.acquire();
            b.segment().set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
            b.release();
            assertThrows(IllegalStateException.class, b::segment);
            assertThrows(IllegalStateException.class, b::address);
        }
    }

    @Test
    void staleReferenceStaysCaughtAfterMemoryIsReused() {
        try (BufferPool pool = new BufferPool(4096, 1, true)) {
            Buffer first = pool.acquire();
            long addr = first.address();
            first.release();
            Buffer second = pool.acquire();
            assertEquals(addr, second.address(), "same memory, new owner");
            assertThrows(IllegalStateException.class, first::segment);
            assertThrows(IllegalStateException.class, first::release);
            second.segment(); // the new owner is unaffected
            second.release();
        }
    }

    @Test
    void doubleReleaseThrows() {
        try (BufferPool pool = new BufferPool(4096, 8, true)) {
            Buffer b = pool.acquire();
            b.release();
            assertThrows(IllegalStateException.class, b::release);
        }
    }

    @Test
    void leaksAreReportedWithAcquisitionSite() {
        try (BufferPool pool = new BufferPool(4096, 8, true)) {
            Buffer kept = pool.acquire();
            pool.acquire().release();
            List<BufferLeak> leaks = pool.leaks();
            assertEquals(1, leaks.size());
            assertTrue(leaks.getFirst().buffer().contains(Long.toHexString(kept.address())));
            assertTrue(java.util.Arrays.stream(leaks.getFirst().acquiredAt().getStackTrace())
                            .anyMatch(f -> f.getMethodName().equals("leaksAreReportedWithAcquisitionSite")),
                    "acquisition site should point at this test");
            kept.release();
            assertTrue(pool.leaks().isEmpty());
        }
    }

    @Test
    void uncheckedPoolRefusesLeakReport() {
        try (BufferPool pool = new BufferPool(4096, 8, false)) {
            assertThrows(IllegalStateException.class, pool::leaks);
        }
    }

    @Test
    void releaseWhilePinnedDefersRecycleToLastUnpin() {
        try (BufferPool pool = new BufferPool(4096, 1, false)) {
            Buffer b = pool.acquire();
            b.pinForIo();
            b.pinForIo();
            b.release();
            assertNull(pool.tryAcquire(), "pinned memory must not be handed out");
            b.unpinForIo();
            assertNull(pool.tryAcquire(), "one pin remains");
            b.unpinForIo();
            assertNotNull(pool.tryAcquire());
        }
    }

    @Test
    void pinAfterReleaseAndUnbalancedUnpinThrow() {
        try (BufferPool pool = new BufferPool(4096, 2, false)) {
            Buffer b = pool.acquire();
            assertThrows(IllegalStateException.class, b::unpinForIo);
            b.release();
            assertThrows(IllegalStateException.class, b::pinForIo);
        }
    }

    @Test
    void unpooledBufferIsAlignedAndChecked() {
        Buffer b = Buffer.allocate(4096);
        assertEquals(0, b.address() % 4096);
        b.release();
        assertThrows(IllegalStateException.class, b::segment);
    }

    @Test
    void programmaticSwitchOverridesProperty() {
        try {
            BufferPool.setChecksEnabledByDefault(false);
            try (BufferPool pool = new BufferPool(4096)) {
                assertFalse(pool.isChecked());
                Buffer b = pool.acquire();
                b.release();
                b.segment(); // unchecked: a plain field read, nothing caught
            }
        } finally {
            BufferPool.setChecksEnabledByDefault(true);
        }
    }

    @Test
    void freeListGrowsWithWhatIsCarvedNotWithCapacity() {
        try (BufferPool pool = new BufferPool(4096, 1 << 18, false)) {
            assertEquals(0, pool.shelvesMade());
            pool.acquire();
            assertEquals(1, pool.shelvesMade(), "one slab carved, one shelf made");
        }
    }

    @Test
    void everyBufferOfSeveralShelvesIsHandedOutOnceAndComesBack() {
        int capacity = 2 * BufferPool.SHELF_BUFFERS + 10;
        try (BufferPool pool = new BufferPool(64, capacity, false)) {
            List<Buffer> all = new ArrayList<>();
            Set<Long> addresses = new HashSet<>();
            for (int i = 0; i < capacity; i++) {
                Buffer b = pool.acquire();
                assertTrue(addresses.add(b.address()), "handed out twice");
                all.add(b);
            }
            assertEquals(3, pool.shelvesMade());
            assertNull(pool.tryAcquire(), "capacity reached");
            Collections.shuffle(all, new Random(capacity));
            all.forEach(Buffer::release);
            assertEquals(capacity, pool.freeCount());
            Set<Long> again = new HashSet<>();
            for (int i = 0; i < capacity; i++) {
                again.add(pool.acquire().address());
            }
            assertEquals(addresses, again, "the same buffers, each once");
            assertEquals(capacity, pool.carvedCount(), "nothing carved twice");
        }
    }
}
