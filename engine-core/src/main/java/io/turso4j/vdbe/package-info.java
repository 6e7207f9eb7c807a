/**
 * The virtual machine: a {@link io.turso4j.vdbe.Program} of int-coded instructions named as
 * SQLite's opcodes, and the {@link io.turso4j.vdbe.Vm} that steps it cooperatively — a step
 * returns a row, done, or "I/O pending" (the pc stays on the instruction that needed a page).
 *
 * <p>May depend on {@code function}, {@code schema}, {@code storage}, {@code value} and
 * {@code error}; never on {@code sql}, {@code translate} or the public API.
 */
package io.turso4j.vdbe;
