package io.turso4j.io.uring;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame of the tests that run one {@link UringIO}: skipped where io_uring is not available,
 * a fresh ring and a temporary directory per test, the ring closed after it.
 */
@ExtendWith(UringAvailable.class)
abstract class UringTestBase {
    @TempDir
    Path dir;
    UringIO io;

    @BeforeEach
    void start() {
        io = new UringIO();
    }

    @AfterEach
    void stop() {
        io.close();
    }
}
