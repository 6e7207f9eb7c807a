/**
 * The deterministic simulator: {@link io.turso4j.io.sim.SimulatedIO} queues every file
 * operation and completes a seeded random subset on each {@code poll()}, injects EIO and
 * short writes as its {@link io.turso4j.io.sim.FaultConfig} says, and models power loss with
 * {@code crash()}. The basis of reproducible crash and fault tests: same seed, same run.
 * Depends on {@code io}, {@code io.memory} (file images), {@code completion} and {@code buffer}.
 */
package io.turso4j.io.sim;
