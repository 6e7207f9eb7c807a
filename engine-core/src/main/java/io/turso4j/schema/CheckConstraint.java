package io.turso4j.schema;

/**
 * A CHECK constraint.
 *
 * @param name the CONSTRAINT name, or null
 * @param sql the expression's source text, which also names the constraint in
 *     {@code CHECK constraint failed: …} when it has no name
 */
public record CheckConstraint(String name, String sql) {}
