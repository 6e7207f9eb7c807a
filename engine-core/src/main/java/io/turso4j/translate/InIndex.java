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
 * key column it is, with the collation the IN compares with, and the values stored in the index must compare as the IN's affinity would
 * convert them: the comparison's affinity is none, the column's, or numeric on a numeric column
 * (SQLite's affinity_ok). Only a one-value left side.
 *
 * <p>An IN that drives a lookup loop ({@link #findLoop}) runs through the values in place of a
 * list of distinct values: the rowids, or an index that is UNIQUE over just that column (no
 * duplicates to skip; its NULLs the loop skips as it skips a list's). Stateless; any thread.
 */
final class InIndex {
    /** {@link #resultColumn}'s answer for a result column that is not a column of the table. */
    private static final int NONE = -3;

    /**
     * @param index the index to probe, null for the table's rowids
     * @param affinity the comparison's affinity, applied to the left side before probing
     */
    record Use(Table table, Index index, Affinity affinity) {
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

    /** @param unique the index must hold each value once: UNIQUE over the one column */
    private static Use find(Expr.InSelect in, Scope scope, Function<Name, Table> tables, boolean unique) {
        Select s = in.select();
        if (in.expr() instanceof Expr.Row || s.with() != null || s.limit() != null || !s.orderBy().isEmpty()
                || !(s.body() instanceof Select.Core core) || core.distinct() || core.where() != null
                || !core.groupBy().isEmpty() || core.having() != null || !core.windows().isEmpty()
                || core.from() == null || !core.from().joins().isEmpty() || core.columns().size() != 1
                || !(core.from().first() instanceof Select.Table ref)) {
            return null;
        }
        Table table = tables.apply(ref.name());
        if (table == null || table.isVirtual() || table.rootPage() <= 0) {
            return null;
        }
        String name = ref.alias() != null ? ref.alias() : ref.name().name();
        int column = resultColumn(core.columns().getFirst(), table, name);
        if (column == NONE || column == IndexColumn.ROWID && !table.hasRowid()) {
            return null;
        }
        if (column != IndexColumn.ROWID && column == table.rowidAlias()) {
            column = IndexColumn.ROWID;
        }
        Expr x = in.expr();
        Affinity left = ExprTyping.affinity(x, scope);
        Affinity right = column == IndexColumn.ROWID ? Affinity.INTEGER : table.column(column).affinity();
        Affinity compared = left == Affinity.NONE ? right : Affinity.forComparison(left, right);
        if (column == IndexColumn.ROWID) {
            return new Use(table, null, compared);
        }
        if (left != Affinity.NONE && left.isNumeric() && !right.isNumeric()) {
            return null; // compared as numbers, but the index holds its values unconverted
        }
        String collation = collation(x, scope, table.column(column));
        for (Index index : table.indexes()) {
            IndexColumn first = index.columns().getFirst();
            // SQLite's test: no more than the one key column, and unique, or holding nothing
            // else (a WITHOUT ROWID table's index on its one-column primary key).
            if (unique && !(index.keyCount() == 1 && (index.unique() || index.columns().size() == 1))) {
                continue;
            }
            if (!index.isPartial() && first.column() == column && first.collation().equalsIgnoreCase(collation)) {
                return new Use(table, index, compared);
            }
        }
        return null;
    }

    /**
     * The table column {@code rc} reads (named {@code name} in the FROM): its position,
     * {@link IndexColumn#ROWID}, or {@link #NONE} when it is anything else.
     */
    private static int resultColumn(Select.ResultColumn rc, Table table, String name) {
        switch (rc) {
            case Select.Star star -> {
                return table.columns().size() == 1 && !table.column(0).isGenerated() ? 0 : NONE;
            }
            case Select.TableStar star -> {
                return star.table().equalsIgnoreCase(name) && table.columns().size() == 1
                        && !table.column(0).isGenerated() ? 0 : NONE;
            }
            case Select.ExprColumn ec -> {
                if (!(ec.expr() instanceof Expr.Column c) || c.schema() != null
                        || c.table() != null && !c.table().equalsIgnoreCase(name)) {
                    return NONE;
                }
                int i = table.columnIndex(c.column());
                if (i >= 0) {
                    return table.column(i).isGenerated() ? NONE : i;
                }
                return Scope.isRowidName(c.column()) ? IndexColumn.ROWID : NONE;
            }
        }
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
