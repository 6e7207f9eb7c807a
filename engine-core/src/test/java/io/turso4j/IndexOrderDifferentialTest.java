package io.turso4j;


import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random ORDER BY (with and without LIMIT/OFFSET, ASC and DESC, over indexed columns with
 * collations and mixed-type values and NULLs), ORs (of one column or, by MULTI-INDEX OR, of
 * two) and min/max queries on turso4j and SQLite: the rows must come out the same, in the same order. Every ORDER BY ends with the
 * rowid, so that ties cannot order differently; the loops may still serve it from an index,
 * forwards or backwards. Prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class IndexOrderDifferentialTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(a INTEGER, b TEXT COLLATE NOCASE, c REAL, d)",
        "CREATE INDEX ta ON t(a)",
        "CREATE INDEX tbc ON t(b, c DESC)",
        "CREATE INDEX td ON t(d COLLATE NOCASE)",
        "CREATE TABLE u(id INTEGER PRIMARY KEY, x, y TEXT)",
        "CREATE INDEX ux ON u(x DESC)",
        "CREATE INDEX uyx ON u(y, x)",
    };

    private static final String[] VALUES = {
        "NULL", "0", "1", "2", "3", "-1", "1.5", "2.5", "'1'", "'a'", "'A'", "'b'", "'B'", "'abc'", "x'01'", "10",
    };

    private static final String[][] COLUMNS = {{"a", "b", "c", "d", "rowid"}, {"id", "x", "y", "rowid"}};
    private static final String[] TABLES = {"t", "u"};

    @Test
    void randomOrderedQueriesMatchSqlite() throws SQLException {
        RandomQueryDifferential.run("IndexOrderDifferentialTest", SCHEMA, 40, random -> List.of(
                "INSERT INTO t VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ", " + v(random) + ")",
                "INSERT INTO u(x, y) VALUES (" + v(random) + ", " + v(random) + ")"),
                600, IndexOrderDifferentialTest::query);
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String query(Random random) {
        int t = random.nextInt(2);
        String[] cols = COLUMNS[t];
        String table = TABLES[t];
        List<String> where = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String c = cols[random.nextInt(cols.length)];
            String other = cols[random.nextInt(cols.length)];
            where.add(switch (random.nextInt(7)) {
                case 0 -> c + " = " + v(random);
                case 1 -> c + " > " + v(random);
                case 2 -> c + " <= " + v(random);
                case 3 -> c + " BETWEEN " + v(random) + " AND " + v(random);
                case 4 -> c + " = " + v(random) + " OR " + c + " = " + v(random) + " OR " + v(random) + " = " + c;
                case 5 -> "(" + c + " = " + v(random) + " OR " + other + (random.nextBoolean() ? " = " : " > ") + v(random) + ")";
                default -> c + " IS NOT NULL";
            });
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        if (random.nextInt(6) == 0) {
            String c = cols[random.nextInt(cols.length)];
            // min() and max() keep the first of equal values (b = 'b' and 'B' under NOCASE), so
            // they follow the plan's row order (over an OR of different columns, MULTI-INDEX OR's).
            return "SELECT min(" + c + "), max(" + c + ") FROM " + table + filter;
        }
        boolean desc = random.nextBoolean();
        List<String> order = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String c = cols[random.nextInt(cols.length - 1)];
            if (random.nextInt(5) == 0) {
                c += random.nextBoolean() ? " COLLATE BINARY" : " COLLATE NOCASE";
            }
            boolean d = random.nextInt(4) == 0 ? !desc : desc;
            order.add(c + (d ? " DESC" : random.nextBoolean() ? " ASC" : ""));
        }
        order.add("rowid" + (desc ? " DESC" : ""));
        String select = "SELECT " + (random.nextBoolean() ? "*" : cols[random.nextInt(cols.length)] + ", rowid")
                + " FROM " + table + filter + " ORDER BY " + String.join(", ", order);
        return switch (random.nextInt(3)) {
            case 0 -> select + " LIMIT " + random.nextInt(6);
            case 1 -> select + " LIMIT " + random.nextInt(6) + " OFFSET " + random.nextInt(4);
            default -> select;
        };
    }
}
