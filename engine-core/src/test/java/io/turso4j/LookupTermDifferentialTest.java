package io.turso4j;

import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random equalities and IN lists on indexed columns of every affinity and collation (and the
 * rowid), alone and as join terms between columns of different affinities, with values of every
 * storage class: a loop whose lookup uses such a term no longer tests it, so the lookup alone
 * must find exactly the rows the comparison accepts. Results are compared, sorted, with SQLite's.
 * Prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class LookupTermDifferentialTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(a INTEGER, b TEXT, c REAL, d, e TEXT COLLATE NOCASE)",
        "CREATE INDEX ta ON t(a)", "CREATE INDEX tb ON t(b)", "CREATE INDEX tc ON t(c DESC)",
        "CREATE INDEX td ON t(d)", "CREATE INDEX te ON t(e)",
        "CREATE TABLE u(x INTEGER PRIMARY KEY, y TEXT, z)",
        "CREATE INDEX uy ON u(y)", "CREATE INDEX uz ON u(z, y)",
    };

    private static final String[] VALUES = {
        "NULL", "0", "1", "2", "3", "-1", "1.0", "1.5", "'1'", "'1.0'", "' 1'", "'a'", "'A'", "'b'", "x'01'", "10",
        // Integers a double cannot hold exactly: a REAL column stores them rounded.
        "9223372036854775807", "9223372036854775806", "'9223372036854775807'", "9007199254740993",
    };

    private static final String[] T = {"a", "b", "c", "d", "e", "t.rowid"};
    private static final String[] U = {"x", "y", "z"};

    @Test
    void lookupsFindExactlyTheRowsTheirTermsAccept() throws SQLException {
        RandomQueryDifferential.run("LookupTermDifferentialTest", SCHEMA, 40, random -> List.of(
                "INSERT INTO t VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ", " + v(random) + ", "
                        + v(random) + ")",
                "INSERT OR IGNORE INTO u VALUES (" + random.nextInt(12) + ", " + v(random) + ", " + v(random) + ")"),
                600, LookupTermDifferentialTest::query);
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String query(Random random) {
        String column = T[random.nextInt(T.length)];
        String term = switch (random.nextInt(4)) {
            case 0 -> column + " = " + v(random);
            case 1 -> v(random) + " = " + column;
            case 2 -> column + " IN (" + v(random) + ", " + v(random) + ", " + v(random) + ")";
            default -> "(" + column + " = " + v(random) + " OR " + column + " = " + v(random) + ")";
        };
        if (random.nextBoolean()) {
            return "SELECT t.rowid, a, b, c, d, e FROM t WHERE " + term + " ORDER BY 1";
        }
        String other = U[random.nextInt(U.length)];
        String join = random.nextBoolean() ? column + " = " + other : other + " = " + column;
        String from = random.nextBoolean() ? "t, u" : "u, t";
        return "SELECT t.rowid, x, a, b, c, d, e, y, z FROM " + from + " WHERE " + join + " AND " + term
                + " ORDER BY 1, 2";
    }
}
