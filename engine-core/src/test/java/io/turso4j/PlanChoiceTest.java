package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans that sqllogictest queries ran slowly with because the planner chose differently from
 * SQLite: each query's EXPLAIN QUERY PLAN is compared with sqlite3's (3.40), and where the
 * plan text cannot show the choice (which of two bounds a range starts at), the program is read.
 */
class PlanChoiceTest {
    private static final String SCHEMA = "CREATE TABLE t(pk INTEGER PRIMARY KEY, a INTEGER, b FLOAT, c INTEGER);"
            + "CREATE INDEX ta ON t(a DESC); CREATE INDEX tc ON t(c, b DESC);";

    private static final String[] QUERIES = {
        // Of two lower bounds on one column, the written one: a BETWEEN's bounds come after it.
        "SELECT pk FROM t WHERE a BETWEEN 2518 AND 9557 AND c > 6654 AND (a > 8981)",
        "SELECT pk FROM t WHERE a BETWEEN 2518 AND 9557 AND (8981 < a)",
        "SELECT pk FROM t WHERE a > 10 AND a BETWEEN 2 AND 7",
        "SELECT pk FROM t WHERE pk BETWEEN 2 AND 70 AND pk > 50",
        // A MULTI-INDEX OR's branches also use the terms ANDed with the OR, and are priced as
        // covering when their index holds what the query reads.
        "SELECT pk FROM t WHERE (c IN (4523, 4297, 8470) OR 6012 < a OR (4199 >= a AND 7041 <= c) AND a IN (2469, 7345))"
                + " AND 7816 > a",
        "SELECT pk FROM t WHERE (a > 8580 AND b < 1173.53 AND c > 1712) OR (c > 8467 AND a < 4667)",
    };

    /** select4.test's shape: five integer columns and a text one per table, indexes on some. */
    private static final String JOIN_SCHEMA = tables("1", "2", "3", "4", "7", "9")
            + "CREATE INDEX t1i0 ON t1(a1, b1, c1, d1, e1, x1); CREATE INDEX t2c2 ON t2(c2);"
            + "CREATE INDEX t3a3 ON t3(a3); CREATE INDEX t4b4 ON t4(b4); CREATE INDEX t7e7 ON t7(e7);";

    /** A table no index narrows goes last, where the fewest outer rows run its scan. */
    private static final String[] JOIN_QUERIES = {
        "SELECT a3, a2, e1, a9 + b9, e4 * 658 + b1 FROM t9, t2, t3, t1, t4 WHERE b4 IN (408, 261, 877, 33)"
                + " AND c2 = 374 AND (e9 = 245 OR 35 = e9 OR 799 = e9) AND a1 IN (380, 992, 32, 189) AND a3 = e1",
        "SELECT x3, e1 FROM t9, t3, t1 WHERE a3 IN (198, 872, 16) AND 352 = a1 AND b9 > 5",
        // A lookup takes the join's one value over the IN list's several.
        "SELECT b9, b7 + 142 FROM t7, t9 WHERE e7 IN (254, 826, 301, 282) AND e9 = e7",
        // Transitive: a3 = e7 and e7 = 5 let t3's lookup use a3 = 5 before t7 is placed.
        "SELECT a3, e7 FROM t3, t7 WHERE a3 = e7 AND e7 = 5",
        "SELECT e4, a3 FROM t3, t7, t4 WHERE e7 IN (602, 878, 439) AND a3 = e7 AND b4 IN (593, 919)",
    };

    @TempDir
    Path dir;

    private static String tables(String... suffixes) {
        StringBuilder out = new StringBuilder();
        for (String n : suffixes) {
            out.append("CREATE TABLE t").append(n).append("(a").append(n).append(" INTEGER, b").append(n)
                    .append(" INTEGER, c").append(n).append(" INTEGER, d").append(n).append(" INTEGER, e").append(n)
                    .append(" INTEGER, x").append(n).append(" VARCHAR(30));");
        }
        return out.toString();
    }

    @Test
    void joinOrdersReadAsSqlite3s() throws Exception {
        ExplainQueryPlanTest.assertPlansMatch(dir.resolve("join.db"), JOIN_SCHEMA, JOIN_QUERIES);
    }

    @Test
    void plansReadAsSqlite3s() throws Exception {
        ExplainQueryPlanTest.assertPlansMatch(dir.resolve("plan.db"), SCHEMA, QUERIES);
    }

    /**
     * An OR with a subquery in a disjunct, over one source, is still a MULTI-INDEX OR (sqlite3
     * draws the subquery at another place in the tree, so only the results and our plan's lines
     * are checked).
     */
    @Test
    void orWithASubqueryIsAMultiIndexOr() throws Exception {
        String q = "SELECT pk FROM t WHERE b IN (SELECT b FROM t WHERE b < 86.4) AND b <= 67.3 AND c IN (72) AND a > 51"
                + " OR a < 21";
        List<String> script = new ArrayList<>(List.of(SCHEMA.split(";")));
        for (int i = 0; i < 100; i++) {
            script.add("INSERT INTO t VALUES(" + i + ", " + (i * 37 % 100) + ", " + (i * 0.7) + ", " + (i * 13 % 90) + ")");
        }
        script.add(q);
        script.add(q.replace("a < 21", "a < 21 OR c = 4"));
        SqliteOracle.differential(script.toArray(String[]::new));
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            for (String s : SCHEMA.split(";")) {
                c.execute(s);
            }
            List<String> plan = TablesTest.rows(c, "EXPLAIN QUERY PLAN " + q);
            assertTrue(plan.getFirst().endsWith("MULTI-INDEX OR"), plan.toString());
        }
    }

    @Test
    void rangeStartsAtTheWrittenBoundNotTheBetweens() {
        assertEquals(List.of(8981L, 9557L), boundsBeforeSeek(QUERIES[0]));
        assertEquals(List.of(10L, 7L), boundsBeforeSeek(QUERIES[2]));
        assertEquals(List.of(70L, 50L), boundsBeforeSeek(QUERIES[3]));
    }

    /** The integer constants {@code sql}'s program loads before its first seek: the range's bounds. */
    private static List<Long> boundsBeforeSeek(String sql) {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            for (String s : SCHEMA.split(";")) {
                c.execute(s);
            }
            List<Long> out = new ArrayList<>();
            try (Statement s = c.prepare("EXPLAIN " + sql)) {
                while (s.next()) {
                    String op = s.getText(1);
                    if (op.startsWith("Seek")) {
                        return out;
                    }
                    if (op.equals("Integer")) {
                        out.add(((Number) s.getObject(2)).longValue());
                    }
                }
            }
            throw new AssertionError("no seek in " + sql);
        }
    }
}
