package io.turso4j;


import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPLAIN QUERY PLAN for ORDER BY served by an index or the rowid (no "USE TEMP B-TREE FOR
 * ORDER BY"), forwards and backwards, for an OR of equalities looked up as an IN, and for
 * min()/max() read as the first row of an index: the lines must be sqlite3 3.40's.
 */
class OrderPlanExplainTest {
    private static final String SCHEMA = "CREATE TABLE t(a INTEGER, b TEXT COLLATE NOCASE, c);"
            + "CREATE INDEX ta ON t(a); CREATE INDEX tbc ON t(b, c DESC);"
            + "CREATE TABLE u(id INTEGER PRIMARY KEY, x, y);";

    private static final String[] QUERIES = {
        "SELECT * FROM t ORDER BY a",
        "SELECT * FROM t ORDER BY a DESC",
        "SELECT * FROM t ORDER BY a DESC LIMIT 3",
        "SELECT a FROM t ORDER BY a DESC",
        "SELECT * FROM t WHERE a > 1 ORDER BY a DESC",
        "SELECT * FROM t WHERE a >= 1 AND a < 9 ORDER BY a",
        "SELECT * FROM t ORDER BY b, c DESC",
        "SELECT * FROM t ORDER BY b DESC, c",
        "SELECT * FROM t ORDER BY b COLLATE BINARY",
        "SELECT * FROM t WHERE b = 'y' ORDER BY c",
        "SELECT * FROM t ORDER BY c",
        "SELECT * FROM u ORDER BY id DESC",
        "SELECT * FROM u WHERE id > 5 ORDER BY id DESC",
        "SELECT * FROM u ORDER BY rowid",
        "SELECT * FROM u ORDER BY x",
        "SELECT * FROM t WHERE a = 1 OR a = 2",
        "SELECT * FROM t WHERE a = 1 OR 2 = a OR a = 3",
        "SELECT * FROM u WHERE id = 1 OR id = 2",
        "SELECT * FROM t WHERE a = 1 OR c = 2",
        "SELECT min(a) FROM t",
        "SELECT max(a), c FROM t",
        "SELECT max(a) FROM t WHERE c > 1",
        "SELECT min(a) FROM t WHERE a > 5",
        "SELECT max(rowid) FROM t",
        "SELECT min(id) FROM u",
        "SELECT min(c) FROM t",
        "SELECT count(*) FROM t",
    };

    @TempDir
    Path dir;

    @Test
    void plansReadAsSqlite3s() throws Exception {
        ExplainQueryPlanTest.assertPlansMatch(dir.resolve("eqp.db"), SCHEMA, QUERIES);
    }
}
