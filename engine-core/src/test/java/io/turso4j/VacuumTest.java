package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.SqliteException;
import io.turso4j.storage.format.Sqlite3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VACUUM and VACUUM INTO against sqlite3 (3.40) as the oracle: the same seeded workload of
 * inserts, updates and deletes runs in both, then the vacuumed files are compared — table
 * contents with rowids, sqlite_schema's rows, freelist and integrity — and read back by
 * sqlite3. Replay a run with {@code -Dturso4j.seed=N}.
 */
class VacuumTest {
    private static final List<String> TABLES = List.of("t", "u", "w");

    @TempDir
    Path dir;

    private static long seed() {
        String s = System.getProperty("turso4j.seed");
        long seed = s != null ? Long.parseLong(s) : System.nanoTime();
        System.out.println("VacuumTest seed: " + seed);
        return seed;
    }

    /** The workload: three kinds of rowid tables, indexes, a view and a trigger, then churn. */
    private static String workload(long seed, String pragmas) {
        Random rnd = new Random(seed);
        StringBuilder sql = new StringBuilder(pragmas);
        sql.append("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, data BLOB);
                CREATE TABLE u(k TEXT UNIQUE, v REAL, n INT NOT NULL DEFAULT 0);
                CREATE VIEW tv AS SELECT id, name FROM t;
                CREATE TABLE w(x, y COLLATE NOCASE, PRIMARY KEY(y, x));
                CREATE INDEX t_name ON t(name DESC);
                CREATE INDEX u_v ON u(v, k);
                CREATE TRIGGER tu AFTER DELETE ON t BEGIN UPDATE u SET n = n + 1 WHERE k = old.name; END;
                PRAGMA user_version = 42;
                PRAGMA application_id = 1234;
                """);
        sql.append("BEGIN;\n");
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[rnd.nextInt(10) == 0 ? 3000 + rnd.nextInt(5000) : rnd.nextInt(200)];
            rnd.nextBytes(data);
            sql.append("INSERT INTO t(name, data) VALUES ('n").append(rnd.nextInt(100)).append("', X'")
                    .append(hex(data)).append("');\n");
            sql.append("INSERT OR IGNORE INTO u(k, v) VALUES ('n").append(rnd.nextInt(300)).append("', ")
                    .append(rnd.nextInt(1000) / 7.0).append(");\n");
            sql.append("INSERT OR REPLACE INTO w VALUES (").append(rnd.nextInt(50)).append(", '")
                    .append(rnd.nextBoolean() ? "A" : "a").append(rnd.nextInt(40)).append("');\n");
        }
        sql.append("COMMIT;\n");
        sql.append("DELETE FROM t WHERE id % 3 = ").append(rnd.nextInt(3)).append(";\n");
        sql.append("DELETE FROM u WHERE rowid % 4 = ").append(rnd.nextInt(4)).append(";\n");
        sql.append("UPDATE t SET data = X'0102030405060708090A' WHERE id % 5 = 0;\n");
        sql.append("UPDATE u SET k = k || 'x' WHERE rowid % 7 = 0;\n");
        sql.append("DELETE FROM w WHERE x > 25;\n");
        return sql.toString();
    }

    /** A table's rows with their rowids; long blobs are summed up by length and both ends. */
    private static String contentsQuery(String table) {
        return table.equals("t")
                ? "SELECT rowid, id, name, length(data), hex(substr(data, 1, 8)), hex(substr(data, -8)) FROM t ORDER BY rowid"
                : "SELECT rowid, * FROM " + table + " ORDER BY rowid";
    }

    private static final String SCHEMA_ROWS = "SELECT rowid, type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY rowid";

    private static List<String> query(Connection c, String sql) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    if (i > 0) {
                        row.append('|');
                    }
                    Object v = s.getObject(i);
                    row.append(v instanceof byte[] bytes ? hex(bytes) : v == null ? "" : s.getText(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X", b));
        }
        return out.toString();
    }

    private static long scalar(Connection c, String sql) {
        return Long.parseLong(query(c, sql).get(0));
    }

    private void inPlace(String pragmas) throws Exception {
        long seed = seed();
        String work = workload(seed, pragmas);
        Path ours = dir.resolve("ours.db");
        Path theirs = dir.resolve("theirs.db");
        Sqlite3.run(theirs, work + "VACUUM;\n");
        List<List<String>> before = new ArrayList<>();
        long freeAfterWrites;
        try (Database d = Database.open(ours.toString()); Connection c = d.connect()) {
            c.execute(work);
            for (String t : TABLES) {
                before.add(query(c, contentsQuery(t)));
            }
            long pages = scalar(c, "PRAGMA page_count");
            assertTrue(scalar(c, "PRAGMA freelist_count") > 0, "the workload leaves free pages");
            c.execute("VACUUM");
            assertTrue(scalar(c, "PRAGMA page_count") < pages, "VACUUM shrinks the file");
            assertEquals(0, scalar(c, "PRAGMA freelist_count"));
            for (int i = 0; i < TABLES.size(); i++) {
                assertEquals(before.get(i), query(c, contentsQuery(TABLES.get(i))), "seed " + seed);
            }
            assertEquals(List.of("ok"), query(c, "PRAGMA integrity_check"));
            // The file stays writable. Whether the row needs a new leaf (freed again by the
            // DELETE, so on the freelist) depends on how full the last leaf is: sqlite3 must
            // simply see the same freelist we do.
            c.execute("INSERT INTO t(name) VALUES ('after'); DELETE FROM t WHERE name = 'after'");
            freeAfterWrites = scalar(c, "PRAGMA freelist_count");
        }
        assertEquals(List.of("ok"), Sqlite3.query(ours, "PRAGMA integrity_check"));
        assertEquals(String.valueOf(freeAfterWrites), Sqlite3.query(ours, "PRAGMA freelist_count").get(0));
        for (int i = 0; i < TABLES.size(); i++) {
            assertEquals(Sqlite3.query(theirs, contentsQuery(TABLES.get(i))), Sqlite3.query(ours, contentsQuery(TABLES.get(i))),
                    "seed " + seed);
        }
        for (String header : List.of("user_version", "application_id", "auto_vacuum", "page_size")) {
            assertEquals(Sqlite3.query(theirs, "PRAGMA " + header), Sqlite3.query(ours, "PRAGMA " + header), header);
        }
        assertEquals(Sqlite3.query(theirs, SCHEMA_ROWS), Sqlite3.query(ours, SCHEMA_ROWS), "sqlite_schema after VACUUM");
    }

    @Test
    void vacuumShrinksKeepsRowsAndMatchesSqlite3() throws Exception {
        inPlace("");
    }

    @Test
    void vacuumKeepsIncrementalAutoVacuum() throws Exception {
        inPlace("PRAGMA auto_vacuum = INCREMENTAL;\n");
    }

    @Test
    void vacuumWithSmallPages() throws Exception {
        inPlace("PRAGMA page_size = 1024;\n");
    }

    @Test
    void vacuumIntoWritesACopySqlite3Reads() throws Exception {
        long seed = seed();
        String work = workload(seed, "");
        Path ours = dir.resolve("ours.db");
        Path out = dir.resolve("out.db");
        Path theirs = dir.resolve("theirs.db");
        Path theirsOut = dir.resolve("theirs-out.db");
        Sqlite3.run(theirs, work + "VACUUM INTO '" + theirsOut + "';\n");
        try (Database d = Database.open(ours.toString()); Connection c = d.connect()) {
            c.execute(work);
            long pages = scalar(c, "PRAGMA page_count");
            c.execute("VACUUM INTO '" + out + "'");
            assertEquals(pages, scalar(c, "PRAGMA page_count"), "VACUUM INTO leaves the database alone");
        }
        assertEquals(List.of("ok"), Sqlite3.query(out, "PRAGMA integrity_check"));
        for (String t : TABLES) {
            assertEquals(Sqlite3.query(ours, contentsQuery(t)), Sqlite3.query(out, contentsQuery(t)), "seed " + seed);
            assertEquals(Sqlite3.query(theirsOut, contentsQuery(t)), Sqlite3.query(out, contentsQuery(t)), "seed " + seed);
        }
        assertEquals(Sqlite3.query(theirsOut, SCHEMA_ROWS), Sqlite3.query(out, SCHEMA_ROWS));
        for (String header : List.of("user_version", "application_id", "page_size", "freelist_count", "journal_mode")) {
            assertEquals(Sqlite3.query(theirsOut, "PRAGMA " + header), Sqlite3.query(out, "PRAGMA " + header), header);
        }
        byte[] header = Files.readAllBytes(out);
        assertEquals(1, header[18], "rollback-journal format, as SQLite writes it");
        assertEquals(1, header[19]);
        try (Database d = Database.open(out.toString()); Connection c = d.connect()) {
            assertEquals(Sqlite3.query(ours, "SELECT count(*) FROM t"), query(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void errorsAsSqlite() throws Exception {
        Path db = dir.resolve("e.db");
        Path existing = dir.resolve("existing.db");
        Files.writeString(existing, "x");
        Path empty = dir.resolve("empty.db");
        Files.createFile(empty);
        try (Database d = Database.open(db.toString()); Connection c = d.connect()) {
            c.execute("CREATE TABLE t(a); INSERT INTO t VALUES (1)");
            c.execute("BEGIN");
            SqliteException e = assertThrows(SqliteException.class, () -> c.execute("VACUUM"));
            assertEquals("cannot VACUUM from within a transaction", e.getMessage());
            e = assertThrows(SqliteException.class, () -> c.execute("VACUUM INTO '" + dir.resolve("in-tx.db") + "'"));
            assertEquals("cannot VACUUM from within a transaction", e.getMessage());
            c.execute("COMMIT");
            assertTrue(Files.notExists(dir.resolve("in-tx.db")));
            e = assertThrows(SqliteException.class, () -> c.execute("VACUUM INTO '" + existing + "'"));
            assertEquals("output file already exists", e.getMessage());
            assertEquals("x", Files.readString(existing));
            e = assertThrows(SqliteException.class, () -> c.execute("VACUUM INTO 1"));
            assertEquals("non-text filename", e.getMessage());
            e = assertThrows(SqliteException.class, () -> c.execute("VACUUM INTO NULL"));
            assertEquals("non-text filename", e.getMessage());
            e = assertThrows(SqliteException.class, () -> c.prepare("VACUUM foo"));
            assertEquals("unknown database foo", e.getMessage());
            try (Statement reading = c.prepare("SELECT a FROM t")) {
                assertTrue(reading.next());
                e = assertThrows(SqliteException.class, () -> c.execute("VACUUM"));
                assertEquals("cannot VACUUM - SQL statements in progress", e.getMessage());
                e = assertThrows(SqliteException.class, () -> c.execute("VACUUM INTO '" + empty + "'"));
                assertEquals("cannot VACUUM - SQL statements in progress", e.getMessage());
            }
            c.execute("VACUUM INTO '" + empty + "'");
            c.execute("VACUUM main");
            c.execute("INSERT INTO t VALUES (2)");
            assertEquals(List.of("1", "2"), query(c, "SELECT a FROM t"));
        }
        assertEquals(List.of("1"), Sqlite3.query(empty, "SELECT a FROM t"));
    }

    /** As in SQLite, PRAGMA auto_vacuum on a database with tables takes effect at the next VACUUM. */
    @Test
    void autoVacuumChangesAtTheNextVacuum() throws Exception {
        String script = """
                CREATE TABLE t(a); INSERT INTO t VALUES (1), (2);
                PRAGMA auto_vacuum = FULL;
                PRAGMA auto_vacuum;
                VACUUM;
                PRAGMA auto_vacuum;
                PRAGMA auto_vacuum = NONE;
                VACUUM INTO '%s';
                PRAGMA auto_vacuum;
                PRAGMA auto_vacuum = INCREMENTAL;
                VACUUM;
                PRAGMA auto_vacuum;
                """;
        Path theirs = dir.resolve("av-theirs.db");
        Path theirsCopy = dir.resolve("av-theirs-copy.db");
        List<String> expected = Sqlite3.query(theirs, script.formatted(theirsCopy));
        Path ours = dir.resolve("av-ours.db");
        Path oursCopy = dir.resolve("av-ours-copy.db");
        List<String> actual = new ArrayList<>();
        try (Database d = Database.open(ours.toString()); Connection c = d.connect()) {
            for (String sql : script.formatted(oursCopy).split(";")) {
                if (!sql.isBlank()) {
                    actual.addAll(query(c, sql));
                }
            }
        }
        assertEquals(expected, actual);
        assertEquals(List.of("2"), Sqlite3.query(ours, "PRAGMA auto_vacuum"));
        assertEquals(List.of("0"), Sqlite3.query(oursCopy, "PRAGMA auto_vacuum"));
        assertEquals(List.of("ok"), Sqlite3.query(ours, "PRAGMA integrity_check"));
        assertEquals(List.of("ok"), Sqlite3.query(oursCopy, "PRAGMA integrity_check"));
    }

    @Test
    void vacuumOfAnEmptyDatabaseDoesNothing() throws Exception {
        Path db = dir.resolve("empty-db.db");
        try (Database d = Database.open(db.toString()); Connection c = d.connect()) {
            c.execute("VACUUM");
            assertEquals(0, scalar(c, "PRAGMA page_count"));
        }
    }
}
