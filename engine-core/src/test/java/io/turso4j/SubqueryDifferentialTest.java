package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Subqueries in expressions — scalar, EXISTS, IN (SELECT …), IN table, long constant IN lists,
 * correlated and not — and row values, on SQLite 3.54 (sqlite-jdbc) and on turso4j: the rows,
 * their storage classes and the error messages must agree. The random test prints its seed;
 * {@code -Dturso4j.seed=N} replays it ({@code random} draws a new one).
 */
class SubqueryDifferentialTest {
    private static final String[] SETUP = {
        "CREATE TABLE t1(a, b TEXT, c INTEGER)",
        "CREATE TABLE t2(x, y REAL, z TEXT COLLATE NOCASE)",
        "CREATE TABLE t3(v INTEGER)",
        "CREATE TABLE t4(w TEXT COLLATE NOCASE)",
    };

    private static void differential(SqliteOracle oracle, String... script) {
        for (String sql : script) {
            assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
        }
    }

    private static void differential(String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            differential(oracle, script);
        }
    }

    @Test
    void scalarExistsAndInRunOnceOrPerRow() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER, b TEXT)",
                "INSERT INTO t VALUES(1,'x'),(2,NULL),(3,'3'),(NULL,'y')",
                "SELECT a, (SELECT max(a) FROM t), EXISTS (SELECT 1 FROM t WHERE a > 2), a IN (SELECT a FROM t WHERE a < 3) FROM t",
                "SELECT a, (SELECT count(*) FROM t AS u WHERE u.a <= t.a), EXISTS (SELECT 1 FROM t AS u WHERE u.a > t.a) FROM t",
                "SELECT a, a IN (SELECT u.a FROM t AS u WHERE u.a <> t.a) FROM t",
                "SELECT a, (SELECT b FROM t AS u WHERE u.a = t.a + 1) FROM t",
                "SELECT a FROM t WHERE a IN (SELECT a + 1 FROM t) OR b IN (SELECT b FROM t WHERE a IS NULL)",
                "SELECT (SELECT a FROM t ORDER BY a DESC LIMIT 1), (SELECT 1 WHERE 0), EXISTS (SELECT 1 WHERE 0)",
                "SELECT a, CASE WHEN a > 1 THEN (SELECT 10) ELSE (SELECT 20) END FROM t",
                "SELECT '1' IN (SELECT a FROM t), 3 IN (SELECT b FROM t), '3' IN (SELECT a FROM t)",
                "SELECT (SELECT a, b FROM t)",
                "SELECT 1 IN (SELECT a, b FROM t)",
                "SELECT a, (SELECT (SELECT t.a + u.a) FROM t AS u WHERE u.a = 1) FROM t",
                "SELECT a, (SELECT count(*) FROM t AS u WHERE u.a IN (SELECT v.a FROM t AS v WHERE v.a < t.a)) FROM t");
    }

    @Test
    void inNullsEmptySetsAffinityAndCollation() throws SQLException {
        differential(
                "CREATE TABLE e(x)",
                "CREATE TABLE n(x)",
                "INSERT INTO n VALUES(1),(NULL)",
                "CREATE TABLE c(s TEXT COLLATE NOCASE)",
                "INSERT INTO c VALUES('abc'),('DEF')",
                "SELECT NULL IN (SELECT x FROM e), NULL NOT IN (SELECT x FROM e), 1 IN (SELECT x FROM e)",
                "SELECT NULL IN (SELECT x FROM n), 1 IN (SELECT x FROM n), 2 IN (SELECT x FROM n), 2 NOT IN (SELECT x FROM n)",
                "SELECT 'ABC' IN (SELECT s FROM c), 'abc' COLLATE BINARY IN (SELECT s FROM c), 'def' IN c",
                "SELECT 1 IN e, NULL IN e, NULL NOT IN n, 1 IN main.n, 5 NOT IN main.n",
                "SELECT 1 IN nosuch", "SELECT 1 IN main.nosuch",
                "CREATE TABLE two(a, b)", "SELECT 1 IN two",
                "SELECT 1.0 IN (1, 2, 3), '1' IN (1, 2, 3), 1 IN ('1', '2', '3'), NULL IN (1, 2, 3)",
                "SELECT 4 IN (1, 2, 3, NULL), 4 NOT IN (1, 2, 3, NULL), 2 IN (1, 2, 3, NULL)",
                "SELECT s, s IN ('ABC', 'x', 'y'), s COLLATE BINARY IN ('ABC', 'x', 'y') FROM c",
                "WITH k(v) AS (VALUES(1),(2)) SELECT 2 IN k, 3 IN k");
    }

    @Test
    void rowValues() throws SQLException {
        differential(
                "CREATE TABLE r(a, b)",
                "INSERT INTO r VALUES(1,2),(1,NULL),(3,4),(NULL,NULL)",
                "SELECT a, b, (a, b) = (1, 2), (a, b) <> (1, 2), (a, b) < (1, 3), (a, b) <= (1, 2), (a, b) > (0, 9),"
                        + " (a, b) >= (3, 4), (a, b) IS (1, NULL), (a, b) IS NOT (1, NULL) FROM r",
                "SELECT (1, 2) IN (SELECT a, b FROM r), (1, 3) IN (SELECT a, b FROM r), (2, 2) IN (SELECT a, b FROM r),"
                        + " (5, 6) NOT IN (SELECT a, b FROM r WHERE a IS NOT NULL)",
                "SELECT (1, NULL) IN (SELECT 2, 3), (1, NULL) IN (SELECT 1, 3), (1, 2) IN (SELECT 1, 2, 3)",
                "SELECT a, b, (a, b) IN (SELECT b - 1, a + 1 FROM r) FROM r",
                "SELECT (SELECT a, b FROM r) = (1, 2), (SELECT a, b FROM r WHERE a = 3) < (3, 5)",
                "SELECT (1, 2) = (1, 2, 3)", "SELECT (1, 2) IN (1, 2)", "SELECT (1, 2) + 1", "SELECT (1, 2)",
                "SELECT (1, 2) = (SELECT 1, 2, 3)",
                "SELECT * FROM r WHERE (a, b) > (1, 1)");
    }

    @Test
    void randomSubqueriesMatchSqlite() throws SQLException {
        String property = System.getProperty("turso4j.seed", "7");
        long seed = property.equals("random") ? System.nanoTime() : Long.parseLong(property);
        System.out.println("SubqueryDifferentialTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random rnd = new Random(seed);
        List<String> mismatches = new ArrayList<>();
        try (SqliteOracle oracle = new SqliteOracle()) {
            differential(oracle, SETUP);
            for (String table : List.of("t1", "t2")) {
                for (int i = 0; i < 12; i++) {
                    differential(oracle, "INSERT INTO " + table + " VALUES(" + value(rnd) + ", " + value(rnd) + ", "
                            + value(rnd) + ")");
                }
            }
            for (int i = 0; i < 8; i++) {
                differential(oracle, "INSERT INTO t3 VALUES(" + value(rnd) + ")", "INSERT INTO t4 VALUES(" + value(rnd) + ")");
            }
            for (int i = 0; i < 400; i++) {
                String sql = "SELECT a, b, c, " + predicate(rnd) + ", " + predicate(rnd) + " FROM t1";
                String expected = oracle.sqlite(sql);
                String actual = oracle.turso(sql);
                if (!expected.equals(actual)) {
                    mismatches.add(sql + "\n    sqlite:  " + expected + "\n    turso4j: " + actual);
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches (seed " + seed + "), first:\n" + String.join("\n",
                    mismatches.subList(0, Math.min(5, mismatches.size()))));
        }
    }

    private static String value(Random rnd) {
        return switch (rnd.nextInt(8)) {
            case 0 -> "NULL";
            case 1, 2 -> String.valueOf(rnd.nextInt(6) - 1);
            case 3 -> rnd.nextInt(4) + ".0";
            case 4 -> "2.5";
            case 5 -> "'" + rnd.nextInt(5) + "'";
            case 6 -> "'" + "aAbB".charAt(rnd.nextInt(4)) + "'";
            default -> "x'0" + rnd.nextInt(3) + "'";
        };
    }

    private static String operand(Random rnd) {
        return switch (rnd.nextInt(7)) {
            case 0 -> "a";
            case 1 -> "b";
            case 2 -> "c";
            case 3 -> value(rnd);
            case 4 -> "a + 1";
            case 5 -> "CAST(c AS TEXT)";
            default -> "b COLLATE NOCASE";
        };
    }

    private static String condition(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "x > " + value(rnd);
            case 1 -> "z = t1.b";
            case 2 -> "x = t1.c";
            case 3 -> "y < t1.a";
            case 4 -> "z IS NOT NULL";
            default -> "1";
        };
    }

    private static String predicate(Random rnd) {
        String not = rnd.nextBoolean() ? " NOT" : "";
        return switch (rnd.nextInt(9)) {
            case 0, 1 -> operand(rnd) + not + " IN (SELECT " + "xyz".charAt(rnd.nextInt(3)) + " FROM t2 WHERE "
                    + condition(rnd) + ")";
            case 2 -> {
                StringBuilder list = new StringBuilder();
                int n = 1 + rnd.nextInt(6);
                for (int i = 0; i < n; i++) {
                    list.append(i == 0 ? "" : ", ").append(value(rnd));
                }
                yield operand(rnd) + not + " IN (" + list + ")";
            }
            case 3 -> operand(rnd) + not + " IN " + (rnd.nextBoolean() ? "t3" : "t4");
            case 4 -> "(SELECT " + (rnd.nextBoolean() ? "max(x)" : "z") + " FROM t2 WHERE " + condition(rnd) + ")";
            case 5 -> not.trim() + " EXISTS (SELECT 1 FROM t2 WHERE " + condition(rnd) + ")";
            case 6 -> "(a, c)" + not + " IN (SELECT x, y FROM t2 WHERE " + condition(rnd) + ")";
            case 7 -> "(a, b) " + List.of("=", "<>", "<", "<=", ">", ">=", "IS", "IS NOT").get(rnd.nextInt(8))
                    + " (" + value(rnd) + ", " + value(rnd) + ")";
            default -> operand(rnd) + " = (SELECT x FROM t2 WHERE " + condition(rnd) + " LIMIT 1)";
        };
    }
}
