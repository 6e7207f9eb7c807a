package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape of conditions' code: a WHERE of comparisons with literals is one compare-and-jump
 * per comparison in the loop (no per-row literal loads, no And/Or values), the literals are
 * loaded once, behind the program's end where Init jumps first, and the run-once block runs
 * again, with the new parameter values, on every execution of the statement.
 */
class ConditionCodeShapeTest {

    /** Every instruction of {@code sql}'s EXPLAIN as "addr opcode p1 p2 p3 p4 p5". */
    private static List<String[]> explain(Connection c, String sql) {
        return ExplainListing.instructions(c, sql);
    }

    private static long count(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            s.next();
            return s.getLong(0);
        }
    }

    @Test
    void literalsAreLoadedOnceAndComparisonsJump() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER, b REAL)");
            List<String[]> code = explain(c, "SELECT a FROM t WHERE a > 5 AND (b < 2.5 OR a BETWEEN 7 AND 9)");
            int halt = -1;
            for (int i = 0; i < code.size(); i++) {
                if (code.get(i)[1].equals("Halt")) {
                    halt = i;
                }
            }
            assertTrue(halt > 0, "a Halt");
            List<String> loop = new ArrayList<>();
            for (int i = 0; i < halt; i++) {
                loop.add(code.get(i)[1]);
            }
            for (String op : List.of("Integer", "Real", "And", "Or", "IfNot", "ZeroOrNull")) {
                assertTrue(!loop.contains(op), op + " before Halt: " + loop);
            }
            assertEquals(4, loop.stream().filter(op -> List.of("Le", "Gt", "Lt", "Ge").contains(op)).count(), loop.toString());
            assertEquals("Init", code.get(0)[1]);
            assertEquals(String.valueOf(halt + 1), code.get(0)[3], "Init jumps to the run-once block");
            assertEquals("Goto", code.getLast()[1]);
            assertEquals("1", code.getLast()[3], "the run-once block goes on at Init's old target");
            assertEquals(4, code.size() - halt - 2, "5, 2.5, 7 and 9, each loaded once");
        }
    }

    @Test
    void runOnceBlockRereadsParametersOnEveryExecution() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER)");
            c.execute("INSERT INTO t VALUES (1), (2), (3), (4), (NULL)");
            try (Statement s = c.prepare("SELECT count(*) FROM t WHERE a > ? OR a IS -?2")) {
                s.bindLong(1, 2).bindLong(2, 7);
                s.next();
                assertEquals(2, s.getLong(0));
                s.reset();
                s.bindLong(1, 0).bindLong(2, 7);
                s.next();
                assertEquals(4, s.getLong(0));
                s.reset();
                s.bindLong(1, 9).bindLong(2, -3);
                s.next();
                assertEquals(1, s.getLong(0));
            }
            assertEquals(3, count(c, "SELECT count(*) FROM t WHERE NOT (a < 2) AND a NOT BETWEEN 9 AND -1"));
            assertEquals(0, count(c, "SELECT count(*) FROM t WHERE random() < -9223372036854775807 - 1 + 0"));
        }
    }

    /** The opcodes of {@code sql}'s loop: from the first instruction up to the Halt. */
    private static List<String> loop(Connection c, String sql) {
        List<String> ops = new ArrayList<>();
        for (String[] in : explain(c, sql)) {
            if (in[1].equals("Halt")) {
                break;
            }
            ops.add(in[1]);
        }
        return ops;
    }

    @Test
    void anOperandHoldingASubqueryIsTestedAfterTheOtherOne() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER, b REAL)");
            c.execute("CREATE TABLE u(x)");
            // As SQLite 3.46+ codes AND and OR: the subquery's table is built, once, only for
            // a row the cheaper side has not decided.
            List<String> ops = loop(c, "SELECT a FROM t WHERE (a IN (SELECT x FROM u) AND b > 5) OR a < 3");
            int once = ops.indexOf("Once");
            assertTrue(once > 0, ops.toString());
            assertEquals(List.of("Lt", "Le"), ops.subList(0, once).stream()
                    .filter(op -> List.of("Lt", "Le", "Gt", "Ge").contains(op)).toList(), ops.toString());
            // Both sides with subqueries, or neither: left to right, as written.
            List<String> inOrder = loop(c, "SELECT a FROM t WHERE a < 3 OR (b > 5 AND a IN (SELECT x FROM u))");
            assertEquals(List.of("Lt", "Le"), inOrder.subList(0, inOrder.indexOf("Once")).stream()
                    .filter(op -> List.of("Lt", "Le", "Gt", "Ge").contains(op)).toList(), inOrder.toString());
        }
    }

    @Test
    void anInListOfOneConstantIsOneComparison() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER, b TEXT)");
            assertEquals(List.of("Init", "OpenRead", "Rewind", "Column", "Ne", "Column", "ResultRow", "Next"),
                    loop(c, "SELECT a FROM t WHERE a IN (7)"));
            assertEquals(List.of("Init", "OpenRead", "Rewind", "Column", "Eq", "Column", "ResultRow", "Next"),
                    loop(c, "SELECT a FROM t WHERE a NOT IN (?)"));
        }
    }
}
