package io.turso4j.io.memory;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.*;

class MemoryIOTest {
    private final MemoryIO io = new MemoryIO();
    private final BufferPool pool = new BufferPool(4096, 64, true);

    @AfterEach
    void noLeaks() {
        assertEquals(java.util.List.of(), pool.leaks());
        pool.close();
    }

    private Buffer filled(int seed) {
        Buffer b = pool.acquire();
        for (int i = 0; i < b.size(); i++) {
            b.segment().set(ValueLayout.JAVA_BYTE, i, (byte) (seed * 31 + i));
        }
        return b;
    }

    private static byte at(Buffer b, int i) {
        return b.segment().get(ValueLayout.JAVA_BYTE, i);
    }

    @Test
    void operationsCompleteInline() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        Buffer b = filled(1);
        Completion w = f.write(0, b);
        assertTrue(w.isDone());
        assertEquals(4096, w.result());
        assertEquals(4096, f.size().result());
        b.release();
    }

    @Test
    void readAfterWrite() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        Buffer w = filled(7);
        assertEquals(4096, f.write(8192, w).result());
        Buffer r = pool.acquire();
        assertEquals(4096, f.read(8192, r).result());
        assertEquals(-1, r.segment().mismatch(w.segment()));
        assertEquals(4096, f.read(0, r).result(), "the hole before the write reads as zeros");
        assertEquals(0, at(r, 100));
        w.release();
        r.release();
    }

    @Test
    void partialWriteAndReadWithOffsets() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        Buffer w = filled(3);
        assertEquals(100, f.write(10, w, 50, 100).result());
        assertEquals(110, f.size().result());
        Buffer r = pool.acquire();
        assertEquals(100, f.read(10, r, 200, 100).result());
        for (int i = 0; i < 100; i++) {
            assertEquals(at(w, 50 + i), at(r, 200 + i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> f.read(0, r, 4000, 200));
        w.release();
        r.release();
    }

    @Test
    void readPastEndZeroFillsAndCountsBytesRead() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        Buffer w = filled(2);
        f.write(0, w, 0, 1000);
        Buffer r = filled(9); // dirty, so zero-filling is visible
        assertEquals(1000, f.read(0, r).result());
        assertEquals(at(w, 999), at(r, 999));
        for (int i = 1000; i < 4096; i++) {
            assertEquals(0, at(r, i), "byte " + i);
        }
        Buffer r2 = filled(5);
        assertEquals(0, f.read(1 << 20, r2).result());
        assertEquals(0, at(r2, 0));
        w.release();
        r.release();
        r2.release();
    }

    @Test
    void vectoredWriteLandsBackToBack() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        Buffer a = filled(1);
        Buffer b = filled(2);
        Buffer c = filled(3);
        assertEquals(3 * 4096, f.write(4096, a, b, c).result());
        Buffer r = pool.acquire();
        Buffer[] expected = {a, b, c};
        for (int i = 0; i < 3; i++) {
            f.read(4096L * (i + 1), r);
            assertEquals(-1, r.segment().mismatch(expected[i].segment()), "buffer " + i);
        }
        for (Buffer x : new Buffer[] {a, b, c, r}) {
            x.release();
        }
    }

    @Test
    void truncateCutsAndZeroExtends() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        Buffer w = filled(4);
        f.write(0, w);
        assertTrue(f.truncate(100).isSucceeded());
        assertEquals(100, f.size().result());
        f.truncate(4096);
        Buffer r = pool.acquire();
        assertEquals(4096, f.read(0, r).result());
        assertEquals(at(w, 99), at(r, 99));
        assertEquals(0, at(r, 100), "bytes cut off must not come back");
        assertTrue(f.sync().isSucceeded());
        w.release();
        r.release();
    }

    @Test
    void lockRefusedToSecondOwnerWithEagain() {
        DbFile one = io.open("a.db", OpenMode.CREATE);
        DbFile two = io.open("a.db", OpenMode.READ_WRITE);
        assertTrue(one.lock().isSucceeded());
        assertTrue(one.lock().isSucceeded(), "the owner may lock again");
        Completion refused = two.lock();
        assertEquals(IoFailure.EAGAIN, refused.failure().errno());
        one.unlock();
        assertTrue(two.lock().isSucceeded());
        assertEquals(IoFailure.EAGAIN, one.lock().failure().errno());
        two.close();
        assertTrue(one.lock().isSucceeded(), "close releases the lock");
    }

    @Test
    void operationsAfterCloseFail() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        Buffer b = filled(1);
        assertTrue(f.close().isSucceeded());
        for (Completion c : new Completion[] {f.read(0, b), f.write(0, b), f.write(0, b, b), f.sync(),
                f.truncate(0), f.size(), f.lock(), f.unlock(), f.close()}) {
            assertEquals(IoFailure.EBADF, c.failure().errno(), c.toString());
        }
        b.release();
    }

    @Test
    void closingTheBackendFailsOpenHandles() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        io.close();
        assertTrue(f.size().isFailed());
        assertThrows(IoFailure.class, () -> io.open("b.db", OpenMode.CREATE));
    }

    @Test
    void filesPersistAcrossOpenAndClose() {
        DbFile f = io.open("a.db", OpenMode.CREATE);
        Buffer w = filled(6);
        f.write(0, w);
        f.close();
        assertTrue(io.exists("a.db"));
        DbFile again = io.open("a.db", OpenMode.READ_ONLY);
        Buffer r = pool.acquire();
        assertEquals(4096, again.read(0, r).result());
        assertEquals(-1, r.segment().mismatch(w.segment()));
        assertEquals(IoFailure.EBADF, again.write(0, w).failure().errno(), "read-only handle");
        w.release();
        r.release();
    }

    @Test
    void missingFileAndDelete() {
        IoFailure e = assertThrows(IoFailure.class, () -> io.open("nope.db", OpenMode.READ_WRITE));
        assertEquals(IoFailure.ENOENT, e.errno());
        io.open("x.db", OpenMode.CREATE).close();
        io.delete("x.db");
        assertFalse(io.exists("x.db"));
        assertEquals(0, io.poll());
    }

    @Test
    void providerIsTakenOnlyByName() {
        IO named = IoBackends.open("memory");
        assertEquals("memory", named.name());
        assertInstanceOf(MemoryIO.class, named);
    }
}
