package io.turso4j.io.nio;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How NioIO reports what goes wrong: every JDK exception becomes an IoFailure that keeps it. */
class NioFailureTest {
    @TempDir
    Path dir;
    private final NioIO io = new NioIO(2);

    @AfterEach
    void close() {
        io.close();
    }

    private static IoFailure failureOf(Completion c) throws Exception {
        c.await(Duration.ofSeconds(30));
        assertTrue(c.isFailed(), () -> "expected a failure, got " + c);
        return c.failure();
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void openingAMissingFileKeepsTheJdkReason() {
        IoFailure f = assertThrows(IoFailure.class, () -> io.open(path("missing.db"), OpenMode.READ_WRITE));
        assertInstanceOf(NoSuchFileException.class, f.getCause());
        assertTrue(f.getMessage().contains("missing.db"), f.getMessage());
    }

    @Test
    void writingAReadOnlyFileFailsTheCompletionWithTheChannelsReason() throws Exception {
        io.open(path("ro.db"), OpenMode.CREATE).close().await();
        DbFile ro = io.open(path("ro.db"), OpenMode.READ_ONLY);
        IoFailure f = failureOf(ro.write(0, Buffer.allocate(16)));
        assertInstanceOf(NonWritableChannelException.class, f.getCause());
        assertTrue(f.getMessage().startsWith("write " + path("ro.db") + " at 0"), f.getMessage());
        // Growing writes the last byte, so it is refused for the same reason.
        assertInstanceOf(NonWritableChannelException.class, failureOf(ro.truncate(100)).getCause());
    }

    @Test
    void operationsAfterCloseFailWithEbadf() throws Exception {
        DbFile f = io.open(path("c.db"), OpenMode.CREATE);
        f.close().await();
        assertEquals(NioFailures.EBADF, failureOf(f.read(0, Buffer.allocate(8))).errno());
        assertEquals(NioFailures.EBADF, failureOf(f.sync()).errno());
        assertTrue(f.close().isSucceeded(), "closing twice is harmless");
    }

    @Test
    void closingWithOperationsInFlightEndsEveryOne() throws Exception {
        DbFile f = io.open(path("inflight.db"), OpenMode.CREATE);
        Buffer page = Buffer.allocate(64 * 1024);
        f.write(0, page).await();
        List<Completion> reads = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            reads.add(f.read(0, Buffer.allocate(64 * 1024)));
        }
        f.close().await(Duration.ofSeconds(30));
        for (Completion c : reads) {
            c.await(Duration.ofSeconds(30)); // none may hang
            if (c.isFailed()) {
                Throwable cause = c.failure().getCause();
                assertTrue(cause instanceof ClosedChannelException || cause instanceof AsynchronousCloseException,
                        () -> "unexpected reason " + c.failure());
            } else {
                assertEquals(64 * 1024, c.result());
            }
        }
    }

    @Test
    void closingTheBackendClosesItsFilesAndReleasesTheirLocks() throws Exception {
        DbFile f = io.open(path("owned.db"), OpenMode.CREATE);
        f.lock().await();
        io.close();
        assertEquals(NioFailures.EBADF, failureOf(f.size()).errno());
        assertThrows(IoFailure.class, () -> io.open(path("owned.db"), OpenMode.READ_WRITE));

        try (NioIO next = new NioIO(1)) {
            DbFile g = next.open(path("owned.db"), OpenMode.READ_WRITE);
            Completion lock = g.lock();
            lock.await(Duration.ofSeconds(30));
            assertTrue(lock.isSucceeded(), () -> "the closed backend still holds the lock: " + lock);
            g.close().await();
        }
    }
}
