package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.SqliteException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements compile against the schema their connection knows and, as SQLite's
 * sqlite3_prepare_v2, compile themselves again (bindings kept) when they begin and find that
 * the schema changed under them: another connection's DDL is seen by the next run of a
 * statement prepared before it, through the blocking and the asynchronous API alike.
 */
class SchemaReprepareTest {
    @TempDir
    Path dir;

    private Database open() {
        return Database.open(dir.resolve("r.db").toString());
    }

    @Test
    void aStatementPreparedBeforeAnotherConnectionsAlterSeesTheNewColumn() {
        try (Database db = open(); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
            try (Statement s = a.prepare("SELECT * FROM t")) {
                assertEquals(1, s.columnCount());
                b.execute("ALTER TABLE t ADD COLUMN y DEFAULT 7");
                assertTrue(s.next());
                assertEquals(2, s.columnCount(), "compiled again against the new schema");
                assertEquals(7, s.getLong(1));
            }
        }
    }

    @Test
    void aPreparedInsertKeepsItsBindingAndWritesTheIndexCreatedMeanwhile() {
        try (Database db = open(); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x, y)");
            try (Statement ins = a.prepare("INSERT INTO t VALUES (?1, :y)")) {
                b.execute("CREATE INDEX ti ON t(x)");
                ins.bindLong(1, 5).bind(2, "five");
                assertTrue(!ins.next());
            }
            try (Statement q = b.prepare("SELECT y FROM t INDEXED BY ti WHERE x = 5")) {
                assertTrue(q.next(), "the re-prepared INSERT wrote the new index");
                assertEquals("five", q.getText(0));
            }
            try (Statement check = b.prepare("PRAGMA integrity_check")) {
                assertTrue(check.next());
                assertEquals("ok", check.getText(0));
            }
        }
    }

    @Test
    void aTableAnotherConnectionCreatedIsFoundByTheNextStatement() {
        try (Database db = open(); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x)");
            b.execute("CREATE TABLE u(v); INSERT INTO u VALUES (3), (4)");
            a.execute("INSERT INTO u VALUES (5)");
            try (Statement s = a.prepare("SELECT sum(v) FROM u")) {
                assertTrue(s.next());
                assertEquals(12, s.getLong(0));
            }
        }
    }

    @Test
    void anUnknownTableIsReportedAtPrepareWhenTheSchemaIsCurrent() {
        try (Database db = open(); Connection a = db.connect()) {
            a.execute("CREATE TABLE t(x)");
            SqliteException e = assertThrows(SqliteException.class, () -> a.prepare("SELECT * FROM nosuch"));
            assertEquals("no such table: nosuch", e.getMessage());
        }
    }

    @Test
    void aTableDroppedByAnotherConnectionIsAnErrorOfTheStep() {
        try (Database db = open(); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x)");
            try (Statement s = a.prepare("SELECT * FROM t")) {
                b.execute("DROP TABLE t");
                SqliteException e = assertThrows(SqliteException.class, s::next);
                assertEquals("no such table: t", e.getMessage());
            }
            a.execute("CREATE TABLE t(z)"); // the connection knows the table is gone
        }
    }

    @Test
    void ownDdlIsKnownToTheNextPrepareAndARolledBackOneIsForgotten() {
        try (Database db = open(); Connection a = db.connect()) {
            a.execute("BEGIN; CREATE TABLE t(x); INSERT INTO t VALUES (1)");
            try (Statement s = a.prepare("SELECT x FROM t")) {
                assertTrue(s.next());
            }
            a.execute("ROLLBACK");
            SqliteException e = assertThrows(SqliteException.class, () -> a.execute("SELECT x FROM t"));
            assertEquals("no such table: t", e.getMessage());
        }
    }

    @Test
    void theAsyncApiCompilesAgainToo() throws Exception {
        try (Database db = open(); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
            try (Statement s = a.prepare("SELECT * FROM t")) {
                b.execute("ALTER TABLE t ADD COLUMN y DEFAULT 'async'");
                assertEquals(StepResult.ROW, s.stepAsync().get(10, TimeUnit.SECONDS));
                assertEquals("async", s.getText(1));
            }
            b.execute("CREATE TABLE u(v)");
            a.executeAsync("INSERT INTO u VALUES (41); UPDATE u SET v = v + 1").get(10, TimeUnit.SECONDS);
            try (Statement s = b.prepare("SELECT v FROM u")) {
                assertTrue(s.next());
                assertEquals(42, s.getLong(0));
            }
        }
    }
}
