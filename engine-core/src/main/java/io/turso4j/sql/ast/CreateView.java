package io.turso4j.sql.ast;

import java.util.List;

/** CREATE VIEW (lang_createview.html); {@code columns} is empty when not written. */
public record CreateView(Pos pos, boolean temp, boolean ifNotExists, Name name, List<String> columns,
                         Select select) implements Stmt {}
