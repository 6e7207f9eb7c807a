package io.turso4j;


import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random range and IS NULL lookups on turso4j and SQLite over indexes whose range column is
 * DESC (so a forward loop starts at the upper bound and its NULLs come last), with and without
 * an equality prefix, in both loop directions (an ORDER BY picks one): the rows must come out the
 * same, in the same order. Prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class IndexRangeDifferentialTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(a INTEGER, b TEXT, c REAL, d)",
        "CREATE INDEX ta ON t(a DESC)",
        "CREATE INDEX tbc ON t(b, c DESC)",
        "CREATE INDEX tdb ON t(d DESC, b COLLATE NOCASE DESC)",
        "CREATE TABLE u(id INTEGER PRIMARY KEY, x INTEGER, y)",
        "CREATE INDEX uxy ON u(x, y DESC)",
        "CREATE INDEX uy ON u(y)",
    };

    private static final String[] VALUES = {
        "NULL", "0", "1", "2", "3", "-1", "1.5", "2.5", "'1'", "'a'", "'A'", "'b'", "'abc'", "x'01'", "10",
        "9223372036854775807", "9223372036854775806", "'9223372036854775806'",
    };

    private static final String[][] COLUMNS = {{"a", "b", "c", "d", "rowid"}, {"id", "x", "y", "rowid"}};
    private static final String[] TABLES = {"t", "u"};

    @Test
    void randomRangesMatchSqlite() throws SQLException {
        RandomQueryDifferential.run("IndexRangeDifferentialTest", SCHEMA, 60, random -> List.of(
                "INSERT INTO t VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ", " + v(random) + ")",
                "INSERT INTO u(x, y) VALUES (" + v(random) + ", " + v(random) + ")"),
                800, IndexRangeDifferentialTest::query);
    }

    /**
     * A range's bounds that the lookup seeks and stops by are not tested again, but a BETWEEN
     * whose other bound comes from another term is, and so is a bound the lookup does not use.
     */
    @Test
    void termsTheRangeDoesNotUseAreStillTested() throws SQLException {
        SqliteOracle.differential(new String[] {
            SCHEMA[0], SCHEMA[1], SCHEMA[2], SCHEMA[3],
            "INSERT INTO t VALUES (1, 'a', 1.5, 1), (2, 'B', 2.5, 1), (3, 'c', NULL, 1), (5, 'A', 0.5, 2),"
                    + " (8, 'b', 9.0, 1), (9, NULL, 3.0, NULL), (NULL, 'C', 4.0, 1), (4, '1', 2.0, 1)",
        },
                "SELECT a FROM t WHERE a > 1 AND a BETWEEN 3 AND 8 ORDER BY a",
                "SELECT a FROM t WHERE a BETWEEN 3 AND 8 AND a < 5 ORDER BY a",
                "SELECT a FROM t WHERE a < 9 AND a > 1 AND a < 4 ORDER BY a DESC",
                "SELECT a FROM t WHERE a >= '2' AND a < 8.5 ORDER BY a",
                "SELECT b, c FROM t WHERE b = 'c' AND c < 1 ORDER BY c",
                "SELECT b, c FROM t WHERE b = 'a' AND c BETWEEN 1 AND 2 ORDER BY c",
                "SELECT d, b FROM t WHERE d = 1 AND b COLLATE NOCASE > 'a' ORDER BY b COLLATE NOCASE DESC",
                "SELECT d, b FROM t WHERE d = 1 AND b > 'a' ORDER BY b",
                "SELECT d, b FROM t WHERE d = 1 AND b COLLATE NOCASE BETWEEN 'a' AND 'b' AND b > 'A' ORDER BY b");
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String query(Random random) {
        int t = random.nextInt(2);
        String[] cols = COLUMNS[t];
        List<String> where = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String c = cols[random.nextInt(cols.length)];
            where.add(switch (random.nextInt(9)) {
                case 0 -> c + " = " + v(random);
                case 1 -> c + " > " + v(random);
                case 2 -> c + " >= " + v(random);
                case 3 -> c + " < " + v(random);
                case 4 -> c + " <= " + v(random);
                case 5 -> c + " BETWEEN " + v(random) + " AND " + v(random);
                case 6 -> c + " IS NULL";
                case 7 -> c + " ISNULL";
                default -> "NULL IS " + c;
            });
        }
        boolean desc = random.nextBoolean();
        String c = cols[random.nextInt(cols.length - 1)];
        return "SELECT " + (random.nextBoolean() ? "*" : c + ", rowid") + " FROM " + TABLES[t]
                + " WHERE " + String.join(" AND ", where)
                + " ORDER BY " + c + (desc ? " DESC" : "") + ", rowid" + (desc ? " DESC" : "");
    }
}
