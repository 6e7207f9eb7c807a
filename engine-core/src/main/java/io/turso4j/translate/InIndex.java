package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;
import java.util.function.Function;

/**
 * Whether {@code x IN (SELECT col FROM table)} may test x against {@code table}'s rowids or one
 * of its indexes instead of a temporary index filled from the subquery, as SQLite's
 * sqlite3FindInIndex decides for a membership test ("USING INDEX … FOR IN-OPERATOR", "USING
 * ROWID SEARCH ON TABLE … FOR IN-OPERATOR"): nothing is copied, however large the table.
 *
 * <p>The subquery must be a lone SELECT of one column of one stored table — no WHERE,
 * DISTINCT, GROUP BY, HAVING, LIMIT, ORDER BY or compound, so that it reads no other query and
 * its rows are exactly the table's values of that column. The rowid is always usable; another
 * column needs an index (not partial; a WITHOUT ROWID table's primary key is one) whose first
 * column it is, with the collation the IN compares with, and the values stored in the index must compare as the IN's affinity would
 * convert them: the comparison's affinity is none, the column's, or numeric on a numeric column
 * (SQLite's affinity_ok). A row value on the left ({@code (a, b) IN (SELECT x, y FROM t)})
 * needs an index whose first columns are the subquery's, in any order.
 *
 * <p>An IN that drives a lookup loop ({@link #findLoop}) runs through the values in place of a
 * list of distinct values: the rowids, or an index that is UNIQUE over just that column (or
 * those columns; no duplicates to skip; its NULLs the loop skips as it skips a list's). Stateless; any thread.
 */
final class InIndex {
    /** {@link #resultColumn}'s answer for a result column that is not a column of the table. */
    private static final int NONE = -3;

    /**
     * @param index the index to probe, null for the table's rowids
     * @param affinities per key column of the index (by {@code map}), the affinity of the
     *     comparison with the left side's value there, applied to it before probing
     * @param map per value of the left side, the key column of the index it is compared with
     */
    record Use(Table table, Index index, Affinity[] affinities, int[] map) {
        /** sqlite3's plan line for it. */
        String planLine() {
            return index == null ? "USING ROWID SEARCH ON TABLE " + table.name() + " FOR IN-OPERATOR"
                    : "USING INDEX " + index.name() + " FOR IN-OPERATOR";
        }

        /** Opens {@code cursor} for reading on the rowids or the index. */
        void open(ProgramBuilder b, int cursor) {
            if (index == null) {
                b.emit(Opcode.OpenRead, cursor, table.rootPage(), table.db());
            } else {
                b.emit(Opcode.OpenRead, cursor, index.rootPage(), table.db(), IndexKeys.comparator(index), 0);
            }
        }

        /** Whether running through the cursor forwards gives the values in descending order. */
        boolean descending() {
            return index != null && index.columns().getFirst().desc();
        }
    }

    private InIndex() {}

    /**
     * How {@code in} may test its left side against a stored table, or null when it must fill
     * a temporary index. {@code scope} is the left side's; {@code tables} gives the stored
     * table a name refers to where the subquery is.
     */
    static Use find(Expr.InSelect in, Scope scope, Function<Name, Table> tables) {
        return find(in, scope, tables, false);
    }

    /**
     * Which stored table's rowids or UNIQUE index a lookup loop over {@code in}'s values may run
     * through in place of a list (sqlite3FindInIndex with IN_INDEX_LOOP), or null.
     */
    static Use findLoop(Expr.InSelect in, Scope scope, Function<Name, Table> tables) {
        return find(in, scope, tables, true);
    }

