package io.turso4j.io.sim;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import io.turso4j.io.memory.FileBytes;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A random mix of writes, vectored writes, truncates, syncs and reads against a {@link
 * SimulatedIO}, checked against a model of each file kept up to date from the completion
 * callbacks. Callbacks run in the order the simulator applied the operations, so at each
 * callback the model equals the simulated file: reads are checked byte for byte, and the
 * model's synced image is exactly what a crash must keep.
 */
final class SimWorkload {
    static final List<String> PATHS = List.of("t.db", "t.db-wal");
    private static final int MAX_POS = 64 * 1024;

    /** A change the model has applied but no sync has covered yet. */
    private record Unsynced(long pos, byte[] data, long truncateTo) {}

    private static final class Model {
        final FileBytes current = new FileBytes();
        byte[] durable = new byte[0];
        final List<Unsynced> unsynced = new ArrayList<>();
    }

    final SimulatedIO io;
    private final BufferPool pool;
    private final SplittableRandom rnd;
    private final Map<String, DbFile> handles = new LinkedHashMap<>();
    private final Map<String, Model> models = new LinkedHashMap<>();
    /** Failed checks inside callbacks, which the completion would otherwise only log. */
    private final List<Throwable> callbackErrors = new ArrayList<>();
    int failures;
    int shortWrites;
    int readsChecked;

    SimWorkload(SimulatedIO io, BufferPool pool, long workloadSeed) {
        this.io = io;
        this.pool = pool;
        this.rnd = new SplittableRandom(workloadSeed);
        for (String p : PATHS) {
            handles.put(p, io.open(p, OpenMode.CREATE));
            models.put(p, new Model());
        }
    }

    /** Issues {@code steps} random operations, polling now and then; leaves some pending. */
    void run(int steps) {
        for (int i = 0; i < steps; i++) {
            String path = PATHS.get(rnd.nextInt(PATHS.size()));
            int action = rnd.nextInt(100);
            if (action < 45) {
                write(path);
            } else if (action < 55) {
                vectoredWrite(path);
            } else if (action < 70) {
                sync(path);
            } else if (action < 73) {
                truncate(path);
            } else {
                read(path);
            }
            if (rnd.nextInt(3) == 0) {
                io.poll();
            }
        }
    }

    private void on(Completion c, java.util.function.Consumer<Completion> callback) {
        c.onComplete(done -> {
            try {
                callback.accept(done);
            } catch (Throwable e) {
                callbackErrors.add(e);
            }
        });
    }

