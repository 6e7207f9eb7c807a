package io.turso4j.io.nio;

import io.turso4j.io.IO;
import io.turso4j.io.IoProvider;

import java.util.Optional;

/**
 * Makes {@link NioIO} known to {@link io.turso4j.io.IoBackends} as {@code nio}: available
 * everywhere, ranked below io_uring so it is the fallback where io_uring cannot run.
 */
public final class NioIoProvider implements IoProvider {

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public IO create() {
        return new NioIO();
    }
}
