package io.turso4j.tests.storage;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.nio.NioIO;

/** {@link PagerBackendTest} on the AsynchronousFileChannel backend. */
class NioPagerTest extends PagerBackendTest {
    @Override
    protected IO createIo() {
        return assertInstanceOf(NioIO.class, IoBackends.open("nio"));
    }
}
