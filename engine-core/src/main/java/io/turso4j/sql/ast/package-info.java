/**
 * The abstract syntax tree of SQLite's dialect: records under sealed interfaces
 * ({@link io.turso4j.sql.ast.Stmt}, {@link io.turso4j.sql.ast.Expr}), immutable,
 * compiled by exhaustive {@code switch}; the tree never evaluates itself.
 * Names are stored dequoted. Positions ({@link io.turso4j.sql.ast.Pos}) are
 * kept out of equality, so trees from differently written SQL compare equal.
 * {@link io.turso4j.sql.ast.SqlPrinter} renders a tree back to SQL.
 *
 * <p>Depends on the JDK and {@code io.turso4j.sql.lexer} (to know which words
 * need quoting) only.
 */
package io.turso4j.sql.ast;
