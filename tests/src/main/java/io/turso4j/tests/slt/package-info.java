/**
 * A sqllogictest runner for SQLite's corpus (../shared/slt), following the rules written down
 * in ../shared/slt/FORMAT.md, which in turn follow SQLite's reference harness.
 *
 * <p>Pipeline, one test file at a time: {@link io.turso4j.tests.slt.SltParser} streams records
 * out of the file; {@link io.turso4j.tests.slt.SltFileRunner} executes them against a fresh
 * database from an {@link io.turso4j.tests.slt.SltEngine}; query results come back as typed
 * {@link io.turso4j.tests.slt.SqlValue}s, are rendered per declared column type by
 * {@link io.turso4j.tests.slt.ValueRenderer}, and are sorted, hashed and compared by
 * {@link io.turso4j.tests.slt.QueryChecker}; {@link io.turso4j.tests.slt.SltMain} is the
 * command line ({@code ./slt} at the repository root).
 *
 * <p>The engine seam is deliberately small so that turso4j and the oracle (SQLite through
 * sqlite-jdbc, {@link io.turso4j.tests.slt.SqliteJdbcEngine}) run the very same checks.
 * This package may depend on the JDK, sqlite-jdbc and, for the turso4j adapter, the public
 * API of engine-core; nothing in the engine depends on it.
 */
package io.turso4j.tests.slt;
