package io.turso4j.translate;

import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Select;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which common table expressions a name in FROM stands for where code is being generated, as
 * SQLite resolves them: the CTEs of every enclosing WITH (an inner one hiding an outer one of
 * the same name), a recursive CTE's current row inside its recursive arm, and the CTEs whose own
 * bodies are being coded, which a reference from inside fails on (SQLite's zCteErr) instead of
 * falling through to a stored table of the same name: SQLite ignores the RECURSIVE keyword.
 * Names compare case-insensitively. One per compilation; not thread-safe.
 */
final class CteScope {
    /** The CTEs visible here, by lower-case name. */
    private Map<String, Select.Cte> visible = Map.of();
    /**
     * While a recursive CTE's recursive arm compiles: its name's current row, which the arm's own
     * FROM clause reads (see {@link FromCodegen}), by lower-case name.
     */
    private final Map<String, RecursiveRow> recursiveRows = new HashMap<>();
    /** The CTEs whose own bodies are being coded, each with the message a reference from inside gets. */
    private final Map<Select.Cte, String> building = new IdentityHashMap<>(4);

    private record RecursiveRow(Select.From from, Scope.Source row) {}

    /** Whether a CTE (or a recursive CTE's row) of this unqualified name hides any stored table of it. */
    boolean hides(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return visible.containsKey(key) || recursiveRows.containsKey(key);
    }

    /** Runs {@code body} with the common table expressions of {@code with} (null for none) visible. */
    <T> T with(Select.With with, Supplier<T> body) {
        Map<String, Select.Cte> outer = visible;
        if (with != null) {
            Map<String, Select.Cte> inner = new HashMap<>(visible);
            for (Select.Cte cte : with.ctes()) {
                // Any CTE may name itself: SQLite ignores the RECURSIVE keyword.
                inner.put(cte.name().toLowerCase(Locale.ROOT), cte);
            }
            visible = inner;
        }
        try {
            return body.get();
        } finally {
            visible = outer;
        }
    }

    /**
     * The common table expression {@code name} names here, or null. Fails as SQLite does for a
     * CTE named inside its own body (other than by a recursive arm's FROM clause).
     */
    Select.Cte find(Name name) {
        Select.Cte cte = name.schema() == null ? visible.get(name.name().toLowerCase(Locale.ROOT)) : null;
        String error = cte == null ? null : building.get(cte);
        if (error != null) {
            throw ExprCodegen.error(error + cte.name());
        }
        return cte;
    }

    /**
     * Runs {@code body}, code of {@code cte}'s own body, where a reference to {@code cte} fails
     * with {@code error} followed by its name.
     */
    void building(Select.Cte cte, String error, Runnable body) {
        String saved = building.put(cte, error);
        try {
            body.run();
        } finally {
            if (saved == null) {
                building.remove(cte);
            } else {
                building.put(cte, saved);
            }
        }
    }

    /**
     * The row a recursive CTE's name stands for in {@code from}, the FROM clause of its recursive
     * arm (not in a subquery there), or null.
     */
    Scope.Source recursiveRow(Name name, Select.From from) {
        RecursiveRow r = name.schema() == null ? recursiveRows.get(name.name().toLowerCase(Locale.ROOT)) : null;
        return r != null && r.from() == from ? r.row() : null;
    }

    /** Runs {@code body} with {@code name} standing for the one row {@code row} in the FROM clause {@code from}. */
    void withRecursiveRow(String name, Select.From from, Scope.Source row, Runnable body) {
        String key = name.toLowerCase(Locale.ROOT);
        RecursiveRow saved = recursiveRows.put(key, new RecursiveRow(from, row));
        try {
            body.run();
        } finally {
            if (saved == null) {
                recursiveRows.remove(key);
            } else {
                recursiveRows.put(key, saved);
            }
        }
    }
}
