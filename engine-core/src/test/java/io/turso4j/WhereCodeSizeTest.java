package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The size of a WHERE clause's code: a constant IN list tested as a condition jumps on its
 * lookup (no result register set and tested, no NULL checks on literal values), and a deeply
 * nested AND/OR tree compiles to code that grows linearly with the tree, as SQLite's does.
 */
class WhereCodeSizeTest {

    @Test
    void constantInListJumpsOnItsLookup() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER, b REAL)");
            List<String> ops = ExplainListing.opcodes(c, "SELECT a FROM t WHERE a IN (4, 8, 1, 9, -6) OR b > 5");
            for (String op : List.of("NotNull", "If", "IfNot", "Null")) {
                assertTrue(!ops.contains(op), op + " in " + ops);
            }
            assertEquals(5, ops.stream().filter("IdxInsert"::equals).count(), ops.toString());
            assertEquals(1, ops.stream().filter("Found"::equals).count(), ops.toString());
            // A value that may be NULL keeps the NULL bookkeeping (x NOT IN (…, NULL) is never true).
            List<String> withNull = ExplainListing.opcodes(c, "SELECT a FROM t WHERE a NOT IN (4, 8, NULL)");
            assertEquals(1, withNull.stream().filter("NotNull"::equals).count(), withNull.toString());
            assertEquals(1, withNull.stream().filter("IfNot"::equals).count(), withNull.toString());
        }
    }

    /** A WHERE of nested ANDs and ORs {@code depth} levels deep, with every kind of leaf term. */
    private static String nested(int depth) {
        String e = "a = 1";
        for (int i = 0; i < depth; i++) {
            String leaf = switch (i % 4) {
                case 0 -> "a IN (" + i + ", " + (i + 1) + ", " + (i + 2) + ")";
                case 1 -> "b > " + i + ".5";
                case 2 -> "a BETWEEN " + i + " AND " + (i + 9);
                default -> "b IS NULL";
            };
            e = "(" + e + (i % 2 == 0 ? " OR " : " AND ") + leaf + " AND a < " + (i + 3) + ")";
        }
        return "SELECT a FROM t WHERE " + e;
    }

    @Test
    void nestedWhereCodeGrowsLinearly() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER, b REAL)");
            c.execute("CREATE INDEX ta ON t(a)");
            c.execute("CREATE INDEX tb ON t(b)");
            int small = ExplainListing.opcodes(c, nested(12)).size();
            int large = ExplainListing.opcodes(c, nested(48)).size();
            // Four times the terms: about four times the code, never a multiple of it per level.
            assertTrue(large < 4.5 * small, small + " instructions at depth 12, " + large + " at depth 48");
            assertTrue(large > 3 * small, small + " instructions at depth 12, " + large + " at depth 48");
        }
    }
}
