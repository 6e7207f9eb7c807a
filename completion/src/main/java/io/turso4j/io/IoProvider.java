package io.turso4j.io;

import java.util.Optional;

/**
 * Service-provider interface through which a backend makes itself known to {@link
 * IoBackends}, registered in {@code META-INF/services/io.turso4j.io.IoProvider}.
 */
public interface IoProvider {

    /** The backend's name, as chosen by the {@code turso4j.io} property or an open option. */
    String name();

    /** Higher wins when no backend is named; the first available one is taken. */
    int priority();

    /** Empty when this backend can run here; otherwise why not, in a few words. */
    Optional<String> unavailableReason();

    /** A new backend instance. Only called when {@link #unavailableReason()} is empty. */
    IO create();
}
