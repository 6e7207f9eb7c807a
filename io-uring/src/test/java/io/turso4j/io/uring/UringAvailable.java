package io.turso4j.io.uring;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Skips a test class, saying why, where io_uring cannot run (not Linux, or a container whose
 * seccomp profile refuses io_uring_setup): there the engine falls back to NIO, and this
 * backend has nothing to test.
 */
final class UringAvailable implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> why = new UringIoProvider().unavailableReason();
        assumeTrue(why.isEmpty(), () -> "io_uring unavailable here: " + why.orElse(""));
    }
}
