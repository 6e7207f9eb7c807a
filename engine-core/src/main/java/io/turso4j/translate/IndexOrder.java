package io.turso4j.translate;

import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the outermost loop already yields rows in an ORDER BY's order, so that no sorter is
 * needed (SQLite's wherePathSatisfiesOrderBy, for the outer loop alone): a table scan or rowid
 * range yields rowid order; an index lookup yields its key columns after the ones fixed by
 * equality, then the rowid. Every ORDER BY term must name a column of that source under the
 * collation the order uses, with the default NULL placement, and the terms' directions must all
 * agree with the order's or all be its reverse (then the loop runs backwards). A column fixed by
 * an equality is constant and satisfies any term on it; once the rowid is matched the rows are
 * distinct and later terms change nothing. A WITHOUT ROWID table has no rowid: its scan is in
 * primary key order, and its index entries are distinct once they end (in the primary key).
 * Stateless.
 */
final class IndexOrder {
    /**
     * One ORDER BY term as a column of a FROM source.
     *
     * @param column the readable column (the rowid is {@code columns().size()})
     * @param collation the collation the term sorts with (BINARY when none)
     */
    record Term(int source, int column, String collation, boolean desc) {}

    /**
     * The order the loops are asked for: an ORDER BY's {@code terms}, or, when {@code grouping},
     * a GROUP BY's or DISTINCT's, whose rows need only come with equal keys together. Those may
     * be matched by the index's columns in any order and direction, and the loop then runs
     * forwards (SQLite's WHERE_GROUPBY), so groups come out in the index's order as in SQLite.
     */
    record Wanted(List<Term> terms, boolean grouping) {}

    enum Direction { NONE, FORWARD, REVERSE }

    private IndexOrder() {}

    private static boolean sameCollation(WhereTerm.Constraint c, IndexColumn key) {
        String list = c.listCollation() == null ? "BINARY" : c.listCollation().name();
        return list.equalsIgnoreCase(key.collation() == null ? "BINARY" : key.collation());
    }

    /** How the loop of source {@code s} by {@code path} must run to yield {@code terms}' order. */
    static Direction of(Wanted wanted, int s, AccessPath path, Table table) {
        if (wanted == null || table == null) {
            return Direction.NONE;
        }
        int rowid = table.columns().size();
        List<Term> order = new ArrayList<>();
        List<Integer> fixed = new ArrayList<>();
        switch (path.kind()) {
            case SCAN, ROWID_RANGE -> {
                if (table.withoutRowid()) {
                    // The table's b-tree is its primary key index: rows come in key order.
                    return of(wanted, s, new AccessPath(AccessPath.Kind.INDEX, table.primaryKeyIndex(), List.of(),
                            null, null, true, 0, 0, 0), table);
                }
                order.add(new Term(s, rowid, "BINARY", false));
            }
            case ROWID_EQ -> {
                if (path.eq().getFirst().op() == WhereTerm.Op.IN) {
                    // The IN's distinct values are looked up in order, forwards or backwards.
                    order.add(new Term(s, rowid, "BINARY", false));
                } else {
                    fixed.add(rowid);
                }
            }
            case INDEX -> {
                // A WITHOUT ROWID table's index entries end in the primary key, which makes them distinct.
                List<IndexColumn> keys = table.hasRowid() || path.index().isPrimaryKey() ? path.index().keyColumns()
                        : path.index().columns();
                for (int i = 0; i < keys.size(); i++) {
                    IndexColumn key = keys.get(i);
                    if (key.column() == IndexColumn.EXPRESSION) {
                        break;
                    }
                    int column = key.column() == IndexColumn.ROWID ? rowid : key.column();
                    if (i < path.eq().size() && path.eq().get(i).op() != WhereTerm.Op.IN) {
                        fixed.add(column);
                    } else if (i < path.eq().size() && (path.eq().get(i).width() > 1
                            || !sameCollation(path.eq().get(i), key))) {
                        // Its values come in the order of another collation, or of a row value's list.
                        return Direction.NONE;
                    } else {
                        // Past the equalities, or an IN (its values looked up in the column's order).
                        order.add(new Term(s, column, key.collation() == null ? "BINARY" : key.collation(), key.desc()));
                    }
                }
                if (fixed.size() + order.size() == keys.size()) {
                    order.add(new Term(s, rowid, "BINARY", false));
                }
            }
            default -> {
                return Direction.NONE;
            }
        }
        if (wanted.grouping()) {
            return grouped(wanted.terms(), s, order, fixed, table) ? Direction.FORWARD : Direction.NONE;
        }
        Direction direction = null;
        int next = 0;
        for (Term t : wanted.terms()) {
            if (t.source() != s) {
                return Direction.NONE;
            }
            int column = t.column() == table.rowidAlias() ? rowid : t.column();
            if (fixed.contains(column)) {
                continue;
            }
            if (next > 0 && order.get(next - 1).column() == rowid) {
                continue;
            }
            if (next >= order.size()) {
                return Direction.NONE;
            }
            Term o = order.get(next++);
            if (o.column() != column || (column != rowid && !o.collation().equalsIgnoreCase(t.collation()))) {
                return Direction.NONE;
            }
            Direction d = o.desc() == t.desc() ? Direction.FORWARD : Direction.REVERSE;
            if (direction != null && d != direction) {
                return Direction.NONE;
            }
            direction = d;
        }
        return direction == null ? Direction.FORWARD : direction;
    }

    /**
     * Whether a loop yielding the columns {@code order} (after the {@code fixed} ones) brings
     * rows with equal {@code terms} together: its leading columns, up to the rowid, are the
     * terms not fixed, in any order.
     */
    private static boolean grouped(List<Term> terms, int s, List<Term> order, List<Integer> fixed, Table table) {
        int rowid = table.columns().size();
        List<Term> left = new ArrayList<>();
        for (Term t : terms) {
            if (t.source() != s) {
                return false;
            }
            int column = t.column() == table.rowidAlias() ? rowid : t.column();
            if (!fixed.contains(column)) {
                left.add(new Term(s, column, t.collation(), false));
            }
        }
        for (int next = 0; !left.isEmpty(); next++) {
            if (next >= order.size()) {
                return false;
            }
            Term o = order.get(next);
            int match = 0;
            while (match < left.size() && (left.get(match).column() != o.column()
                    || o.column() != rowid && !o.collation().equalsIgnoreCase(left.get(match).collation()))) {
                match++;
            }
            if (match == left.size()) {
                return false; // a column that is not a term, or a term named twice (then SQLite sorts too)
            }
            left.remove(match);
            if (o.column() == rowid) {
                return true; // the rows are distinct from here
            }
        }
        return true;
    }
}
