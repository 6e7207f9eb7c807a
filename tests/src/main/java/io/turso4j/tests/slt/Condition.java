package io.turso4j.tests.slt;

import java.util.List;

/**
 * One {@code skipif <engine>} or {@code onlyif <engine>} line in front of a record
 * (FORMAT.md §2). Engine names compare case-insensitively; trailing tokens (comments such as
 * {@code # not compatible}) are ignored by the parser.
 */
public record Condition(Kind kind, String engine) {

    public enum Kind { SKIPIF, ONLYIF }

    /**
     * Whether a record carrying {@code conditions} is skipped for the engine called
     * {@code engineName}: skipped when any skipif names it or any onlyif names another engine.
     */
    public static boolean skips(List<Condition> conditions, String engineName) {
        for (Condition c : conditions) {
            boolean names = c.engine.equalsIgnoreCase(engineName);
            if (c.kind == Kind.SKIPIF ? names : !names) {
                return true;
            }
        }
        return false;
    }
}
