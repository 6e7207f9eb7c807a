package io.turso4j.schema;

import java.util.List;

/**
 * A FOREIGN KEY / REFERENCES constraint (foreignkeys.html).
 *
 * @param fromColumns the child table's columns, in order
 * @param table the parent table's name as written
 * @param toColumns the parent's columns as written; empty when none were named (the parent's
 *     primary key is meant)
 * @param deferred DEFERRABLE INITIALLY DEFERRED
 */
public record ForeignKey(List<String> fromColumns, String table, List<String> toColumns, Action onDelete,
                         Action onUpdate, boolean deferred) {

    /** The ON DELETE / ON UPDATE actions, spelled as {@code PRAGMA foreign_key_list} spells them. */
    public enum Action {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT"),
        CASCADE("CASCADE");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public ForeignKey {
        fromColumns = List.copyOf(fromColumns);
        toColumns = List.copyOf(toColumns);
    }
}
