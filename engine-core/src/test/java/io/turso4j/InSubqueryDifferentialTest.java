package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random {@code x [NOT] IN (SELECT …)} terms on turso4j and SQLite, over indexed tables of
 * mixed-type values with duplicates and NULLs: rowid and index lookups through the subquery's
 * rows (alone, as one column of a two-column key, with other terms, on a join's inner table,
 * on a LEFT JOIN's right side), correlated subqueries, subqueries whose column has another
 * affinity or collation, a table's rowids or UNIQUE index run through in place of a list, NOT IN (never a lookup) — the rows must be SQLite's, in the ORDER BY's
 * order when there is one (else sorted by every column); UPDATE and DELETE through such a
 * WHERE leave SQLite's rows. Prints its seed; replay with
 * {@code -Dturso4j.seed=N}.
 */
class InSubqueryDifferentialTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c TEXT, d INT, e TEXT COLLATE NOCASE)",
        "CREATE INDEX tb ON t(b)",
        "CREATE INDEX tc ON t(c)",
        "CREATE INDEX tdb ON t(d, b)",
        "CREATE INDEX te ON t(e DESC)",
        "CREATE TABLE s(x, y INTEGER, z TEXT, w REAL)",
        "CREATE INDEX sy ON s(y)",
        "CREATE TABLE r(k INTEGER PRIMARY KEY, v TEXT COLLATE NOCASE, n NUMERIC)",
        "CREATE INDEX rn ON r(n)",
        "CREATE TABLE q(k INTEGER PRIMARY KEY, x UNIQUE, y INT, z TEXT)",
        "CREATE UNIQUE INDEX qy ON q(y DESC)",
        "CREATE UNIQUE INDEX qz ON q(z)",
        "CREATE INDEX qyz ON q(y, z)",
        "CREATE TABLE wr(k INT PRIMARY KEY, m TEXT UNIQUE) WITHOUT ROWID",
    };

    private static final String[] VALUES = {
        "NULL", "NULL", "0", "1", "2", "3", "-1", "1.0", "2.5", "'1'", "'2'", "'01'", "'a'", "'A'", "'b'",
        "'abc'", "x'01'", "'1.0'", "' 2'", "10", "3",
    };

    /** Left sides, by table: each a column of it, some indexed, the rowid among them. */
    private static final String[] T_COLUMNS = {"t.a", "t.b", "t.c", "t.d", "t.e", "t.rowid", "t.b COLLATE NOCASE"};
    private static final String[] R_COLUMNS = {"r.k", "r.v", "r.n"};

    @Test
    void randomInSubqueriesMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("InSubqueryDifferentialTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            fill(oracle, random);
            for (int i = 0; i < 500; i++) {
                String sql = query(random);
                String expected = oracle.sqlite(sql);
                String actual = oracle.turso(sql);
                if (!expected.equals(actual)) {
                    fail("seed " + seed + ": " + sql + "\nsqlite: " + abbreviate(expected) + "\nturso4j: " + abbreviate(actual)
                            + "\nplans: " + oracle.sqlite("EXPLAIN QUERY PLAN " + sql) + "\n   vs: "
                            + oracle.turso("EXPLAIN QUERY PLAN " + sql));
                }
            }
        }
    }

    /** UPDATE and DELETE whose WHERE holds an IN subquery (looked up, or not), even one reading the table changed. */
    @Test
    void randomChangesMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("InSubqueryDifferentialTest changes seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (int round = 0; round < 6; round++) {
                fill(oracle, random);
                for (int i = 0; i < 12; i++) {
                    String column = pick(random, T_COLUMNS);
                    String subquery = random.nextInt(4) == 0 ? "SELECT t.d FROM t WHERE t.c > " + v(random) : subquery(random, null);
                    String where = in(random, column, null) + (random.nextBoolean() ? "" : " AND t.a % 3 = " + random.nextInt(3));
                    String sql = switch (random.nextInt(3)) {
                        case 0 -> "DELETE FROM t WHERE " + where;
                        case 1 -> "UPDATE t SET c = " + v(random) + ", b = " + v(random) + " WHERE " + where;
                        default -> "UPDATE t SET d = d + 1 WHERE " + column + " IN (" + subquery + ")";
                    };
                    String expected = oracle.sqlite(sql);
                    String actual = oracle.turso(sql);
                    String check = "SELECT * FROM t ORDER BY a";
                    String expectedRows = oracle.sqlite(check);
                    String actualRows = oracle.turso(check);
                    if (!expected.equals(actual) || !expectedRows.equals(actualRows)) {
                        fail("seed " + seed + ": " + sql + "\nsqlite: " + expected + " " + abbreviate(expectedRows)
                                + "\nturso4j: " + actual + " " + abbreviate(actualRows));
                    }
                }
            }
        }
    }

    private static String abbreviate(String result) {
        return result.length() <= 400 ? result : result.substring(0, 400) + "… (" + result.length() + " chars)";
    }

    private static void fill(SqliteOracle oracle, Random random) {
        List<String> inserts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            inserts.add("INSERT INTO t(b, c, d, e) VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ", "
                    + v(random) + ")");
            inserts.add("INSERT INTO s VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ", " + v(random) + ")");
            inserts.add("INSERT OR IGNORE INTO q(x, y, z) VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ")");
            inserts.add("INSERT OR IGNORE INTO wr VALUES (" + v(random) + ", " + v(random) + ")");
            if (i % 2 == 0) {
                inserts.add("INSERT INTO r(v, n) VALUES (" + v(random) + ", " + v(random) + ")");
            }
        }
        for (String sql : inserts) {
            assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
        }
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** A subquery over s (or r) yielding one column; {@code outer} is a column it may read (correlated), or null. */
    private static String subquery(Random random, String outer) {
        // (No explicit COLLATE on the subquery's column: SQLite's lookup then compares with the
        // index's collation, its scan with the COLLATE's, so its rows depend on its plan; see
        // InSubqueryPlanTest for those.)
        String column = switch (random.nextInt(7)) {
            case 0 -> "s.y";
            case 1 -> "s.z";
            case 2 -> "s.w";
            case 3 -> "CAST(s.x AS TEXT)";
            case 4 -> "s.x + 0";
            default -> "s.x";
        };
        String where = switch (random.nextInt(5)) {
            case 0 -> " WHERE s.y > " + v(random);
            case 1 -> " WHERE s.z IS NOT NULL";
            case 2 -> outer != null ? " WHERE s.y = " + outer + " OR s.x = " + outer : "";
            default -> "";
        };
        String sql = "SELECT " + (random.nextInt(4) == 0 ? "DISTINCT " : "") + column + " FROM s" + where;
        return switch (random.nextInt(13)) {
            case 0 -> sql + " UNION ALL SELECT " + v(random);
            case 1 -> "VALUES (" + v(random) + "), (" + v(random) + "), (" + v(random) + ")";
            case 2 -> "SELECT r.v FROM r WHERE r.n > " + v(random);
            case 3 -> "SELECT n FROM r";
            case 4 -> "SELECT s.x FROM s ORDER BY s.x, s.rowid LIMIT 4";
            // A table's rowids or a UNIQUE index a lookup may run through in place of a list.
            case 10 -> "SELECT " + pick(random, new String[] {"k", "rowid", "x", "y", "z"}) + " FROM q";
            case 11 -> "SELECT k FROM r";
            case 12 -> "SELECT " + pick(random, new String[] {"k", "m"}) + " FROM wr";
            default -> sql;
        };
    }

    private static String in(Random random, String column, String outer) {
        boolean not = random.nextInt(5) == 0;
        return column + (not ? " NOT IN (" : " IN (") + subquery(random, outer) + ")";
    }

    private static String query(Random random) {
        List<String> where = new ArrayList<>();
        String from;
        String[] columns;
        switch (random.nextInt(5)) {
            case 0 -> {
                // t joined to r, the IN on either side, either order of the FROM.
                from = random.nextBoolean() ? "t, r" : "r, t";
                columns = new String[] {"t.a", "t.b", "t.c", "t.d", "t.e", "r.k", "r.v", "r.n"};
                where.add(pick(random, T_COLUMNS) + " = " + pick(random, R_COLUMNS));
                where.add(in(random, random.nextBoolean() ? pick(random, T_COLUMNS) : pick(random, R_COLUMNS),
                        random.nextInt(3) == 0 ? pick(random, R_COLUMNS) : null));
            }
            case 1 -> {
                from = "r LEFT JOIN t ON " + in(random, pick(random, T_COLUMNS), null)
                        + (random.nextBoolean() ? " AND t.d = r.n" : "");
                columns = new String[] {"r.k", "r.v", "r.n", "t.a", "t.b", "t.c", "t.d", "t.e"};
            }
            default -> {
                from = "t";
                columns = new String[] {"t.a", "t.b", "t.c", "t.d", "t.e"};
                String outer = random.nextInt(4) == 0 ? pick(random, T_COLUMNS) : null;
                if (random.nextInt(4) == 0) {
                    // A row value: the two columns of an index's key, or others.
                    String row = pick(random, new String[] {"(t.d, t.b)", "(t.b, t.d)", "(t.d, t.c)", "(t.a, t.b)"});
                    // (q's pairs: probed in its index on both columns, either order.)
                    String pair = pick(random, new String[] {"s.y, s.x FROM s", "s.x, s.y FROM s", "s.z, s.w FROM s",
                        "CAST(s.x AS INT), s.z FROM s", "q.y, q.z FROM q", "q.z, q.y FROM q"});
                    String table = pair.substring(pair.length() - 1);
                    where.add(row + (random.nextInt(5) == 0 ? " NOT IN" : " IN") + " (SELECT " + pair
                            + (outer != null ? " WHERE " + table + ".y > " + outer : "") + ")");
                } else {
                    where.add(in(random, pick(random, T_COLUMNS), outer));
                }
                if (random.nextInt(3) == 0) {
                    // An equality before the IN in a two-column key, or a second IN on it.
                    where.add(random.nextBoolean() ? "t.d = " + v(random) : in(random, "t.d", null));
                }
                if (random.nextInt(4) == 0) {
                    where.add("t.c > " + v(random));
                }
            }
        }
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + from
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        if (random.nextInt(3) == 0 && from.equals("t")) {
            // The IN's lookup may yield the order: it must be honoured, whatever the plan.
            String key = pick(random, new String[] {"t.a", "t.b", "t.e", "t.d, t.b"});
            String dir = random.nextBoolean() ? " DESC" : "";
            return sql + " ORDER BY " + key + dir + ", t.a" + dir;
        }
        List<String> order = new ArrayList<>();
        for (int i = 1; i <= columns.length; i++) {
            order.add(String.valueOf(i));
        }
        return "SELECT * FROM (" + sql + ") ORDER BY " + String.join(", ", order);
    }
}
