package io.turso4j;

import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random nested conditions — AND, OR, NOT, comparisons, IS [NOT], BETWEEN, IN lists and
 * subqueries, IS NULL, IS TRUE/FALSE, constants — over columns holding NULLs, integers, reals,
 * text and blobs, in every place a condition decides a jump (WHERE, join ON, LEFT JOIN ON,
 * HAVING, CASE WHEN, aggregate FILTER, partial index WHERE) and as values, compared with SQLite
 * row for row. The three-valued logic of the jumps (NULL AND 0, NOT NULL …) and the row-independent
 * operands coded once per execution must give exactly SQLite's rows. Prints its seed; replay with
 * {@code -Dturso4j.seed=N}.
 */
class ConditionDifferentialTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t(a INTEGER, b REAL, c TEXT, d)",
        "CREATE INDEX ta ON t(a)",
        "CREATE INDEX tc ON t(c) WHERE c > 'a' OR a IS NULL",
        "CREATE TABLE u(x INTEGER, y)",
    };

    private static final String[] VALUES = {
        "NULL", "NULL", "0", "1", "2", "3", "-1", "7", "1.5", "2.0", "-0.5", "'1'", "'2'", "'a'", "'b'", "'abc'",
        "' 3'", "x'01'", "10",
    };

    /** Row-independent operands, some of which are coded once per execution. */
    private static final String[] CONSTANTS = {
        "NULL", "0", "1", "2", "-1", "1.5", "-2.5", "'1'", "'a'", "'b'", "CAST(NULL AS INTEGER)", "CAST('2' AS INTEGER)",
        "-(-3)", "1 + 1", "'a' || 'b'", "~0", "NOT 0", "+2", "x'01'", "2.0", "CAST(1 AS REAL)", "(1 = 1)",
        "CAST(2 AS TEXT)", "9223372036854775807", "-9223372036854775808",
    };

    private static final String[] COLUMNS = {"a", "b", "c", "d", "t.rowid"};
    private static final String[] COMPARE = {"=", "==", "<>", "!=", "<", "<=", ">", ">=", "IS", "IS NOT"};

    @Test
    void randomConditionsMatchSqlite() throws SQLException {
        RandomQueryDifferential.run("ConditionDifferentialTest", SCHEMA, 40, random -> List.of(
                "INSERT INTO t VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ", " + v(random) + ")",
                "INSERT INTO u VALUES (" + v(random) + ", " + v(random) + ")"),
                600, ConditionDifferentialTest::query);
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** An operand: a column of t (or, in a join, of u), a constant, or a small expression of those. */
    private static String operand(Random random, boolean join) {
        return switch (random.nextInt(join ? 9 : 7)) {
            case 0, 1, 2 -> pick(random, COLUMNS);
            case 3, 4 -> pick(random, CONSTANTS);
            case 5 -> v(random);
            case 6 -> "(" + pick(random, COLUMNS) + " + " + pick(random, CONSTANTS) + ")";
            default -> random.nextBoolean() ? "u.x" : "u.y";
        };
    }

    /** A condition of at most {@code depth} levels of AND / OR / NOT. */
    static String condition(Random random, int depth, boolean join) {
        if (depth > 0 && random.nextInt(3) != 0) {
            int d = depth - 1;
            return switch (random.nextInt(5)) {
                case 0, 1 -> "(" + condition(random, d, join) + " AND " + condition(random, d, join) + ")";
                case 2, 3 -> "(" + condition(random, d, join) + " OR " + condition(random, d, join) + ")";
                default -> "NOT " + condition(random, d, join);
            };
        }
        String x = operand(random, join);
        String not = random.nextInt(3) == 0 ? " NOT" : "";
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> x + " " + pick(random, COMPARE) + " " + operand(random, join);
            case 4 -> x + not + " BETWEEN " + operand(random, join) + " AND " + operand(random, join);
            case 5 -> x + not + " IN (" + inList(random, join) + ")";
            case 6 -> x + not + " IN (SELECT " + (random.nextBoolean() ? "x" : "y") + " FROM u"
                    + (random.nextBoolean() ? " WHERE x > " + v(random) : "") + ")";
            case 7 -> x + pick(random, new String[] {" IS NULL", " IS NOT NULL", " ISNULL", " NOTNULL", " NOT NULL"});
            case 8 -> x + pick(random, new String[] {" IS TRUE", " IS FALSE", " IS NOT TRUE", " IS NOT FALSE"});
            case 9 -> pick(random, new String[] {"NULL", "1", "0", "'1'", "0.5", "NOT NULL", "-1", "CAST(NULL AS INTEGER)"});
            case 10 -> pick(random, COLUMNS);
            default -> "(" + x + " COLLATE NOCASE " + pick(random, COMPARE) + " " + operand(random, join) + ")";
        };
    }

    private static String inList(Random random, boolean join) {
        StringBuilder list = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            list.append(i == 0 ? "" : ", ").append(random.nextInt(3) == 0 ? operand(random, join) : v(random));
        }
        return list.toString();
    }

    private static String query(Random random) {
        String c = condition(random, 4, false);
        return switch (random.nextInt(9)) {
            case 0, 1 -> "SELECT t.rowid FROM t WHERE " + c + " ORDER BY 1";
            case 2 -> "SELECT t.rowid, " + c + ", CASE WHEN " + condition(random, 3, false) + " THEN 'x' WHEN "
                    + condition(random, 2, false) + " THEN 'y' ELSE 'z' END FROM t ORDER BY 1";
            case 3 -> "SELECT t.rowid, u.rowid FROM t " + (random.nextBoolean() ? "LEFT " : "") + "JOIN u ON "
                    + condition(random, 3, true) + " ORDER BY 1, 2";
            case 4 -> "SELECT t.rowid, u.rowid FROM t, u WHERE " + condition(random, 3, true) + " ORDER BY 1, 2";
            case 5 -> "SELECT a, count(*), sum(b) FROM t GROUP BY a HAVING " + having(random) + " ORDER BY 1";
            case 6 -> "SELECT count(*) FILTER (WHERE " + c + "), sum(a) FILTER (WHERE " + condition(random, 2, false)
                    + ") FROM t";
            case 7 -> "SELECT c FROM t WHERE (c > 'a' OR a IS NULL) AND " + c + " ORDER BY 1";
            default -> "SELECT t.rowid FROM t WHERE a = " + v(random) + " AND " + c + " ORDER BY 1";
        };
    }

    private static String having(Random random) {
        String h = switch (random.nextInt(4)) {
            case 0 -> "count(*) " + pick(random, COMPARE) + " " + random.nextInt(3);
            case 1 -> "sum(b) " + pick(random, COMPARE) + " " + pick(random, CONSTANTS);
            case 2 -> "a" + pick(random, new String[] {" IS NULL", " IS NOT NULL", " > 1", " IN (1, 2, NULL)"});
            default -> "max(c) BETWEEN " + pick(random, CONSTANTS) + " AND " + pick(random, CONSTANTS);
        };
        return random.nextBoolean() ? h : "(" + h + (random.nextBoolean() ? " AND " : " OR ") + "NOT " + having(random) + ")";
    }
}
