package io.turso4j.storage.integrity;

/** sqlite3 scripts that build databases of the shapes the tests check and damage. */
final class Shapes {
    private Shapes() {}

    /**
     * A table with an index (interior pages at small page sizes), rows whose payload spills to
     * overflow chains, a table with deleted rows (a freelist when not auto-vacuumed), a
     * WITHOUT ROWID table, a trigger and optionally a view (schema rows without a tree).
     *
     * <p>Why the view is optional: sqlite3 3.40 puts a view's root page 0 into the root array
     * of its integrity check, and when the view comes first in its schema hash table that 0
     * marks the check "partial" (no freelist, no unused pages), hiding most damage.
     */
    static String mixed(int pageSize, String autoVacuum, int rows, boolean view) {
        return "PRAGMA page_size=" + pageSize + ";\n"
                + "PRAGMA auto_vacuum=" + autoVacuum + ";\n"
                + "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c TEXT);\n"
                + "CREATE INDEX t_b ON t(b);\n"
                + "CREATE INDEX t_c ON t(c COLLATE NOCASE DESC);\n"
                + "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM n WHERE x<" + rows + ")\n"
                + "  INSERT INTO t SELECT x, randomblob(20 + x % 50), printf('row %d', x * 7 % 1000) FROM n;\n"
                + "INSERT INTO t VALUES(100000, randomblob(" + (3 * pageSize) + "), 'big');\n"
                + "INSERT INTO t VALUES(100001, zeroblob(" + (pageSize / 2) + "), 'x' || hex(randomblob("
                + (pageSize / 2) + ")));\n"
                + "CREATE TABLE u(x);\n"
                + "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM n WHERE x<" + rows / 4 + ")\n"
                + "  INSERT INTO u SELECT randomblob(" + (pageSize / 3) + ") FROM n;\n"
                + "DELETE FROM u WHERE rowid % 3 = 0 OR rowid BETWEEN 10 AND " + (10 + rows / 10) + ";\n"
                + "DELETE FROM t WHERE a % 11 = 0;\n"
                + "CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID;\n"
                + "INSERT INTO w SELECT 'key' || a, a FROM t WHERE a < 150;\n"
                + (view ? "CREATE VIEW v AS SELECT a FROM t;\n" : "")
                + "CREATE TRIGGER tr AFTER INSERT ON u BEGIN SELECT 1; END;\n";
    }
}
