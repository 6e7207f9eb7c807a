package io.turso4j.io.uring;

import io.turso4j.buffer.Buffer;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.turso4j.io.uring.UringIOTest.await;
import static io.turso4j.io.uring.UringIOTest.awaitFailure;
import static io.turso4j.io.uring.UringIOTest.bytes;
import static io.turso4j.io.uring.UringIOTest.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link UringFile#writeDurably}: one io_uring write with RWF_DSYNC, which the kernel must
 * accept (no EINVAL/EOPNOTSUPP on this file system) and which behaves as a plain write.
 */
class UringDurableWriteTest extends UringTestBase {

    @Test
    void durableWriteLandsInTheFileAndExtendsIt() throws Exception {
        Path path = dir.resolve("d.db-wal");
        DbFile f = io.open(path.toString(), OpenMode.CREATE);
        Buffer first = filled(4096 + 24, 1);
        Buffer second = filled(4096 + 24, 2);
        assertEquals(4120, await(f.writeDurably(0, first, 0, 4120)));
        assertEquals(100, await(f.writeDurably(4120, second, 20, 100)));
        assertEquals(4220, await(f.size()));
        byte[] onDisk = Files.readAllBytes(path);
        assertArrayEquals(bytes(first), Arrays.copyOfRange(onDisk, 0, 4120));
        assertArrayEquals(Arrays.copyOfRange(bytes(second), 20, 120), Arrays.copyOfRange(onDisk, 4120, 4220));
        assertEquals(0, await(f.writeDurably(0, first, 0, 0)), "an empty durable write does nothing");
        await(f.close());
    }

    @Test
    void durableWriteFailsOnAReadOnlyOrClosedFile() throws Exception {
        Path path = dir.resolve("r.db");
        DbFile w = io.open(path.toString(), OpenMode.CREATE);
        await(w.write(0, filled(512, 3)));
        DbFile ro = io.open(path.toString(), OpenMode.READ_ONLY);
        assertEquals(Libc.EBADF, awaitFailure(ro.writeDurably(0, filled(512, 4), 0, 512)).errno());
        await(ro.close());
        await(w.close());
        assertEquals(Libc.EBADF, awaitFailure(w.writeDurably(0, filled(512, 5), 0, 512)).errno());
        assertArrayEquals(bytes(filled(512, 3)), Files.readAllBytes(path), "nothing failed got written");
    }
}
