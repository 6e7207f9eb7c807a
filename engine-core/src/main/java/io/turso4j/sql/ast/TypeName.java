package io.turso4j.sql.ast;

import java.util.List;

/**
 * A declared type as in {@code VARCHAR(10)} or {@code DOUBLE PRECISION}.
 * SQLite keeps type names as text, so this does too.
 *
 * @param name the type's words as written (quotes kept), joined by one space
 * @param args the signed numbers in parentheses, as written; empty when none
 */
public record TypeName(String name, List<String> args) {}
