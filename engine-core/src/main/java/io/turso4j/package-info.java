/**
 * Public API of the turso4j database: {@link io.turso4j.Database} (one per file, shared),
 * {@link io.turso4j.Connection} (a session: prepares and runs SQL), {@link io.turso4j.Statement}
 * (one compiled statement, stepped to ROW / DONE / IO / BUSY, see {@link io.turso4j.StepResult}).
 *
 * <p>The top layer: may use {@code sql}, {@code translate}, {@code vdbe} and everything below;
 * nothing in the engine uses it.
 */
package io.turso4j;
