package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The USING and NATURAL joins of one FROM clause, as sqlite3ProcessJoin and lookupName see
 * them: each becomes ON terms ({@code l.x = r.x}); and it changes what names mean — an
 * unqualified USING column reads the leftmost table's column, after a RIGHT JOIN the right one,
 * after a FULL JOIN the COALESCE of both; {@code *} shows it once. What it records becomes the
 * scope's {@link Scope.Joins}. Works on the FROM clause's lists of sources and parts (shared
 * with {@link FromCodegen}, which appends to them). Not thread-safe; one per FROM clause.
 */
final class UsingJoins {
    /** A source's column that an unqualified name reads, and its value as an expression. */
    record Unqualified(Scope.Source source, int column, Expr value) {}

    /**
     * A COALESCE of USING columns as a one-column source (after the FROM sources, not in
     * {@link #items}): what an unqualified name reads after a FULL JOIN, or what a USING chain
     * compares. Its register gets {@code value} once source {@code item} has its row (in the
     * loops' FROM order, which a RIGHT or FULL JOIN keeps), and again for unmatched rows.
     */
    record Coalesced(Scope.Source source, int item, Expr value) {}

    private final ProgramBuilder b;
    private final List<Scope.Source> sources;
    private final List<Scope.Part> parts;
    /** Per USING column name (lower case): what an unqualified reference to it reads so far. */
    private final Map<String, Unqualified> unqualified = new HashMap<>();
    /** The COALESCE sources of FULL JOINs' USING columns and of USING chains, in creation order. */
    private final List<Coalesced> coalesced = new ArrayList<>();
    /** Per source on the right of a USING join: the (lower-case) names it was joined on. */
    private final Map<Scope.Source, Set<String>> usingNames = new HashMap<>();
    private final Map<Scope.Source, Set<Integer>> hidden = new HashMap<>();
    private final Map<Scope.Source, Set<Integer>> omitted = new HashMap<>();
    private final Map<Scope.Source, Map<Integer, Expr>> replaced = new HashMap<>();
    /** The column references made by {@link #qualified}, each with the column it reads (see {@link Scope.Joins}). */
    private final Map<Expr.Column, Scope.Resolved> pinned = new java.util.IdentityHashMap<>(4);

    UsingJoins(ProgramBuilder b, List<Scope.Source> sources, List<Scope.Part> parts) {
        this.b = b;
        this.sources = sources;
        this.parts = parts;
    }

    List<Coalesced> coalesced() {
        return coalesced;
    }

    Scope.Joins joins() {
        return new Scope.Joins(parts, hidden, omitted, replaced, pinned);
    }

    /**
     * Carries the USING effects of a parenthesized join's inner scope over to its table
     * {@code table}, whose columns are {@code source}'s from {@code offset}.
     */
    void inherit(Scope inner, String table, Scope.Source source, int offset) {
        Scope.Source own = inner.sources().stream().filter(x -> table.equalsIgnoreCase(x.name())).findFirst()
                .orElse(null);
        if (own != null) {
            inner.joins().omitted().getOrDefault(own, Set.of())
                    .forEach(i -> omitted.computeIfAbsent(source, k -> new HashSet<>()).add(offset + i));
            inner.joins().hidden().getOrDefault(own, Set.of())
                    .forEach(i -> hidden.computeIfAbsent(source, k -> new HashSet<>()).add(offset + i));
        }
    }

    /** The names of the columns the sources from {@code leftEnd} share with those from {@code leftStart} (NATURAL). */
    List<String> common(int leftStart, int leftEnd) {
        List<String> names = new ArrayList<>();
        for (int s = leftEnd; s < sources.size(); s++) {
            for (String column : declaredColumns(s)) {
                if (find(column, leftStart, leftEnd) != null && names.stream().noneMatch(column::equalsIgnoreCase)) {
                    names.add(column);
                }
            }
        }
        return names;
    }

    /** Source {@code s}'s column names as declared (those of its tables, for a parenthesized join). */
    List<String> declaredColumns(int s) {
        Scope.Source source = sources.get(s);
        List<String> names = new ArrayList<>(source.columns());
        for (Scope.Part p : parts) {
            if (p.source() == source) {
                for (int i = 0; i < p.columns().size(); i++) {
                    names.set(p.offset() + i, p.columns().get(i));
                }
            }
        }
        return names;
    }

