package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x IN (SELECT …)} as a rowid or index lookup: EXPLAIN QUERY PLAN draws the same tree as
 * sqlite3 3.40's (the loop's SEARCH line, then {@code LIST SUBQUERY n} with the subquery's plan
 * below it, {@code CORRELATED} when it reads an outer loop, or the stored table's rowids or index
 * "FOR IN-OPERATOR"; scalar subqueries and SELECTs without FROM too); and the rows of the cases whose
 * results depend on the lookup (an explicit COLLATE in the subquery's column) are SQLite's.
 */
class InSubqueryPlanTest {
    private static final String SCHEMA = "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c TEXT, d INT, e TEXT COLLATE NOCASE);"
            + "CREATE INDEX tb ON t(b); CREATE INDEX tc ON t(c); CREATE INDEX tdb ON t(d, b); CREATE INDEX te ON t(e DESC);"
            + "CREATE TABLE s(x, y INTEGER, z TEXT); CREATE INDEX sy ON s(y);"
            + "CREATE TABLE r(k INTEGER PRIMARY KEY, v TEXT COLLATE NOCASE, n NUMERIC);"
            + "CREATE TABLE u(x);"
            + "CREATE TABLE v(p, q, r); CREATE INDEX vpq ON v(p, q);";

    private static final String[] QUERIES = {
        // Rowid and index lookups, the subquery's column of any affinity the index can take.
        "SELECT * FROM t WHERE a IN (SELECT x FROM u)",
        "SELECT * FROM t WHERE b IN (SELECT x FROM u)",
        "SELECT * FROM t WHERE rowid IN (SELECT x FROM s)",
        "SELECT * FROM t WHERE c IN (SELECT z FROM s)",
        "SELECT * FROM t WHERE c IN (SELECT v FROM r)",
        "SELECT * FROM t WHERE d IN (SELECT z FROM s WHERE y > 2)",
        "SELECT * FROM t WHERE e IN (SELECT CAST(x AS TEXT) FROM s)",
        "SELECT * FROM t WHERE b IN (SELECT x + 1 FROM s)",
        "SELECT * FROM t WHERE b IN (SELECT DISTINCT x FROM s)",
        "SELECT * FROM t WHERE b IN (SELECT x FROM s WHERE x IN (SELECT z FROM s))",
        "SELECT * FROM t WHERE c IN (SELECT x COLLATE NOCASE FROM s)",
        // Not a lookup: a numeric comparison on an untyped or TEXT index, a collation the index
        // lacks, NOT IN, an expression on the left.
        "SELECT * FROM t WHERE b IN (SELECT y FROM s WHERE z > 'a')",
        "SELECT * FROM t WHERE c IN (SELECT y FROM s WHERE z > 'a')",
        "SELECT * FROM t WHERE b COLLATE NOCASE IN (SELECT x FROM s)",
        "SELECT * FROM t WHERE b NOT IN (SELECT x FROM s)",
        "SELECT * FROM t WHERE b + 0 IN (SELECT x FROM s)",
        "SELECT * FROM t WHERE b IN (SELECT x FROM s WHERE s.y = t.d)",
        // With other terms, in a two-column key, twice.
        "SELECT * FROM t WHERE d = 1 AND b IN (SELECT x FROM s)",
        "SELECT * FROM t WHERE d IN (SELECT y FROM s) AND b = 2",
        "SELECT * FROM t WHERE d IN (SELECT y FROM s) AND b IN (SELECT x FROM s)",
        "SELECT * FROM t WHERE a IN (SELECT y FROM s) AND b IN (SELECT x FROM s)",
        "SELECT * FROM t WHERE b IN (SELECT x FROM s) AND c > 'm'",
        "SELECT b FROM t WHERE b IN (SELECT x FROM s)",
        "SELECT count(*) FROM t WHERE a IN (SELECT y FROM s)",
        // A row value: columns of a key looked up through one list (each column as the first
        // one's comparison allows: sqlite3's rule), or not a lookup.
        "SELECT * FROM t WHERE (d, b) IN (SELECT y, x FROM s)",
        "SELECT * FROM t WHERE (b, d) IN (SELECT x, y FROM s)",
        "SELECT * FROM t WHERE (d, c) IN (SELECT y, z FROM s)",
        "SELECT * FROM t WHERE (d, b) NOT IN (SELECT y, x FROM s)",
        "SELECT * FROM t WHERE (d, b) IN (SELECT x, x FROM s)",
        "SELECT * FROM t WHERE (b, d) IN (SELECT y, x FROM s)",
        "SELECT * FROM v WHERE (p, q) IN (SELECT x, x FROM s)",
        "SELECT * FROM v WHERE (p, q) IN (SELECT x, y FROM s)",
        "SELECT * FROM v WHERE (p, q) IN (SELECT y, x FROM s)",
        "SELECT * FROM v WHERE (q, p) IN (SELECT z, x FROM s)",
        "SELECT * FROM v WHERE (p, r) IN (SELECT x, y FROM s)",
        // ORDER BY yielded by the lookup, forwards and backwards.
        "SELECT * FROM t WHERE b IN (SELECT x FROM s) ORDER BY b",
        "SELECT * FROM t WHERE a IN (SELECT x FROM s) ORDER BY a DESC",
        "SELECT * FROM t WHERE e IN (SELECT z FROM s) ORDER BY e DESC",
        "SELECT * FROM t WHERE b IN (SELECT x FROM s) ORDER BY c",
        // Joins: the IN's table inner or outer, a correlated list, a LEFT JOIN's right side.
        "SELECT * FROM r, t WHERE t.b IN (SELECT x FROM s WHERE s.y = r.n)",
        "SELECT * FROM r, t WHERE t.d IN (SELECT z FROM s) AND t.c = r.v",
        "SELECT * FROM r, t WHERE t.b = r.v AND r.k IN (SELECT y FROM s)",
        "SELECT * FROM r LEFT JOIN t ON t.c IN (SELECT z FROM s) AND t.d = r.n",
        "SELECT * FROM r LEFT JOIN t ON t.b IN (SELECT x FROM s)",
        "SELECT * FROM r WHERE r.k IN (SELECT a FROM t WHERE t.b IN (SELECT x FROM s))",
        // x IN table: x IN (SELECT * FROM table), numbered where the IN is.
        "SELECT * FROM t WHERE b IN u",
        "SELECT * FROM t WHERE a IN u ORDER BY a DESC",
        "SELECT * FROM t WHERE c IN u",
        "SELECT * FROM t WHERE b IN (SELECT x FROM s WHERE x IN u) AND d IN u",
        "SELECT * FROM t WHERE b NOT IN u",
        // No FROM: SCAN CONSTANT ROW (or n ROWS); scalar and EXISTS subqueries nest under their heading.
        "SELECT 1",
        "VALUES (1), (2)",
        "SELECT 1 IN (SELECT x FROM u), 2 IN (SELECT b FROM t)",
        "SELECT * FROM t WHERE b IN (VALUES (1), (2))",
        "SELECT * FROM t WHERE b IN (SELECT 1)",
        "SELECT (SELECT x FROM s WHERE y = 2), EXISTS (SELECT 1 FROM u)",
        "SELECT * FROM t WHERE b = (SELECT x FROM s WHERE s.y = t.d)",
        "SELECT * FROM t WHERE EXISTS (SELECT 1 FROM s WHERE s.x = t.b) AND c IN (SELECT z FROM s WHERE x = (SELECT 1))",
    };

    @TempDir
    Path dir;

    @Test
    void plansDrawSqlite3sTree() throws Exception {
        Path file = dir.resolve("in.db");
        TablesTest.sqlite3(file, SCHEMA);
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            for (String sql : SCHEMA.split(";")) {
                c.execute(sql);
            }
            for (String q : QUERIES) {
                assertEquals(TablesTest.sqlite3(file, "EXPLAIN QUERY PLAN " + q).strip(), tree(c, q), q);
            }
        }
    }

    /**
     * A membership test whose subquery reads one column of one table, unfiltered: probed in
     * that table's rowids or in an index on the column when the affinity and collation allow
     * ("USING … FOR IN-OPERATOR"), else a list is built; either way the rows are SQLite's.
     */
    @Test
    void membershipProbesAStoredIndexAsSqlite3Does() throws Exception {
        String schema = "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c TEXT, d INT, e TEXT COLLATE NOCASE, g);"
                + "CREATE INDEX tb ON t(b); CREATE INDEX tc ON t(c); CREATE INDEX tdb ON t(d, b); CREATE INDEX te ON t(e DESC);"
                + "CREATE INDEX tg ON t(g) WHERE g > 0; CREATE INDEX tc2 ON t(c COLLATE NOCASE);"
                + "CREATE TABLE r(k INTEGER PRIMARY KEY, v TEXT COLLATE NOCASE, n NUMERIC, w TEXT);"
                + "CREATE TABLE one(z TEXT UNIQUE); CREATE TABLE none(z TEXT UNIQUE);";
        String data = "INSERT INTO t(b, c, d, e, g) VALUES (1, 'a', 1, 'A', 1), ('1', 'B', NULL, 'b', 2), (NULL, '2', 2, NULL, NULL),"
                + " (2.0, 'x', '3', 'x', 3);"
                + "INSERT INTO r(v, n, w) VALUES ('a', 1, '1'), ('B', '2', 'b'), (NULL, NULL, NULL), ('x', 2.0, '3'), ('2', 3, 'A');"
                + "INSERT INTO one VALUES ('a'), ('1'), (NULL);";
        String[] queries = {
            "SELECT k, n IN (SELECT b FROM t) FROM r",
            "SELECT k, n NOT IN (SELECT a FROM t) FROM r",
            "SELECT k, w IN (SELECT rowid FROM t) FROM r",
            "SELECT k, w IN (SELECT c FROM t) FROM r",
            "SELECT k, v IN (SELECT c FROM t) FROM r",
            "SELECT k, v IN (SELECT e FROM t) FROM r",
            "SELECT k, w NOT IN (SELECT e FROM t) FROM r",
            "SELECT k, w COLLATE NOCASE IN (SELECT e FROM t) FROM r",
            "SELECT k, n IN (SELECT c FROM t) FROM r",
            "SELECT k, n IN (SELECT d FROM t) FROM r",
            "SELECT k, w IN (SELECT d FROM t) FROM r",
            "SELECT k, n IN (SELECT g FROM t) FROM r",
            "SELECT k, w IN (SELECT t.c FROM t) FROM r",
            "SELECT k, w IN (SELECT c FROM t WHERE a > 1) FROM r",
            "SELECT k, w IN (SELECT DISTINCT c FROM t) FROM r",
            "SELECT k, w IN (SELECT c FROM t LIMIT 2) FROM r",
            "SELECT k, w IN one, w NOT IN one FROM r",
            "SELECT k, v IN (SELECT z FROM one) FROM r",
            // A row value: an index whose first columns are the subquery's, in either order.
            "SELECT k, (n, w) IN (SELECT d, b FROM t), (w, n) IN (SELECT b, d FROM t) FROM r",
            "SELECT k, (n, w) NOT IN (SELECT d, b FROM t), (n, k) IN (SELECT d, b FROM t) FROM r",
            "SELECT k, (n, NULL) IN (SELECT d, b FROM t), (NULL, NULL) NOT IN (SELECT d, b FROM t) FROM r",
            "SELECT k, (n, v) IN (SELECT d, b FROM t), (n, w) IN (SELECT d, c FROM t) FROM r",
            "SELECT k, (n + 0, w || '') IN (SELECT d, b FROM t), (w, w) IN (SELECT b, b FROM t) FROM r",
            // An empty table: false, even for NULL.
            "SELECT k, w IN (SELECT z FROM none), NULL IN (SELECT z FROM none), NULL NOT IN (SELECT rowid FROM none),"
                    + " NULL IN (SELECT z FROM one), NULL IN (SELECT rowid FROM one) FROM r",
            "SELECT k, n + 1 IN (SELECT _rowid_ FROM t), w || '' IN (SELECT c FROM t) FROM r",
        };
        plansAndRowsMatch("member.db", schema + data, queries);
    }

    /**
     * An IN that drives a lookup loop runs through its subquery's table in place when that
     * column is the rowid or has a UNIQUE one-column index the comparison may use ("USING …
     * FOR IN-OPERATOR"; a plain index still means a list): NULLs skipped, in the order the loop
     * wants, backwards for a DESC index or ORDER BY … DESC, again for each outer row of a join.
     */
    @Test
    void lookupLoopsRunThroughAUniqueIndexAsSqlite3Does() throws Exception {
        String schema = "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c TEXT, d INT, e TEXT COLLATE NOCASE);"
                + "CREATE INDEX tb ON t(b); CREATE INDEX tc ON t(c); CREATE INDEX td ON t(d DESC); CREATE INDEX te ON t(e);"
                + "CREATE TABLE u(k INTEGER PRIMARY KEY, x UNIQUE, y TEXT, z INT, w TEXT COLLATE NOCASE, v);"
                + "CREATE UNIQUE INDEX uy ON u(y); CREATE UNIQUE INDEX uz ON u(z DESC); CREATE UNIQUE INDEX uw ON u(w);"
                + "CREATE INDEX uv ON u(v); CREATE UNIQUE INDEX uvk ON u(v, k); CREATE UNIQUE INDEX uyn ON u(y COLLATE NOCASE);"
                + "CREATE TABLE o(p); CREATE TABLE w(k INT PRIMARY KEY, m, n TEXT UNIQUE) WITHOUT ROWID;"
                + "CREATE TABLE w2(k, j, PRIMARY KEY (k, j)) WITHOUT ROWID;";
        String data = "INSERT INTO t(b, c, d, e) VALUES (1, 'a', 1, 'A'), ('1', 'B', NULL, 'b'), (NULL, '2', 2, NULL),"
                + " (2.0, 'x', '3', 'x'), (3, 'b', 3, 'B'), (1, 'a', 1, 'a'), (X'01', 'A', 5, 'y');"
                + "INSERT INTO u(k, x, y, z, w, v) VALUES (1, 1, 'a', 1, 'a', 1), (3, '1', 'b', 3, 'B', 1), (4, NULL, NULL, NULL, NULL, NULL),"
                + " (5, 2, 'x', 2, 'X', 2), (7, NULL, 'Z', 5, NULL, 2), (9, X'01', '2', -1, 'y', 3);"
                + "INSERT INTO o VALUES (1), (2), (3);"
                + "INSERT INTO w VALUES (1, 1, 'a'), (3, '1', 'b'), (-1, NULL, NULL), ('x', 2, 'x'), (5, 'a', '2');"
                + "INSERT INTO w2 VALUES (1, 1), (1, 2), (3, 1), (2.5, 1), ('a', 0);";
        String[] queries = {
            "SELECT * FROM t WHERE b IN (SELECT x FROM u)",
            "SELECT * FROM t WHERE rowid IN (SELECT k FROM u)",
            "SELECT * FROM t WHERE a IN (SELECT rowid FROM u) ORDER BY a DESC",
            "SELECT * FROM t WHERE c IN (SELECT y FROM u)",
            "SELECT * FROM t WHERE c IN (SELECT y FROM u) ORDER BY c DESC",
            "SELECT * FROM t WHERE d IN (SELECT z FROM u)",
            "SELECT * FROM t WHERE d IN (SELECT z FROM u) ORDER BY d",
            "SELECT * FROM t WHERE d IN (SELECT k FROM u) ORDER BY d DESC",
            "SELECT * FROM t WHERE e IN (SELECT w FROM u)",
            "SELECT * FROM t WHERE c IN (SELECT w FROM u)",
            "SELECT * FROM t WHERE b IN (SELECT v FROM u)",
            "SELECT * FROM t WHERE b IN (SELECT y FROM u)",
            "SELECT * FROM t WHERE c IN (SELECT z FROM u)",
            "SELECT * FROM t WHERE b IN (SELECT x FROM u) AND c > 'a'",
            "SELECT * FROM o, t WHERE t.d IN (SELECT z FROM u) AND o.p < 3",
            "SELECT * FROM o LEFT JOIN t ON t.b IN (SELECT x FROM u) AND t.d = o.p",
            "SELECT * FROM t WHERE a IN (SELECT k FROM u) AND c IN (SELECT y FROM u)",
            "SELECT * FROM t WHERE b IN o",
            // A row value: the columns the lookup uses, through an index UNIQUE over them.
            "SELECT * FROM t WHERE (d, c) IN (SELECT z, y FROM u)",
            "SELECT a, (b, a) IN (SELECT x, k FROM u), (a, b) NOT IN (SELECT k, x FROM u) FROM t",
            // A WITHOUT ROWID table: its primary key (when of one column) and UNIQUE indexes.
            "SELECT * FROM t WHERE d IN (SELECT k FROM w) ORDER BY d",
            "SELECT * FROM t WHERE c IN (SELECT n FROM w)",
            "SELECT * FROM t WHERE b IN (SELECT m FROM w)",
            "SELECT * FROM t WHERE b IN (SELECT k FROM w2)",
            "SELECT a, b IN (SELECT k FROM w), c NOT IN (SELECT n FROM w), b IN (SELECT k FROM w2) FROM t",
            "SELECT * FROM t WHERE a IN o ORDER BY a DESC",
        };
        plansAndRowsMatch("loop.db", schema + data, queries);
    }

    /**
     * Runs {@code script} on sqlite3 (in file {@code name}), sqlite-jdbc and turso4j, then each
     * query: its plan as sqlite3 3.40 draws it, and its rows as sqlite-jdbc returns them.
     */
    private void plansAndRowsMatch(String name, String script, String[] queries) throws Exception {
        Path file = dir.resolve(name);
        TablesTest.sqlite3(file, script);
        try (Database db = Database.open(":memory:"); Connection c = db.connect();
                SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : script.split(";")) {
                c.execute(sql);
                oracle.sqlite(sql);
                oracle.turso(sql);
            }
            for (String q : queries) {
                assertEquals(TablesTest.sqlite3(file, "EXPLAIN QUERY PLAN " + q).strip(), tree(c, q), q);
                assertEquals(oracle.sqlite(q), oracle.turso(q), q);
            }
        }
    }

    /** turso4j's plan drawn as sqlite3's shell draws one (its rows are id, parent, notused, detail). */
    private static String tree(Connection c, String q) {
        Map<Integer, List<String[]>> children = new HashMap<>();
        for (String row : TablesTest.rows(c, "EXPLAIN QUERY PLAN " + q)) {
            String[] f = row.split("\\|", 4);
            children.computeIfAbsent(Integer.parseInt(f[1].trim()), k -> new ArrayList<>()).add(f);
        }
        StringBuilder out = new StringBuilder("QUERY PLAN");
        draw(children, 0, "", out);
        return out.toString();
    }

    private static void draw(Map<Integer, List<String[]>> children, int parent, String indent, StringBuilder out) {
        List<String[]> rows = children.getOrDefault(parent, List.of());
        for (int i = 0; i < rows.size(); i++) {
            boolean last = i == rows.size() - 1;
            out.append('\n').append(indent).append(last ? "`--" : "|--").append(rows.get(i)[3]);
            draw(children, Integer.parseInt(rows.get(i)[0].trim()), indent + (last ? "   " : "|  "), out);
        }
    }

    /**
     * An explicit COLLATE in the subquery's column: SQLite's lookup merges the list's values by
     * it but finds each under the index's collation; its scan compares by it. Each query here
     * has one plan, on either engine. (Not with an ORDER BY on the column: SQLite then takes the
     * list's order for the index's and returns 'a' before 'B'; turso4j sorts.)
     */
    @Test
    void explicitCollationsGiveSqlitesRows() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, c TEXT, f)",
                "CREATE INDEX tc ON t(c)",
                "CREATE TABLE s(x)",
                "INSERT INTO t(c, f) VALUES ('a', 'a'), ('A', 'A'), ('b', 'b'), ('B', 'B'), ('1', 1), ('c', 'C')",
                "INSERT INTO s VALUES ('A'), ('a'), ('b'), ('B'), (1), ('C')",
                "SELECT c FROM t WHERE c IN (SELECT x COLLATE NOCASE FROM s)",
                "SELECT c FROM t WHERE c IN (SELECT DISTINCT x COLLATE NOCASE FROM s)",
                "SELECT c FROM t WHERE c IN (SELECT x COLLATE NOCASE FROM s ORDER BY 1 DESC)",
                "SELECT f FROM t WHERE f IN (SELECT x COLLATE NOCASE FROM s)",
                "SELECT f FROM t WHERE f COLLATE BINARY IN (SELECT x COLLATE NOCASE FROM s)",
                "SELECT c FROM t WHERE c COLLATE NOCASE IN (SELECT x FROM s)",
                "SELECT c FROM t WHERE c NOT IN (SELECT x COLLATE NOCASE FROM s)");
    }
}
