package io.turso4j.io.uring;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single-file behaviour of {@link UringIO}: the {@link DbFile} contract, one operation at a time. */
class UringIOTest extends UringTestBase {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static long await(Completion c) throws Exception {
        c.await(TIMEOUT);
        return c.result();
    }

    static IoFailure awaitFailure(Completion c) throws Exception {
        c.await(TIMEOUT);
        assertTrue(c.isFailed(), () -> "expected a failure, got " + c);
        return c.failure();
    }

    static Buffer filled(int size, int seed) {
        Buffer b = Buffer.allocate(size);
        for (int i = 0; i < size; i++) {
            b.segment().set(ValueLayout.JAVA_BYTE, i, (byte) (seed * 31 + i * 7 + (i >> 8)));
        }
        return b;
    }

    static byte[] bytes(Buffer b) {
        return b.segment().toArray(ValueLayout.JAVA_BYTE);
    }

    private DbFile create(String name) {
        return io.open(dir.resolve(name).toString(), OpenMode.CREATE);
    }

    @Test
    void writeThenReadReturnsTheBytes() throws Exception {
        DbFile f = create("a.db");
        Buffer out = filled(4096, 1);
        assertEquals(4096, await(f.write(8192, out)));
        Buffer in = Buffer.allocate(4096);
        assertEquals(4096, await(f.read(8192, in)));
        assertArrayEquals(bytes(out), bytes(in));
        // The hole before the write reads as zeros.
        Buffer hole = filled(4096, 9);
        assertEquals(4096, await(f.read(0, hole)));
        assertArrayEquals(new byte[4096], bytes(hole));
        await(f.close());
    }

    @Test
    void partialRangesOfABuffer() throws Exception {
        DbFile f = create("a.db");
        Buffer out = filled(4096, 2);
        assertEquals(100, await(f.write(10, out, 50, 100)));
        Buffer in = filled(4096, 3);
        byte[] before = bytes(in);
        assertEquals(100, await(f.read(10, in, 200, 100)));
        byte[] after = bytes(in);
        assertArrayEquals(Arrays.copyOfRange(bytes(out), 50, 150), Arrays.copyOfRange(after, 200, 300));
        assertArrayEquals(Arrays.copyOfRange(before, 0, 200), Arrays.copyOfRange(after, 0, 200));
        assertArrayEquals(Arrays.copyOfRange(before, 300, 4096), Arrays.copyOfRange(after, 300, 4096));
        assertEquals(110, await(f.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> f.read(0, in, 4000, 100));
        await(f.close());
    }

    @Test
    void vectoredWriteLaysBuffersBackToBack() throws Exception {
        DbFile f = create("v.db");
        Buffer a = filled(4096, 4);
        Buffer b = filled(512, 5);
        Buffer c = filled(8192, 6);
        assertEquals(4096 + 512 + 8192, await(f.write(1000, a, b, c)));
        Buffer in = Buffer.allocate(4096 + 512 + 8192);
        assertEquals(in.size(), await(f.read(1000, in)));
        byte[] got = bytes(in);
        assertArrayEquals(bytes(a), Arrays.copyOfRange(got, 0, 4096));
        assertArrayEquals(bytes(b), Arrays.copyOfRange(got, 4096, 4608));
        assertArrayEquals(bytes(c), Arrays.copyOfRange(got, 4608, got.length));
        assertEquals(1000 + in.size(), await(f.size()));
        await(f.close());
    }

    @Test
    void vectoredWriteBeyondTheKernelsIovecLimit() throws Exception {
        // 1500 buffers: more than IOV_MAX (1024), so the write goes in more than one entry.
        DbFile f = create("v.db");
        Buffer[] bufs = new Buffer[1500];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = filled(512 + (i % 3) * 8, i);
        }
        long total = Arrays.stream(bufs).mapToLong(Buffer::size).sum();
        assertEquals(total, await(f.write(0, bufs)));
        assertEquals(total, await(f.size()));
        Buffer in = Buffer.allocate((int) total);
        assertEquals(total, await(f.read(0, in)));
        byte[] got = bytes(in);
        int at = 0;
        for (Buffer b : bufs) {
            assertArrayEquals(bytes(b), Arrays.copyOfRange(got, at, at + b.size()));
            at += b.size();
        }
        assertEquals(0, await(f.write(0)));
        await(f.close());
    }

