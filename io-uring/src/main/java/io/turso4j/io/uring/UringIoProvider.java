package io.turso4j.io.uring;

import io.netty.channel.uring.IoUring;
import io.turso4j.io.IO;
import io.turso4j.io.IoProvider;

import java.util.Locale;
import java.util.Optional;

/**
 * Makes {@link UringIO} known to {@link io.turso4j.io.IoBackends} as {@code uring}, preferred
 * (priority 20) wherever io_uring works: Linux, a kernel that allows io_uring, and Netty's
 * native library for this platform on the class path.
 */
public final class UringIoProvider implements IoProvider {

    @Override
    public String name() {
        return "uring";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public Optional<String> unavailableReason() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.of("io_uring needs Linux, this is " + os);
        }
        try {
            if (IoUring.isAvailable()) {
                return Optional.empty();
            }
            Throwable cause = IoUring.unavailabilityCause();
            return Optional.of(cause == null ? "Netty reports io_uring unavailable" : "Netty's io_uring is unavailable: " + cause);
        } catch (LinkageError e) { // Netty's io_uring classes or natives missing, or native access denied
            return Optional.of("Netty's io_uring transport cannot load: " + e);
        }
    }

    @Override
    public IO create() {
        return new UringIO();
    }
}
