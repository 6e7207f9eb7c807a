package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.Sqlite3;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PRAGMA integrity_check}'s row checks for CHECK constraints, partial indexes and
 * indexes on expressions, against sqlite3 (3.40) on files it damaged (rows written with
 * {@code ignore_check_constraints}, index definitions rewritten through {@code writable_schema}):
 * the same lines in the same order, and "ok" for healthy files.
 */
class IntegrityChecksTest {
    @TempDir
    Path dir;

    private void assertSameAsSqlite3(Path db, String sql) throws Exception {
        Sqlite3Lines.assertSame(dir, db, sql);
    }

    private static final String SCHEMA = """
            CREATE TABLE t(a INTEGER PRIMARY KEY, b INT CHECK(b > 0), c TEXT NOT NULL, d,
                           CHECK(d IS NULL OR d < 100));
            CREATE INDEX tp ON t(b) WHERE b > 5;
            CREATE INDEX te ON t(lower(c));
            CREATE UNIQUE INDEX tu ON t(c COLLATE NOCASE, d) WHERE d IS NOT NULL;
            CREATE TABLE s(x CHECK(x != 'bad'), y, CONSTRAINT named CHECK(y < 10));
            CREATE INDEX sx ON s(x || '!', y) WHERE y % 2 = 0;
            """;

    @Test
    void damagedRowsAndIndexesAsSqlite3ReportsThem() throws Exception {
        Path db = dir.resolve("damaged.db");
        Sqlite3.run(db, SCHEMA + """
                PRAGMA ignore_check_constraints = 1;
                INSERT INTO t VALUES (1, 10, 'A', 1), (2, -1, 'B', 200), (3, 7, 'C', NULL), (4, NULL, 'D', NULL);
                INSERT INTO s VALUES ('bad', 1), ('ok', 2), ('fine', 20), ('bad', 40), (NULL, 4);
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = 'CREATE INDEX tp ON t(b) WHERE b > 8' WHERE name = 'tp';
                UPDATE sqlite_schema SET sql = 'CREATE INDEX te ON t(upper(c))' WHERE name = 'te';
                UPDATE sqlite_schema SET sql = 'CREATE INDEX sx ON s(x || ''?'', y) WHERE y % 2 = 0' WHERE name = 'sx';
                """);
        assertEquals(List.of("CHECK constraint failed in s", "row 2 missing from index sx",
                        "CHECK constraint failed in s", "row 3 missing from index sx", "CHECK constraint failed in s"),
                Sqlite3.query(db, "PRAGMA integrity_check").subList(0, 5), "the damage sqlite3 sees");
        for (String sql : List.of("PRAGMA integrity_check", "PRAGMA quick_check", "PRAGMA integrity_check(t)",
                "PRAGMA integrity_check(s)", "PRAGMA integrity_check(3)", "PRAGMA quick_check(t)")) {
            assertSameAsSqlite3(db, sql);
        }
    }

    @Test
    void healthyPartialAndExpressionIndexesAndChecksAreOk() throws Exception {
        Path db = dir.resolve("healthy.db");
        Sqlite3.run(db, SCHEMA + """
                INSERT INTO t VALUES (1, 10, 'A', 1), (2, 1, 'b', NULL), (3, 7, 'C', 99), (4, NULL, 'D', NULL);
                INSERT INTO s VALUES ('ok', 2), ('fine', 4), (NULL, 5), (NULL, NULL);
                """);
        assertEquals(List.of("ok"), Sqlite3.query(db, "PRAGMA integrity_check"));
        assertEquals(List.of("ok"), Sqlite3Lines.turso(db, "PRAGMA integrity_check"));
        Path ours = dir.resolve("ours.db");
        try (Database d = Database.open(ours.toString()); Connection c = d.connect()) {
            c.execute(SCHEMA + """
                    INSERT INTO t VALUES (1, 10, 'A', 1), (2, 1, 'b', NULL), (3, 7, 'C', 99), (4, NULL, 'D', NULL);
                    INSERT INTO s VALUES ('ok', 2), ('fine', 4), (NULL, 5), (NULL, NULL);
                    UPDATE t SET b = 6 WHERE a = 2;
                    DELETE FROM s WHERE y = 4;
                    """);
        }
        assertEquals(List.of("ok"), Sqlite3Lines.turso(ours, "PRAGMA integrity_check"));
        assertEquals(List.of("ok"), Sqlite3.query(ours, "PRAGMA integrity_check"));
    }
}
