package io.turso4j.sql.ast;

import java.util.List;

/**
 * CREATE VIRTUAL TABLE (lang_createvtab.html). Module arguments are free-form
 * token runs that SQLite hands to the module as text, so they are kept as text
 * (trimmed source).
 *
 * @param args null when the module name has no parentheses
 */
public record CreateVirtualTable(Pos pos, boolean ifNotExists, Name name, String module, List<String> args)
        implements Stmt {}
