package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Statements SQLite runs that turso4j once refused ("… is not supported yet" and kin), each
 * script run on sqlite-jdbc and turso4j with every statement's rows or error compared.
 */
class SqlGapsDifferentialTest {
    private static final String[] TABLES = {
        "CREATE TABLE t(a INTEGER PRIMARY KEY, b, c)",
        "INSERT INTO t VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3)",
        "CREATE TABLE u(a, x, y)",
        "INSERT INTO u VALUES (1, 'u1', 10), (2, 'u2', 20)",
    };

    @Test
    void updateSetsRowValueFromSubquery() throws SQLException {
        SqliteOracle.differential(TABLES,
            "UPDATE t SET (b, c) = (SELECT 'q', 9.0) WHERE a = 1",
            "SELECT * FROM t",
            "UPDATE t SET (c, b) = (SELECT y, x FROM u WHERE u.a = t.a)",
            "SELECT * FROM t",
            "UPDATE t SET (b, c) = (SELECT x, y FROM u WHERE u.a = t.a + 1), a = a + 10 WHERE a < 3",
            "SELECT * FROM t",
            "UPDATE t SET (b, c) = (SELECT x, y FROM u WHERE 0) WHERE a = 3",
            "SELECT * FROM t",
            "UPDATE t SET (b, c) = (SELECT x, y FROM u ORDER BY a DESC), b = 'last' WHERE a = 3",
            "SELECT * FROM t",
            "UPDATE t SET (b, c) = (SELECT 1, 2, 3)",
            "UPDATE t SET (b, c) = (SELECT 1)",
            "UPDATE t SET (b, c, a) = (SELECT 1, 2)",
            "UPDATE t SET b = (SELECT 1, 2)",
            "UPDATE t SET (b) = (SELECT 1, 2)",
            "UPDATE t SET (b) = (1, 2)",
            "UPDATE t SET (b) = (SELECT 'one')",
            "SELECT * FROM t");
    }

    @Test
    void upsertAndUpdateFromSetRowValueFromSubquery() throws SQLException {
        SqliteOracle.differential(TABLES,
            "INSERT INTO t VALUES (1, 'n', 0) ON CONFLICT(a) DO UPDATE SET (b, c) = "
                + "(SELECT x || excluded.b, y + t.c FROM u WHERE u.a = 1)",
            "SELECT * FROM t",
            "UPDATE t SET (b, c) = (SELECT u.x, u.y + v.j FROM u WHERE u.a = v.k) "
                + "FROM (SELECT 1 AS k, 3 AS j UNION ALL SELECT 2, 2) AS v WHERE t.a = v.j",
            "SELECT * FROM t");
    }

    @Test
    void triggerInsertsSelectOfItsOwnTable() throws SQLException {
        SqliteOracle.differential(
            "CREATE TABLE t(a)",
            "CREATE TRIGGER tr AFTER INSERT ON t WHEN new.a < 3 BEGIN INSERT INTO t SELECT a + 1 FROM t WHERE a = new.a; END",
            "PRAGMA recursive_triggers = 1",
            "INSERT INTO t VALUES (1)",
            "SELECT * FROM t",
            "CREATE TABLE s(a INTEGER PRIMARY KEY, b)",
            "CREATE TABLE log(n)",
            "CREATE TRIGGER sd AFTER INSERT ON log BEGIN INSERT INTO s(b) SELECT b * 2 FROM s; END",
            "INSERT INTO s(b) VALUES (1), (2)",
            "INSERT INTO log VALUES (1)",
            "INSERT INTO log VALUES (2)",
            "SELECT * FROM s",
            "CREATE TABLE ix(a, b)",
            "CREATE INDEX ixa ON ix(a)",
            "CREATE VIEW ixv AS SELECT a, b FROM ix WHERE a > 0",
            "CREATE TRIGGER ixt BEFORE INSERT ON log BEGIN INSERT INTO ix SELECT a + 10, b FROM ix WHERE a > 0; "
                + "INSERT INTO ix SELECT a + 100, 'v' FROM ixv; END",
            "INSERT INTO ix VALUES (1, 'p'), (2, 'q')",
            "INSERT INTO log VALUES (3)",
            "SELECT * FROM ix ORDER BY a, b");
    }

