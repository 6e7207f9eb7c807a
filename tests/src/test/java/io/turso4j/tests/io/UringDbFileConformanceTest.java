package io.turso4j.tests.io;

import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.uring.UringIO;
import io.turso4j.io.uring.UringIoProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance suite on {@link UringIO}. Where the kernel refuses io_uring the suite is
 * reported skipped with the reason, never silently passed.
 */
class UringDbFileConformanceTest extends DbFileConformanceTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireIoUring() {
        var why = new UringIoProvider().unavailableReason();
        assumeTrue(why.isEmpty(), () -> "io_uring unavailable: " + why.orElse(""));
    }

    @Override
    protected IO createIo() {
        return assertInstanceOf(UringIO.class, IoBackends.open("uring"));
    }

    @Override
    protected String pathFor(String name) {
        return dir.resolve(name).toString();
    }
}
