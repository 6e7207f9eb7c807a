package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every join kind — inner, CROSS, LEFT, RIGHT, FULL, NATURAL, USING, parenthesized joins — on
 * turso4j and SQLite 3.54 (sqlite-jdbc): fixed queries for names, {@code *} and errors, then
 * random joins of small tables with NULLs and duplicates, terms in ON or in WHERE. Rows are
 * compared sorted (without ORDER BY their order is the plan's). Prints its seed; replay with
 * {@code -Dturso4j.seed=N} ({@code -Dturso4j.dump=true} prints the tables' rows too).
 */
class JoinKindsDifferentialTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE a(x INTEGER, y TEXT, k)",
        "CREATE TABLE b(x INT, z, k TEXT)",
        "CREATE INDEX bx ON b(x)",
        "CREATE TABLE c(id INTEGER PRIMARY KEY, x, w)",
        "CREATE TABLE d(k, x)",
        "CREATE VIEW v AS SELECT x, z FROM b WHERE z IS NOT NULL",
    };

    private static final String[] FIXED = {
        "SELECT * FROM a JOIN b USING (x)",
        "SELECT * FROM a JOIN b USING (x, k)",
        "SELECT * FROM a NATURAL JOIN b",
        "SELECT * FROM a NATURAL LEFT JOIN b",
        "SELECT * FROM a LEFT JOIN b USING (x)",
        "SELECT x, a.x, b.x, y, z FROM a LEFT JOIN b USING (x)",
        "SELECT x FROM a JOIN b USING (x) JOIN c USING (x)",
        "SELECT * FROM a JOIN b USING (x) JOIN c USING (x)",
        "SELECT a.*, b.* FROM a JOIN b USING (x)",
        "SELECT * FROM a JOIN b USING (y)",
        "SELECT * FROM a JOIN b USING (nope)",
        "SELECT * FROM a NATURAL JOIN b ON a.x = b.x",
        "SELECT * FROM a NATURAL JOIN b USING (x)",
        "SELECT x FROM a JOIN b ON a.x = b.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x",
        "SELECT * FROM a RIGHT JOIN b USING (x)",
        "SELECT x, a.x, b.x FROM a RIGHT JOIN b USING (x)",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x",
        "SELECT * FROM a FULL JOIN b USING (x)",
        "SELECT * FROM a FULL OUTER JOIN b USING (x, k)",
        "SELECT * FROM a NATURAL FULL JOIN d",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x WHERE a.y IS NULL",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x WHERE b.z > 1",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x AND a.y = 'p'",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x WHERE a.x IS NULL OR b.x IS NULL",
        "SELECT * FROM a JOIN c ON a.x = c.x RIGHT JOIN b ON b.x = c.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x JOIN c ON c.x = b.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x RIGHT JOIN c ON c.x = b.x",
        "SELECT * FROM a LEFT JOIN b ON a.x = b.x RIGHT JOIN c ON c.x = a.x",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x FULL JOIN c ON c.x = a.x",
        "SELECT count(*), sum(b.x) FROM a RIGHT JOIN b ON a.x = b.x",
        "SELECT b.x, count(a.x) FROM a RIGHT JOIN b ON a.x = b.x GROUP BY b.x",
        "SELECT DISTINCT a.k FROM a FULL JOIN b ON a.x = b.x",
        "SELECT * FROM (SELECT x, y FROM a) AS s RIGHT JOIN (SELECT x, z FROM b) AS t ON s.x = t.x",
        "SELECT * FROM a RIGHT JOIN v ON a.x = v.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x ORDER BY 1, 2, 3, 4, 5, 6",
        "SELECT * FROM c LEFT JOIN (a JOIN b ON a.x = b.x) ON c.x = a.x",
        "SELECT * FROM c LEFT JOIN (a JOIN b USING (x)) USING (x)",
        "SELECT c.id, a.y, b.z FROM c LEFT JOIN (a JOIN b ON a.x = b.x) ON c.x = b.x WHERE b.z IS NULL",
        "SELECT * FROM c JOIN (a LEFT JOIN b ON a.x = b.x) ON c.x = a.x",
        "SELECT * FROM (a LEFT JOIN b ON a.x = b.x)",
        "SELECT * FROM (a LEFT JOIN b ON a.x = b.x) JOIN c ON c.x = a.x",
        "SELECT * FROM c RIGHT JOIN (a JOIN b ON a.x = b.x) ON c.x = a.x",
        "SELECT * FROM c FULL JOIN (a LEFT JOIN b ON a.x = b.x) ON c.x = a.x",
        "SELECT * FROM (SELECT a.x, b.x FROM a JOIN b ON a.x = b.x) RIGHT JOIN c USING (x)",
        "SELECT * FROM a AS p JOIN a AS q USING (x, y, k)",
        "SELECT q.* FROM (a JOIN b USING (x)) AS q",
        "SELECT q.x, q.y, a.k, b.k, x FROM (a JOIN b USING (x)) AS q",
        "SELECT * FROM c LEFT JOIN (a JOIN b USING (x)) AS q ON c.x = q.x",
        "SELECT q.y FROM (a) AS q",
        "SELECT * FROM (SELECT x FROM d) AS q",
        "SELECT * FROM a CROSS JOIN b USING (x)",
        // An inner join's ON term that reads no source, or only through a subquery, rejects only
        // that join's rows: a later RIGHT or FULL JOIN still yields its unmatched rows.
        "SELECT * FROM a JOIN b ON 0 RIGHT JOIN c ON 1",
        "SELECT * FROM a JOIN b ON 0 FULL JOIN c ON c.x = b.x",
        "SELECT * FROM a JOIN b ON a.x = b.x AND 0 RIGHT JOIN c ON 1 WHERE c.id > 2",
        "SELECT * FROM a JOIN b ON 'p' FULL JOIN c ON NOT 1",
        "SELECT * FROM a JOIN b ON (SELECT 0 FROM d WHERE d.x = a.x) FULL JOIN c ON 1",
        "SELECT * FROM a JOIN b ON (SELECT count(*) FROM d WHERE d.x = b.x) > 0 RIGHT JOIN c ON c.x = a.x",
    };

    private static final String[] VALUES = {"NULL", "1", "2", "3", "'1'", "'p'", "'q'", "2.0", "4"};

    private static final String[] TABLES = {"a", "b", "c", "d", "(SELECT x, k FROM d)", "v"};

    private static final String[] KINDS = {"JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "CROSS JOIN", ",",
        "NATURAL JOIN", "NATURAL LEFT JOIN", "NATURAL RIGHT JOIN", "NATURAL FULL JOIN"};

    @Test
    void fixedJoinsMatchSqlite() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            setUp(oracle, new Random(1));
            for (String sql : FIXED) {
                int n = SortedResults.width(oracle, sql);
                assertEquals(SortedResults.sorted(oracle.sqlite(sql), n), SortedResults.sorted(oracle.turso(sql), n), sql);
            }
        }
    }

    @Test
    void randomJoinsMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("JoinKindsDifferentialTest seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            setUp(oracle, random);
            for (int i = 0; i < 500; i++) {
                String sql = query(random);
                int n = SortedResults.width(oracle, sql);
                String expected = SortedResults.sorted(oracle.sqlite(sql), n);
                String actual = SortedResults.sorted(oracle.turso(sql), n);
                if (!expected.equals(actual)) {
                    fail("seed " + seed + ": " + sql + "\nsqlite: " + expected + "\nturso4j: " + actual);
                }
            }
        }
    }

    private static void setUp(SqliteOracle oracle, Random random) {
        List<String> sql = new ArrayList<>(List.of(SCHEMA));
        for (int i = 0; i < 6; i++) {
            sql.add("INSERT INTO a VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ")");
            sql.add("INSERT INTO b VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ")");
            sql.add("INSERT INTO c(x, w) VALUES (" + v(random) + ", " + v(random) + ")");
            sql.add("INSERT INTO d VALUES (" + v(random) + ", " + v(random) + ")");
        }
        for (String s : sql) {
            if (Boolean.getBoolean("turso4j.dump")) {
                System.out.println(s + ";");
            }
            assertEquals(oracle.sqlite(s), oracle.turso(s), s);
        }
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    /** A join of two to four sources with ON, USING or NATURAL, and maybe a WHERE term. */
    private static String query(Random random) {
        int n = 2 + random.nextInt(3);
        List<String> names = new ArrayList<>();
        StringBuilder from = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String alias = "t" + i;
            String table = TABLES[random.nextInt(TABLES.length)];
            if (i > 0) {
                String kind = KINDS[random.nextInt(KINDS.length)];
                from.append(' ').append(kind).append(' ').append(table).append(" AS ").append(alias);
                if (!kind.startsWith("NATURAL") && !kind.equals(",") && !kind.equals("CROSS JOIN")) {
                    switch (random.nextInt(3)) {
                        case 0 -> from.append(" USING (x)");
                        case 1 -> from.append(" ON ").append(term(random, names, alias));
                        default -> from.append(" ON ").append(term(random, names, alias))
                                .append(" AND ").append(alias).append(".x IS NOT ").append(v(random));
                    }
                }
            } else {
                from.append(table).append(" AS ").append(alias);
            }
            names.add(alias);
        }
        String columns = random.nextInt(3) == 0 ? "*" : random.nextBoolean() ? "x" : names.getFirst() + ".x, "
                + names.getLast() + ".*";
        String where = switch (random.nextInt(4)) {
            case 0 -> " WHERE " + names.get(random.nextInt(n)) + ".x IS NULL";
            case 1 -> " WHERE " + names.get(random.nextInt(n)) + ".x > 1";
            case 2 -> " WHERE coalesce(" + names.get(random.nextInt(n)) + ".x, 0) <> " + v(random);
            default -> "";
        };
        String distinct = random.nextInt(5) == 0 ? "DISTINCT " : "";
        return "SELECT " + distinct + columns + " FROM " + from + where;
    }

    private static String term(Random random, List<String> left, String right) {
        String l = left.get(random.nextInt(left.size()));
        return switch (random.nextInt(5)) {
            case 0 -> l + ".x = " + right + ".x";
            case 1 -> l + ".x < " + right + ".x";
            case 2 -> random.nextBoolean() ? "0" : "1";
            case 3 -> "(SELECT count(*) FROM d WHERE d.x = " + l + ".x) > 0";
            default -> right + ".x = " + v(random);
        };
    }
}
