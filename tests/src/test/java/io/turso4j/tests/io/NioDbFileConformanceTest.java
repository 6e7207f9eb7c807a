package io.turso4j.tests.io;

import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.nio.NioIO;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The conformance suite on {@link NioIO}, found by name as the engine finds it, on a temp directory. */
class NioDbFileConformanceTest extends DbFileConformanceTest {
    @TempDir
    Path dir;

    @Override
    protected IO createIo() {
        return assertInstanceOf(NioIO.class, IoBackends.open("nio"));
    }

    @Override
    protected String pathFor(String name) {
        return dir.resolve(name).toString();
    }
}
