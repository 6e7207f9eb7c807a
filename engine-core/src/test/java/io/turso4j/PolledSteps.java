package io.turso4j;

import io.turso4j.io.sim.SimulatedIO;

/**
 * Steps statements on a {@link SimulatedIO}, which completes nothing until polled: each step
 * that returns IO is followed by polling until its completion is done, and counted.
 */
final class PolledSteps {
    private final SimulatedIO sim;
    private int waits;

    PolledSteps(SimulatedIO sim) {
        this.sim = sim;
    }

    /** Steps {@code s} until it returns something other than IO, polling while it waits; returns that. */
    StepResult step(Statement s) {
        StepResult r;
        while ((r = s.step()) == StepResult.IO) {
            waits++;
            while (!s.pendingIo().isDone()) {
                sim.poll();
            }
        }
        return r;
    }

    /** How many times a step returned IO so far. */
    int waits() {
        return waits;
    }
}
