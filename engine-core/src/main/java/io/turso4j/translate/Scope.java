package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.ast.Expr;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a SELECT's expressions can see: the sources of its FROM clause (each a name and
 * its columns, whose current row sits in registers while the loops run), then the enclosing
 * SELECT's, as SQLite's NameContext chain. Immutable once built but for a count of the column
 * references resolved to each scope, which tells a correlated subquery from one that can run
 * once (see {@link #resolvedUpward}); one per SELECT.
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

        /** Whether the source has a rowid, readable as column {@code columns().size()}. */
        boolean hasRowid() {
            return reader != null && reader.table() != null;
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

    private final Scope parent;
    private final List<Source> sources;
    /** How many column references {@link #find} resolved to this scope's own sources. */
    private int resolved;
    /** Whether only a qualified name ({@code new.x}) can reach these sources: a trigger's NEW and OLD. */
    private final boolean qualifiedOnly;

    Scope(Scope parent, List<Source> sources) {
        this(parent, sources, false);
    }

    Scope(Scope parent, List<Source> sources, boolean qualifiedOnly) {
        this.parent = parent;
        this.sources = List.copyOf(sources);
        this.qualifiedOnly = qualifiedOnly;
    }

    List<Source> sources() {
        return sources;
    }

    /**
     * The column {@code c} names, here or in an enclosing scope; null when no source has it.
     *
     * @throws SqliteException "ambiguous column name: x" when two sources of one scope have it
     */
    Resolved find(Expr.Column c) {
        List<Resolved> hits = new ArrayList<>();
        for (Source s : qualifiedOnly && c.table() == null ? List.<Source>of() : sources) {
            if (c.table() != null && (s.name() == null || !s.name().equalsIgnoreCase(c.table()))) {
                continue;
            }
            for (int i = 0; i < s.columns().size(); i++) {
                if (s.columns().get(i).equalsIgnoreCase(c.column())) {
                    hits.add(new Resolved(s, i));
                    break;
                }
            }
        }
        if (hits.isEmpty() && isRowidName(c.column())) {
            for (Source s : sources) {
                if (s.hasRowid() && (c.table() == null || (s.name() != null && s.name().equalsIgnoreCase(c.table())))) {
                    hits.add(new Resolved(s, s.columns().size()));
                }
            }
        }
        if (hits.size() > 1) {
            throw new SqliteException(ResultCode.ERROR, "ambiguous column name: " + describe(c), c.pos().offset());
        }
        if (!hits.isEmpty()) {
            resolved++;
            return hits.getFirst();
        }
        return parent == null ? null : parent.find(c);
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

    /** The source named {@code table}, here or in an enclosing scope; null if none. */
    Source source(String table) {
        for (Source s : sources) {
            if (s.name() != null && s.name().equalsIgnoreCase(table)) {
                return s;
            }
        }
        return parent == null ? null : parent.source(table);
    }

    private static boolean isRowidName(String name) {
        return name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid") || name.equalsIgnoreCase("_rowid_");
    }

    static String describe(Expr.Column c) {
        return c.table() == null ? c.column()
                : (c.schema() == null ? "" : c.schema() + ".") + c.table() + "." + c.column();
    }
}
