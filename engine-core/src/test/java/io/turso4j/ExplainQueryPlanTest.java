package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPLAIN QUERY PLAN shows the plan the planner chose, in sqlite3 3.40's words: for queries
 * where both engines choose the same plan, the detail lines are compared with sqlite3's.
 */
class ExplainQueryPlanTest {
    private static final String SCHEMA = "CREATE TABLE t(a INTEGER, b TEXT, c);"
            + "CREATE INDEX ta ON t(a); CREATE INDEX tab ON t(a, b);"
            + "CREATE TABLE u(id INTEGER PRIMARY KEY, x, y);"
            + "CREATE TABLE w(p, q);"
            + "CREATE TABLE n(k TEXT COLLATE NOCASE, v); CREATE INDEX nk ON n(k);";

    private static final String[] QUERIES = {
        "SELECT * FROM t",
        "SELECT * FROM t AS z WHERE c = 1",
        "SELECT * FROM t WHERE a = 1",
        "SELECT a, b FROM t WHERE a = 1 AND b > 'x'",
        "SELECT * FROM t WHERE a > 1 AND a < 5",
        "SELECT * FROM u WHERE id = 5",
        "SELECT * FROM u WHERE id > 5 AND id < 9",
        "SELECT * FROM u WHERE id < 5",
        "SELECT * FROM u WHERE id IN (1, 2)",
        "SELECT * FROM t WHERE a IN (1, 2)",
        "SELECT * FROM t, w WHERE t.c = w.p",
        "SELECT * FROM t ORDER BY c",
        "SELECT a FROM t",
        "SELECT c, count(*) FROM t GROUP BY c",
        "SELECT DISTINCT c FROM t",
        "SELECT * FROM u LEFT JOIN w ON u.x = w.p",
        "SELECT * FROM t WHERE b = 1",
        "SELECT * FROM w, u WHERE u.id = w.q",
        "SELECT * FROM n WHERE k = 'a'",
        "SELECT * FROM n WHERE k = 'a' COLLATE BINARY",
        "SELECT * FROM t WHERE a > 5",
        "SELECT c FROM t WHERE a <= 3",
        "SELECT * FROM n WHERE k > 'a' AND v = 3",
        "SELECT * FROM t, w WHERE t.a > w.p",
    };

    /** OR terms over different indexed columns: a MULTI-INDEX OR when every disjunct has a lookup. */
    private static final String OR_SCHEMA = "CREATE TABLE m(a, b, c, d);"
            + "CREATE INDEX ma ON m(a); CREATE INDEX mb ON m(b); CREATE INDEX mcd ON m(c, d);";

    private static final String[] OR_QUERIES = {
        "SELECT * FROM m WHERE a = 1 OR b > 2",
        "SELECT * FROM m WHERE a = 1 OR rowid = 5",
        "SELECT * FROM m WHERE (c = 1 AND d > 3) OR b = 2",
        "SELECT * FROM m WHERE a = 1 OR b = 2 ORDER BY d",
        "SELECT * FROM m WHERE a = 1 OR b = 2 OR a = 3",
        "SELECT * FROM m WHERE (a = 1 OR b = 2) AND d = 4",
        "SELECT * FROM m WHERE a = 1 OR d = 2",
        "SELECT * FROM m WHERE a IN (1, 2) OR rowid BETWEEN 3 AND 5",
        "SELECT max(d) FROM m WHERE a = 1 OR b = 2",
        "SELECT * FROM m WHERE a > 1 OR a = 1",
        "SELECT * FROM m WHERE rowid = 2 OR (rowid <= 2 AND c = 1)",
        "SELECT * FROM m WHERE b > 0 OR b BETWEEN 0 AND 5",
    };

    @TempDir
    Path dir;

    @Test
    void multiIndexOrPlansReadAsSqlite3s() throws Exception {
        assertPlansMatch(dir.resolve("or.db"), OR_SCHEMA, OR_QUERIES);
    }

    @Test
    void plansReadAsSqlite3s() throws Exception {
        assertPlansMatch(dir.resolve("eqp.db"), SCHEMA, QUERIES);
    }

    /**
     * Creates {@code schema} in a file for sqlite3 and in memory for turso4j, and asserts that
     * each query's EXPLAIN QUERY PLAN detail lines are sqlite3's.
     */
    static void assertPlansMatch(Path file, String schema, String[] queries) throws Exception {
        TablesTest.sqlite3(file, schema);
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            for (String sql : schema.split(";")) {
                c.execute(sql);
            }
            for (String q : queries) {
                List<String> ours = new ArrayList<>();
                for (String row : TablesTest.rows(c, "EXPLAIN QUERY PLAN " + q)) {
                    ours.add(row.substring(row.lastIndexOf('|') + 1));
                }
                assertEquals(sqlite3Plan(file, q), ours, q);
            }
        }
    }

    /** sqlite3's plan lines, without the tree drawing. */
    private static List<String> sqlite3Plan(Path file, String q) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : TablesTest.sqlite3(file, "EXPLAIN QUERY PLAN " + q).split("\n")) {
            if (!line.equals("QUERY PLAN") && !line.isBlank()) {
                lines.add(line.replaceFirst("^[|` ]*--", ""));
            }
        }
        return lines;
    }
}
