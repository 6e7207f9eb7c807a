/**
 * Builds {@code io.turso4j.schema} objects: from CREATE statements as DDL runs them (with the
 * checks SQLite makes first, in SQLite's words) and from the rows of {@code sqlite_schema} when a
 * database is opened or its schema cookie moves on.
 *
 * <p>This is where the SQL front end meets the schema layer: it parses each object's SQL with
 * {@code io.turso4j.sql.parser.Parser}, reads the source text of defaults, CHECK constraints and
 * other expressions out of the token stream, and hands the schema layer plain objects that
 * carry SQL text only. May use {@code sql}, {@code schema}, {@code value} and {@code error}.
 * Stateless classes; any thread.
 */
package io.turso4j.translate.schema;
