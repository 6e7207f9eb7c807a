package io.turso4j.io.sim;

import io.turso4j.io.IO;
import io.turso4j.io.IoProvider;

import java.util.Optional;

/**
 * Makes {@link SimulatedIO} known as backend {@code "simulated"}, seeded from the {@value
 * #SEED_PROPERTY} system property (0 when unset) and injecting no faults. Priority 0: only
 * taken by name. Tests that want faults or a chosen seed construct {@link SimulatedIO}
 * directly.
 */
public final class SimulatedIoProvider implements IoProvider {
    /** System property holding the simulator's seed. */
    public static final String SEED_PROPERTY = "turso4j.seed";

    public SimulatedIoProvider() {}

    @Override
    public String name() {
        return "simulated";
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
        return new SimulatedIO(Long.getLong(SEED_PROPERTY, 0L));
    }
}
