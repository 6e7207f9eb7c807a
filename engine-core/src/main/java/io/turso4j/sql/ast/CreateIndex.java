package io.turso4j.sql.ast;

import java.util.List;

/** CREATE [UNIQUE] INDEX (lang_createindex.html); {@code where} (partial index) may be null. */
public record CreateIndex(Pos pos, boolean unique, boolean ifNotExists, Name name, String table,
                          List<OrderingTerm> columns, Expr where) implements Stmt {}
