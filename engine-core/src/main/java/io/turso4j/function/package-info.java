/**
 * SQL functions: the {@link io.turso4j.function.ScalarFunction} and {@link
 * io.turso4j.function.AggregateFunction} seams the VM calls, the {@link
 * io.turso4j.function.FunctionRegistry} that resolves names, and SQLite's built-in functions.
 *
 * <p>May depend on {@code value} and {@code error} (and {@code storage.format} for record
 * encoding); never on the VM, the planner or the public API.
 */
package io.turso4j.function;
