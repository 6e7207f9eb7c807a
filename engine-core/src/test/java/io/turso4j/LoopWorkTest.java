package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Work a loop does per outer row that SQLite does once or never: a WHERE term holding a
 * subquery is tested after the loop's cheap terms (so a row they reject is never probed in the
 * subquery's list), and a lookup's IN list of constants is built once per execution, not once
 * per outer row. Results are compared with SQLite; the shapes are read from EXPLAIN.
 */
class LoopWorkTest {
    private static final String SCHEMA = "CREATE TABLE t(a INTEGER, b INTEGER);"
            + "INSERT INTO t VALUES(1, 10), (2, 20), (3, 30);"
            + "CREATE TABLE u(x INTEGER, y INTEGER); CREATE INDEX ux ON u(x);"
            + "INSERT INTO u VALUES(1, 1), (2, 2), (3, 3), (4, 4);";

    @Test
    void subqueryTermsRunAfterTheCheapOnes() throws SQLException {
        List<String> script = new ArrayList<>(List.of(SCHEMA.split(";")));
        script.add("SELECT a FROM t WHERE b IN (SELECT y * 10 FROM u WHERE y > 1) AND a > 1");
        script.add("SELECT a, x FROM t, u WHERE x IN (SELECT a FROM t WHERE b > 10) AND y = a AND b > 0");
        script.add("SELECT a FROM t WHERE b IN (SELECT abs(-9223372036854775807 - 1)) AND a = 2");
        SqliteOracle.differential(script.toArray(String[]::new));
        List<String> ops = opcodes("SELECT a FROM t WHERE b IN (SELECT y FROM u) AND a = 99");
        assertTrue(ops.indexOf("Ne") < ops.indexOf("OpenEphemeral"), "a = 99 is tested first: " + ops);
    }

    @Test
    void constantInListOfAnInnerLookupIsBuiltOnce() throws SQLException {
        String join = "SELECT a, y FROM t CROSS JOIN u WHERE u.x IN (1, 3, 4) AND y > a";
        List<String> script = new ArrayList<>(List.of(SCHEMA.split(";")));
        script.add(join);
        SqliteOracle.differential(script.toArray(String[]::new));
        List<String> ops = opcodes(join);
        int open = ops.indexOf("OpenEphemeral");
        assertTrue(open > 0, ops.toString());
        assertEquals("Once", ops.get(open - 1), "the IN list's build is guarded: " + ops);
    }

    @Test
    void multiIndexOrBranchesTestTheOtherTermsBeforeTheBody() throws SQLException {
        String schema = "CREATE TABLE v(pk INTEGER PRIMARY KEY, a, b, c, d);"
                + "CREATE INDEX va ON v(a, c); CREATE INDEX vb ON v(b);"
                + "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 60)"
                + " INSERT INTO v SELECT i, i % 11, i % 7, i % 5, i % 3 FROM s;"
                + "CREATE TABLE w(x INTEGER PRIMARY KEY, y); INSERT INTO w VALUES (1, 7), (2, 8), (3, NULL)";
        List<String> script = new ArrayList<>(List.of(schema.split(";")));
        script.add("SELECT pk FROM v WHERE (a > 5 OR b < 3) AND c = 2 AND d > 1");
        script.add("SELECT pk FROM v WHERE (a = 3 OR b = 4) AND c IN (1, 4) AND d IS NOT NULL");
        script.add("SELECT x, pk FROM w, v WHERE (a = x OR b = x) AND c < y ORDER BY x, pk");
        script.add("SELECT x, pk FROM w LEFT JOIN v ON (a = x OR b = x) WHERE c IS NULL OR c > 2 ORDER BY x, pk");
        script.add("SELECT pk FROM v WHERE (a > 8 OR b = 0) AND c + d > 3 AND c > (SELECT min(y) - 7 FROM w)");
        SqliteOracle.differential(script.toArray(String[]::new));
        List<String> ops = opcodes(schema, "SELECT pk FROM v WHERE (a > 5 OR b < 3) AND c = 2");
        int firstBranchEnd = ops.indexOf("RowSetTest");
        assertTrue(ops.subList(0, firstBranchEnd).contains("Ne"), "the first branch tests c = 2 itself: " + ops);
    }

    @Test
    void anInOnALaterKeyColumnStopsOnceNoEntryStartsWithTheKeyBeforeIt() throws SQLException {
        // SQLite's IN early-out: for an outer value no entry starts with, the inner IN's other
        // values are not looked up (IfNoHope probes the shorter key once, SeekHit spares it).
        String schema = "CREATE TABLE v(pk INTEGER PRIMARY KEY, a, b, c);"
                + "CREATE INDEX vab ON v(a, b); CREATE INDEX vcb ON v(c DESC, b, a);"
                + "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 200)"
                + " INSERT INTO v SELECT i, i % 13, i % 7, CASE WHEN i % 17 = 0 THEN NULL ELSE i % 5 END FROM s;"
                + "CREATE TABLE w(x INTEGER PRIMARY KEY, y); INSERT INTO w VALUES (1, 3), (2, 40), (3, NULL), (4, 5)";
        List<String> script = new ArrayList<>(List.of(schema.split(";")));
        script.add("SELECT pk FROM v WHERE a IN (1, 20, 3, 30, 12, NULL) AND b IN (2, 5, 6, 90) ORDER BY pk");
        script.add("SELECT pk FROM v WHERE a IN (1, 20, 3, 30, 12) AND b IN (2, 5, 6, 90) ORDER BY a DESC, b DESC");
        script.add("SELECT pk FROM v WHERE a IN (SELECT y FROM w) AND b IN (SELECT x FROM w) ORDER BY pk");
        script.add("SELECT pk FROM v WHERE a IN (4, 40) AND b IN (SELECT x FROM w WHERE x > 9) ORDER BY pk");
        script.add("SELECT pk FROM v WHERE c = 4 AND b IN (1, 3, 9) AND a IN (0, 5, 11, 99) ORDER BY pk");
        script.add("SELECT pk FROM v WHERE c IN (1, NULL, 7, 4) AND b IN (6, 1) AND a > 4 ORDER BY pk");
        script.add("SELECT x, pk FROM w LEFT JOIN v ON a = y AND b IN (1, 2, 3) ORDER BY x, pk");
        script.add("SELECT x, pk FROM w, v WHERE a IN (y, x, 7) AND b IN (4, x) ORDER BY x, pk");
        SqliteOracle.differential(script.toArray(String[]::new));
        List<String> ops = opcodes(schema, "SELECT pk FROM v WHERE a IN (1, 20, 3) AND b IN (2, 5, 6)");
        int noHope = ops.indexOf("IfNoHope");
        assertTrue(noHope > 0 && ops.lastIndexOf("IfNoHope") == noHope, "one early-out: " + ops);
        assertTrue(List.of("Next", "Prev").contains(ops.get(noHope + 1)), "before the inner list's step: " + ops);
        assertTrue(ops.subList(0, noHope).contains("SeekHit"), ops.toString());
    }

    /** The opcode names of {@code sql}'s program, on a database with {@link #SCHEMA}. */
    private static List<String> opcodes(String sql) {
        return opcodes(SCHEMA, sql);
    }

    /** The opcode names of {@code sql}'s program, on a database with {@code schema}. */
    private static List<String> opcodes(String schema, String sql) {
        return ExplainListing.opcodes(List.of(schema.split(";")), sql);
    }
}
