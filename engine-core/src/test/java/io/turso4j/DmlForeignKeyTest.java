package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys with enforcement on (sqlite-jdbc runs {@code PRAGMA foreign_keys = ON}; turso4j's
 * connection is switched on directly): child and parent checks on INSERT, UPDATE and DELETE,
 * and the ON DELETE / ON UPDATE actions, compared statement by statement with the table
 * contents and counters. Also: with enforcement off nothing is checked.
 */
class DmlForeignKeyTest {

    private static void differential(boolean on, String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            oracle.sqlite("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
            oracle.connection().execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
            for (String sql : script) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
                String counters = "SELECT changes(), total_changes()";
                assertEquals(oracle.sqlite(counters), oracle.turso(counters), "counters after " + sql);
            }
        }
    }

    private static final String[] SCHEMA = {
        "CREATE TABLE p(id INTEGER PRIMARY KEY, code TEXT UNIQUE, v)",
        "CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id), pcode TEXT REFERENCES p(code) "
                + "ON DELETE CASCADE ON UPDATE CASCADE, x)",
        "CREATE TABLE n(id INTEGER PRIMARY KEY, pid REFERENCES p ON DELETE SET NULL, "
                + "d DEFAULT 'dflt' REFERENCES p(code) ON DELETE SET DEFAULT ON UPDATE RESTRICT)",
        "INSERT INTO p VALUES (1, 'a', 10), (2, 'b', 20), (3, 'dflt', 0)",
    };

    @Test
    void childChecks() throws SQLException {
        differential(true, concat(SCHEMA,
                "INSERT INTO c VALUES (1, 1, 'a', 'ok')",
                "INSERT INTO c VALUES (2, 9, NULL, 'no parent')",
                "INSERT INTO c VALUES (3, NULL, NULL, 'nulls are fine')",
                "INSERT INTO c VALUES (4, 2, 'zz', 'bad code')",
                "INSERT INTO c VALUES (5, 2, 'b', 'ok'), (6, 7, 'b', 'bad')",
                "UPDATE c SET pid = 99 WHERE id = 1",
                "UPDATE c SET pid = 2 WHERE id = 1",
                "INSERT INTO c VALUES (7, 8, NULL, 'later'), (8, NULL, NULL, 'x')",
                "SELECT * FROM c ORDER BY id",
                "DELETE FROM c WHERE id = 1",
                "SELECT * FROM c ORDER BY id"));
    }

    @Test
    void parentActions() throws SQLException {
        differential(true, concat(SCHEMA,
                "INSERT INTO c VALUES (1, 1, 'a', 'c1'), (2, 2, 'b', 'c2'), (3, NULL, 'a', 'c3')",
                "INSERT INTO n VALUES (1, 1, 'a'), (2, 2, 'b'), (3, NULL, 'dflt')",
                "DELETE FROM p WHERE id = 1",
                "SELECT * FROM p ORDER BY id",
                "UPDATE c SET pid = NULL WHERE pid = 1",
                "DELETE FROM p WHERE id = 1",
                "SELECT * FROM c ORDER BY id",
                "SELECT * FROM n ORDER BY id",
                "UPDATE p SET code = 'B' WHERE id = 2",
                "UPDATE n SET d = 'dflt' WHERE id = 2",
                "UPDATE p SET code = 'B' WHERE id = 2",
                "SELECT * FROM c ORDER BY id",
                "UPDATE p SET id = 20 WHERE id = 2",
                "UPDATE p SET v = v + 1",
                "DELETE FROM p WHERE id = 3",
                "SELECT * FROM p ORDER BY id",
                "SELECT * FROM n ORDER BY id"));
    }

    @Test
    void orphansAdoptedInTheSameStatementAndEnforcementOff() throws SQLException {
        differential(true,
                "CREATE TABLE tree(id INTEGER PRIMARY KEY, parent INTEGER REFERENCES tree(id))",
                "INSERT INTO tree VALUES (2, 1), (1, NULL)",
                "INSERT INTO tree VALUES (3, 3)",
                "INSERT INTO tree VALUES (4, 5)",
                "DELETE FROM tree WHERE id = 1",
                "DELETE FROM tree WHERE id = 2",
                "SELECT * FROM tree ORDER BY id");
        differential(false, concat(SCHEMA,
                "INSERT INTO c VALUES (1, 9, 'zz', 'no check')",
                "DELETE FROM p",
                "SELECT count(*) FROM c"));
    }

    @Test
    void replaceAndUpsertEnforceForeignKeys() throws SQLException {
        differential(true, concat(SCHEMA,
                "INSERT INTO c VALUES (1, 1, 'a', 'c1'), (2, 2, 'b', 'c2')",
                "INSERT INTO n VALUES (1, 2, 'b')",
                "INSERT OR REPLACE INTO p VALUES (1, 'a2', 11)",
                "SELECT * FROM c ORDER BY id",
                "REPLACE INTO p VALUES (2, 'b', 21)",
                "INSERT OR REPLACE INTO p VALUES (5, 'b', 50)",
                "SELECT * FROM p ORDER BY id",
                "SELECT * FROM n ORDER BY id",
                "INSERT INTO p VALUES (1, 'z', 0) ON CONFLICT (id) DO UPDATE SET code = 'a3'",
                "INSERT INTO p VALUES (2, 'z', 0) ON CONFLICT (id) DO UPDATE SET code = 'a4'",
                "INSERT INTO c VALUES (1, 1, 'a', 'again') ON CONFLICT DO UPDATE SET pid = 77",
                "INSERT INTO c VALUES (1, 1, 'a', 'again') ON CONFLICT DO UPDATE SET x = excluded.x",
                "SELECT * FROM p ORDER BY id",
                "SELECT * FROM c ORDER BY id"));
    }

    /**
     * A foreign key the schema cannot enforce fails the statement with SQLite's message (SQLite
     * fails it at prepare, which leaves changes() alone; here it fails when run).
     */
    @Test
    void deferredKeysAreCheckedAtCommit() throws SQLException {
        differential(true,
                "CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE c(id INTEGER PRIMARY KEY, pid REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED, v)",
                "CREATE TABLE i(id INTEGER PRIMARY KEY, pid REFERENCES p(id))",
                "INSERT INTO c VALUES (1, 7, 'orphan in autocommit')",
                "BEGIN",
                "INSERT INTO c VALUES (1, 7, 'orphan for now')",
                "INSERT INTO p VALUES (7, 'seven')",
                "COMMIT",
                "BEGIN",
                "INSERT INTO c VALUES (2, 8, 'orphan'), (3, 8, 'another')",
                "COMMIT",
                "SELECT * FROM c ORDER BY id",
                "DELETE FROM c WHERE id = 2",
                "COMMIT",
                "UPDATE c SET pid = 7 WHERE id = 3",
                "COMMIT",
                "SELECT * FROM c ORDER BY id",
                "BEGIN",
                "DELETE FROM p WHERE id = 7",
                "INSERT INTO i VALUES (1, 99)",
                "COMMIT",
                "SAVEPOINT s",
                "INSERT INTO p VALUES (7, 'back')",
                "RELEASE s",
                "BEGIN",
                "INSERT INTO c VALUES (4, 9, 'rolled back')",
                "SAVEPOINT inner1",
                "INSERT INTO c VALUES (5, 10, 'undone by ROLLBACK TO')",
                "ROLLBACK TO inner1",
                "INSERT INTO p VALUES (9, 'nine')",
                "COMMIT",
                "SELECT * FROM c ORDER BY id",
                "BEGIN",
                "INSERT INTO c VALUES (6, 11, 'x')",
                "ROLLBACK",
                "INSERT INTO p VALUES (12, 'twelve')",
                "SELECT * FROM c ORDER BY id");
    }

    @Test
    void aCascadeDoesNotHideAnotherChildsViolation() throws SQLException {
        differential(true,
                "CREATE TABLE p(id INTEGER PRIMARY KEY, code TEXT UNIQUE)",
                "CREATE TABLE c1(x REFERENCES p(code) ON UPDATE CASCADE ON DELETE SET NULL)",
                "CREATE TABLE c2(y REFERENCES p(code))",
                "INSERT INTO p VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO c1 VALUES ('a'), ('b')",
                "INSERT INTO c2 VALUES ('a')",
                "UPDATE p SET code = 'z' WHERE id = 1",
                "DELETE FROM p WHERE id = 1",
                "UPDATE p SET code = 'y' WHERE id = 2",
                "DELETE FROM p WHERE id = 2",
                "SELECT * FROM p ORDER BY id",
                "SELECT * FROM c1 ORDER BY x",
                "SELECT * FROM c2");
    }

    @Test
    void aRowThatIsItsOwnParentAdoptsNoOtherViolation() throws SQLException {
        differential(true,
                "CREATE TABLE t(id INTEGER PRIMARY KEY, p REFERENCES t(id))",
                "INSERT INTO t VALUES (1, 99), (2, 2)",
                "INSERT INTO t VALUES (3, 3), (4, 3), (5, 5)",
                "UPDATE t SET p = 77 WHERE id = 4",
                "SELECT * FROM t ORDER BY id");
    }

    @Test
    void unusableForeignKeys() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            oracle.sqlite("PRAGMA foreign_keys = ON");
            oracle.connection().execute("PRAGMA foreign_keys = ON");
            for (String sql : new String[] {"CREATE TABLE t(id INTEGER PRIMARY KEY, v)",
                "CREATE TABLE x(a REFERENCES nowhere(b))", "INSERT INTO x VALUES (1)",
                "CREATE TABLE y(a REFERENCES t(v))", "INSERT INTO y VALUES (1)", "DELETE FROM t",
                "CREATE TABLE z(a, b, FOREIGN KEY (a, b) REFERENCES t(id))", "INSERT INTO z VALUES (1, 2)"}) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] out = new String[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }
}
