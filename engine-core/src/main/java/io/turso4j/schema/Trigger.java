package io.turso4j.schema;

/** A trigger: its name, the table (or view) it fires on, and its CREATE TRIGGER text. */
public record Trigger(String name, String table, String sql) {}
