package io.turso4j.tests.storage;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.uring.UringIO;
import io.turso4j.io.uring.UringIoProvider;
import org.junit.jupiter.api.BeforeAll;

/** {@link PagerBackendTest} on io_uring; skipped, with the reason, where the kernel refuses it. */
class UringPagerTest extends PagerBackendTest {
    @BeforeAll
    static void requireIoUring() {
        var why = new UringIoProvider().unavailableReason();
        assumeTrue(why.isEmpty(), () -> "io_uring unavailable: " + why.orElse(""));
    }

    @Override
    protected IO createIo() {
        return assertInstanceOf(UringIO.class, IoBackends.open("uring"));
    }
}
