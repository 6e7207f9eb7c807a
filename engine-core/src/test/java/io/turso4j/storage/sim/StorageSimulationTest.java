package io.turso4j.storage.sim;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * Runs {@link StorageSimulation} over many seeds: a few hundred by default, more with
 * {@code -Dturso4j.sim.seeds=N}; one seed exactly with {@code -Dturso4j.seed=S}. Every failure
 * names the seed that replays it.
 */
class StorageSimulationTest {

    @Test
    void randomWorkloadsSurviveErrorsAndCrashes() {
        Long fixed = Long.getLong("turso4j.seed");
        int seeds = fixed != null ? 1 : Integer.getInteger("turso4j.sim.seeds", 200);
        int transactions = Integer.getInteger("turso4j.sim.transactions", 30);
        long first = fixed != null ? fixed : new Random().nextLong();
        System.out.println("storage simulation: " + seeds + " seeds from " + first
                + " (replay one with -Dturso4j.seed=S)");
        for (int i = 0; i < seeds; i++) {
            new StorageSimulation(first + i).run(transactions);
        }
    }
}
