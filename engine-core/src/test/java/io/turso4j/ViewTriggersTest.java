package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INSTEAD OF triggers on views. SQLite (sqlite-jdbc) writes a database with views and their
 * triggers; turso4j opens a copy, and the same INSERT, UPDATE and DELETE on the views run on
 * both must leave the same rows and give the same errors.
 */
class ViewTriggersTest {
    @TempDir
    Path dir;

    private static final String[] SETUP = {
        "CREATE TABLE t(a INTEGER, b TEXT)",
        "CREATE TABLE log(x)",
        "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')",
        "CREATE VIEW v AS SELECT a, b, a * 10 AS c FROM t",
        "CREATE VIEW w(p, q) AS SELECT b, a FROM t WHERE a > 1",
        "CREATE VIEW plain AS SELECT a FROM t",
        "CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN INSERT INTO t VALUES (new.a, new.b); "
                + "INSERT INTO log VALUES ('vi ' || quote(new.a) || quote(new.b) || quote(new.c)); END",
        "CREATE TRIGGER vu INSTEAD OF UPDATE OF b ON v BEGIN UPDATE t SET b = new.b WHERE a = old.a; "
                + "INSERT INTO log VALUES ('vu ' || old.b || '->' || new.b || ' ' || new.c); END",
        "CREATE TRIGGER vd INSTEAD OF DELETE ON v WHEN old.a <> 2 BEGIN DELETE FROM t WHERE a = old.a; "
                + "INSERT INTO log VALUES ('vd ' || old.a); END",
        "CREATE TRIGGER wi INSTEAD OF INSERT ON w BEGIN INSERT INTO log VALUES ('wi ' || new.p || new.q); "
                + "SELECT RAISE(IGNORE) WHERE new.q = 8; INSERT INTO log VALUES ('wi after'); END",
    };

    private static final String[] SCRIPT = {
        "INSERT INTO v VALUES (4, 'four', 0)",
        "INSERT INTO v(b) VALUES ('nul')",
        "INSERT INTO v SELECT a + 10, b, 0 FROM t WHERE a < 3",
        "INSERT INTO w VALUES ('x', 9), ('y', 8)",
        "INSERT INTO w(q) VALUES (7)",
        "UPDATE v SET b = upper(b) WHERE a >= 2",
        "UPDATE v SET c = 5",
        "UPDATE v SET b = 'z' WHERE c = 20",
        "DELETE FROM v WHERE a < 4",
        "UPDATE w SET p = 1",
        "DELETE FROM w",
        "INSERT INTO plain VALUES (1)",
        "INSERT INTO v VALUES (1, 2)",
        "INSERT INTO v(zz) VALUES (1)",
        "UPDATE v SET zz = 1",
        "SELECT changes()",
        "SELECT * FROM t",
        "SELECT * FROM log",
        "CREATE TRIGGER bad BEFORE INSERT ON v BEGIN SELECT 1; END",
        "CREATE TRIGGER bad AFTER DELETE ON w BEGIN SELECT 1; END",
    };

    @Test
    void insteadOfTriggersOnViews() throws Exception {
        Path original = dir.resolve("sqlite.db");
        Path copy = dir.resolve("turso.db");
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + original);
             java.sql.Statement s = c.createStatement()) {
            for (String sql : SETUP) {
                s.execute(sql);
            }
        }
        Files.copy(original, copy);
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + original);
             Database database = Database.open(copy.toString());
             Connection turso = database.connect()) {
            for (String sql : SCRIPT) {
                assertEquals(SqliteOracle.withCode(sqlite, sql), SqliteOracle.withCode(turso, sql), sql);
            }
        }
    }
}