    @Test
    void readPastEndOfFileZeroFillsAndCountsOnlyWhatWasThere() throws Exception {
        DbFile f = create("e.db");
        Buffer out = filled(5000, 7);
        assertEquals(5000, await(f.write(0, out, 0, 5000)));
        Buffer in = filled(4096, 8);
        assertEquals(904, await(f.read(4096, in)));
        byte[] got = bytes(in);
        assertArrayEquals(Arrays.copyOfRange(bytes(out), 4096, 5000), Arrays.copyOfRange(got, 0, 904));
        assertArrayEquals(new byte[4096 - 904], Arrays.copyOfRange(got, 904, 4096));
        Buffer far = filled(4096, 9);
        assertEquals(0, await(f.read(1 << 20, far)));
        assertArrayEquals(new byte[4096], bytes(far));
        await(f.close());
    }

    @Test
    void syncCompletesWithZero() throws Exception {
        DbFile f = create("s.db");
        await(f.write(0, filled(4096, 10)));
        assertEquals(0, await(f.sync()));
        await(f.close());
    }

    @Test
    void truncateCutsAndExtends() throws Exception {
        DbFile f = create("t.db");
        await(f.write(0, filled(16384, 11)));
        assertEquals(16384, await(f.size()));
        assertEquals(0, await(f.truncate(5000)));
        assertEquals(5000, await(f.size()));
        assertEquals(5000, Files.size(dir.resolve("t.db")));
        Buffer in = filled(4096, 12);
        assertEquals(904, await(f.read(4096, in)));
        assertEquals(0, await(f.truncate(20000)));
        assertEquals(20000, await(f.size()));
        Buffer tail = filled(4096, 13);
        assertEquals(4096, await(f.read(12288, tail)));
        assertArrayEquals(new byte[4096], bytes(tail));
        await(f.close());
    }

    @Test
    void sizeOfANewFileIsZeroAndFollowsWrites() throws Exception {
        DbFile f = create("z.db");
        assertEquals(0, await(f.size()));
        await(f.write(8192, filled(4096, 14)));
        assertEquals(12288, await(f.size()));
        await(f.close());
    }

    @Test
    void lockIsRefusedToASecondOpen() throws Exception {
        DbFile first = create("l.db");
        DbFile second = io.open(dir.resolve("l.db").toString(), OpenMode.READ_WRITE);
        assertEquals(0, await(first.lock()));
        assertEquals(Libc.EAGAIN, awaitFailure(second.lock()).errno());
        assertEquals(0, await(first.unlock()));
        assertEquals(0, await(second.lock()));
        assertEquals(Libc.EAGAIN, awaitFailure(first.lock()).errno());
        // Closing releases the lock.
        await(second.close());
        assertEquals(0, await(first.lock()));
        await(first.close());
    }

