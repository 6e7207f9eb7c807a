package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAVEPOINT, RELEASE, ROLLBACK TO and BEGIN's kinds, compared with SQLite 3.54 (sqlite-jdbc). */
class SavepointDifferentialTest {
    @TempDir
    Path dir;

    private void differential(String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle(dir)) {
            oracle.sqliteConnection().setAutoCommit(true);
            for (String sql : script) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
                assertEquals(oracle.sqlite("SELECT * FROM t ORDER BY a"), oracle.turso("SELECT * FROM t ORDER BY a"),
                        "t after " + sql);
            }
        }
    }

    @Test
    void nestedSavepointsInsideBegin() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b)",
                "BEGIN",
                "INSERT INTO t VALUES (1, 'one')",
                "SAVEPOINT a",
                "INSERT INTO t VALUES (2, 'two')",
                "SAVEPOINT b",
                "UPDATE t SET b = 'changed'",
                "ROLLBACK TO b",
                "INSERT INTO t VALUES (3, 'three')",
                "ROLLBACK TO SAVEPOINT a",
                "INSERT INTO t VALUES (4, 'four')",
                "RELEASE a",
                "RELEASE a",
                "ROLLBACK TO b",
                "COMMIT",
                "COMMIT");
    }

    @Test
    void savepointOutsideBeginIsTheTransaction() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b)",
                "SAVEPOINT outer1",
                "INSERT INTO t VALUES (1, 'x')",
                "BEGIN",
                "SAVEPOINT inner1",
                "DELETE FROM t",
                "SAVEPOINT Inner1",
                "INSERT INTO t VALUES (5, 'y')",
                "RELEASE INNER1",
                "ROLLBACK TO inner1",
                "RELEASE SAVEPOINT outer1",
                "ROLLBACK",
                "SAVEPOINT s",
                "INSERT INTO t VALUES (2, 'z')",
                "ROLLBACK TO s",
                "INSERT INTO t VALUES (3, 'w')",
                "ROLLBACK",
                "SAVEPOINT s",
                "SAVEPOINT s",
                "INSERT INTO t VALUES (6, 'v')",
                "RELEASE s",
                "ROLLBACK TO s",
                "RELEASE s",
                "RELEASE s");
    }

    @Test
    void schemaChangesAndFailedStatementsInsideSavepoints() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b UNIQUE)",
                "INSERT INTO t VALUES (1, 'x')",
                "SAVEPOINT s",
                "CREATE TABLE u(c)",
                "INSERT INTO u VALUES (1)",
                "SAVEPOINT inner",
                "CREATE INDEX tb2 ON t(b, a)",
                "INSERT INTO t VALUES (2, 'y'), (3, 'x')",
                "INSERT INTO t VALUES (4, 'z')",
                "ROLLBACK TO inner",
                "SELECT name FROM sqlite_schema ORDER BY name",
                "SELECT * FROM u",
                "ROLLBACK TO s",
                "SELECT name FROM sqlite_schema ORDER BY name",
                "SELECT * FROM u",
                "INSERT INTO t VALUES (5, 'w')",
                "RELEASE s",
                "SELECT name FROM sqlite_schema ORDER BY name",
                "PRAGMA integrity_check");
    }

    @Test
    void beginKinds() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b)",
                "BEGIN IMMEDIATE",
                "INSERT INTO t VALUES (1, 'x')",
                "BEGIN",
                "COMMIT",
                "BEGIN EXCLUSIVE TRANSACTION",
                "INSERT INTO t VALUES (2, 'y')",
                "ROLLBACK",
                "BEGIN DEFERRED",
                "SAVEPOINT x",
                "INSERT INTO t VALUES (3, 'z')",
                "END",
                "ROLLBACK");
    }
}
