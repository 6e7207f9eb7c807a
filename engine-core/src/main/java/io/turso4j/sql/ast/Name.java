package io.turso4j.sql.ast;

/**
 * A possibly schema-qualified object name ({@code main.t}), dequoted.
 *
 * @param schema the schema (database) name, or {@code null} when unqualified
 * @param name the object name
 */
public record Name(String schema, String name) {
    public static Name of(String name) {
        return new Name(null, name);
    }
}
