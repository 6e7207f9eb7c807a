package io.turso4j.io.nio;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.ValueLayout;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link NioDbFile#writeDurably}: the write, then fdatasync on the pool thread that finished it. */
class NioDurableWriteTest {
    @TempDir
    Path dir;
    private final NioIO io = new NioIO(2);

    @AfterEach
    void close() {
        io.close();
    }

    private static Completion done(Completion c) throws Exception {
        c.await(Duration.ofSeconds(30));
        return c;
    }

    private static Buffer filled(int size, int seed) {
        Buffer b = Buffer.allocate(size);
        for (int i = 0; i < size; i++) {
            b.segment().set(ValueLayout.JAVA_BYTE, i, (byte) (seed * 31 + i * 7));
        }
        return b;
    }

    @Test
    void durableWriteLandsInTheFile() throws Exception {
        Path path = dir.resolve("d.db-wal");
        DbFile f = io.open(path.toString(), OpenMode.CREATE);
        Buffer b = filled(4120, 1);
        assertEquals(4000, done(f.writeDurably(100, b, 120, 4000)).result());
        byte[] onDisk = Files.readAllBytes(path);
        assertEquals(4100, onDisk.length);
        assertArrayEquals(Arrays.copyOfRange(b.segment().toArray(ValueLayout.JAVA_BYTE), 120, 4120),
                Arrays.copyOfRange(onDisk, 100, 4100));
        assertEquals(0, done(f.writeDurably(0, b, 0, 0)).result(), "an empty durable write does nothing");
        done(f.close());
    }

    @Test
    void durableWriteToAReadOnlyFileFailsWithTheChannelsReason() throws Exception {
        Path path = dir.resolve("ro.db");
        done(io.open(path.toString(), OpenMode.CREATE).close());
        DbFile ro = io.open(path.toString(), OpenMode.READ_ONLY);
        Completion c = done(ro.writeDurably(0, filled(16, 2), 0, 16));
        assertTrue(c.isFailed(), c::toString);
        IoFailure f = c.failure();
        assertInstanceOf(NonWritableChannelException.class, f.getCause());
        assertTrue(f.getMessage().startsWith("durable write " + path + " at 0"), f.getMessage());
        done(ro.close());
        assertTrue(done(ro.writeDurably(0, filled(16, 3), 0, 16)).isFailed(), "a closed file refuses it");
    }
}
