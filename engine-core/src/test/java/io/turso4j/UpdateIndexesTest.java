package io.turso4j;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An UPDATE maintains only the indexes it can change, as SQLite's does: one that assigns
 * column c touches the entries of indexes over c (and of partial, expression and generated
 * column indexes, which we keep conservatively), never those of an index over b alone. The
 * shape is read from EXPLAIN (which cursors see IdxDelete and IdxInsert); the results, the
 * uniqueness errors and the integrity check are compared with SQLite's.
 */
class UpdateIndexesTest {
    private static final String[] SETUP = {
        "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c, d, g AS (d * 2))",
        "CREATE INDEX tb ON t(b)",
        "CREATE UNIQUE INDEX tc ON t(c)",
        "CREATE INDEX tp ON t(b) WHERE c > 5",
        "CREATE INDEX te ON t(b + 1)",
        "CREATE INDEX tg ON t(g)",
        "INSERT INTO t(a, b, c, d) VALUES (1, 1, 1, 1), (2, 2, 2, 2), (3, 3, 30, 3), (4, 4, 40, 4)",
    };

    /** The indexes whose entries {@code update} deletes or inserts, by name. */
    private static Set<String> touched(Connection c, String update) {
        Set<Integer> cursors = new HashSet<>();
        java.util.Map<Integer, String> opened = new java.util.HashMap<>();
        java.util.Map<Integer, String> roots = new java.util.HashMap<>();
        try (Statement s = c.prepare("SELECT rootpage, name FROM sqlite_schema WHERE type = 'index'")) {
            while (s.next()) {
                roots.put((int) s.getLong(0), s.getText(1));
            }
        }
        try (Statement s = c.prepare("EXPLAIN " + update)) {
            while (s.next()) {
                String op = s.getText(1);
                int p1 = (int) s.getLong(2);
                if (op.equals("OpenWrite") && roots.containsKey((int) s.getLong(3))) {
                    opened.put(p1, roots.get((int) s.getLong(3)));
                } else if (op.equals("IdxDelete") || op.equals("IdxInsert")) {
                    cursors.add(p1);
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (int cursor : cursors) {
            if (opened.containsKey(cursor)) {
                names.add(opened.get(cursor));
            }
        }
        return names;
    }

    @Test
    void anUpdateTouchesOnlyTheIndexesItCanChange() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SETUP) {
                oracle.turso(sql);
            }
            Connection c = oracle.connection();
            // tp (partial), te (expression) and tg (generated) are kept whatever is assigned
            assertEquals(Set.of("tp", "te", "tg"), touched(c, "UPDATE t SET d = d"));
            assertEquals(Set.of("tc", "tp", "te", "tg"), touched(c, "UPDATE t SET c = c + 1"));
            assertEquals(Set.of("tb", "tp", "te", "tg"), touched(c, "UPDATE t SET b = 7 WHERE a = 2"));
            // a new rowid moves every entry
            assertEquals(Set.of("tb", "tc", "tp", "te", "tg"), touched(c, "UPDATE t SET a = a + 10"));
        }
    }

    @Test
    void resultsErrorsAndIndexesAsSqlite() throws SQLException {
        SqliteOracle.differential(SETUP,
                "UPDATE t SET d = d + 1",
                "UPDATE t SET c = 2 WHERE a = 1",
                "UPDATE OR REPLACE t SET c = 2 WHERE a = 1",
                "UPDATE t SET b = b * 10, d = 0 WHERE a > 2",
                "UPDATE OR IGNORE t SET c = 40, d = 9",
                "UPDATE t SET a = a + 100 WHERE a = 3",
                "SELECT * FROM t ORDER BY a",
                "SELECT b, a FROM t INDEXED BY tb WHERE b > 0",
                "SELECT c, a FROM t INDEXED BY tc WHERE c > 0",
                "SELECT g, a FROM t INDEXED BY tg WHERE g >= 0",
                "PRAGMA integrity_check");
    }
}
