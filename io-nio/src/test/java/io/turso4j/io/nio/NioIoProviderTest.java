package io.turso4j.io.nio;

import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.IoProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NioIO is found through ServiceLoader, by name and as the fallback backend. */
class NioIoProviderTest {

    @Test
    void registeredAsNioAvailableEverywhereBelowUring() {
        IoProvider nio = IoBackends.providers().stream().filter(p -> p.name().equals("nio")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'nio' provider registered"));
        assertInstanceOf(NioIoProvider.class, nio);
        assertEquals(10, nio.priority());
        assertTrue(nio.unavailableReason().isEmpty());
    }

    @Test
    void openedByName() {
        try (IO io = IoBackends.open("nio")) {
            assertInstanceOf(NioIO.class, io);
            assertEquals("nio", io.name());
        }
    }
}
