package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random joins over indexed tables with mixed-type values, on turso4j and SQLite: whatever plan
 * each engine picks (index lookups, ranges, IN lists, automatic indexes, join orders), the rows
 * must be the same (sorted by every column, since without ORDER BY the order is the plan's).
 * Prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class JoinPlanDifferentialTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t1(a INTEGER, b TEXT, c REAL, d)",
        "CREATE INDEX t1a ON t1(a)",
        "CREATE INDEX t1ba ON t1(b, a)",
        "CREATE TABLE t2(id INTEGER PRIMARY KEY, x INT, y TEXT COLLATE NOCASE, z)",
        "CREATE INDEX t2x ON t2(x)",
        "CREATE INDEX t2y ON t2(y)",
        "CREATE INDEX t2zx ON t2(z, x DESC)",
        "CREATE TABLE t3(p, q NUMERIC, r TEXT)",
        "CREATE INDEX t3q ON t3(q)",
        "CREATE UNIQUE INDEX t3pq ON t3(p, q)",
        "CREATE TABLE t4(k, v)",
    };

    private static final String[] VALUES = {
        "NULL", "0", "1", "2", "3", "-1", "1.0", "1.5", "2.5", "'1'", "'2'", "'01'", "'a'", "'A'", "'b'", "'abc'",
        "x'01'", "'1.0'", "' 2'", "10",
    };

    private static final String[][] COLUMNS = {
        {"t1.a", "t1.b", "t1.c", "t1.d", "t1.rowid"},
        {"t2.id", "t2.x", "t2.y", "t2.z"},
        {"t3.p", "t3.q", "t3.r", "t3.rowid"},
        {"t4.k", "t4.v"},
    };

    @Test
    void randomJoinsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("JoinPlanDifferentialTest seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            fill(oracle, random);
            for (int i = 0; i < 400; i++) {
                String sql = query(random);
                String expected = oracle.sqlite(sql);
                String actual = oracle.turso(sql);
                if (!expected.equals(actual)) {
                    fail("seed " + seed + ": " + sql + "\nsqlite: " + abbreviate(expected) + "\nturso4j: " + abbreviate(actual));
                }
            }
        }
    }

    private static String abbreviate(String result) {
        return result.length() <= 400 ? result : result.substring(0, 400) + "… (" + result.length() + " chars)";
    }

    private static void fill(SqliteOracle oracle, Random random) {
        List<String> inserts = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            inserts.add("INSERT INTO t1 VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ", " + v(random) + ")");
            inserts.add("INSERT INTO t2(x, y, z) VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ")");
            inserts.add("INSERT INTO t3 VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ")");
            inserts.add("INSERT INTO t4 VALUES (" + v(random) + ", " + v(random) + ")");
        }
        for (String sql : inserts) {
            assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
        }
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String query(Random random) {
        int n = 1 + random.nextInt(3);
        List<Integer> tables = new ArrayList<>(List.of(0, 1, 2, 3));
        java.util.Collections.shuffle(tables, random);
        tables = tables.subList(0, n);
        StringBuilder from = new StringBuilder("t" + (tables.getFirst() + 1));
        List<String> cols = new ArrayList<>(Arrays.asList(COLUMNS[tables.getFirst()]));
        for (int i = 1; i < n; i++) {
            int t = tables.get(i);
            List<String> right = Arrays.asList(COLUMNS[t]);
            String on = pick(random, cols) + " = " + pick(random, right);
            if (random.nextBoolean()) {
                on += " AND " + predicate(random, right);
            }
            switch (random.nextInt(4)) {
                case 0 -> from.append(", t").append(t + 1);
                case 1 -> from.append(" JOIN t").append(t + 1).append(" ON ").append(on);
                case 2 -> from.append(" LEFT JOIN t").append(t + 1).append(" ON ").append(on);
                default -> from.append(" CROSS JOIN t").append(t + 1);
            }
            cols.addAll(right);
        }
        List<String> where = new ArrayList<>();
        int terms = random.nextInt(4);
        for (int i = 0; i < terms; i++) {
            where.add(random.nextInt(4) == 0 ? pick(random, cols) + " = " + pick(random, cols) : predicate(random, cols));
        }
        boolean aggregate = random.nextInt(5) == 0;
        List<String> named = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            named.add(cols.get(i) + " AS c" + i);
        }
        String select = aggregate ? "count(*), sum(" + pick(random, cols) + ")" : String.join(", ", named);
        String sql = "SELECT " + select + " FROM " + from + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        if (aggregate) {
            return sql;
        }
        // Without ORDER BY the order is the plan's: sort the rows by every column.
        List<String> order = new ArrayList<>();
        for (int i = 1; i <= cols.size(); i++) {
            order.add(String.valueOf(i));
        }
        return "SELECT * FROM (" + sql + ") ORDER BY " + String.join(", ", order);
    }

    private static String predicate(Random random, List<String> cols) {
        String c = pick(random, cols);
        return switch (random.nextInt(9)) {
            case 0 -> c + " IN (" + v(random) + ", " + v(random) + ", " + v(random) + ")";
            case 1 -> c + " BETWEEN " + v(random) + " AND " + v(random);
            case 2 -> c + " IS NULL";
            case 3 -> c + " = " + v(random) + " OR " + c + " = " + v(random);
            case 4 -> c + " > " + v(random);
            case 5 -> c + " <= " + v(random);
            case 6 -> v(random) + " < " + c;
            case 7 -> c + " COLLATE NOCASE = " + v(random);
            default -> c + " = " + v(random);
        };
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
