package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random {@code x [NOT] IN (list)}, {@code x [NOT] IN table} and {@code x [NOT] IN (SELECT …)}
 * on turso4j and SQLite: lists empty, short (compared one by one) and long (a temporary index),
 * of mixed-type values with duplicates and NULLs; left sides of every affinity and collation,
 * indexed or not (so lists drive index and rowid lookups or test each row), constants, explicit
 * COLLATEs (on either side), and row values. The rows must be SQLite's, ordered by the rowid (which index a scan
 * reads, and so the order without ORDER BY, is the planner's choice, not the IN's), the IN's
 * value itself (true, false or NULL) too. Prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class InListDifferentialTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c TEXT, d INT, e TEXT COLLATE NOCASE, f REAL, g NUMERIC)",
        "CREATE INDEX tb ON t(b)",
        "CREATE INDEX tc ON t(c)",
        "CREATE INDEX tdf ON t(d, f)",
        "CREATE INDEX te ON t(e DESC)",
        "CREATE TABLE u(x, y TEXT COLLATE RTRIM, z INT)",
        "CREATE TABLE w(v TEXT COLLATE NOCASE)",
        "CREATE INDEX wv ON w(v)",
        "CREATE TABLE k(n NUMERIC UNIQUE)",
        "CREATE TABLE q(p INTEGER PRIMARY KEY)",
    };

    private static final String[] VALUES = {
        "NULL", "0", "1", "2", "3", "-1", "1.0", "2.5", "'1'", "'2'", "'01'", "'a'", "'A'", "'b'", "'B '",
        "'abc'", "'ABC'", "x'01'", "x'61'", "'1.0'", "' 2'", "10", "'a '", "1e0", "-0.0", "'2.5'",
    };

    private static final String[] T_COLUMNS = {"a", "b", "c", "d", "e", "f", "g", "rowid", "b COLLATE NOCASE",
        "c COLLATE RTRIM", "+d", "e COLLATE BINARY", "CAST(b AS TEXT)", "d + 0"};

    @Test
    void randomInListsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("InListDifferentialTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            List<String> inserts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                inserts.add("INSERT INTO t(b, c, d, e, f, g) VALUES (" + v(random) + ", " + v(random) + ", " + v(random)
                        + ", " + v(random) + ", " + v(random) + ", " + v(random) + ")");
                if (i % 3 == 0) {
                    inserts.add("INSERT INTO u VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ")");
                    inserts.add("INSERT INTO w VALUES (" + v(random) + ")");
                    inserts.add("INSERT OR IGNORE INTO k VALUES (" + v(random) + ")");
                    inserts.add("INSERT OR IGNORE INTO q VALUES (" + random.nextInt(70) + ")");
                }
            }
            for (String sql : inserts) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (int i = 0; i < 600; i++) {
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

    @Test
    void anAlwaysFalseDisjunctLeavesTheOtherSideToThePlanner() throws SQLException {
        // SQLite plans "x IN (…) OR d IN ()" as "x IN (…)": a lookup of the NOCASE index per
        // value of the BINARY list, so 'a' and 'A' find the row twice. Planned as a scan, each
        // row would come once.
        SqliteOracle.differential(new String[] {SCHEMA[0], SCHEMA[4],
            "INSERT INTO t(a, d, e) VALUES (1, 1, 'a'), (2, 2, 'A'), (3, 3, 'b'), (4, 4, NULL)"},
            "SELECT a FROM t WHERE e IN (SELECT e COLLATE BINARY FROM t) OR d IN () ORDER BY a",
            "SELECT a FROM t WHERE d IN () OR e IN (SELECT e COLLATE BINARY FROM t) ORDER BY a",
            "SELECT a FROM t WHERE e IN (SELECT e COLLATE BINARY FROM t) OR false ORDER BY a",
            "SELECT a FROM t WHERE e IN (SELECT e COLLATE BINARY FROM t) OR d NOT IN () ORDER BY a");
    }

    private static String query(Random random) {
        String in = in(random, pick(random, T_COLUMNS));
        String sql = switch (random.nextInt(8)) {
            // INs as conditions coded as jumps: under NOT, OR and AND, and in CASE WHEN.
            case 6 -> "SELECT a FROM t WHERE " + (random.nextBoolean() ? "NOT (" + in + ")" : in)
                    + pick(random, new String[] {" OR ", " AND ", " OR NOT "}) + in(random, pick(random, T_COLUMNS));
            case 7 -> "SELECT a, CASE WHEN " + in + " THEN 1 WHEN NOT (" + in + ") THEN 0 ELSE 2 END, "
                    + "(" + in + ") IS NULL FROM t";
            // The IN's own value for every row, in rowid order.
            case 0 -> "SELECT a, " + in + " FROM t";
            // A constant left side.
            case 1 -> "SELECT " + in(random, v(random)) + ", " + in(random, v(random) + " COLLATE NOCASE");
            // Two IN terms, or an IN and a range, on an index's columns.
            case 2 -> "SELECT a, d, f FROM t WHERE " + in(random, "d") + " AND "
                    + (random.nextBoolean() ? in(random, "f") : "f > " + v(random));
            // A row value.
            case 3 -> "SELECT a FROM t WHERE " + pick(random, new String[] {"(d, f)", "(b, c)", "(e, a)"})
                    + (random.nextInt(4) == 0 ? " NOT IN " : " IN ") + rows(random);
            default -> "SELECT a, b, c, e FROM t WHERE " + in;
        };
        return sql.startsWith("SELECT a") ? sql + " ORDER BY a" : sql;
    }

    /** {@code column [NOT] IN} a list, a table or a subquery. */
    private static String in(Random random, String column) {
        String not = random.nextInt(4) == 0 ? " NOT IN " : " IN ";
        return column + not + switch (random.nextInt(10)) {
            // (Only a one-column table: SQLite drops a wrong-width one unchecked beside "AND x IN ()".)
            case 0 -> pick(random, new String[] {"w", "k", "q"});
            // A column of a table with an index on it (or the rowid): SQLite may probe that index.
            case 8, 9 -> "(SELECT " + pick(random, new String[] {"a", "rowid", "b", "c", "d", "e", "f", "g", "t.e",
                "e COLLATE BINARY", "_rowid_"}) + " FROM t" + (random.nextInt(4) == 0 ? " WHERE a % 2 = 0" : "") + ")";
            // (No COLLATE on the subquery's column: SQLite's lookup through the list compares with
            // the index's collation, its scan with the COLLATE's, so its rows depend on its plan.)
            case 1 -> "(SELECT " + pick(random, new String[] {"x", "y", "z", "+y"}) + " FROM u"
                    + (random.nextBoolean() ? "" : " WHERE z > " + v(random)) + ")";
            case 2 -> "()";
            default -> list(random);
        };
    }

    /** A list of 1 to 3 values (short: compared one by one) or up to 40 (long). */
    private static String list(Random random) {
        int n = random.nextBoolean() ? 1 + random.nextInt(3) : 4 + random.nextInt(37);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String value = random.nextInt(12) == 0 ? "abs(" + v(random) + ")" : v(random);
            // A COLLATE on a value counts only in a list of one, which SQLite parses as x == +value.
            values.add(random.nextInt(10) == 0 ? value + pick(random, new String[] {" COLLATE NOCASE", " COLLATE RTRIM"})
                    : value);
        }
        return "(" + String.join(", ", values) + ")";
    }

    private static String rows(Random random) {
        if (random.nextInt(3) == 0) {
            return "(SELECT x, y FROM u)";
        }
        List<String> rows = new ArrayList<>();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            rows.add("(" + v(random) + ", " + v(random) + ")");
        }
        return "(VALUES " + String.join(", ", rows) + ")";
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String abbreviate(String result) {
        return result.length() <= 400 ? result : result.substring(0, 400) + "… (" + result.length() + " chars)";
    }
}