    @Test
    void selfNaturalJoinWithoutAliases() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE u(a, b)",
            "INSERT INTO u VALUES (1, 2), (3, 4)",
            "CREATE TABLE w(a, c)",
            "INSERT INTO w VALUES (1, 5), (3, 6)",
        },
            "SELECT * FROM u NATURAL JOIN u",
            "SELECT a, b FROM u NATURAL JOIN u ORDER BY a DESC",
            "SELECT u.a FROM u NATURAL JOIN u",
            "SELECT u.b FROM u JOIN u USING (a)",
            "SELECT * FROM u NATURAL JOIN u NATURAL JOIN u",
            "SELECT * FROM u LEFT JOIN u USING (a, b)",
            "SELECT * FROM (u JOIN (SELECT a, c FROM w) USING (a)) AS z",
            "SELECT z.a, z.c FROM (u JOIN (SELECT a, c FROM w) USING (a)) AS z",
            "SELECT * FROM (u JOIN json_each('[1,3]') ON u.a = value) AS z",
            "SELECT z.value, json_each.key FROM (u JOIN json_each('[1,3]') ON u.a = value) AS z",
            "SELECT * FROM w LEFT JOIN (u JOIN (SELECT a AS k FROM w WHERE a > 1) ON u.a = k) ON w.a = u.a",
            "SELECT * FROM w LEFT JOIN (u JOIN json_each('[3]') ON u.a = value) ON w.a = u.a",
            "SELECT * FROM ((SELECT 1 AS p) JOIN (SELECT 2 AS q)) AS z");
    }

    @Test
    void alterWithoutRowidTable() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE k(a TEXT PRIMARY KEY, b, c) WITHOUT ROWID",
            "INSERT INTO k VALUES ('x', 1, 2), ('y', 3, 4)",
            "CREATE INDEX kb ON k(b)",
        },
            "ALTER TABLE k ADD COLUMN d DEFAULT 7",
            "SELECT * FROM k",
            "ALTER TABLE k RENAME COLUMN b TO bb",
            "SELECT * FROM k WHERE bb = 3",
            "ALTER TABLE k DROP COLUMN c",
            "SELECT * FROM k",
            "ALTER TABLE k RENAME TO k2",
            "SELECT * FROM k2",
            "INSERT INTO k2 VALUES ('z', 5, 6)",
            "SELECT * FROM k2 WHERE bb > 1",
            "ALTER TABLE k2 DROP COLUMN a",
            "SELECT sql FROM sqlite_schema ORDER BY name",
            "PRAGMA integrity_check");
    }

    @Test
    void vacuumWithoutRowidTable() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE k(a TEXT PRIMARY KEY, b, c) WITHOUT ROWID",
            "CREATE TABLE r(x INTEGER PRIMARY KEY, y)",
            "INSERT INTO k VALUES ('x', 1, 2), ('y', 3, 4)",
            "CREATE INDEX kb ON k(b)",
            "INSERT INTO r VALUES (1, 'a'), (2, 'b')",
        },
            "VACUUM",
            "SELECT * FROM k",
            "SELECT * FROM k WHERE b = 3",
            "SELECT * FROM r",
            "PRAGMA integrity_check");
    }

    @Test
    void insteadOfUpdateWithRowValuesAndFrom() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE t(a, b, c)",
            "INSERT INTO t VALUES (1, 'x', 10), (2, 'y', 20), (3, 'z', 30)",
            "CREATE VIEW v AS SELECT a, b, c FROM t",
            "CREATE TABLE log(what)",
            "CREATE TRIGGER vu INSTEAD OF UPDATE ON v BEGIN "
                + "INSERT INTO log VALUES (old.a || ':' || old.b || '>' || new.b || ',' || old.c || '>' || new.c); END",
            "CREATE TABLE f(k, nb)",
            "INSERT INTO f VALUES (1, 'f1'), (3, 'f3'), (3, 'f3b')",
        },
            "UPDATE v SET (b, c) = ('p', c + 1) WHERE a = 1",
            "UPDATE v SET (b, c) = (SELECT 'q', 99) WHERE a = 2",
            "UPDATE v SET (c, b) = (SELECT c * 2, upper(b) FROM t AS s WHERE s.a = v.a) WHERE a >= 2",
            "UPDATE v SET b = f.nb FROM f WHERE f.k = v.a",
            "UPDATE v SET (b, c) = (f.nb, f.k) FROM f WHERE f.k = v.a AND f.nb <> 'f3b'",
            "UPDATE v SET (b, c) = (SELECT f.nb, count(*) FROM t) FROM f WHERE f.k = v.a",
            "UPDATE v SET (b, c) = (1, 2, 3)",
            "UPDATE v SET (b, c) = (SELECT 1)",
            "SELECT * FROM log");
    }

    @Test
    void insteadOfUpdateAndDeleteWithOrderByAndLimit() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE t(a, b)",
            "INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z'), (4, 'y')",
            "CREATE VIEW v AS SELECT a, b FROM t",
            "CREATE TABLE log(what)",
            "CREATE TRIGGER vu INSTEAD OF UPDATE ON v BEGIN INSERT INTO log VALUES ('upd ' || old.a || ' ' || new.b); END",
            "CREATE TRIGGER vd INSTEAD OF DELETE ON v BEGIN INSERT INTO log VALUES ('del ' || old.a); END",
        },
            "UPDATE v SET b = 'L' ORDER BY a DESC LIMIT 2",
            "UPDATE v SET b = 'M' WHERE a > 1 ORDER BY b, a DESC LIMIT 2 OFFSET 1",
            "UPDATE v SET b = 'N' LIMIT 1",
            "UPDATE v SET b = 'O' LIMIT -1 OFFSET 3",
            "DELETE FROM v ORDER BY a LIMIT 1",
            "DELETE FROM v WHERE b = 'y' LIMIT 5",
            "DELETE FROM v ORDER BY a",
            "UPDATE v SET b = 1 ORDER BY a",
            "SELECT * FROM log");
    }

    @Test
    void outerJoinsOfParenthesizedJoins() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE a(x)",
            "CREATE TABLE b(x, y)",
            "CREATE TABLE c(y, z)",
            "INSERT INTO a VALUES (1), (2), (3)",
            "INSERT INTO b VALUES (1, 10), (2, 20)",
            "INSERT INTO c VALUES (10, 100)",
        },
            "SELECT * FROM a LEFT JOIN ((b JOIN c USING (y))) USING (x)",
            "SELECT * FROM a LEFT JOIN (((b LEFT JOIN c ON b.y = c.y))) ON a.x = b.x",
            "SELECT * FROM a RIGHT JOIN json_each('[1,5]') AS j ON j.value = a.x",
            "SELECT * FROM a LEFT JOIN (b JOIN (SELECT 10 AS y) USING (y)) USING (x)");
    }

    @Test
    void viewsReadByTriggersAndUpdateFrom() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE t(a, c)",
            "CREATE TABLE s(x, y)",
            "INSERT INTO t VALUES (1, 2), (2, 3)",
            "CREATE VIEW v AS SELECT a AS p, c * 10 AS q FROM t",
        },
            "CREATE TRIGGER tu AFTER UPDATE OF c ON t WHEN (SELECT count(*) FROM v WHERE p = new.a) > 0 BEGIN "
                + "INSERT INTO s SELECT p, q FROM v WHERE p = new.a; "
                + "UPDATE s SET y = v.q + 1 FROM v WHERE v.p = s.x AND s.x = new.a; END",
            "UPDATE t SET c = 100 WHERE a = 1",
            "SELECT * FROM s",
            "UPDATE t SET c = v.q + 1 FROM v WHERE v.p = t.a",
            "WITH w AS (SELECT 2 AS k) UPDATE t SET c = v.q FROM v, w WHERE v.p = t.a AND t.a = w.k",
            "SELECT * FROM t",
            "SELECT * FROM s");
    }

    @Test
    void returningFromViewsWithInsteadOfTriggers() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE t(a INTEGER PRIMARY KEY, b)",
            "CREATE VIEW v AS SELECT a, b FROM t",
            "CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN INSERT INTO t VALUES (new.a, new.b); END",
            "CREATE TRIGGER vu INSTEAD OF UPDATE ON v BEGIN UPDATE t SET b = new.b WHERE a = old.a; END",
            "CREATE TRIGGER vd INSTEAD OF DELETE ON v BEGIN DELETE FROM t WHERE a = old.a; END",
        },
            "INSERT INTO v VALUES (1, 'x'), (2, 'y') RETURNING *",
            "INSERT INTO v(a) SELECT 3 RETURNING b, a * 10 AS ten, (SELECT count(*) FROM t)",
            "INSERT INTO v VALUES (4, 'z') ON CONFLICT DO NOTHING",
            "UPDATE v SET b = upper(b) WHERE a < 3 RETURNING a, b",
            "UPDATE v SET b = 'L' ORDER BY a DESC LIMIT 1 RETURNING *",
            "DELETE FROM v WHERE a = 2 RETURNING b",
            "SELECT * FROM t");
    }
}
