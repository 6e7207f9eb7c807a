package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * The temp database, against SQLite: TEMP tables, indexes and triggers, {@code temp.} and
 * {@code main.} names, a temp table hiding a main one of the same name, joins across the two,
 * and transactions (COMMIT, ROLLBACK, a failed statement) covering both.
 */
class TempDatabaseTest {
    @Test
    void tempTablesAndIndexes() throws SQLException {
        SqliteOracle.differential(
                "CREATE TEMP TABLE t(a INTEGER PRIMARY KEY, b TEXT UNIQUE)",
                "INSERT INTO t VALUES (1, 'x'), (2, 'y')",
                "INSERT INTO temp.t(b) VALUES ('z')",
                "SELECT * FROM t ORDER BY a",
                "SELECT * FROM temp.t WHERE b = 'y'",
                "INSERT INTO t(b) VALUES ('x')",
                "CREATE INDEX ti ON t(b DESC)",
                "CREATE INDEX temp.tj ON t(a, b)",
                "SELECT type, name, tbl_name, sql FROM sqlite_temp_master ORDER BY name",
                "SELECT type, name, tbl_name FROM temp.sqlite_master ORDER BY name",
                "SELECT type, name FROM sqlite_temp_schema ORDER BY name",
                "SELECT count(*) FROM sqlite_master",
                "UPDATE t SET b = b || '!' WHERE a >= 2",
                "DELETE FROM t WHERE a = 1",
                "SELECT a, b FROM t WHERE b > 'a' ORDER BY b",
                "PRAGMA temp.table_info(t)",
                "PRAGMA temp.index_list(t)",
                "CREATE TEMP TABLE t(z)",
                "CREATE TABLE temp.u(z)",
                "CREATE TEMP TABLE main.v(z)",
                "SELECT * FROM nosuch.t",
                "DROP INDEX ti",
                "DROP TABLE t",
                "SELECT * FROM t",
                "SELECT name FROM sqlite_temp_master ORDER BY name");
    }

