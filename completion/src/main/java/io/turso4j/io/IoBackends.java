package io.turso4j.io;

import io.turso4j.completion.IoFailure;

import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Chooses an {@link IO} backend among those on the class path, so the engine never imports
 * one. Without a name the available backend with the highest priority wins (io_uring on
 * Linux, else NIO); the {@value #PROPERTY} system property names one instead.
 */
public final class IoBackends {
    /** System property naming the backend to use by default. */
    public static final String PROPERTY = "turso4j.io";

    private static final System.Logger LOG = System.getLogger(IoBackends.class.getName());

    private IoBackends() {}

    /** Every provider on the class path, highest priority first. */
    public static List<IoProvider> providers() {
        return ServiceLoader.load(IoProvider.class, IoBackends.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(IoProvider::priority).reversed())
                .toList();
    }

    /**
     * The backend named {@code name}, or when it is null the one the {@value #PROPERTY}
     * property names, or else the best available one.
     *
     * @throws IoFailure if a named backend is unknown or cannot run here
     */
    public static IO open(String name) {
        String wanted = name != null ? name : System.getProperty(PROPERTY);
        List<IoProvider> all = providers();
        if (wanted != null && !wanted.isEmpty()) {
            IoProvider p = all.stream().filter(x -> x.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IoFailure("unknown I/O backend: " + wanted, IoFailure.NO_ERRNO));
            Optional<String> why = p.unavailableReason();
            if (why.isPresent()) {
                throw new IoFailure("I/O backend " + wanted + " is unavailable: " + why.get(), IoFailure.NO_ERRNO);
            }
            return p.create();
        }
        for (IoProvider p : all) {
            if (p.priority() <= 0) {
                continue; // memory and simulated backends are only taken by name
            }
            Optional<String> why = p.unavailableReason();
            if (why.isEmpty()) {
                return p.create();
            }
            LOG.log(Level.INFO, "turso4j: I/O backend " + p.name() + " unavailable (" + why.get() + "), trying the next");
        }
        throw new IoFailure("no file I/O backend available on the class path", IoFailure.NO_ERRNO);
    }
}
