package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.value.Affinity;

/**
 * SQLite's own estimates, for the places where {@link JoinPlanner} must choose as SQLite does
 * rather than by its own cost model: LogEst arithmetic (ten times the base-2 logarithm, in
 * SQLite's integer steps), the entry and row sizes SQLite guesses from declared types (szIdxRow,
 * szTabRow), and the cost of one lookup as whereLoopAddBtreeIndex prices it. Stateless.
 */
final class SqliteCosts {
    private SqliteCosts() {
    }

    /**
     * A branch's cost in SQLite's LogEst units (ten times the base-2 logarithm), as its
     * whereLoopAddBtreeIndex prices a lookup: the seeks, about log N each, plus the entries read
     * (each weighed by the index entry's width against the row's, 15 for the table itself)
     * and, for an index, the table rows read by rowid at about three steps each.
     */
    static double branch(AccessPath branch, Table table, double log) {
        double out = logEst(branch.rows());
        double seeks = 1;
        for (WhereTerm.Constraint c : branch.eq()) {
            if (c.op() == WhereTerm.Op.IN) {
                seeks *= c.listSize();
            }
        }
        double seek = logEst(log) + logEst(seeks);
        if (branch.kind() == AccessPath.Kind.INDEX) {
            int weight = 15 * entrySize(branch.index(), table) / rowSize(table);
            return logEstAdd(logEstAdd(seek, out + 1 + weight), out + 16);
        }
        return logEstAdd(seek, out + 16);
    }

    /** SQLite's szIdxRow: the LogEst of its guess at an entry's size in bytes, from the declared types. */
    static int entrySize(Index index, Table table) {
        int entry = 0;
        for (IndexColumn c : index.columns()) {
            entry += c.column() < 0 ? 1 : sizeGuess(table, c.column());
        }
        return sqliteLogEst(4L * entry);
    }

    /** SQLite's szTabRow: the LogEst of its guess at a row's size in bytes, from the declared types. */
    static int rowSize(Table table) {
        int row = table.rowidAlias() < 0 ? 1 : 0;
        for (int c = 0; c < table.columns().size(); c++) {
            row += sizeGuess(table, c);
        }
        return sqliteLogEst(4L * row);
    }

    /** SQLite's guess at a column's size in 4-byte units (szEst): a text or untyped column 5, any other 1. */
    private static int sizeGuess(Table table, int column) {
        Affinity a = table.columns().get(column).affinity();
        return a == Affinity.TEXT || a == Affinity.BLOB ? 5 : 1;
    }

    /** sqlite3LogEst: ten times the base-2 logarithm of {@code x}, in SQLite's integer steps. */
    private static int sqliteLogEst(long x) {
        int[] a = {0, 2, 3, 5, 6, 7, 8, 9};
        int y = 40;
        if (x < 8) {
            if (x < 2) {
                return 0;
            }
            while (x < 8) {
                y -= 10;
                x <<= 1;
            }
        } else {
            while (x > 255) {
                y += 40;
                x >>= 4;
            }
            while (x > 15) {
                y += 10;
                x >>= 1;
            }
        }
        return a[(int) (x & 7)] + y - 10;
    }

    private static double logEst(double x) {
        return 10 * Math.log(Math.max(1, x)) / Math.log(2);
    }

    /** The LogEst of the sum of the values of LogEsts {@code a} and {@code b}. */
    static double logEstAdd(double a, double b) {
        return logEst(Math.pow(2, a / 10) + Math.pow(2, b / 10));
    }
}
