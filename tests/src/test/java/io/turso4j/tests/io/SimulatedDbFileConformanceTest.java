package io.turso4j.tests.io;

import io.turso4j.io.IO;
import io.turso4j.io.sim.SimulatedIO;

/**
 * The conformance suite on {@link SimulatedIO} with faults off: nothing completes until the
 * suite polls, and completions come back in a seeded random order.
 */
class SimulatedDbFileConformanceTest extends DbFileConformanceTest {
    @Override
    protected IO createIo() {
        return new SimulatedIO(random.nextLong());
    }

    @Override
    protected String pathFor(String name) {
        return "/conformance/" + name;
    }

    @Override
    protected boolean drivenByPoll() {
        return true;
    }
}
