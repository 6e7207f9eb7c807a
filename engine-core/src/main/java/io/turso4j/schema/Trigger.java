package io.turso4j.schema;

import java.util.List;

/**
 * A trigger (lang_createtrigger.html): its name, the table or view it fires on, its CREATE
 * TRIGGER text (parsed again, by the translator, when a statement it fires for is compiled),
 * and what decides whether it fires: when, on which event, and for UPDATE the columns of
 * {@code UPDATE OF} (empty: any UPDATE). Immutable.
 */
public record Trigger(String name, String table, String sql, Timing timing, Event event, List<String> updateOf) {
    /** When the trigger's program runs relative to the row change; BEFORE when none is written. */
    public enum Timing { BEFORE, AFTER, INSTEAD_OF }

    public enum Event { INSERT, UPDATE, DELETE }

    public Trigger {
        updateOf = List.copyOf(updateOf);
    }

    /**
     * Whether an UPDATE setting {@code columns} fires it: true unless it lists columns of its
     * own and none of them is set (SQLite's checkColumnOverlap, names compared case-blind).
     */
    public boolean firesForUpdateOf(List<String> columns) {
        if (updateOf.isEmpty()) {
            return true;
        }
        for (String c : columns) {
            for (String mine : updateOf) {
                if (Identifiers.same(c, mine)) {
                    return true;
                }
            }
        }
        return false;
    }
}
