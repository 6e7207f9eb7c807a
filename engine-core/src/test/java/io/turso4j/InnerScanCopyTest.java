package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loop's rows filtered by the WHERE terms that read only its own source, before any outer
 * loop runs: an automatic index holds only the rows they accept (PARTIAL, as sqlite3 shows it),
 * and an inner SCAN no outer loop narrows reads, for each outer row, a copy of the rows they
 * accept made on its first entry, instead of the whole table again (select4.test's 7-way
 * cross joins scanned their last table 120 times). Results are compared with SQLite; plans
 * with sqlite3's; the copy is read from the program.
 */
class InnerScanCopyTest {
    private static final String SCHEMA = table("1") + table("7") + table("9")
            + "CREATE INDEX t7e7 ON t7(e7); CREATE INDEX t1i0 ON t1(a1, b1, c1, d1, e1, x1);";

    @TempDir
    Path dir;

    private static String table(String n) {
        return "CREATE TABLE t" + n + "(a" + n + " INTEGER, b" + n + " INTEGER, c" + n + " INTEGER, d" + n
                + " INTEGER, e" + n + " INTEGER, x" + n + " VARCHAR(30));";
    }

    /** SCHEMA with 60 rows in each table (small values, so joins and filters match some). */
    private static List<String> script() {
        List<String> script = new ArrayList<>(List.of(SCHEMA.split(";")));
        for (String n : new String[] {"1", "7", "9"}) {
            for (int i = 0; i < 60; i++) {
                script.add("INSERT INTO t" + n + " VALUES(" + (i * 7 % 13) + ", " + (i % 5) + ", " + (i * 3 % 11) + ", "
                        + (i % 9) + ", " + (i * 11 % 17) + ", 'x" + n + "-" + i + "')");
            }
        }
        script.add("INSERT INTO t9 VALUES(NULL, NULL, NULL, NULL, NULL, NULL)");
        return script;
    }

    @Test
    void partialAutomaticIndexReadsAsSqlite3s() throws Exception {
        ExplainQueryPlanTest.assertPlansMatch(dir.resolve("p.db"), SCHEMA, new String[] {
            "SELECT x1, d9, a7 FROM t7, t1, t9 WHERE a1 = 5 AND d9 = b1 AND e7 = 5 AND c9 IN (3, 4)",
            // An inner scan still reads as a SCAN.
            "SELECT b9, b7 FROM t7, t9 WHERE e7 IN (254, 826) AND d9 = b7 AND c9 IN (5, 6)",
        });
    }

    @Test
    void filteredRowsMatchSqlite() throws SQLException {
        List<String> script = script();
        // Inner scans with their own terms: cross joins, a join term, ORDER BY, rowid, NULLs.
        script.add("SELECT a7, b9, x9 FROM t7, t9 WHERE e7 IN (3, 5) AND (d9 = 2 OR 4 = d9) ORDER BY 1, 2, 3");
        script.add("SELECT a7, b9, rowid FROM t7, t9 WHERE e7 = 6 AND c9 IN (1, 2) AND b9 > a7 ORDER BY 1, 2, 3");
        script.add("SELECT count(*), sum(a9), max(x1) FROM t7, t1, t9 WHERE e7 < 4 AND a1 = 3 AND d9 BETWEEN 2 AND 5");
        script.add("SELECT a7, a9 FROM t7, t9 WHERE e7 = 1 AND a9 IS NULL ORDER BY 1");
        script.add("SELECT x1, d9 FROM t1, t9, t7 WHERE a1 = d9 AND d9 IN (3, 5, 8) AND e7 = 5 AND (c9 > 3 OR c9 < 1) ORDER BY 1, 2");
        script.add("SELECT x1, d9 FROM t1, t9 WHERE a1 = d9 AND abs(c9) = 4 AND b9 <> 2 ORDER BY 1, 2");
        script.add("SELECT x1, d9, a7 FROM t7, t1, t9 WHERE a1 = 5 AND d9 = b1 AND e7 = 5 AND c9 IN (3, 4) ORDER BY 1, 2, 3");
        // A correlated subquery: a term reading the outer row is not a filter made once.
        script.add("SELECT a1, (SELECT count(*) FROM t7, t9 WHERE e7 = 2 AND d9 = t1.b1 AND c9 > 2) FROM t1 WHERE c1 < 3 ORDER BY 1, 2");
        script.add("SELECT a1 FROM t1 WHERE EXISTS (SELECT 1 FROM t7, t9 WHERE e7 = 2 AND c9 = 4 AND d9 = t1.b1) ORDER BY 1");
        // A LEFT JOIN's right side is not filtered by the WHERE before its unmatched row.
        script.add("SELECT a7, a9 FROM t7 LEFT JOIN t9 ON b9 = 2 WHERE e7 = 5 AND (a9 IS NULL OR a9 > 3) ORDER BY 1, 2");
        script.add("SELECT a7, a9 FROM t7, t9 LEFT JOIN t1 ON a1 = a9 WHERE e7 = 5 AND d9 = 1 ORDER BY 1, 2");
        // Repeated runs of one statement start from a fresh copy.
        script.add("SELECT a7, b9 FROM t7, t9 WHERE e7 = 3 AND b9 = 1 UNION ALL SELECT a7, b9 FROM t7, t9 WHERE e7 = 3 AND b9 = 1");
        SqliteOracle.differential(script.toArray(String[]::new));
    }

    @Test
    void innerScanReadsItsCopyForEachOuterRow() {
        List<String> ops = opcodes("SELECT a7, b9 FROM t7, t9 WHERE e7 IN (3, 5) AND (d9 = 2 OR 4 = d9)");
        int open = firstOf(ops, "SorterOpen ");
        assertTrue(open > 0 && ops.get(open - 1).startsWith("If "), "the copy is made on first entry only: " + ops);
        String copy = ops.get(open).substring("SorterOpen ".length());
        int build = ops.indexOf("SorterInsert " + copy);
        assertTrue(build > open && ops.subList(open, build).stream().anyMatch(o -> o.startsWith("Rewind ")),
                "the table is scanned to fill the copy: " + ops);
        // After the build, the loop steps through the copy, not the table.
        assertTrue(ops.subList(build, ops.size()).contains("Rewind " + copy), ops.toString());
        assertTrue(ops.subList(build, ops.size()).contains("Next " + copy), ops.toString());
        // No own term: nothing to filter by, the table is scanned as it is.
        assertTrue(opcodes("SELECT a7, b9 FROM t7, t9 WHERE e7 IN (3, 5)").stream().noneMatch(o -> o.startsWith("Sorter")));
    }

    private static int firstOf(List<String> ops, String prefix) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Each instruction of {@code sql}'s program as its opcode name and p1, on a database with {@link #SCHEMA}. */
    private static List<String> opcodes(String sql) {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            for (String s : SCHEMA.split(";")) {
                c.execute(s);
            }
            return ExplainListing.instructions(c, sql).stream().map(row -> row[1] + " " + row[2]).toList();
        }
    }
}