    /** Rethrows the first check that failed inside a callback. */
    void rethrowCallbackErrors() {
        if (!callbackErrors.isEmpty()) {
            AssertionError e = new AssertionError("a check failed in a completion callback", callbackErrors.getFirst());
            callbackErrors.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    private Buffer randomBuffer() {
        Buffer b = pool.acquire();
        byte[] bytes = new byte[b.size()];
        rnd.nextBytes(bytes);
        MemorySegment.copy(bytes, 0, b.segment(), ValueLayout.JAVA_BYTE, 0, bytes.length);
        return b;
    }

    private void write(String path) {
        Buffer b = randomBuffer();
        int off = rnd.nextInt(b.size());
        int len = 1 + rnd.nextInt(b.size() - off);
        long pos = rnd.nextInt(MAX_POS);
        byte[] data = b.segment().asSlice(off, len).toArray(ValueLayout.JAVA_BYTE);
        on(handles.get(path).write(pos, b, off, len), done -> {
            b.release();
            wrote(path, pos, data, done);
        });
    }

    private void vectoredWrite(String path) {
        Buffer[] bufs = new Buffer[1 + rnd.nextInt(3)];
        byte[] data = new byte[0];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = randomBuffer();
            byte[] more = bufs[i].segment().toArray(ValueLayout.JAVA_BYTE);
            data = Arrays.copyOf(data, data.length + more.length);
            System.arraycopy(more, 0, data, data.length - more.length, more.length);
        }
        long pos = rnd.nextInt(MAX_POS);
        byte[] all = data;
        on(handles.get(path).write(pos, bufs), done -> {
            for (Buffer b : bufs) {
                b.release();
            }
            wrote(path, pos, all, done);
        });
    }

    private void wrote(String path, long pos, byte[] data, Completion done) {
        if (done.isFailed()) {
            failures++;
            return;
        }
        int n = (int) done.result();
        if (n < data.length) {
            shortWrites++;
        }
        byte[] applied = Arrays.copyOf(data, n);
        Model m = models.get(path);
        m.current.write(pos, applied, 0, n);
        m.unsynced.add(new Unsynced(pos, applied, -1));
    }

    private void sync(String path) {
        on(handles.get(path).sync(), done -> {
            if (done.isFailed()) {
                failures++;
                return;
            }
            Model m = models.get(path);
            m.durable = m.current.toByteArray();
            m.unsynced.clear();
        });
    }

    private void truncate(String path) {
        long len = rnd.nextInt(MAX_POS);
        on(handles.get(path).truncate(len), done -> {
            if (done.isFailed()) {
                failures++;
                return;
            }
            Model m = models.get(path);
            m.current.truncate(len);
            m.unsynced.add(new Unsynced(0, null, len));
        });
    }

    private void read(String path) {
        Buffer b = pool.acquire();
        long pos = rnd.nextInt(MAX_POS);
        on(handles.get(path).read(pos, b), done -> {
            if (done.isFailed()) {
                failures++;
            } else {
                Buffer expected = Buffer.allocate(b.size());
                int n = models.get(path).current.read(pos, expected.segment(), 0, b.size());
                assertEquals(n, done.result(), "bytes read at " + pos + " of " + path);
                assertEquals(-1, b.segment().mismatch(expected.segment()), "contents read at " + pos + " of " + path);
                expected.release();
                readsChecked++;
            }
            b.release();
        });
    }

    /** After a crash without tearing: every file holds exactly its model's synced bytes. */
    void checkCrashKeptExactlySynced() {
        for (String p : PATHS) {
            assertArrayEquals(models.get(p).durable, io.contents(p), "after crash: " + p);
        }
    }

    /**
     * After a crash with tearing: every file holds its synced bytes, plus at most a prefix of
     * its last unsynced write cut at a sector boundary of the file.
     */
    void checkCrashKeptSyncedPlusTornPrefix(int sector) {
        for (String p : PATHS) {
            Model m = models.get(p);
            byte[] actual = io.contents(p);
            if (Arrays.equals(m.durable, actual)) {
                continue;
            }
            Unsynced last = m.unsynced.isEmpty() ? null : m.unsynced.getLast();
            if (last == null || last.data == null) {
                fail("after crash " + p + " differs from its synced image and its last change is no write");
            }
            boolean matched = false;
            for (int cut = 1; cut <= last.data.length && !matched; cut++) {
                if ((last.pos + cut) % sector != 0 && cut != last.data.length) {
                    continue;
                }
                FileBytes candidate = new FileBytes();
                candidate.write(0, m.durable, 0, m.durable.length);
                candidate.write(last.pos, last.data, 0, cut);
                matched = Arrays.equals(candidate.toByteArray(), actual);
            }
            if (!matched) {
                fail("after crash " + p + " is neither its synced image nor that plus a sector prefix of its last write");
            }
        }
    }

    /** Reopens every file after a crash and checks reads through new handles see the kept bytes. */
    void reopenAndCheck() {
        for (String p : PATHS) {
            DbFile f = io.open(p, OpenMode.READ_WRITE);
            byte[] kept = io.contents(p);
            Completion size = f.size();
            io.drain();
            assertEquals(kept.length, size.result());
            if (kept.length > 0) {
                Buffer b = Buffer.allocate(kept.length);
                Completion r;
                int attempts = 0;
                do { // injected read errors may hit this read too: retry, as the engine would
                    r = f.read(0, b);
                    io.drain();
                } while (r.isFailed() && ++attempts < 100);
                assertEquals(kept.length, r.result());
                assertArrayEquals(kept, b.segment().toArray(ValueLayout.JAVA_BYTE));
                b.release();
            }
        }
    }

    /** Every file's current bytes, for comparing runs. */
    Map<String, byte[]> files() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String p : PATHS) {
            out.put(p, io.contents(p));
        }
        return out;
    }
}
