package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    };

    @TempDir
    Path dir;

    @Test
    void plansReadAsSqlite3s() throws Exception {
        ExplainQueryPlanTest.assertPlansMatch(dir.resolve("plan.db"), SCHEMA, QUERIES);
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