    /** The first source in {@code [from, to)} with a column named {@code name}: {source, column}, or null. */
    private int[] find(String name, int from, int to) {
        for (int s = from; s < to; s++) {
            List<String> columns = declaredColumns(s);
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).equalsIgnoreCase(name)) {
                    return new int[] {s, i};
                }
            }
        }
        return null;
    }

    /**
     * The ON clause a USING (or NATURAL) join stands for, {@code l.x = r.x AND …}; notes that an
     * unqualified name and {@code *} see each USING column once (see {@link Scope.Joins}).
     */
    Expr on(List<String> columns, int leftStart, int leftEnd, Select.JoinKind kind, boolean outerRight) {
        Expr on = null;
        for (String name : columns) {
            int[] l = find(name, leftStart, leftEnd);
            int[] r = find(name, leftEnd, sources.size());
            if (l == null || r == null) {
                throw ExprCodegen.error("cannot join using column " + name + " - column not present in both tables");
            }
            Expr left = qualified(l);
            List<Expr> chain = new ArrayList<>(List.of(left));
            int last = l[0];
            if (outerRight) {
                // With a RIGHT or FULL JOIN in the query the left side is the COALESCE of every left
                // table's column, each after the first joined by USING on it (sqlite3ProcessJoin).
                String lower = name.toLowerCase(Locale.ROOT);
                for (int[] more = find(name, l[0] + 1, leftEnd); more != null; more = find(name, more[0] + 1, leftEnd)) {
                    if (!usingNames.getOrDefault(sources.get(more[0]), Set.of()).contains(lower)) {
                        throw ExprCodegen.error("ambiguous reference to " + name + " in USING()");
                    }
                    chain.add(qualified(more));
                    last = more[0];
                }
            }
            Expr right = qualified(r);
            usingNames.computeIfAbsent(sources.get(r[0]), k -> new HashSet<>()).add(name.toLowerCase(Locale.ROOT));
            Expr compared = left;
            if (chain.size() > 1) {
                // Compared with the first column's affinity (SQLITE_AFF_DEFER): a source of its own.
                Scope.Source ls = sources.get(l[0]);
                Affinity affinity = l[1] < ls.affinities().size() ? ls.affinities().get(l[1]) : Affinity.NONE;
                compared = merged(name, affinity, last, coalesce(chain));
                hidden.computeIfAbsent(coalesced.getLast().source(), k -> new HashSet<>()).add(0);
            }
            Expr eq = new Expr.Binary(Pos.NONE, Expr.BinaryOp.EQ, compared, right);
            on = on == null ? eq : new Expr.Binary(Pos.NONE, Expr.BinaryOp.AND, on, eq);
            Scope.Source ls = sources.get(l[0]);
            Scope.Source rs = sources.get(r[0]);
            omitted.computeIfAbsent(rs, k -> new HashSet<>()).add(r[1]);
            // What an unqualified name stands for (sqlite3's lookupName): the leftmost column,
            // after a RIGHT JOIN the right one, after a FULL JOIN the COALESCE of both.
            String key = name.toLowerCase(Locale.ROOT);
            Unqualified current = unqualified.getOrDefault(key, new Unqualified(ls, l[1], left));
            switch (kind) {
                case RIGHT -> {
                    hide(current);
                    unqualified.put(key, new Unqualified(rs, r[1], right));
                }
                case FULL -> {
                    hide(current);
                    hide(new Unqualified(rs, r[1], right));
                    Expr value = coalesce(List.of(current.value(), right));
                    merged(name, Affinity.NONE, r[0], value);
                    unqualified.put(key, new Unqualified(coalesced.getLast().source(), 0, value));
                }
                default -> hidden.computeIfAbsent(rs, k -> new HashSet<>()).add(r[1]);
            }
        }
        return on;
    }

    /**
     * sqlite3's selectExpander: in a source to the left of a RIGHT or FULL JOIN (the last one's
     * right side is source {@code lastRight}), {@code *} shows
     * a column that a later join names in USING (or NATURAL) as the unqualified name — which then
     * reads what the joins made of it, or is ambiguous.
     */
    void unqualifiedStars(int lastRight) {
        for (int s = 0; s < lastRight; s++) {
            Scope.Source source = sources.get(s);
            List<String> columns = declaredColumns(s);
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i).toLowerCase(Locale.ROOT);
                boolean later = false;
                for (int j = s + 1; j < sources.size() && !later; j++) {
                    later = usingNames.getOrDefault(sources.get(j), Set.of()).contains(name);
                }
                if (later) {
                    replaced.computeIfAbsent(source, k -> new HashMap<>())
                            .put(i, new Expr.Column(Pos.NONE, null, null, columns.get(i)));
                }
            }
        }
    }

    private void hide(Unqualified u) {
        hidden.computeIfAbsent(u.source(), k -> new HashSet<>()).add(u.column());
    }

    private static Expr coalesce(List<Expr> args) {
        return new Expr.Function(Pos.NONE, "coalesce", false, false, args, List.of(), null, null);
    }

    /**
     * A one-column source named {@code (using-N)} whose register gets {@code value} once source
     * {@code item} has its row (see {@link Coalesced}); * leaves it out. Returns a reference to it.
     */
    private Expr merged(String name, Affinity affinity, int item, Expr value) {
        String source = "(using-" + (coalesced.size() + 1) + ")";
        Scope.Source merged = new Scope.Source(source, List.of(name), b.allocRegister(), List.of(affinity),
                java.util.Arrays.asList((String) null));
        coalesced.add(new Coalesced(merged, item, value));
        omitted.computeIfAbsent(merged, k -> new HashSet<>()).add(0);
        return new Expr.Column(Pos.NONE, null, source, name);
    }

    /**
     * A reference to column {@code at[1]} of source {@code at[0]}, qualified by its table's name
     * and pinned to that column (another source may have the same name).
     */
    private Expr.Column qualified(int[] at) {
        Scope.Source source = sources.get(at[0]);
        Expr.Column column = null;
        for (Scope.Part p : parts) {
            if (p.source() == source && at[1] >= p.offset() && at[1] < p.offset() + p.columns().size()) {
                column = new Expr.Column(Pos.NONE, null, p.name(), p.columns().get(at[1] - p.offset()));
                break;
            }
        }
        if (column == null) {
            column = new Expr.Column(Pos.NONE, null, source.name(), source.columns().get(at[1]));
        }
        pinned.put(column, new Scope.Resolved(source, at[1]));
        return column;
    }
}
