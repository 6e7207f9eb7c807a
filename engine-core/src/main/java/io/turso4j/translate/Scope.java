package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Pos;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The names a SELECT's expressions can see: the sources of its FROM clause (each a name and
 * its columns, whose current row sits in registers while the loops run), then the enclosing
 * SELECT's, as SQLite's NameContext chain. Immutable once built but for a count of the column
 * references resolved to each scope, which tells a correlated subquery from one that can run
 * once (see {@link #resolvedUpward}), and a memo of those resolutions; one per SELECT, used by
 * the one thread compiling it.
 */
final class Scope {
    /**
     * One FROM-clause source. {@code name} is its alias (or CTE name); {@code collations} holds
     * each column's collation name (null for none). The row's column {@code i} is in register
     * {@code firstRegister + i}, unless {@code reader} (null for a plain block of registers)
     * says it is read from a cursor (see {@link SourceReader}); a stored table also has its
     * rowid, as column number {@code columns.size()}.
     */
    record Source(String name, List<String> columns, int firstRegister, List<Affinity> affinities,
                  List<String> collations, SourceReader reader) {
        Source(String name, List<String> columns, int firstRegister, List<Affinity> affinities, List<String> collations) {
            this(name, columns, firstRegister, affinities, collations, null);
        }

        /**
         * The record's equality, identity first: sources are looked up by position in lists
         * ({@code indexOf}) for every column reference, and the generated method is slow until compiled.
         */
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Source s && firstRegister == s.firstRegister
                    && Objects.equals(name, s.name) && Objects.equals(columns, s.columns)
                    && Objects.equals(affinities, s.affinities) && Objects.equals(collations, s.collations)
                    && Objects.equals(reader, s.reader);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, columns, firstRegister, affinities, collations, reader);
        }

        /** Whether the source has a rowid, readable as column {@code columns().size()}. */
        boolean hasRowid() {
            return reader != null && reader.table() != null && reader.table().hasRowid();
        }

        /** The number of readable columns: the declared ones, and the rowid when there is one. */
        int width() {
            return columns.size() + (hasRowid() ? 1 : 0);
        }

        /** Codes a read of column {@code i} (the rowid when {@code i == columns().size()}) into {@code target}. */
        void read(ProgramBuilder b, int i, int target) {
            if (reader != null && reader.fromCursor()) {
                reader.read(b, i, target);
            } else {
                b.emit(Opcode.SCopy, firstRegister + i, target);
            }
        }
    }

    /** A column reference resolved to its source and index ({@code columns().size()}: the rowid). */
    record Resolved(Source source, int index) {
        int register() {
            return source.firstRegister() + index;
        }

        boolean isRowid() {
            return index == source.columns().size();
        }

        Affinity affinity() {
            return isRowid() ? Affinity.INTEGER : source.affinities().get(index);
        }

        /**
         * The column's collation: its declared one, else BINARY — a column always has one, so
         * that it wins over the other operand's in a comparison (sqlite3ExprCollSeq); the rowid
         * has none.
         */
        String collation() {
            if (isRowid()) {
                return null;
            }
            String declared = source.collations().get(index);
            return declared != null ? declared : "BINARY";
        }
    }

    /**
     * The tables of a parenthesized join that is read through one co-routine (the right side of
     * an outer join, or one with an alias): table {@code name}'s columns are the source's columns
     * from {@code offset}. An {@code alias} part ({@code (a JOIN b) AS q}) names all of them, less
     * USING duplicates (a name still twice is ambiguous); there is no {@code q.*}.
     */
    record Part(String name, Source source, int offset, List<String> columns, boolean alias) {
        Part(String name, Source source, int offset, List<String> columns) {
            this(name, source, offset, columns, false);
        }
    }

    /**
     * What USING and NATURAL joins change in a scope: per source, the column numbers that an
     * unqualified name does not reach ({@code hidden}: the duplicate of a USING column), those
     * that {@code *} leaves out, and those {@code *} shows as another expression (a RIGHT JOIN's
     * right-hand column, a FULL JOIN's COALESCE of both). {@code pinned} holds the column
     * references the joins' ON terms are made of, by identity, with the column each reads: a
     * table joined with itself ({@code u NATURAL JOIN u}) has two sources of one name, which no
     * name could tell apart.
     */
    record Joins(List<Part> parts, Map<Source, Set<Integer>> hidden, Map<Source, Set<Integer>> omitted,
                 Map<Source, Map<Integer, Expr>> replaced, Map<Expr.Column, Resolved> pinned) {
        static Joins none() {
            return new Joins(List.of(), Map.of(), Map.of(), Map.of(), Map.of());
        }
    }

    private final Scope parent;
    private final List<Source> sources;
    private final Joins joins;
    /** How many column references {@link #find} resolved to this scope's own sources. */
    private int resolved;
    /** Scratch of one {@link #find} in this scope: its matches so far, how many and the first. */
    private int hits;
    private Resolved firstHit;
    /**
     * The references {@link #find} resolved to this scope's own sources, by identity (null until
     * the first): code generation resolves a column reference several times (its register, its
     * affinity, its collation; the WHERE analysis once more per level of an AND/OR tree), and
     * each resolution would compare its name with every column of every source.
     */
    private IdentityHashMap<Expr.Column, Resolved> found;
    /** Told of every column reference resolved to a source of this scope (null: nobody listens). */
    private java.util.function.Consumer<Resolved> reads;
    /** Whether only a qualified name ({@code new.x}) can reach these sources: a trigger's NEW and OLD. */
    private final boolean qualifiedOnly;

    Scope(Scope parent, List<Source> sources) {
        this(parent, sources, false);
    }

    Scope(Scope parent, List<Source> sources, boolean qualifiedOnly) {
        this(parent, sources, qualifiedOnly, Joins.none());
    }

    Scope(Scope parent, List<Source> sources, Joins joins) {
        this(parent, sources, false, joins);
    }

    private Scope(Scope parent, List<Source> sources, boolean qualifiedOnly, Joins joins) {
        this.parent = parent;
        this.sources = List.copyOf(sources);
        this.qualifiedOnly = qualifiedOnly;
        this.joins = joins;
    }

    List<Source> sources() {
        return sources;
    }

    Joins joins() {
        return joins;
    }

    /**
     * {@code a.equalsIgnoreCase(b)}, first ruling out most names by their last characters: a
     * lookup compares its name with every column of every source, and a 64-way join has hundreds.
     * A name spelled as declared then matches by {@code equals}, an intrinsic much cheaper than the
     * case-folding compare.
     */
    private static boolean sameName(String a, String b) {
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        if (n > 0) {
            char x = a.charAt(n - 1);
            char y = b.charAt(n - 1);
            // Two ASCII characters differing beyond the case bit differ under any case folding.
            if (x < 0x80 && y < 0x80 && (x | 0x20) != (y | 0x20)) {
                return false;
            }
        }
        return a.equals(b) || a.equalsIgnoreCase(b);
    }

    /**
     * Has {@code listener} told of each column reference resolved to a source of this scope
     * from now on (a FROM subquery computes a column it left uncomputed once it is read).
     */
    void onRead(java.util.function.Consumer<Resolved> listener) {
        reads = listener;
    }

    private Resolved read(Resolved r) {
        resolved++;
        if (reads != null) {
            reads.accept(r);
        }
        return r;
    }

    /**
     * The column {@code c} names, here or in an enclosing scope; null when no source has it.
     *
     * @throws SqliteException "ambiguous column name: x" when two sources of one scope have it
     */
    Resolved find(Expr.Column c) {
        Resolved known = found == null ? null : found.get(c);
        if (known != null) {
            return read(known);
        }
        known = joins.pinned().isEmpty() ? null : joins.pinned().get(c);
        if (known != null) {
            return read(known);
        }
        // Counted rather than collected: a lookup runs for every column reference compiled.
        hits = 0;
        firstHit = null;
        if (!qualifiedOnly || c.table() != null) {
            for (Source s : sources) {
                if (joins.parts().isEmpty()) {
                    scan(c, s, s.name(), 0, s.columns(), false);
                    continue;
                }
                boolean any = false;
                for (Part p : joins.parts()) {
                    if (p.source() == s) {
                        any = true;
                        scan(c, s, p.name(), p.offset(), p.columns(), p.alias());
                    }
                }
                if (!any) {
                    scan(c, s, s.name(), 0, s.columns(), false);
                }
            }
        }
        if (hits == 0 && isRowidName(c.column())) {
            for (Source s : sources) {
                if (s.hasRowid() && (c.table() == null || (s.name() != null && s.name().equalsIgnoreCase(c.table())))) {
                    hit(new Resolved(s, s.columns().size()));
                }
            }
        }
        if (hits > 1) {
            throw new SqliteException(ResultCode.ERROR, "ambiguous column name: " + describe(c), c.pos().offset());
        }
        if (hits == 1) {
            if (found == null) {
                found = new IdentityHashMap<>(8);
            }
            found.put(c, firstHit);
            return read(firstHit);
        }
        return parent == null ? null : parent.find(c);
    }

    private void hit(Resolved r) {
        if (hits++ == 0) {
            firstHit = r;
        }
    }

    /**
     * Notes the columns of one table of source {@code s} (the whole source, or one {@link Part}
     * of it: {@code name}, its columns from {@code offset}) that {@code c} names.
     */
    private void scan(Expr.Column c, Source s, String name, int offset, List<String> columns, boolean alias) {
        if (c.table() == null ? alias : name == null || !name.equalsIgnoreCase(c.table())) {
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (sameName(columns.get(i), c.column())) {
                // A qualified name skips a hidden column only after an earlier match, as
                // lookupName does: in u JOIN u USING (a), u.a is the left u's a.
                if ((c.table() == null || alias || hits > 0)
                        && !joins.hidden().isEmpty()
                        && joins.hidden().getOrDefault(s, Set.of()).contains(offset + i)) {
                    continue;
                }
                hit(new Resolved(s, offset + i));
                if (!alias) {
                    break;
                }
            }
        }
    }

    /**
     * How many column references have resolved to {@code scope} or a scope enclosing it (0 for
     * null). When the count is the same before and after a subquery's code was generated, the
     * subquery names no column of the query around it: its result is the same for every row.
     */
    static int resolvedUpward(Scope scope) {
        int n = 0;
        for (Scope s = scope; s != null; s = s.parent) {
            n += s.resolved;
        }
        return n;
    }

    private List<Part> partsOf(Source s) {
        List<Part> out = new ArrayList<>();
        for (Part p : joins.parts()) {
            if (p.source() == s) {
                out.add(p);
            }
        }
        return out;
    }

    /** The declared name of the column {@code r} (not the rowid): a parenthesized join's table's own. */
    String columnName(Resolved r) {
        for (Part p : partsOf(r.source())) {
            if (r.index() >= p.offset() && r.index() < p.offset() + p.columns().size()) {
                return p.columns().get(r.index() - p.offset());
            }
        }
        return r.source().columns().get(r.index());
    }

    /**
     * The columns {@code *} stands for, with their names: each source's in order, less a USING
     * column's duplicate (see {@link Joins}).
     */
    void star(List<Expr> columns, List<String> names) {
        for (Source s : sources) {
            List<Part> parts = partsOf(s);
            if (parts.isEmpty()) {
                parts = List.of(new Part(s.name(), s, 0, s.columns()));
            }
            for (Part p : parts) {
                if (p.alias()) {
                    continue;
                }
                for (int i = 0; i < p.columns().size(); i++) {
                    int index = p.offset() + i;
                    if (joins.omitted().getOrDefault(s, Set.of()).contains(index)) {
                        continue;
                    }
                    Expr replaced = joins.replaced().getOrDefault(s, Map.of()).get(index);
                    columns.add(replaced != null ? replaced
                            : new Expr.Column(Pos.NONE, null, p.name(), p.columns().get(i)));
                    names.add(p.columns().get(i));
                }
            }
        }
    }

    /**
     * The columns {@code table.*} stands for, with their names, here or in an enclosing scope;
     * false when no source (or table of a parenthesized join) is named {@code table}.
     */
    boolean tableStar(String table, List<Expr> columns, List<String> names) {
        for (Source s : sources) {
            List<Part> parts = partsOf(s);
            if (parts.isEmpty()) {
                parts = List.of(new Part(s.name(), s, 0, s.columns()));
            }
            for (Part p : parts) {
                if (!p.alias() && p.name() != null && p.name().equalsIgnoreCase(table)) {
                    for (String column : p.columns()) {
                        columns.add(new Expr.Column(Pos.NONE, null, p.name(), column));
                        names.add(column);
                    }
                    return true;
                }
            }
        }
        return parent != null && parent.tableStar(table, columns, names);
    }

    /** The source named {@code table}, here or in an enclosing scope; null if none. */
    Source source(String table) {
        for (Source s : sources) {
            if (s.name() != null && s.name().equalsIgnoreCase(table)) {
                return s;
            }
        }
        return parent == null ? null : parent.source(table);
    }

    static boolean isRowidName(String name) {
        return name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid") || name.equalsIgnoreCase("_rowid_");
    }

    static String describe(Expr.Column c) {
        return c.table() == null ? c.column()
                : (c.schema() == null ? "" : c.schema() + ".") + c.table() + "." + c.column();
    }
}
