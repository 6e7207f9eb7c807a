package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.ast.Expr;
import io.turso4j.value.Affinity;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a SELECT's expressions can see: the sources of its FROM clause (each a name and
 * its columns, whose current row sits in registers while the loops run), then the enclosing
 * SELECT's, as SQLite's NameContext chain. Immutable once built; one per SELECT.
 */
final class Scope {
    /**
     * One FROM-clause source. {@code name} is its alias (or CTE name); the row's column
     * {@code i} is in register {@code firstRegister + i}; {@code collations} holds each column's
     * collation name (null for none).
     */
    record Source(String name, List<String> columns, int firstRegister, List<Affinity> affinities,
                  List<String> collations) {}

    /** A column reference resolved to its source and index. */
    record Resolved(Source source, int index) {
        int register() {
            return source.firstRegister() + index;
        }

        Affinity affinity() {
            return source.affinities().get(index);
        }

        String collation() {
            return source.collations().get(index);
        }
    }

    private final Scope parent;
    private final List<Source> sources;
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
        if (hits.size() > 1) {
            throw new SqliteException(ResultCode.ERROR, "ambiguous column name: " + describe(c));
        }
        if (!hits.isEmpty()) {
            return hits.getFirst();
        }
        return parent == null ? null : parent.find(c);
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

    static String describe(Expr.Column c) {
        return c.table() == null ? c.column()
                : (c.schema() == null ? "" : c.schema() + ".") + c.table() + "." + c.column();
    }
}
