package io.turso4j.sql.ast;

import java.util.List;

/**
 * CREATE TRIGGER (lang_createtrigger.html).
 *
 * @param time null when neither BEFORE, AFTER nor INSTEAD OF is written
 * @param updateOf the columns of {@code UPDATE OF …}; empty otherwise
 * @param when null when absent
 * @param body INSERT, UPDATE, DELETE and SELECT statements, in order
 */
public record CreateTrigger(Pos pos, boolean temp, boolean ifNotExists, Name name, Time time, Event event,
                            List<String> updateOf, Name table, boolean forEachRow, Expr when,
                            List<Stmt> body) implements Stmt {
    public enum Time { BEFORE, AFTER, INSTEAD_OF }

    public enum Event { DELETE, INSERT, UPDATE }
}
