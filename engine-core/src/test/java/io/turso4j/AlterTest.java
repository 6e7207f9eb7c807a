package io.turso4j;

import static io.turso4j.TablesTest.sqlite3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE and REINDEX against SQLite (sqlite-jdbc): the sqlite_schema text each leaves,
 * the rows read afterwards and the errors; and a file altered here passing sqlite3's check.
 */
class AlterTest {
    @TempDir
    Path dir;

    private static final String SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";

    /** SQLite's message quotes a missing column's name as it was written, quotes and all. */
    @Test
    void missingColumnIsNamedAsWritten() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a, \"B b\")",
                "ALTER TABLE t DROP COLUMN \"C c\"",
                "ALTER TABLE t DROP COLUMN [x y]",
                "ALTER TABLE t DROP COLUMN e",
                "ALTER TABLE t RENAME COLUMN `q` TO z",
                "ALTER TABLE t RENAME COLUMN \"b B\" TO z",
                "ALTER TABLE t RENAME COLUMN \"B b\" TO \"C c\"",
                SCHEMA);
    }

    @Test
    void renameTableRewritesEveryReference() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY AUTOINCREMENT, b UNIQUE, c)",
                "CREATE INDEX tc ON t (c)",
                "CREATE TABLE f(x REFERENCES t(a), y)",
                "CREATE VIEW v AS SELECT t.a, b FROM t WHERE c > 0",
                "INSERT INTO t(b, c) VALUES ('one', 1), ('two', 2)",
                "ALTER TABLE t RENAME TO \"New T\"",
                SCHEMA,
                "SELECT * FROM v",
                "SELECT * FROM \"new t\" WHERE c = 2",
                "ALTER TABLE \"New T\" RENAME TO f",
                "ALTER TABLE \"New T\" RENAME TO sqlite_q",
                "ALTER TABLE v RENAME TO w",
                "ALTER TABLE sqlite_master RENAME TO m",
                "ALTER TABLE nope RENAME TO m");
    }

    @Test
    void columnsRenamedAddedAndDropped() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c CHECK (c > 0), d, UNIQUE (d))",
                "CREATE INDEX tb ON t(b)",
                "CREATE VIEW v AS SELECT b, c FROM t",
                "INSERT INTO t VALUES (1, 'x', 1, 10), (2, 'y', 2, 20)",
                "ALTER TABLE t RENAME COLUMN b TO bee",
                "ALTER TABLE t RENAME COLUMN c TO \"c c\"",
                "ALTER TABLE t RENAME COLUMN nope TO z",
                "ALTER TABLE t RENAME COLUMN a TO d",
                SCHEMA,
                "SELECT * FROM v",
                "ALTER TABLE t ADD COLUMN e INTEGER DEFAULT -3",
                "ALTER TABLE t ADD f TEXT DEFAULT 'dflt' ;",
                "ALTER TABLE t ADD COLUMN g NOT NULL",
                "ALTER TABLE t ADD COLUMN g DEFAULT (abs(1))",
                "ALTER TABLE t ADD COLUMN g PRIMARY KEY",
                "ALTER TABLE t ADD COLUMN g UNIQUE",
                "ALTER TABLE t ADD COLUMN e",
                "ALTER TABLE v ADD COLUMN g",
                "SELECT * FROM t",
                "ALTER TABLE t DROP COLUMN a",
                "ALTER TABLE t DROP COLUMN d",
                "ALTER TABLE t DROP COLUMN bee",
                "ALTER TABLE t DROP COLUMN e",
                "ALTER TABLE v DROP COLUMN b",
                SCHEMA,
                "SELECT * FROM t",
                "CREATE TABLE one(x)",
                "ALTER TABLE one DROP COLUMN x");
    }

    @Test
    void dropColumnThatTheRestOfTheTableUsesFails() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE g(z INT, b INT GENERATED ALWAYS AS (z * 2) VIRTUAL)",
                "ALTER TABLE g DROP COLUMN z",
                "CREATE TABLE h(z INT, b AS (z * 2), c)",
                "ALTER TABLE h DROP COLUMN z",
                "CREATE TABLE k(z INT, c CHECK (z > 0))",
                "ALTER TABLE k DROP COLUMN z",
                "CREATE TABLE m(z INT, c, CHECK (c > 0))",
                "ALTER TABLE m DROP COLUMN z",
                SCHEMA);
    }

    @Test
    void reindex() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a, b COLLATE NOCASE)",
                "CREATE INDEX ta ON t(a)",
                "CREATE INDEX tb ON t(b)",
                "INSERT INTO t VALUES (3, 'C'), (1, 'a'), (2, 'B')",
                "REINDEX",
                "REINDEX t",
                "REINDEX ta",
                "REINDEX nocase",
                "REINDEX main.ta",
                "REINDEX nope",
                "SELECT a FROM t WHERE a > 1 ORDER BY a",
                "SELECT b FROM t WHERE b > 'a' ORDER BY b");
    }

    @Test
    void alteredFilePassesIntegrityCheck() throws Exception {
        Path file = dir.resolve("alter.db");
        try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c BLOB, d)");
            c.execute("CREATE INDEX td ON t(d)");
            StringBuilder insert = new StringBuilder("INSERT INTO t(b, c, d) VALUES ");
            for (int i = 0; i < 800; i++) {
                insert.append(i == 0 ? "" : ",").append("('").append("b".repeat(i % 90)).append("', zeroblob(")
                        .append(i % 700).append("), ").append(i).append(")");
            }
            c.execute(insert.toString());
            c.execute("ALTER TABLE t ADD COLUMN e DEFAULT 'later'");
            c.execute("ALTER TABLE t DROP COLUMN c");
            c.execute("ALTER TABLE t RENAME TO u");
            c.execute("ALTER TABLE u RENAME COLUMN d TO dd");
            c.execute("REINDEX");
        }
        assertEquals("ok", sqlite3(file, "PRAGMA integrity_check").strip());
        assertEquals("CREATE TABLE \"u\"(a INTEGER PRIMARY KEY, b TEXT, dd, e DEFAULT 'later')",
                sqlite3(file, "SELECT sql FROM sqlite_master WHERE name = 'u'").strip());
        assertEquals("800|319600|later", sqlite3(file, "SELECT count(*), sum(dd), max(e) FROM u").strip());
    }
}
