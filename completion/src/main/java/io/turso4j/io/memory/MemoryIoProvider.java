package io.turso4j.io.memory;

import io.turso4j.io.IO;
import io.turso4j.io.IoProvider;

import java.util.Optional;

/**
 * Makes {@link MemoryIO} known as backend {@code "memory"}. Priority 0: it is only taken by
 * name, never as the default for files on disk. Each {@link #create()} is a new, empty file
 * system.
 */
public final class MemoryIoProvider implements IoProvider {

    public MemoryIoProvider() {}

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public IO create() {
        return new MemoryIO();
    }
}
