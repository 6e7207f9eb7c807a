package io.turso4j.storage.pager;

import io.turso4j.buffer.BufferPool;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns on {@link BufferPool}'s checks for a test class ({@code @ExtendWith(CheckedBuffers.class)}):
 * a buffer used after its release, or recycled while I/O holds it, throws, and leaks are listed.
 * The default is restored afterwards.
 */
final class CheckedBuffers implements BeforeAllCallback, AfterAllCallback {
    private boolean before;

    @Override
    public void beforeAll(ExtensionContext context) {
        before = BufferPool.checksEnabledByDefault();
        BufferPool.setChecksEnabledByDefault(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        BufferPool.setChecksEnabledByDefault(before);
    }
}
