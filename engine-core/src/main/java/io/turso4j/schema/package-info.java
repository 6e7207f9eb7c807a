/**
 * The database schema as plain immutable objects: {@link io.turso4j.schema.Schema} (tables,
 * indexes, views, triggers, looked up case-insensitively as SQLite does), the schema cookie it
 * was loaded at, and what {@code sqlite_sequence} and {@code sqlite_stat1} hold.
 *
 * <p>Expressions (defaults, generated columns, CHECK constraints, partial-index WHERE clauses,
 * indexed expressions) are kept as SQL text: this layer may not depend on the SQL front end.
 * Building these objects from CREATE statements is {@code io.turso4j.translate.schema}'s job.
 *
 * <p>Depends on {@code value} and {@code error} only. Every class is immutable and safe to share
 * between threads: a connection swaps in a new {@link io.turso4j.schema.Schema} after DDL or a
 * cookie change rather than mutating one.
 */
package io.turso4j.schema;
