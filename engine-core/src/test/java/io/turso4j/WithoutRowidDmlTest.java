package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * INSERT / UPDATE / DELETE (with OR clauses, UPSERT and RETURNING) of WITHOUT ROWID tables,
 * statement by statement against SQLite (sqlite-jdbc): rows, errors and change counts.
 */
class WithoutRowidDmlTest {
    @Test
    void createAndInsert() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT) WITHOUT ROWID",
                "INSERT INTO t VALUES (3, 'c'), (1, 'a'), (2, 'b')",
                "SELECT * FROM t",
                "SELECT changes(), last_insert_rowid()",
                "INSERT INTO t VALUES (2, 'dup')",
                "INSERT INTO t VALUES (NULL, 'null pk')",
                "INSERT OR IGNORE INTO t VALUES (2, 'ignored'), (4, 'd')",
                "INSERT OR REPLACE INTO t VALUES (1, 'replaced')",
                "REPLACE INTO t VALUES (5, 'e')",
                "SELECT * FROM t",
                "SELECT rowid FROM t",
                "INSERT INTO t(rowid, a) VALUES (1, 9)",
                "SELECT * FROM t WHERE a = 4",
                "SELECT name, type, sql FROM sqlite_schema",
                "PRAGMA index_list(t)",
                "PRAGMA table_info(t)",
                "PRAGMA integrity_check");
    }

    @Test
    void compositeDescAndCollatedKeys() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE p(x TEXT COLLATE NOCASE, y INT, z, PRIMARY KEY(y DESC, x)) WITHOUT ROWID",
                "CREATE INDEX pz ON p(z)",
                "CREATE UNIQUE INDEX pzu ON p(z, x)",
                "INSERT INTO p VALUES ('a', 1, 10), ('B', 1, 11), ('c', 2, 12), ('a', 2, 13)",
                "INSERT INTO p VALUES ('A', 1, 99)",
                "INSERT INTO p VALUES ('q', 5, 10), ('Q', 6, 10)",
                "INSERT INTO p VALUES ('r', 7, 12)",
                "INSERT INTO p VALUES ('C', 8, 12)",
                "SELECT * FROM p",
                "SELECT * FROM p WHERE y = 1 AND x = 'b'",
                "SELECT * FROM p WHERE z = 10",
                "SELECT x, y FROM p WHERE z > 11 ORDER BY z",
                "UPDATE p SET z = z + 100 WHERE y = 2",
                "SELECT changes()",
                "UPDATE p SET y = 3 WHERE x = 'c'",
                "UPDATE p SET x = 'b' WHERE x = 'a' AND y = 1",
                "UPDATE OR REPLACE p SET x = 'b' WHERE x = 'a' AND y = 1",
                "SELECT * FROM p",
                "UPDATE p SET y = NULL",
                "DELETE FROM p WHERE z > 100",
                "SELECT changes()",
                "SELECT * FROM p ORDER BY z",
                "PRAGMA index_list(p)",
                "PRAGMA index_xinfo(pz)",
                "PRAGMA integrity_check");
    }

    @Test
    void upsertAndReturning() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE kv(k TEXT PRIMARY KEY, v INT NOT NULL, u UNIQUE) WITHOUT ROWID",
                "INSERT INTO kv VALUES ('a', 1, 'x'), ('b', 2, 'y') RETURNING *",
                "INSERT INTO kv VALUES ('a', 5, 'z') ON CONFLICT(k) DO UPDATE SET v = v + excluded.v RETURNING k, v",
                "INSERT INTO kv VALUES ('c', 5, 'x') ON CONFLICT(u) DO UPDATE SET v = 100",
                "INSERT INTO kv VALUES ('a', 7, 'w') ON CONFLICT DO NOTHING",
                "INSERT INTO kv VALUES ('d', 7, 'y') ON CONFLICT(k) DO NOTHING",
                "INSERT OR REPLACE INTO kv VALUES ('e', 8, 'y')",
                "SELECT * FROM kv",
                "UPDATE kv SET k = k || k WHERE v > 5 RETURNING *",
                "UPDATE kv SET u = 'x' WHERE k = 'a'",
                "UPDATE kv SET v = NULL",
                "DELETE FROM kv WHERE k = 'ee' RETURNING v, u",
                "DELETE FROM kv",
                "SELECT changes(), total_changes() > 0",
                "SELECT * FROM kv");
    }

    @Test
    void foreignKeysTriggersAndLimits() throws SQLException {
        SqliteOracle.differential(
                "PRAGMA foreign_keys = ON",
                "CREATE TABLE par(id TEXT PRIMARY KEY, x) WITHOUT ROWID",
                "CREATE TABLE chi(p TEXT REFERENCES par ON DELETE CASCADE ON UPDATE CASCADE, n INT, "
                        + "PRIMARY KEY(p, n)) WITHOUT ROWID",
                "CREATE TABLE nul(n INT PRIMARY KEY, p REFERENCES par(id) ON DELETE SET NULL) WITHOUT ROWID",
                "CREATE TABLE log(x)",
                "CREATE TRIGGER chi_d AFTER DELETE ON chi BEGIN INSERT INTO log VALUES (old.p || old.n); END",
                "INSERT INTO par VALUES ('a', 1), ('b', 2), ('c', 3)",
                "INSERT INTO chi VALUES ('a', 1), ('a', 2), ('b', 1), ('c', 5)",
                "INSERT INTO nul VALUES (1, 'a'), (2, 'c')",
                "INSERT INTO chi VALUES ('zz', 1)",
                "UPDATE par SET id = 'B' WHERE id = 'b'",
                "SELECT * FROM chi",
                "DELETE FROM par WHERE id = 'a'",
                "SELECT * FROM chi",
                "SELECT * FROM nul",
                "SELECT * FROM log",
                "DELETE FROM par",
                "SELECT changes()",
                "SELECT * FROM log",
                "CREATE TABLE q(a INT, b INT, PRIMARY KEY(b, a)) WITHOUT ROWID",
                "WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s WHERE value < 30) "
                        + "INSERT INTO q SELECT value % 7, value % 5 FROM s",
                "INSERT INTO q SELECT a + 10, b FROM q",
                "SELECT count(*), sum(a), sum(b) FROM q",
                "UPDATE q SET a = a + 1",
                "UPDATE q SET a = a + 100 WHERE a > 10",
                "SELECT * FROM q WHERE b = 2",
                "SELECT * FROM q WHERE a > 105 ORDER BY a DESC, b");
    }
}
