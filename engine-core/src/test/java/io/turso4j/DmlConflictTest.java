package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * INSERT, UPDATE and DELETE with conflict resolution, CHECK, DEFAULT, row values, RETURNING and
 * UPSERT: each statement runs on SQLite (sqlite-jdbc) and turso4j, and its rows or error must
 * be the same; {@code changes()}, {@code last_insert_rowid()} and the table contents are
 * compared after each change.
 */
class DmlConflictTest {

    /** Each statement on both engines, followed by the counters; results must be the same. */
    static void differential(String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : script) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
                String counters = "SELECT changes(), total_changes(), last_insert_rowid()";
                assertEquals(oracle.sqlite(counters), oracle.turso(counters), "counters after " + sql);
            }
        }
    }

    @Test
    void insertOrClauses() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a UNIQUE, b NOT NULL DEFAULT 'dflt', c)",
                "INSERT INTO t VALUES (1, 'x', 'b1', 1), (2, 'y', 'b2', 2), (3, 'z', 'b3', 3)",
                "INSERT OR IGNORE INTO t VALUES (1, 'q', 'b', 0), (4, 'x', 'b', 0), (5, 'w', NULL, 0), (6, 'v', 'b6', 6)",
                "SELECT * FROM t",
                "INSERT OR REPLACE INTO t VALUES (2, 'x', 'r', 9)",
                "SELECT * FROM t",
                "REPLACE INTO t(a, b) VALUES ('y', 'again'), ('v', 'again2')",
                "SELECT * FROM t",
                "INSERT OR REPLACE INTO t VALUES (7, 'n', NULL, 1)",
                "INSERT OR FAIL INTO t VALUES (8, 'f1', 'b', 1), (9, 'f2', 'b', 2), (10, 'x', 'b', 3), (11, 'f3', 'b', 4)",
                "SELECT * FROM t",
                "INSERT OR ABORT INTO t VALUES (12, 'a1', 'b', 1), (13, 'x', 'b', 3)",
                "SELECT * FROM t",
                "INSERT OR ROLLBACK INTO t VALUES (14, 'r1', 'b', 1), (15, 'x', 'b', 3)",
                "SELECT * FROM t",
                "INSERT INTO t VALUES (2, 'zz', 'b', 0)",
                "INSERT OR IGNORE INTO t VALUES (2, 'zz', 'b', 0)",
                "INSERT OR REPLACE INTO t VALUES (3, 'x', 'both', 0)",
                "SELECT * FROM t ORDER BY a");
    }

    @Test
    void failAndRollbackInsideTransaction() throws SQLException {
        differential(
                "CREATE TABLE t(a UNIQUE, b)",
                "INSERT INTO t VALUES (1, 1), (5, 5)",
                "BEGIN",
                "INSERT INTO t VALUES (2, 2)",
                "INSERT OR FAIL INTO t VALUES (3, 3), (5, 0), (4, 4)",
                "SELECT * FROM t",
                "UPDATE OR FAIL t SET a = a + 1",
                "SELECT * FROM t",
                "INSERT OR ABORT INTO t VALUES (7, 7), (5, 0)",
                "SELECT * FROM t",
                "COMMIT",
                "SELECT * FROM t",
                "BEGIN",
                "INSERT INTO t VALUES (8, 8)",
                "INSERT OR ROLLBACK INTO t VALUES (9, 9), (5, 0)",
                "SELECT * FROM t",
                "COMMIT",
                "ROLLBACK");
    }

    @Test
    void constraintClausesInCreateTable() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY ON CONFLICT REPLACE, b UNIQUE ON CONFLICT IGNORE, "
                        + "c NOT NULL ON CONFLICT REPLACE DEFAULT 42, d NOT NULL ON CONFLICT IGNORE, e TEXT)",
                "INSERT INTO t VALUES (1, 'one', 1, 1, 1), (2, 'two', NULL, 2, 2.5)",
                "INSERT INTO t VALUES (1, 'uno', 3, 3, 'x')",
                "INSERT INTO t VALUES (5, 'two', 3, 3, 'x')",
                "INSERT INTO t VALUES (6, 'six', 3, NULL, 'x')",
                "SELECT *, typeof(e) FROM t",
                "INSERT OR ABORT INTO t VALUES (1, 'uno', 3, 3, 'x')",
                "UPDATE t SET c = NULL WHERE a = 1",
                "UPDATE t SET b = 'uno' WHERE a = 2",
                "UPDATE t SET d = NULL",
                "SELECT * FROM t",
                "CREATE TABLE u(x PRIMARY KEY ON CONFLICT FAIL, y UNIQUE ON CONFLICT ROLLBACK, z CHECK (z > 0))",
                "INSERT INTO u VALUES (1, 1, 1), (2, 2, 2)",
                "INSERT INTO u VALUES (3, 3, 3), (1, 9, 9)",
                "SELECT * FROM u",
                "BEGIN",
                "INSERT INTO u VALUES (10, 10, 10)",
                "INSERT INTO u VALUES (11, 1, 1)",
                "SELECT * FROM u",
                "INSERT INTO u VALUES (12, 12, 0)",
                "INSERT OR IGNORE INTO u VALUES (12, 12, 0)",
                "INSERT OR REPLACE INTO u VALUES (1, 12, 5)",
                "SELECT * FROM u ORDER BY x");
    }

    @Test
    void checkDefaultAndAffinity() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER CHECK (typeof(a) = 'integer'), b REAL DEFAULT (1 + 1), "
                        + "c TEXT DEFAULT 'x' CHECK( length(c)  <  5 ), d NUMERIC DEFAULT -3, "
                        + "CONSTRAINT positive CHECK (a > 0), e BLOB DEFAULT x'ab', f DEFAULT CURRENT_DATE IS NOT NULL)",
                "INSERT INTO t(a) VALUES ('7')",
                "INSERT INTO t(a, c) VALUES (8, 'toolong')",
                "INSERT INTO t(a) VALUES (-1)",
                "INSERT INTO t(a) VALUES ('abc')",
                "INSERT INTO t(c, a) VALUES ('ok', 9), ('k', '10')",
                "INSERT INTO t(a, d) VALUES (11, '12.0'), (12, '1e3'), (13, 'x')",
                "SELECT a, typeof(a), b, typeof(b), c, d, typeof(d), e, f FROM t",
                "UPDATE t SET a = 0 WHERE a = 7",
                "UPDATE OR IGNORE t SET a = a - 8",
                "SELECT a FROM t",
                "CREATE TABLE ts(a, t DEFAULT CURRENT_TIMESTAMP)",
                "INSERT INTO ts(a) VALUES (1)",
                "SELECT a, length(t) FROM ts");
    }

    @Test
    void primaryKeyNotInteger() throws SQLException {
        differential(
                "CREATE TABLE t(k TEXT PRIMARY KEY, v)",
                "INSERT INTO t VALUES ('a', 1), ('b', 2)",
                "INSERT INTO t VALUES ('a', 3)",
                "INSERT OR REPLACE INTO t VALUES ('a', 4)",
                "UPDATE t SET v = v RETURNING rowid, *",
                "CREATE TABLE p(x, y, PRIMARY KEY (x, y))",
                "INSERT INTO p VALUES (1, 1), (1, 2), (NULL, 1), (NULL, 1)",
                "INSERT INTO p VALUES (1, 2)",
                "UPDATE p SET y = 2 WHERE y = 1 AND x = 1",
                "SELECT * FROM p ORDER BY 1, 2");
    }

    @Test
    void updateRowidAndRowValues() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a, b UNIQUE)",
                "INSERT INTO t VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)",
                "UPDATE t SET id = id + 10 WHERE id = 2",
                "SELECT * FROM t",
                "UPDATE t SET id = 1 WHERE id = 3",
                "UPDATE OR REPLACE t SET id = 1 WHERE id = 3",
                "SELECT * FROM t",
                "UPDATE t SET id = NULL",
                "UPDATE t SET id = 'x'",
                "UPDATE t SET (a, b) = ('z', b + 1)",
                "UPDATE t SET (a, b) = (1, 2, 3)",
                "SELECT * FROM t",
                "UPDATE t SET rowid = 100 WHERE a = 'z' AND b = 11",
                "UPDATE t SET a = a RETURNING rowid, *",
                "UPDATE OR REPLACE t SET b = 31",
                "SELECT * FROM t",
                "CREATE TABLE n(a, b)",
                "INSERT INTO n(b, a) VALUES (1, 2), (3, 4)",
                "UPDATE n SET rowid = rowid + 5",
                "UPDATE n SET a = a RETURNING rowid, a, b",
                "INSERT INTO n(rowid, a) VALUES (3, 'r')",
                "INSERT INTO n(oid, a) VALUES (3, 'r')",
                "UPDATE n SET a = a RETURNING rowid, a, b");
    }

    @Test
    void insertSelectFromSameTable() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a UNIQUE, b)",
                "CREATE INDEX tb ON t(b)",
                "INSERT INTO t(a, b) VALUES (1, 'x'), (2, 'y')",
                "INSERT INTO t(a, b) SELECT a + 10, b || b FROM t",
                "INSERT INTO t(a, b) SELECT a + 100, b FROM t WHERE b > 'x' ORDER BY a DESC",
                "INSERT INTO t SELECT * FROM t",
                "INSERT OR IGNORE INTO t(a, b) SELECT a, b FROM t",
                "INSERT OR REPLACE INTO t(a, b) SELECT a, 'r' FROM t WHERE a < 50",
                "SELECT * FROM t ORDER BY id",
                "WITH c(x) AS (SELECT 7) INSERT INTO t(a) SELECT x FROM c",
                "SELECT count(*), max(id) FROM t");
    }

    @Test
    void returning() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a, b DEFAULT 'd')",
                "INSERT INTO t(a) VALUES (1), (2) RETURNING *",
                "INSERT INTO t(a) VALUES (3) RETURNING id, a * 2, b AS bee, rowid",
                "UPDATE t SET a = a + 10 WHERE id > 1 RETURNING a, id",
                "DELETE FROM t WHERE id = 1 RETURNING *, 'gone'",
                "INSERT INTO t(a) SELECT a FROM t RETURNING t.*",
                "SELECT * FROM t");
    }

    @Test
    void updateAndDeleteOrderByLimit() throws SQLException {
        differential(
                "CREATE TABLE t(a UNIQUE, b)",
                "INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'x'), (4, 'z'), (5, 'y'), (6, NULL)",
                "DELETE FROM t ORDER BY a LIMIT 1",
                "DELETE FROM t ORDER BY a",
                "UPDATE t SET b = 'q' LIMIT 1",
                "UPDATE t SET b = 'w' ORDER BY b DESC, a LIMIT 2 OFFSET 1 RETURNING *",
                "UPDATE t SET a = a + 1 ORDER BY a DESC LIMIT -1",
                "UPDATE t SET a = a + 1 ORDER BY a LIMIT 10",
                "DELETE FROM t WHERE a > 3 ORDER BY b COLLATE NOCASE LIMIT 1, 1 RETURNING a",
                "DELETE FROM t LIMIT 'x'",
                "SELECT * FROM t");
    }

    @Test
    void upsert() throws SQLException {
        differential(
                "CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER, n INTEGER DEFAULT 0, u UNIQUE)",
                "INSERT INTO kv(k, v, u) VALUES ('a', 1, 'ua'), ('b', 2, 'ub')",
                "INSERT INTO kv(k, v) VALUES ('a', 10) ON CONFLICT (k) DO UPDATE SET v = v + excluded.v, n = n + 1",
                "INSERT INTO kv(k, v) VALUES ('a', 10), ('c', 3) ON CONFLICT DO NOTHING",
                "INSERT INTO kv(k, v) VALUES ('b', 5) ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE excluded.v > v",
                "INSERT INTO kv(k, v) VALUES ('b', 1) ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE excluded.v > v",
                "SELECT * FROM kv ORDER BY k",
                "INSERT INTO kv(k, v, u) VALUES ('z', 0, 'ua') ON CONFLICT (k) DO NOTHING",
                "INSERT INTO kv(k, v, u) VALUES ('z', 0, 'ua') ON CONFLICT (u) DO UPDATE SET v = -1 "
                        + "ON CONFLICT (k) DO NOTHING",
                "INSERT INTO kv(k, v, u) VALUES ('b', 0, 'ua') ON CONFLICT (u) DO UPDATE SET v = -2 "
                        + "ON CONFLICT (k) DO UPDATE SET v = -3",
                "INSERT INTO kv(k, v, u) VALUES ('q', 0, 'ub') ON CONFLICT (k) DO NOTHING ON CONFLICT DO UPDATE SET n = 99",
                "INSERT INTO kv(k, v) VALUES ('a', 0) ON CONFLICT (v) DO NOTHING",
                "INSERT INTO kv(k, v) VALUES ('a', 0) ON CONFLICT (k) DO UPDATE SET u = 'ub'",
                "INSERT INTO kv(k, v) VALUES ('a', 7) ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING *",
                "SELECT * FROM kv ORDER BY k",
                "CREATE TABLE c(id INTEGER PRIMARY KEY, hits)",
                "INSERT INTO c VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET hits = hits + 1",
                "INSERT INTO c VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET hits = hits + 1",
                "INSERT INTO c VALUES (1, 1) ON CONFLICT (rowid) DO UPDATE SET id = 5, hits = excluded.hits + 10",
                "INSERT INTO c SELECT id, 0 FROM c WHERE true ON CONFLICT DO UPDATE SET hits = hits * 2",
                "SELECT * FROM c");
    }

    @Test
    void updateFrom() throws SQLException {
        differential(
                "CREATE TABLE inv(item TEXT PRIMARY KEY, qty INTEGER)",
                "CREATE TABLE sales(item TEXT, n INTEGER)",
                "INSERT INTO inv VALUES ('a', 10), ('b', 20), ('c', 30)",
                "INSERT INTO sales VALUES ('a', 1), ('b', 5), ('z', 9)",
                "UPDATE inv SET qty = qty - sales.n FROM sales WHERE sales.item = inv.item",
                "SELECT * FROM inv ORDER BY item",
                "UPDATE inv SET qty = s.total FROM (SELECT item, sum(n) * 100 AS total FROM sales GROUP BY item) AS s "
                        + "WHERE s.item = inv.item AND inv.qty > 10 RETURNING item, qty",
                "UPDATE inv AS i SET qty = 0 FROM sales WHERE sales.n > 100",
                "SELECT * FROM inv ORDER BY item");
    }

    @Test
    void autoincrementAndFullRowids() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, b UNIQUE)",
                "SELECT type, name, tbl_name, sql FROM sqlite_schema",
                "INSERT INTO t(b) VALUES (1), (2)",
                "DELETE FROM t",
                "INSERT INTO t(b) VALUES (3)",
                "SELECT * FROM t",
                "SELECT * FROM sqlite_sequence",
                "INSERT INTO t VALUES (100, 4)",
                "INSERT OR IGNORE INTO t VALUES (200, 3)",
                "INSERT INTO t(b) VALUES (5)",
                "SELECT * FROM sqlite_sequence",
                "INSERT INTO t VALUES (300, 3)",
                "SELECT * FROM sqlite_sequence",
                "CREATE TABLE u(id INTEGER PRIMARY KEY AUTOINCREMENT, x)",
                "INSERT INTO u(x) VALUES ('u')",
                "UPDATE sqlite_sequence SET seq = 50 WHERE name = 'u'",
                "INSERT INTO u(x) VALUES ('v') RETURNING id",
                "SELECT * FROM sqlite_sequence ORDER BY name",
                "INSERT INTO t VALUES (9223372036854775807, 6)",
                "INSERT INTO t(b) VALUES (7)",
                "SELECT count(*) FROM t");
    }

    /** Past the largest rowid a table without AUTOINCREMENT takes random free ones (unlike the oracle's). */
    @Test
    void randomRowidsPastTheLargest() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : new String[] {"CREATE TABLE r(id INTEGER PRIMARY KEY, b)",
                "INSERT INTO r VALUES (9223372036854775807, 1)", "INSERT INTO r(b) VALUES (2), (3)",
                "SELECT count(*), count(DISTINCT id), min(id) > 0, changes() FROM r",
                "SELECT last_insert_rowid() IN (SELECT id FROM r WHERE b = 3)"}) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    @Test
    void strictTables() throws SQLException {
        differential(
                "CREATE TABLE s(a INT NOT NULL, b REAL, c TEXT, d BLOB, e ANY, f INTEGER CHECK (f > 0)) STRICT",
                "INSERT INTO s VALUES (1, 2, 'x', x'00', 1.5, '7')",
                "INSERT INTO s VALUES (2, '2.5', 3, x'01', '12', 8)",
                "SELECT a, typeof(a), b, typeof(b), c, typeof(c), typeof(d), e, typeof(e), f, typeof(f) FROM s",
                "INSERT INTO s(a) VALUES ('abc')",
                "INSERT INTO s(a) VALUES (1.5)",
                "INSERT INTO s(a, b) VALUES (1, 'x')",
                "INSERT INTO s(a, d) VALUES (1, 1)",
                "INSERT INTO s(a, c) VALUES (1, x'01')",
                "INSERT INTO s(a, f) VALUES (NULL, 'x')",
                "INSERT INTO s(a, f) VALUES (1, 'x')",
                "INSERT OR IGNORE INTO s(a, f) VALUES (1, 'x')",
                "INSERT OR IGNORE INTO s(a, f) VALUES (1, -1)",
                "UPDATE s SET b = 'q'",
                "UPDATE s SET e = x'ff', c = 5 RETURNING typeof(e), typeof(c)",
                "SELECT count(*) FROM s");
    }

    @Test
    void withClauses() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, v)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO t SELECT i, i * i FROM n",
                "WITH big(id) AS (SELECT id FROM t WHERE v > 50) DELETE FROM t WHERE id IN (SELECT * FROM big) RETURNING id",
                "WITH big(id) AS (SELECT id FROM t WHERE v > 20) DELETE FROM t WHERE id IN (SELECT id FROM big)",
                "WITH m(x) AS (SELECT max(v) FROM t) UPDATE t SET v = (SELECT x FROM m) - v",
                "WITH c(k) AS (VALUES (2)) INSERT INTO t VALUES ((SELECT k FROM c), 0) ON CONFLICT DO UPDATE SET v = -1",
                "SELECT * FROM t");
    }

    @Test
    void edgeCases() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a, b NOT NULL ON CONFLICT REPLACE DEFAULT 'bd')",
                "INSERT INTO t(a, a, b) VALUES (1, 2, 'x')",
                "UPDATE t SET a = 1, a = 2",
                "SELECT * FROM t",
                "INSERT INTO t DEFAULT VALUES",
                "INSERT INTO t DEFAULT VALUES RETURNING id, b",
                "UPDATE OR ABORT t SET b = NULL WHERE id = 1",
                "UPDATE t SET b = NULL WHERE id = 1 RETURNING *",
                "INSERT INTO t(a) SELECT 1, 2",
                "INSERT INTO t SELECT 1",
                "INSERT INTO sqlite_master VALUES (1, 2, 3, 4, 5)",
                "DELETE FROM sqlite_schema",
                "UPDATE sqlite_master SET name = 'x'",
                "INSERT INTO t(id) VALUES (1.0), ('2'), (' 3 ')",
                "INSERT INTO t(id) VALUES (4.5)",
                "INSERT INTO t(id) VALUES (x'01')",
                "INSERT INTO t(rowid, id) VALUES (50, 51)",
                "INSERT INTO t(id, rowid) VALUES (60, 61)",
                "SELECT * FROM t",
                "INSERT INTO t(nope) VALUES (1)",
                "UPDATE t SET nope = 1",
                "UPDATE t SET a = nope",
                "DELETE FROM t WHERE nope",
                "INSERT INTO t VALUES (1, 2, 3) RETURNING nope",
                "INSERT INTO t(a) VALUES (5) RETURNING count(*)",
                "UPDATE t AS x SET a = x.a + 1 WHERE x.id = 1 RETURNING x.a, a",
                "DELETE FROM t AS x WHERE x.id > 10 RETURNING x.id",
                "DELETE FROM main.t WHERE id = 1",
                "INSERT INTO main.t(a) VALUES (9)",
                "INSERT INTO temp.t(a) VALUES (9)",
                "SELECT * FROM t");
    }

    /** A one-pass UPDATE changes rows in its index's order, a two-pass one in rowid order: conflicts show which. */
    @Test
    void updateOrder() throws SQLException {
        differential(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a UNIQUE, b, d, UNIQUE (b, d))",
                "INSERT INTO t VALUES (1, 5, 'x', 1), (2, 4, 'x', 2), (3, 3, 'y', 1), (4, 9, 'y', 2)",
                "UPDATE t SET d = d + 1 WHERE a > 2",
                "UPDATE t SET d = d + 1 WHERE a > 2 RETURNING id",
                "UPDATE t SET d = d - 1, a = a + 100 WHERE a > 2",
                "UPDATE t SET d = d - 1 WHERE a BETWEEN 3 AND 5",
                "UPDATE t SET d = d + 1 WHERE a < 6 AND b = 'x'",
                "SELECT * FROM t ORDER BY id");
    }
}