    /** @param unique the index must hold each value (row) once: UNIQUE over those columns */
    private static Use find(Expr.InSelect in, Scope scope, Function<Name, Table> tables, boolean unique) {
        Select s = in.select();
        List<Expr> lhs = in.expr() instanceof Expr.Row row ? row.values() : List.of(in.expr());
        int n = lhs.size();
        if (s.with() != null || s.limit() != null || !s.orderBy().isEmpty()
                || !(s.body() instanceof Select.Core core) || core.distinct() || core.where() != null
                || !core.groupBy().isEmpty() || core.having() != null || !core.windows().isEmpty()
                || core.from() == null || !core.from().joins().isEmpty()
                || !(core.from().first() instanceof Select.Table ref)) {
            return null;
        }
        Table table = tables.apply(ref.name());
        if (table == null || table.isVirtual() || table.rootPage() <= 0) {
            return null;
        }
        int[] columns = resultColumns(core.columns(), table, ref.alias() != null ? ref.alias() : ref.name().name());
        if (columns == null || columns.length != n) {
            return null;
        }
        Affinity[] compared = new Affinity[n];
        boolean affinityOk = true;
        for (int i = 0; i < n; i++) {
            if (columns[i] == IndexColumn.ROWID && !table.hasRowid()) {
                return null;
            }
            if (columns[i] != IndexColumn.ROWID && columns[i] == table.rowidAlias()) {
                columns[i] = IndexColumn.ROWID;
            }
            Affinity left = ExprTyping.affinity(lhs.get(i), scope);
            Affinity right = columns[i] == IndexColumn.ROWID ? Affinity.INTEGER : table.column(columns[i]).affinity();
            compared[i] = left == Affinity.NONE ? right : Affinity.forComparison(left, right);
            // Compared as numbers, but the index holds its values unconverted.
            affinityOk &= left == Affinity.NONE || !left.isNumeric() || right.isNumeric();
        }
        if (n == 1 && columns[0] == IndexColumn.ROWID) {
            return new Use(table, null, compared, new int[] {0});
        }
        if (!affinityOk) {
            return null;
        }
        String[] collations = new String[n];
        for (int i = 0; i < n; i++) {
            collations[i] = columns[i] == IndexColumn.ROWID ? null : collation(lhs.get(i), scope, table.column(columns[i]));
        }
        for (Index index : table.indexes()) {
            // SQLite's test for a loop: no more key columns than values, and unique, or holding
            // nothing else (a WITHOUT ROWID table's index on its primary key).
            if (index.isPartial() || index.columns().size() < n
                    || unique && !(index.keyCount() <= n && (index.unique() || index.columns().size() == n))) {
                continue;
            }
            int[] map = map(index, columns, collations);
            if (map != null) {
                Affinity[] byKey = new Affinity[n];
                for (int i = 0; i < n; i++) {
                    byKey[map[i]] = compared[i];
                }
                return new Use(table, index, byKey, map);
            }
        }
        return null;
    }

    /**
     * Per value of the left side, the position among the index's first {@code columns.length}
     * columns of the table column it is compared with (under {@code collations}: null for any),
     * each position used once; null when some value has none (sqlite3FindInIndex's aiMap).
     */
    private static int[] map(Index index, int[] columns, String[] collations) {
        int n = columns.length;
        int[] map = new int[n];
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            int j = 0;
            while (j < n && (index.columns().get(j).column() != columns[i]
                    || collations[i] != null && !index.columns().get(j).collation().equalsIgnoreCase(collations[i]))) {
                j++;
            }
            if (j == n || used[j]) {
                return null;
            }
            used[j] = true;
            map[i] = j;
        }
        return map;
    }

    /** The table columns {@code rcs} read ({@link #resultColumn}), or null when one is not one. */
    private static int[] resultColumns(List<Select.ResultColumn> rcs, Table table, String name) {
        if (rcs.size() == 1 && (rcs.getFirst() instanceof Select.Star
                || rcs.getFirst() instanceof Select.TableStar t && t.table().equalsIgnoreCase(name))) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                if (table.column(i).isGenerated()) {
                    return null;
                }
                all[i] = i;
            }
            return all;
        }
        int[] columns = new int[rcs.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = resultColumn(rcs.get(i), table, name);
            if (columns[i] == NONE) {
                return null;
            }
        }
        return columns;
    }

    /**
     * The table column {@code rc} reads (named {@code name} in the FROM): its position,
     * {@link IndexColumn#ROWID}, or {@link #NONE} when it is anything else.
     */
    private static int resultColumn(Select.ResultColumn rc, Table table, String name) {
        if (!(rc instanceof Select.ExprColumn ec) || !(ec.expr() instanceof Expr.Column c) || c.schema() != null
                || c.table() != null && !c.table().equalsIgnoreCase(name)) {
            return NONE;
        }
        int i = table.columnIndex(c.column());
        if (i >= 0) {
            return table.column(i).isGenerated() ? NONE : i;
        }
        return Scope.isRowidName(c.column()) ? IndexColumn.ROWID : NONE;
    }

    /**
     * The name of the collation the IN compares with (sqlite3BinaryCompareCollSeq, the right
     * side a bare column): x's explicit or own, BINARY for a stored column of x's without one,
     * else the subquery column's.
     */
    private static String collation(Expr x, Scope scope, Column column) {
        Collation left = ExprTyping.collation(x, scope);
        if (left != null) {
            return left.name();
        }
        if (x instanceof Expr.Column c && scope != null && SubqueryCodegen.isStoredColumn(scope.find(c))) {
            return "BINARY";
        }
        return column.collationOrBinary();
    }
}
