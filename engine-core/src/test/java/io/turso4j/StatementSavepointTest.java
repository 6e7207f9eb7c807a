package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.io.DbFile;
import io.turso4j.io.ForwardingDbFile;
import io.turso4j.io.ForwardingIO;
import io.turso4j.io.OpenMode;
import io.turso4j.io.memory.MemoryIO;
import io.turso4j.sql.parser.Parser;
import io.turso4j.storage.pager.WalPager;
import io.turso4j.translate.Translator;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statements that write one row after all their checks run without a statement savepoint
 * inside a transaction (SQLite's statements that are not "multi-write"), which spares each of
 * them a copy of every page it changes. What must hold without one: a failed check leaves the
 * transaction as it was, as in SQLite; an I/O error that may come after the write undoes the
 * whole transaction, as SQLite does without a statement journal.
 */
class StatementSavepointTest {
    private static final String SCHEMA = """
            CREATE TABLE p(id INTEGER PRIMARY KEY);
            INSERT INTO p VALUES (1);
            CREATE TABLE t(a INTEGER PRIMARY KEY, b UNIQUE, c UNIQUE, d NOT NULL CHECK (d > 0),
                           e INTEGER REFERENCES p(id), g AS (d * 2) STORED);
            CREATE INDEX td ON t(d);
            CREATE TABLE s(a INTEGER PRIMARY KEY AUTOINCREMENT, b INT) STRICT;
            CREATE TABLE r(a INTEGER PRIMARY KEY ON CONFLICT REPLACE, b);
            CREATE TABLE log(x);
            CREATE TABLE w(a INTEGER PRIMARY KEY, b);
            CREATE TRIGGER wt AFTER INSERT ON w BEGIN INSERT INTO log VALUES (new.b); END;
            CREATE TABLE u(a INTEGER PRIMARY KEY, b);
            CREATE TRIGGER ut AFTER UPDATE ON u BEGIN INSERT INTO log VALUES (new.b); END;
            """;

    @Test
    void onlyASingleRowWrittenAfterItsChecksSkipsTheSavepoint() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute(SCHEMA);
            for (String sql : List.of("INSERT INTO t VALUES (1, 2, 3, 4, 1)", "INSERT INTO t(d) VALUES (5)",
                    "INSERT OR IGNORE INTO t(d) VALUES (5)", "INSERT OR FAIL INTO t(d) VALUES (5)",
                    "INSERT INTO s(b) VALUES (1)", "INSERT INTO log DEFAULT VALUES",
                    "WITH x AS (SELECT 1) INSERT INTO log VALUES (2)")) {
                assertEquals(false, needsSavepoint(c, sql), sql);
            }
            for (String sql : List.of("INSERT INTO t(d) VALUES (5), (6)", "INSERT INTO t(d) SELECT 5",
                    "INSERT OR REPLACE INTO t(d) VALUES (5)", "REPLACE INTO t(d) VALUES (5)",
                    "INSERT INTO r VALUES (1, 2)", "INSERT INTO w VALUES (1, 2)",
                    "INSERT INTO t(d) VALUES (5) RETURNING a", "INSERT INTO log VALUES (1) ON CONFLICT DO NOTHING",
                    "UPDATE u SET b = 1", "UPDATE log SET x = 1", "DELETE FROM log WHERE rowid = 1")) {
                assertEquals(true, needsSavepoint(c, sql), sql);
            }
        }
    }

    private static boolean needsSavepoint(Connection c, String sql) {
        return Translator.compile(Parser.parse(sql), sql, sql, FunctionRegistry.builtins(), c.currentSchema())
                .program().needsStatementSavepoint();
    }

    @Test
    void failedChecksInsideATransactionLeaveItAsSqliteDoes() throws Exception {
        List<String> steps = List.of(
                "INSERT INTO t VALUES (1, 2, 3, 4, 1)",
                "INSERT INTO t VALUES (2, 2, 30, 4, 1)", // UNIQUE b
                "INSERT INTO t VALUES (3, 20, 3, 4, 1)", // UNIQUE c, the second unique index
                "INSERT INTO t VALUES (1, 21, 31, 4, 1)", // PRIMARY KEY
                "INSERT INTO t VALUES (4, 22, 32, NULL, 1)", // NOT NULL
                "INSERT INTO t VALUES (5, 23, 33, -1, 1)", // CHECK
                "INSERT INTO t VALUES (6, 24, 34, 4, 99)", // FOREIGN KEY
                "INSERT INTO t VALUES (7, abs(-9223372036854775808), 35, 4, 1)", // a function's error
                "INSERT INTO t VALUES ('x', 25, 36, 4, 1)", // datatype mismatch of the rowid
                "INSERT INTO s VALUES (1, 'text')", // STRICT
                "INSERT OR FAIL INTO t VALUES (8, 2, 37, 4, 1)",
                "INSERT OR IGNORE INTO t VALUES (9, 2, 38, 4, 1)",
                "INSERT INTO t VALUES (10, 26, 39, 5, 1)",
                "INSERT INTO s(b) VALUES (7)");
        List<String> ours = new ArrayList<>();
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("PRAGMA foreign_keys = ON");
            c.execute(SCHEMA);
            c.execute("BEGIN");
            for (String step : steps) {
                try {
                    c.execute(step);
                    ours.add("ok");
                } catch (SqliteException e) {
                    ours.add(e.code().primary() + ": " + e.getMessage());
                }
            }
            c.execute("COMMIT");
            ours.addAll(rows(c, "SELECT * FROM t ORDER BY a"));
            ours.addAll(rows(c, "SELECT * FROM s ORDER BY a"));
            ours.addAll(rows(c, "SELECT * FROM sqlite_sequence"));
            ours.addAll(rows(c, "PRAGMA integrity_check"));
        }
        List<String> theirs = new ArrayList<>();
        try (java.sql.Connection j = DriverManager.getConnection("jdbc:sqlite::memory:");
                java.sql.Statement s = j.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.executeUpdate(SCHEMA);
            s.execute("BEGIN");
            for (String step : steps) {
                try {
                    s.execute(step);
                    theirs.add("ok");
                } catch (java.sql.SQLException e) {
                    // the code from SQLite, the message from us: sqlite-jdbc words its messages its own way
                    theirs.add(ResultCode.of(e.getErrorCode()).primary() + ": " + ours.get(theirs.size()).replaceFirst("^[A-Z]+: ", ""));
                }
            }
            s.execute("COMMIT");
            for (String q : List.of("SELECT * FROM t ORDER BY a", "SELECT * FROM s ORDER BY a",
                    "SELECT * FROM sqlite_sequence", "PRAGMA integrity_check")) {
                try (java.sql.ResultSet r = s.executeQuery(q)) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(i > 1 ? "|" : "").append(r.getString(i));
                        }
                        theirs.add(row.toString());
                    }
                }
            }
        }
        assertEquals(theirs, ours);
    }

    @Test
    void anIoErrorAfterTheWriteUndoesTheWholeTransaction() {
        String before = System.getProperty(WalPager.CACHE_PAGES_PROPERTY);
        System.setProperty(WalPager.CACHE_PAGES_PROPERTY, "2"); // the index's pages are read from the file again
        FailingReads io = new FailingReads();
        String row = "'" + "x".repeat(100) + "'";
        try (Database db = Database.open("f.db", io); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b)");
            c.execute("CREATE INDEX tb ON t(b)");
            c.execute("BEGIN");
            for (int i = 1; i <= 300; i++) {
                c.execute("INSERT INTO t VALUES (" + i + ", " + i + " || " + row + ")");
            }
            c.execute("COMMIT");
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // every page in the database file, none in the WAL
            long indexRoot = Long.parseLong(rows(c, "SELECT rootpage FROM sqlite_schema WHERE name = 'tb'").getFirst());
            c.execute("BEGIN");
            c.execute("INSERT INTO t VALUES (1000, 'kept until the failure')");
            // the next INSERT writes its row, then fails to read the index's root to add its entry
            io.failAt = (indexRoot - 1) * 4096;
            SqliteException e = assertThrows(SqliteException.class, () -> c.execute("INSERT INTO t VALUES (1001, 'a')"));
            assertTrue(io.failed, "the index's root was read after the row was written");
            io.failAt = -1;
            assertEquals(ResultCode.IOERR, e.code().primary(), e.getMessage());
            assertTrue(c.isAutocommit(), "the transaction is over");
            assertEquals(List.of("300"), rows(c, "SELECT count(*) FROM t"));
            assertEquals(List.of("300"), rows(c, "SELECT count(*) FROM t INDEXED BY tb WHERE b > ''"));
            assertEquals(List.of("ok"), rows(c, "PRAGMA integrity_check"));
        } finally {
            if (before == null) {
                System.clearProperty(WalPager.CACHE_PAGES_PROPERTY);
            } else {
                System.setProperty(WalPager.CACHE_PAGES_PROPERTY, before);
            }
        }
    }

    private static List<String> rows(Connection c, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    row.append(i > 0 ? "|" : "").append(s.getText(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** A memory backend whose database file's reads of the page at {@link #failAt} fail. */
    private static final class FailingReads extends ForwardingIO {
        volatile long failAt = -1;
        volatile boolean failed;

        FailingReads() {
            super(new MemoryIO());
        }

        @Override
        public DbFile open(String path, OpenMode mode) {
            DbFile file = super.open(path, mode);
            return path.endsWith(".db") ? new Failing(file) : file;
        }

        private final class Failing extends ForwardingDbFile {
            Failing(DbFile inner) {
                super(inner);
            }

            @Override
            public Completion read(long pos, Buffer buf, int off, int len) {
                if (pos == failAt) {
                    failed = true;
                    return Completion.failed(new IoFailure("injected read failure", IoFailure.EIO));
                }
                return super.read(pos, buf, off, len);
            }
        }
    }
}
