package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.SqliteException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What turso4j answers differently from SQLite by design, and what sqlite-jdbc cannot show. */
class PragmaTest {
    @TempDir
    Path dir;

    private static List<String> rows(Connection c, String sql) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < s.columnCount(); i++) {
                    row.add(s.getText(i));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    @Test
    void journalModeStaysWal() {
        try (Database db = Database.open(dir.resolve("j.db").toString()); Connection c = db.connect()) {
            for (String mode : List.of("delete", "truncate", "persist", "memory", "off", "wal", "bogus")) {
                assertEquals(List.of("wal"), rows(c, "PRAGMA journal_mode = " + mode), mode);
            }
            assertEquals(List.of("wal"), rows(c, "PRAGMA journal_mode"));
        }
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            assertEquals(List.of("memory"), rows(c, "PRAGMA journal_mode = wal"));
        }
    }

    @Test
    void databaseListNamesTheFile() {
        Path file = dir.resolve("list.db");
        try (Database db = Database.open(file.toString()); Connection c = db.connect()) {
            assertEquals(List.of("0|main|" + file.toAbsolutePath()), rows(c, "PRAGMA database_list"));
        }
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            assertEquals(List.of("0|main|"), rows(c, "PRAGMA database_list"));
        }
    }

    @Test
    void theTempDatabaseAppearsOnlyOnceNamed() throws java.sql.SQLException {
        SqliteOracle.differential(
                "CREATE TABLE readings(temperature, temp_store_note TEXT DEFAULT 'temp')",
                "INSERT INTO readings(temperature) VALUES (21.5)",
                "SELECT temperature, temp_store_note FROM readings WHERE temp_store_note = 'temp'",
                "SELECT name FROM pragma_database_list",
                "SELECT count(*) FROM sqlite_temp_schema",
                "SELECT name FROM pragma_database_list",
                "CREATE TEMP TABLE x(a)",
                "SELECT name FROM pragma_database_list");
    }

    @Test
    void incrementalVacuumReleasesFreePages() {
        try (Database db = Database.open(dir.resolve("v.db").toString()); Connection c = db.connect()) {
            c.execute("PRAGMA auto_vacuum = incremental; CREATE TABLE big(x);"
                    + "INSERT INTO big VALUES (randomblob(20000)), (randomblob(20000)); DELETE FROM big");
            long free = Long.parseLong(rows(c, "PRAGMA freelist_count").get(0));
            long pages = Long.parseLong(rows(c, "PRAGMA page_count").get(0));
            assertTrue(free > 3, "free pages: " + free);
            c.execute("PRAGMA incremental_vacuum(2)");
            assertEquals(List.of(String.valueOf(free - 2)), rows(c, "PRAGMA freelist_count"));
            assertEquals(List.of(String.valueOf(pages - 2)), rows(c, "PRAGMA page_count"));
            c.execute("PRAGMA incremental_vacuum");
            assertEquals(List.of("0"), rows(c, "PRAGMA freelist_count"));
            assertEquals(List.of("ok"), rows(c, "PRAGMA integrity_check"));
        }
    }

    @Test
    void settingsBelongToTheConnection() {
        DatabaseOptions options = DatabaseOptions.defaults().withBusyTimeout(1234);
        try (Database db = Database.open(dir.resolve("s.db").toString(), options); Connection a = db.connect();
             Connection b = db.connect()) {
            assertEquals(List.of("1234"), rows(a, "PRAGMA busy_timeout"));
            a.execute("PRAGMA busy_timeout = 10; PRAGMA foreign_keys = on; PRAGMA cache_size = 77");
            assertEquals(10, a.busyTimeout());
            b.setBusyTimeout(99);
            assertEquals(List.of("99"), rows(b, "PRAGMA busy_timeout"));
            assertEquals(List.of("1"), rows(a, "PRAGMA foreign_keys"));
            assertEquals(List.of("0"), rows(b, "PRAGMA foreign_keys"));
            assertEquals(List.of("77"), rows(a, "PRAGMA cache_size"));
            assertEquals(List.of("-2000"), rows(b, "PRAGMA cache_size"));
        }
    }

    @Test
    void transactionBoundRules() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("BEGIN");
            SqliteException e = assertThrows(SqliteException.class, () -> c.execute("PRAGMA synchronous = 1"));
            assertEquals("Safety level may not be changed inside a transaction", e.getMessage());
            c.execute("PRAGMA foreign_keys = 1"); // a no-op inside a transaction
            assertEquals(List.of("0"), rows(c, "PRAGMA foreign_keys"));
            c.execute("COMMIT; PRAGMA foreign_keys = 1");
            assertEquals(List.of("1"), rows(c, "PRAGMA foreign_keys"));
        }
    }

    @Test
    void explainListsThePragmaOpcodes() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            List<String> program = rows(c, "EXPLAIN PRAGMA user_version");
            assertTrue(program.stream().anyMatch(r -> r.contains("|ReadCookie|")), program.toString());
        }
    }
}
