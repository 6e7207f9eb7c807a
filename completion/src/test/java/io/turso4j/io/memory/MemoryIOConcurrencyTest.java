package io.turso4j.io.memory;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 10,000 page writes and reads from virtual threads on one file, every byte checked. The pool
 * holds fewer buffers than there are threads, so a semaphore keeps the threads holding one
 * within its capacity (acquire fails fast on an empty pool, by design); a failure in any
 * thread fails the test.
 */
class MemoryIOConcurrencyTest {
    private static final int BUFFERS = 4096;

    @Test
    void manyVirtualThreadsWriteAndReadDistinctPages() throws Exception {
        int pages = 10_000;
        int pageSize = 512;
        MemoryIO io = new MemoryIO();
        DbFile f = io.open("c.db", OpenMode.CREATE);
        AtomicInteger wrong = new AtomicInteger();
        Semaphore buffers = new Semaphore(BUFFERS);
        try (BufferPool pool = new BufferPool(pageSize, BUFFERS, true)) {
            List<Future<?>> writes = new ArrayList<>();
            try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int p = 0; p < pages; p++) {
                    int page = p;
                    writes.add(vts.submit(() -> {
                        buffers.acquire();
                        Buffer w = pool.acquire();
                        for (int i = 0; i < pageSize; i += 4) {
                            w.segment().set(ValueLayout.JAVA_INT_UNALIGNED, i, page * 1000 + i);
                        }
                        f.write((long) page * pageSize, w).result();
                        w.release();
                        buffers.release();
                        return null;
                    }));
                }
            }
            for (Future<?> write : writes) {
                write.get();
            }
            assertEquals((long) pages * pageSize, f.size().result());
            List<Future<?>> reads = new ArrayList<>();
            try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int p = 0; p < pages; p++) {
                    int page = p;
                    reads.add(vts.submit(() -> {
                        buffers.acquire();
                        Buffer r = pool.acquire();
                        if (f.read((long) page * pageSize, r).result() != pageSize) {
                            wrong.incrementAndGet();
                        }
                        for (int i = 0; i < pageSize; i += 4) {
                            if (r.segment().get(ValueLayout.JAVA_INT_UNALIGNED, i) != page * 1000 + i) {
                                wrong.incrementAndGet();
                            }
                        }
                        r.release();
                        buffers.release();
                        return null;
                    }));
                }
            }
            for (Future<?> read : reads) {
                read.get();
            }
            assertEquals(0, wrong.get());
            assertEquals(List.of(), pool.leaks());
        }
    }
}
