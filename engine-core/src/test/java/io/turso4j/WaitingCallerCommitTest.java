package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.ForwardingDbFile;
import io.turso4j.io.ForwardingIO;
import io.turso4j.io.OpenMode;
import io.turso4j.io.memory.MemoryIO;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A commit writes the WAL through {@link DbFile#forWaitingCaller()} exactly when its caller
 * blocks its thread on the I/O anyway: {@link Statement#next()} on a platform thread. A
 * virtual thread, {@link Statement#stepAsync()} and a caller stepping by hand never have I/O
 * made on their thread. Counted on a memory backend whose files report which way each WAL
 * write and sync came.
 */
class WaitingCallerCommitTest {
    private final CountingIo io = new CountingIo();

    @Test
    void blockingNextOnAPlatformThreadCommitsOnIt() {
        try (Database db = Database.open("w.db", io); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b)");
            c.execute("CREATE INDEX tb ON t(b)");
            io.reset();
            try (Statement s = c.prepare("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 1; i <= 20; i++) {
                    s.bindLong(1, i);
                    s.bindLong(2, i * 7);
                    while (s.next()) {
                        // an INSERT returns no row
                    }
                    s.reset();
                }
            }
            assertEquals(0, io.ringWrites.get(), "no WAL write went the backend's way");
            assertTrue(io.callerWrites.get() >= 20, "every commit wrote on the caller's thread: " + io.callerWrites);
            assertTrue(io.callerSyncs.get() >= 20, "two pages a commit: written, then synced: " + io.callerSyncs);

            io.reset();
            c.execute("BEGIN");
            c.execute("INSERT INTO t VALUES (100, 1)");
            c.execute("COMMIT");
            assertEquals(0, io.ringWrites.get());
            assertTrue(io.callerWrites.get() > 0, "an explicit COMMIT too");
            assertEquals(List.of("21"), count(c));
        }
    }

    @Test
    void virtualThreadsAndAsynchronousCallersNeverDoTheI_OThemselves() throws Exception {
        try (Database db = Database.open("v.db", io); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b)");
            io.reset();
            Thread vt = Thread.ofVirtual().start(() -> c.execute("INSERT INTO t VALUES (1, 1)"));
            vt.join();
            try (Statement s = c.prepare("INSERT INTO t VALUES (2, 2)")) {
                assertEquals(StepResult.DONE, s.stepAsync().get());
            }
            try (Statement s = c.prepare("INSERT INTO t VALUES (3, 3)")) {
                StepResult r;
                while ((r = s.step()) != StepResult.DONE) {
                    assertEquals(StepResult.IO, r);
                    s.pendingIo().awaitUninterruptibly();
                }
            }
            assertEquals(0, io.callerWrites.get() + io.callerSyncs.get(), "nothing ran on the caller's thread");
            assertTrue(io.ringWrites.get() >= 3, "three commits through the backend: " + io.ringWrites);
            assertEquals(List.of("3"), count(c));
        }
    }

    private static List<String> count(Connection c) {
        try (Statement s = c.prepare("SELECT count(*) FROM t")) {
            s.next();
            return List.of(s.getText(0));
        }
    }

    /** A memory backend whose WAL files count the writes and syncs made through each way in. */
    private static final class CountingIo extends ForwardingIO {
        final AtomicInteger ringWrites = new AtomicInteger();
        final AtomicInteger callerWrites = new AtomicInteger();
        final AtomicInteger callerSyncs = new AtomicInteger();

        CountingIo() {
            super(new MemoryIO());
        }

        void reset() {
            ringWrites.set(0);
            callerWrites.set(0);
            callerSyncs.set(0);
        }

        @Override
        public DbFile open(String path, OpenMode mode) {
            DbFile file = super.open(path, mode);
            return path.endsWith("-wal") ? new Counted(file, ringWrites, null, null) : file;
        }

        /** A file counting its writes (and syncs, if asked) and handing out a counted waiting-caller view. */
        private final class Counted extends ForwardingDbFile {
            private final AtomicInteger writes;
            private final AtomicInteger syncs;
            private final Counted view;

            Counted(DbFile inner, AtomicInteger writes, AtomicInteger syncs, Counted view) {
                super(inner);
                this.writes = writes;
                this.syncs = syncs;
                this.view = view != null ? view : new Counted(inner, callerWrites, callerSyncs, this);
            }

            @Override public Completion write(long pos, Buffer buf, int off, int len) {
                writes.incrementAndGet();
                return super.write(pos, buf, off, len);
            }
            @Override public Completion write(long pos, Buffer... bufs) {
                writes.incrementAndGet();
                return super.write(pos, bufs);
            }
            @Override public Completion writeDurably(long pos, Buffer buf, int off, int len) {
                writes.incrementAndGet();
                return super.writeDurably(pos, buf, off, len);
            }
            @Override public Completion sync() {
                if (syncs != null) {
                    syncs.incrementAndGet();
                }
                return super.sync();
            }
            @Override public DbFile forWaitingCaller() { return syncs != null ? this : view; }
        }
    }
}
