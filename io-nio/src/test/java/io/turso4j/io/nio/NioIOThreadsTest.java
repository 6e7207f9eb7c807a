package io.turso4j.io.nio;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where NioIO's completions run: on the platform threads of its own pool, never on the
 * issuing thread's carrier and never on virtual threads, whichever kind of thread issued the
 * operation — including sync, truncate, size and lock, which the channel only offers in
 * blocking form.
 *
 * <p>To know each callback is registered while its operation is still pending (a callback
 * registered after completion runs on the registering thread and would tell nothing), the
 * test first parks every pool thread, issues the operations, registers the callbacks, and
 * only then lets the pool go.
 */
class NioIOThreadsTest {
    @TempDir
    Path dir;
    private static final int POOL_THREADS = 2;
    private final NioIO io = new NioIO(POOL_THREADS);

    @AfterEach
    void close() {
        io.close();
    }

    /** The threads that completed {@code count} operations issued by {@code issue}. */
    private List<Thread> completingThreads(int count, Supplier<Completion> issue) throws Exception {
        CountDownLatch parked = new CountDownLatch(POOL_THREADS);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < POOL_THREADS; i++) {
            assertTrue(io.tryExecute(() -> {
                parked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        assertTrue(parked.await(30, TimeUnit.SECONDS), "pool threads did not start");

        Queue<Thread> seen = new ConcurrentLinkedQueue<>();
        // Counted in the callbacks themselves: a completion is observably done a moment
        // before its callbacks have run on the completing thread.
        CountDownLatch called = new CountDownLatch(count);
        List<Completion> all = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Completion c = issue.get();
                assertFalse(c.isDone(), "completed while every pool thread was parked: " + c);
                c.onComplete(done -> {
                    seen.add(Thread.currentThread());
                    called.countDown();
                });
                all.add(c);
            }
        } finally {
            release.countDown();
        }
        assertTrue(called.await(30, TimeUnit.SECONDS), "callbacks did not all run");
        for (Completion c : all) {
            c.result();
        }
        assertEquals(count, seen.size());
        return List.copyOf(seen);
    }

    private static void assertPoolThreads(List<Thread> threads, String what) {
        for (Thread t : threads) {
            assertFalse(t.isVirtual(), what + " completed on a virtual thread " + t);
            assertTrue(t.getName().startsWith("turso4j-nio-"), what + " completed on a foreign thread " + t.getName());
        }
    }

    private void runAllKinds(DbFile f) throws Exception {
        Buffer page = Buffer.allocate(4096);
        assertPoolThreads(completingThreads(20, () -> f.write(0, page)), "write");
        assertPoolThreads(completingThreads(20, () -> f.write(0, page, page)), "vectored write");
        assertPoolThreads(completingThreads(20, () -> f.read(0, page)), "read");
        assertPoolThreads(completingThreads(20, f::sync), "sync");
        assertPoolThreads(completingThreads(20, f::size), "size");
        assertPoolThreads(completingThreads(20, () -> f.truncate(8192)), "truncate");
        assertPoolThreads(completingThreads(20, () -> f.truncate(16384)), "truncate (grow)");
        assertPoolThreads(completingThreads(20, f::lock), "lock");
        assertPoolThreads(completingThreads(20, f::unlock), "unlock");
    }

    @Test
    void completionsRunOnPoolThreadsForAPlatformIssuer() throws Exception {
        DbFile f = io.open(dir.resolve("p.db").toString(), OpenMode.CREATE);
        runAllKinds(f);
        f.close().await();
    }

    @Test
    void completionsRunOnPoolThreadsForAVirtualIssuer() throws Exception {
        DbFile f = io.open(dir.resolve("v.db").toString(), OpenMode.CREATE);
        Throwable[] failure = new Throwable[1];
        Thread vt = Thread.ofVirtual().start(() -> {
            try {
                runAllKinds(f);
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        vt.join();
        if (failure[0] != null) {
            throw new AssertionError("on a virtual issuer", failure[0]);
        }
        f.close().await();
    }

    @Test
    void pollHasNothingToDrive() {
        assertTrue(io.poll() == 0);
    }
}
