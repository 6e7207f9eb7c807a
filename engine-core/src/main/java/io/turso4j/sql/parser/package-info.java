/**
 * SQLite's grammar (parse.y) as a recursive-descent parser producing
 * {@code io.turso4j.sql.ast} trees: {@link io.turso4j.sql.parser.Parser} is the
 * entry point; the package-private classes behind it split the grammar by
 * concern (tokens and names, expressions, SELECT, DML, DDL). Depends on
 * {@code io.turso4j.sql}, {@code .lexer} and {@code .ast} only.
 */
package io.turso4j.sql.parser;
