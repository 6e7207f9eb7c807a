/**
 * SQLite's values and their semantics, pure Java, no I/O: the VM's typed
 * {@link io.turso4j.value.Register} (NULL / INTEGER / REAL / TEXT as UTF-8 / BLOB, no boxing),
 * {@link io.turso4j.value.Affinity} on store and compare, numbers in text
 * ({@link io.turso4j.value.NumericText}), REAL rendering byte for byte as SQLite 3.54 and as
 * the 3.40 shell ({@link io.turso4j.value.RealFormat}), comparison and collations
 * ({@link io.turso4j.value.ValueComparator}, {@link io.turso4j.value.Collation},
 * {@link io.turso4j.value.IndexKeyComparator}), arithmetic
 * ({@link io.turso4j.value.Arithmetic}), {@link io.turso4j.value.Cast} and
 * {@link io.turso4j.value.Truth}.
 *
 * <p>Depends on nothing but the JDK (and {@code io.turso4j.error} for SQL errors); the VM,
 * functions, planner and API depend on it. Everything here is either stateless or a register
 * owned by one statement, so there are no locks.
 */
package io.turso4j.value;