    /**
     * A check named for temp (or an attached database) reads that database's file and reports
     * under its name; it reported main's pages as never used, checked against temp's trees.
     */
    @Test
    void integrityChecksOfTempAndAttachedDatabasesReadTheirOwnFiles() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE m(a, b)",
                "CREATE INDEX mi ON m(a)",
                "CREATE TABLE m2(a UNIQUE)",
                "CREATE TEMP TABLE tt(x UNIQUE)",
                "INSERT INTO tt VALUES (1), (2)",
                "PRAGMA temp.integrity_check",
                "PRAGMA temp.quick_check",
                "PRAGMA temp.integrity_check(tt)",
                "PRAGMA main.integrity_check",
                "PRAGMA integrity_check",
                "ATTACH ':memory:' AS aux",
                "CREATE TABLE aux.x(a UNIQUE, b)",
                "INSERT INTO aux.x VALUES (1, 2)",
                "PRAGMA aux.integrity_check",
                "PRAGMA aux.integrity_check(x)",
                "PRAGMA integrity_check");
    }

    @Test
    void anUnqualifiedIntegrityCheckChecksEveryDatabase(@TempDir Path dir) throws Exception {
        // A file whose table x holds a NULL its schema (rewritten by sqlite3) says is NOT NULL:
        // only a check that reads the attached database reports it.
        Path aux = dir.resolve("aux.db");
        Process p = new ProcessBuilder("sqlite3", aux.toString(), "CREATE TABLE x(a, b); INSERT INTO x VALUES (NULL, 1), (2, 3);"
                + " PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE TABLE x(a NOT NULL, b)' WHERE name = 'x';")
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        SqliteOracle.differential(
                "CREATE TABLE m(a NOT NULL)",
                "INSERT INTO m VALUES (1)",
                "PRAGMA integrity_check",
                "ATTACH '" + aux + "' AS aux",
                "PRAGMA integrity_check",
                "PRAGMA quick_check",
                "PRAGMA integrity_check(1)",
                "PRAGMA main.integrity_check",
                "PRAGMA aux.integrity_check",
                "PRAGMA integrity_check(m)",
                "CREATE TEMP TABLE tt(x NOT NULL)",
                "INSERT INTO tt VALUES (5)",
                "PRAGMA integrity_check",
                "DETACH aux",
                "PRAGMA integrity_check");
    }

    @Test
    void tempShadowsMain() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a, b)",
                "INSERT INTO t VALUES (1, 'main')",
                "CREATE TEMP TABLE t(a, c)",
                "INSERT INTO t VALUES (2, 'temp')",
                "SELECT * FROM t",
                "SELECT * FROM main.t",
                "SELECT * FROM temp.t",
                "INSERT INTO main.t VALUES (3, 'main too')",
                "SELECT m.a, m.b, x.c FROM main.t AS m JOIN temp.t AS x ON x.a = m.a - 1",
                "SELECT a FROM main.t UNION ALL SELECT a FROM temp.t ORDER BY 1",
                "CREATE TABLE m2(k PRIMARY KEY, v)",
                "INSERT INTO m2 SELECT a, c FROM temp.t",
                "INSERT INTO temp.t SELECT a + 10, b FROM main.t",
                "SELECT * FROM m2",
                "SELECT * FROM t ORDER BY a",
                "DROP TABLE t",
                "SELECT * FROM t",
                "DROP TABLE t",
                "SELECT * FROM t");
    }

    @Test
    void tempTriggers() throws SQLException {
        SqliteOracle.differential(
                "CREATE TEMP TABLE log(x)",
                "CREATE TEMP TABLE t(a)",
                "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.a * 10); END",
                "INSERT INTO t VALUES (1), (2)",
                "SELECT * FROM log",
                "SELECT type, name, tbl_name FROM sqlite_temp_master ORDER BY name",
                "DROP TRIGGER tr",
                "INSERT INTO t VALUES (3)",
                "SELECT * FROM log");
    }

    @Test
    void transactionsCoverBothDatabases() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE m(a PRIMARY KEY)",
                "CREATE TEMP TABLE t(a PRIMARY KEY)",
                "BEGIN",
                "INSERT INTO m VALUES (1)",
                "INSERT INTO t VALUES (1)",
                "ROLLBACK",
                "SELECT (SELECT count(*) FROM m), (SELECT count(*) FROM t)",
                "BEGIN",
                "INSERT INTO m VALUES (2)",
                "INSERT INTO t VALUES (2)",
                "COMMIT",
                "SELECT (SELECT count(*) FROM m), (SELECT count(*) FROM t)",
                "INSERT INTO t VALUES (3), (2)",
                "SELECT * FROM t",
                "BEGIN",
                "INSERT INTO t VALUES (4)",
                "INSERT INTO t VALUES (5), (4)",
                "SAVEPOINT s",
                "INSERT INTO t VALUES (6)",
                "INSERT INTO m VALUES (6)",
                "ROLLBACK TO s",
                "COMMIT",
                "SELECT * FROM t",
                "SELECT * FROM m");
    }

    @Test
    void tempViewsLiveInTheTempDatabase() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE x(a)",
                "INSERT INTO x VALUES (1), (2)",
                "CREATE TEMP VIEW v AS SELECT a * 2 AS d FROM x",
                "CREATE VIEW temp.w AS SELECT d + 1 FROM v",
                "SELECT type, name, tbl_name, sql FROM sqlite_temp_master ORDER BY name",
                "SELECT * FROM w",
                "SELECT name FROM sqlite_master",
                "CREATE TEMP VIEW main.u AS SELECT 1",
                "CREATE TEMP TRIGGER main.tr AFTER INSERT ON x BEGIN SELECT 1; END",
                "DROP VIEW w",
                "DROP VIEW temp.v",
                "SELECT * FROM v",
                "SELECT count(*) FROM sqlite_temp_master");
    }

    @Test
    void createTempTableAsSelectReadsMain() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE m(a INTEGER, b TEXT)",
                "INSERT INTO m VALUES (1, 'x'), (2, 'y')",
                "CREATE TEMP TABLE c AS SELECT a * 10 AS a10, b FROM m WHERE a > 1",
                "CREATE TABLE temp.d AS SELECT * FROM c",
                "SELECT * FROM c",
                "SELECT * FROM temp.d",
                "SELECT name, sql FROM sqlite_temp_master ORDER BY name",
                "SELECT name FROM sqlite_master ORDER BY name",
                "PRAGMA temp.table_info(c)");
    }

    @Test
    void eachConnectionHasItsOwnTempDatabase() throws SQLException {
        try (Database db = Database.open(":memory:"); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TEMP TABLE t(x); INSERT INTO t VALUES (1)");
            b.execute("CREATE TEMP TABLE t(y, z)");
            try (Statement s = b.prepare("SELECT count(*) FROM t")) {
                org.junit.jupiter.api.Assertions.assertTrue(s.next());
                org.junit.jupiter.api.Assertions.assertEquals(0L, s.getObject(0));
            }
            try (Statement s = a.prepare("SELECT x FROM temp.t")) {
                org.junit.jupiter.api.Assertions.assertTrue(s.next());
                org.junit.jupiter.api.Assertions.assertEquals(1L, s.getObject(0));
            }
        }
    }

    @Test
    void checksAndAnalyzeOfMainAreNotConfusedByTempTables() throws SQLException {
        SqliteOracle.differential(
                "CREATE TEMP TABLE t(a, b UNIQUE)",
                "INSERT INTO t VALUES (1, 2), (3, 4), (5, 6)",
                "CREATE TABLE m(a PRIMARY KEY, b)",
                "INSERT INTO m VALUES (1, 1)",
                "PRAGMA integrity_check",
                "PRAGMA quick_check",
                "ANALYZE",
                "SELECT * FROM main.sqlite_stat1 ORDER BY tbl, idx",
                "REINDEX",
                "SELECT * FROM m");
    }

    @Test
    void tempTriggerOnAMainTable() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE m(a)",
                "CREATE TEMP TABLE audit(x)",
                "CREATE TEMP TRIGGER m_ins AFTER INSERT ON m BEGIN INSERT INTO audit VALUES (new.a); END",
                "INSERT INTO m VALUES (1), (2)",
                "SELECT * FROM audit",
                "SELECT type, name, tbl_name FROM sqlite_temp_master ORDER BY name",
                "SELECT name FROM sqlite_master",
                "DROP TRIGGER m_ins",
                "INSERT INTO m VALUES (3)",
                "SELECT count(*) FROM audit");
    }
}
