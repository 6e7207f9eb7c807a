/**
 * The SQL front end: text in, immutable AST out. Sub-packages are the layers
 * of SQLite's front end — {@code lexer} (tokenize.c, complete.c), {@code parser}
 * (parse.y), {@code ast} (the tree, and its printer). This package holds what
 * they share: {@link io.turso4j.sql.SqlSyntaxException}.
 *
 * <p>Depends on the JDK only; nothing below the front end (schema, storage, I/O)
 * may be imported here.
 */
package io.turso4j.sql;