    @Test
    void lockIsRefusedWhileAnotherProcessHoldsIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "needs util-linux flock(1)");
        Path path = dir.resolve("p.db");
        DbFile f = create("p.db");
        // flock(1) takes the same kind of lock (flock(2)) and holds it until it exits; -o keeps
        // the descriptor, and so the lock, out of its child.
        Process holder = new ProcessBuilder("/usr/bin/flock", "-x", "-o", path.toString(), "sleep", "30").start();
        try {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            IoFailure refused = null;
            while (refused == null) { // wait until the other process holds the lock
                Completion c = f.lock();
                c.await(TIMEOUT);
                if (c.isFailed()) {
                    refused = c.failure();
                } else {
                    await(f.unlock());
                    assertTrue(System.nanoTime() < deadline, "flock(1) never took the lock");
                    Thread.sleep(10);
                }
            }
            assertEquals(Libc.EAGAIN, refused.errno());
        } finally {
            // every process that may hold the descriptor must be gone, not just signalled:
            // destroyForcibly returns before a descendant (sleep) has exited
            java.util.List<ProcessHandle> children = holder.descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly().waitFor();
            for (ProcessHandle child : children) {
                child.onExit().get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        assertEquals(0, await(f.lock()), "free again once the other process is gone");
        await(f.close());
    }

    @Test
    void operationsOnAClosedFileFailWithEbadf() throws Exception {
        DbFile f = create("c.db");
        await(f.write(0, filled(4096, 15)));
        assertEquals(0, await(f.close()));
        Buffer b = Buffer.allocate(4096);
        for (Completion c : new Completion[] {f.read(0, b), f.write(0, b), f.write(0, b, b), f.sync(),
                f.truncate(0), f.size(), f.lock(), f.unlock()}) {
            assertEquals(Libc.EBADF, awaitFailure(c).errno(), c::toString);
        }
        assertEquals(0, await(f.close()), "a second close is harmless");
        assertEquals(4096, Files.size(dir.resolve("c.db")), "the data written before close stays");
    }

    @Test
    void closeWaitsForTheFilesOperationsInFlight() throws Exception {
        DbFile f = create("w.db");
        Completion[] writes = new Completion[500];
        Buffer b = filled(4096, 16);
        for (int i = 0; i < writes.length; i++) {
            writes[i] = f.write(i * 4096L, b);
        }
        Completion close = f.close();
        for (Completion w : writes) {
            assertEquals(4096, await(w));
        }
        assertEquals(0, await(close));
        assertEquals(500 * 4096L, Files.size(dir.resolve("w.db")));
    }

    @Test
    void anAbortedReadEndsAbortedAndTheFileGoesOn() throws Exception {
        DbFile f = create("x.db");
        await(f.write(0, filled(4096, 18)));
        Buffer in = Buffer.allocate(1 << 20);
        Completion c = f.read(0, in);
        c.abort();
        c.await(TIMEOUT);
        assertTrue(c.isAborted() || c.isSucceeded(), c::toString); // the kernel may have been quicker
        Buffer again = Buffer.allocate(4096);
        assertEquals(4096, await(f.read(0, again)));
        assertArrayEquals(bytes(filled(4096, 18)), bytes(again));
        await(f.close());
    }

    @Test
    void openModes() throws Exception {
        String missing = dir.resolve("missing.db").toString();
        assertEquals(Libc.ENOENT, assertThrows(IoFailure.class, () -> io.open(missing, OpenMode.READ_ONLY)).errno());
        assertEquals(Libc.ENOENT, assertThrows(IoFailure.class, () -> io.open(missing, OpenMode.READ_WRITE)).errno());
        assertFalse(io.exists(missing));
        DbFile created = io.open(missing, OpenMode.CREATE);
        assertTrue(io.exists(missing));
        await(created.write(0, filled(4096, 17)));
        await(created.close());

        DbFile ro = io.open(missing, OpenMode.READ_ONLY);
        Buffer in = Buffer.allocate(4096);
        assertEquals(4096, await(ro.read(0, in)));
        assertEquals(Libc.EBADF, awaitFailure(ro.write(0, in)).errno(), "a read-only file refuses writes");
        await(ro.close());

        io.delete(missing);
        assertFalse(io.exists(missing));
        io.delete(missing); // deleting what is not there is fine
    }

    @Test
    void reportsItsName() {
        assertEquals("uring", io.name());
        assertEquals(0, io.poll());
        assertNotNull(io.random());
        assertTrue(Math.abs(io.currentTimeMillis() - System.currentTimeMillis()) < 60_000);
    }
}
