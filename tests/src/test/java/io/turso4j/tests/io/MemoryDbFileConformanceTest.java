package io.turso4j.tests.io;

import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.memory.MemoryIO;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The conformance suite on {@link MemoryIO}, which completes every operation inline. */
class MemoryDbFileConformanceTest extends DbFileConformanceTest {
    @Override
    protected IO createIo() {
        return assertInstanceOf(MemoryIO.class, IoBackends.open("memory"));
    }

    @Override
    protected String pathFor(String name) {
        return "/conformance/" + name;
    }
}
