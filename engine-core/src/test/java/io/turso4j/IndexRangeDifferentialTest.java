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
