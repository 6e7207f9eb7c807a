package io.turso4j.io.uring;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.turso4j.io.uring.UringIOTest.await;
import static io.turso4j.io.uring.UringIOTest.bytes;
import static io.turso4j.io.uring.UringIOTest.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link UringFile#forWaitingCaller()}: writes and syncs made on the calling thread, each done
 * by the time it returns, with the same results and failures as through the ring.
 */
class CallerThreadFileTest extends UringTestBase {

    @Test
    void writesAreDoneWhenTheyReturnAndLandInTheFile() throws Exception {
        Path path = dir.resolve("w.db-wal");
        DbFile ring = io.open(path.toString(), OpenMode.CREATE);
        DbFile f = ring.forWaitingCaller();
        assertSame(f, f.forWaitingCaller());
        Buffer plain = filled(4096, 1);
        Buffer durable = filled(4120, 2);
        Buffer part = filled(1000, 3);

        assertEquals(4096, done(f.write(0, plain)));
        assertEquals(4120, done(f.writeDurably(4096, durable, 0, 4120)));
        assertEquals(100, done(f.write(8216, part, 20, 100)));
        assertEquals(0, done(f.sync()));
        assertEquals(0, done(f.writeDurably(0, plain, 0, 0)), "an empty write does nothing");

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(bytes(plain));
        expected.write(bytes(durable));
        expected.write(Arrays.copyOfRange(bytes(part), 20, 120));
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(path));
        assertEquals(8316, await(f.size()), "the ring sees what the caller's thread wrote");
        await(ring.close());
    }

    @Test
    void aVectoredWriteTakesEveryBufferInOrder() throws Exception {
        Path path = dir.resolve("v.db-wal");
        DbFile f = io.open(path.toString(), OpenMode.CREATE).forWaitingCaller();
        // more buffers than a thread's first iovec area holds: it grows
        Buffer[] bufs = new Buffer[130];
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = filled(i % 2 == 0 ? 24 : 4096, i);
            expected.write(bytes(bufs[i]));
        }
        assertEquals(expected.size(), done(f.write(512, bufs)));
        byte[] onDisk = Files.readAllBytes(path);
        assertArrayEquals(new byte[512], Arrays.copyOfRange(onDisk, 0, 512), "the hole before the write reads as zeros");
        assertArrayEquals(expected.toByteArray(), Arrays.copyOfRange(onDisk, 512, onDisk.length));
        await(f.close());
    }

    @Test
    void failuresCarryErrnoAndWriteNothing() throws Exception {
        Path path = dir.resolve("r.db");
        DbFile w = io.open(path.toString(), OpenMode.CREATE);
        await(w.write(0, filled(512, 3)));
        DbFile ro = io.open(path.toString(), OpenMode.READ_ONLY).forWaitingCaller();
        assertEquals(Libc.EBADF, failure(ro.writeDurably(0, filled(512, 4), 0, 512)));
        assertEquals(Libc.EBADF, failure(ro.write(0, filled(512, 4), filled(512, 5))));
        await(ro.close());

        DbFile view = w.forWaitingCaller();
        await(view.close());
        assertEquals(Libc.EBADF, failure(view.write(0, filled(512, 6))), "closing the view closes the file");
        assertEquals(Libc.EBADF, failure(w.forWaitingCaller().sync()));
        assertArrayEquals(bytes(filled(512, 3)), Files.readAllBytes(path), "nothing failed got written");
    }

    /** The completion's result, asserting it was done when the call returned: no trip through the ring. */
    private static long done(Completion c) {
        assertTrue(c.isDone(), () -> "not done on return: " + c);
        assertTrue(c.isSucceeded(), () -> "failed: " + c);
        return c.result();
    }

    private static int failure(Completion c) {
        assertTrue(c.isDone() && c.isFailed(), () -> "expected a failure on return, got " + c);
        return c.failure().errno();
    }
}
