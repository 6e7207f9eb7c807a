package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRAGMAs on a file database, compared with SQLite 3.54 (sqlite-jdbc) on a file of its own. */
class PragmaDifferentialTest {
    @TempDir
    Path dir;

    private void differential(String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle(dir)) {
            for (String sql : script) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    @Test
    void settingsBeforeAndAfterTheFirstWrite() throws SQLException {
        differential(
                "PRAGMA page_size",
                "PRAGMA page_size = 1024",
                "PRAGMA page_size",
                "PRAGMA page_size = 1000",
                "PRAGMA page_size",
                "PRAGMA page_count",
                "PRAGMA freelist_count",
                "PRAGMA auto_vacuum",
                "PRAGMA auto_vacuum = incremental",
                "PRAGMA auto_vacuum",
                "PRAGMA journal_mode = wal",
                "PRAGMA journal_mode",
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL, c)",
                "PRAGMA page_size",
                "PRAGMA page_size = 8192",
                "PRAGMA page_size",
                "PRAGMA auto_vacuum = none",
                "PRAGMA auto_vacuum",
                "PRAGMA page_count",
                "PRAGMA encoding",
                "PRAGMA schema_version",
                "PRAGMA wal_checkpoint",
                "PRAGMA integrity_check",
                "PRAGMA quick_check");
    }

    @Test
    void cookiesAndConnectionSettings() throws SQLException {
        differential(
                "PRAGMA user_version",
                "PRAGMA user_version = 7",
                "PRAGMA user_version",
                "PRAGMA user_version = '12abc'",
                "PRAGMA user_version",
                "PRAGMA user_version = -3",
                "PRAGMA user_version",
                "PRAGMA user_version = 99999999999",
                "PRAGMA user_version",
                "PRAGMA application_id = 1234567",
                "PRAGMA application_id",
                "PRAGMA cache_size",
                "PRAGMA cache_size = 100",
                "PRAGMA cache_size",
                "PRAGMA cache_size = -500",
                "PRAGMA cache_size",
                "PRAGMA synchronous",
                "PRAGMA synchronous = normal",
                "PRAGMA synchronous",
                "PRAGMA synchronous = OFF",
                "PRAGMA synchronous",
                "PRAGMA synchronous = extra",
                "PRAGMA synchronous",
                "PRAGMA synchronous = 7",
                "PRAGMA synchronous",
                "PRAGMA synchronous = 2",
                "PRAGMA busy_timeout = 0",
                "PRAGMA busy_timeout",
                "PRAGMA busy_timeout = 250",
                "PRAGMA busy_timeout",
                "PRAGMA busy_timeout = -4",
                "PRAGMA foreign_keys",
                "PRAGMA foreign_keys = yes",
                "PRAGMA foreign_keys",
                "PRAGMA foreign_keys = bogus",
                "PRAGMA foreign_keys",
                "PRAGMA foreign_keys(1)",
                "PRAGMA foreign_keys",
                "PRAGMA wal_autocheckpoint",
                "PRAGMA wal_autocheckpoint = 50",
                "PRAGMA wal_autocheckpoint = -5",
                "PRAGMA wal_autocheckpoint",
                "PRAGMA no_such_pragma",
                "PRAGMA no_such_pragma = 3",
                "PRAGMA nope.user_version");
    }

    @Test
    void schemaPragmas() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c REAL UNIQUE)",
                "CREATE INDEX tb ON t(b DESC, c)",
                "CREATE TABLE w(x, y, z, PRIMARY KEY(y, x))",
                "CREATE TABLE c(id INTEGER PRIMARY KEY, t_id REFERENCES t(a) ON DELETE CASCADE, u, v,"
                        + " FOREIGN KEY(u, v) REFERENCES w(x, y))",
                "PRAGMA table_info(t)",
                "PRAGMA table_info('w')",
                "PRAGMA main.table_info(c)",
                "PRAGMA table_info(nope)",
                "PRAGMA table_info",
                "PRAGMA table_xinfo(w)",
                "PRAGMA index_list(t)",
                "PRAGMA index_list(w)",
                "PRAGMA index_info(tb)",
                "PRAGMA index_xinfo(tb)",
                "PRAGMA index_xinfo(sqlite_autoindex_w_1)",
                "PRAGMA index_xinfo(sqlite_autoindex_t_1)",
                "PRAGMA index_info(nope)",
                "PRAGMA foreign_key_list(c)",
                "PRAGMA table_list(t)",
                "PRAGMA table_list(w)",
                "PRAGMA table_list(sqlite_schema)",
                "PRAGMA table_list(sqlite_master)",
                "PRAGMA table_list",
                "PRAGMA integrity_check",
                "PRAGMA integrity_check(t)",
                "PRAGMA integrity_check(nope)",
                "PRAGMA quick_check(5)");
    }

    @Test
    void autoVacuumModesTradePlacesOnceThereArePages() throws SQLException {
        differential(
                "PRAGMA auto_vacuum = full",
                "PRAGMA journal_mode = wal",
                "CREATE TABLE t(x)",
                "PRAGMA auto_vacuum",
                "PRAGMA auto_vacuum = incremental",
                "PRAGMA auto_vacuum",
                "PRAGMA auto_vacuum = none",
                "PRAGMA auto_vacuum",
                "BEGIN",
                "PRAGMA auto_vacuum = 1",
                "INSERT INTO t VALUES (1)",
                "COMMIT",
                "PRAGMA auto_vacuum",
                "PRAGMA integrity_check");
    }

    @Test
    void pragmaTableValuedFunctions() throws SQLException {
        differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL, c REAL UNIQUE)",
                "CREATE INDEX tb ON t(b)",
                "PRAGMA busy_timeout = 0",
                "SELECT * FROM pragma_table_info('t')",
                "SELECT name, pk FROM pragma_table_info('t') WHERE pk OR \"notnull\" ORDER BY name DESC",
                "SELECT p.name, p.type FROM pragma_table_info('t', 'main') AS p",
                "SELECT count(*) FROM pragma_index_list('t')",
                "SELECT il.name, ii.name FROM pragma_index_list('t') il, pragma_index_info('tb') ii",
                "SELECT * FROM pragma_index_xinfo('tb')",
                "SELECT * FROM pragma_table_info('nope')",
                "SELECT * FROM pragma_user_version",
                "SELECT user_version + 1 FROM pragma_user_version()",
                "SELECT * FROM pragma_foreign_keys, pragma_busy_timeout",
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND name = 't'",
                "SELECT * FROM pragma_user_version(1)",
                "SELECT * FROM pragma_table_info('t', 'main', 'x')",
                "SELECT * FROM pragma_nope");
    }

    @Test
    void incrementalVacuumAndCheckpoint() throws SQLException {
        differential(
                "PRAGMA auto_vacuum = incremental",
                "PRAGMA journal_mode = wal",
                "CREATE TABLE big(x)",
                "INSERT INTO big VALUES (randomblob(3000)), (randomblob(3000)), (randomblob(3000)), (randomblob(3000))",
                "DELETE FROM big",
                "PRAGMA wal_checkpoint(TRUNCATE)",
                "PRAGMA wal_checkpoint(passive)",
                "PRAGMA integrity_check");
    }
}
