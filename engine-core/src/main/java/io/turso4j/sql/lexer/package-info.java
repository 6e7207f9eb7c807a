/**
 * SQLite's tokenizer ({@link io.turso4j.sql.lexer.Lexer}, after tokenize.c)
 * and statement splitter ({@link io.turso4j.sql.lexer.StatementSplitter}, after
 * complete.c's {@code sqlite3_complete}). Depends on the JDK only.
 */
package io.turso4j.sql.lexer;
