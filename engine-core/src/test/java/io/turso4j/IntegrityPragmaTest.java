package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.Sqlite3;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PRAGMA integrity_check} and {@code quick_check} on damaged databases made with
 * sqlite3 (3.40), whose output is the oracle: lines for lines, limits and table filter included.
 */
class IntegrityPragmaTest {
    @TempDir
    Path dir;

    /**
     * An index that misses row 2 (it was created partial, then its SQL rewritten without the
     * WHERE) and a NOT NULL column holding a NULL (the NOT NULL was added the same way).
     */
    private Path damagedIndexAndNotNull() throws Exception {
        Path db = dir.resolve("damaged.db");
        Sqlite3.run(db, """
                CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c);
                CREATE INDEX i1 ON t(b) WHERE a != 2;
                CREATE UNIQUE INDEX i2 ON t(c);
                INSERT INTO t VALUES (1, 'x', 1), (2, 'y', 2), (3, NULL, 3);
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = 'CREATE INDEX i1 ON t(b)' WHERE name = 'i1';
                UPDATE sqlite_schema SET sql = 'CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL, c)' WHERE name = 't';
                """);
        return db;
    }

    /** As above, plus four pages (a dropped table's) taken off the freelist: "Page N is never used". */
    private Path damagedStorageToo() throws Exception {
        Path db = dir.resolve("storage.db");
        Sqlite3.run(db, """
                CREATE TABLE a(x);
                INSERT INTO a VALUES (randomblob(3000)), (randomblob(3000)), (randomblob(3000));
                CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c);
                CREATE INDEX i1 ON t(b) WHERE a != 2;
                INSERT INTO t VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3);
                DROP TABLE a;
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = 'CREATE INDEX i1 ON t(b)' WHERE name = 'i1';
                """);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(32); // first freelist trunk page and free page count
            f.write(new byte[8]);
        }
        return db;
    }

    private void assertSameAsSqlite3(Path db, String sql) throws Exception {
        Sqlite3Lines.assertSame(dir, db, sql);
    }

    @Test
    void missingIndexRowAndNullInNotNullColumn() throws Exception {
        Path db = damagedIndexAndNotNull();
        assertEquals(List.of("row 2 missing from index i1", "NULL value in t.b", "wrong # of entries in index i1"),
                Sqlite3Lines.turso(db, "PRAGMA integrity_check"));
        for (String sql : List.of("PRAGMA integrity_check", "PRAGMA quick_check", "PRAGMA integrity_check(1)",
                "PRAGMA integrity_check(2)", "PRAGMA integrity_check(t)", "PRAGMA quick_check(t)")) {
            assertSameAsSqlite3(db, sql);
        }
    }

    @Test
    void storageProblemsComeFirstAndCountAgainstTheLimit() throws Exception {
        Path db = damagedStorageToo();
        for (String sql : List.of("PRAGMA integrity_check", "PRAGMA quick_check", "PRAGMA integrity_check(1)",
                "PRAGMA integrity_check(4)", "PRAGMA integrity_check(5)", "PRAGMA integrity_check(t)",
                "PRAGMA integrity_check(0)")) {
            assertSameAsSqlite3(db, sql);
        }
    }

    @Test
    void duplicateKeysInAUniqueIndex() throws Exception {
        Path db = dir.resolve("unique.db");
        Sqlite3.run(db, """
                CREATE TABLE t(a INTEGER PRIMARY KEY, b, c);
                CREATE INDEX i ON t(b);
                CREATE INDEX j ON t(b, c);
                INSERT INTO t VALUES (1, 'x', 1), (2, 'x', 1), (3, NULL, 3), (4, NULL, 3), (5, 'y', 5), (6, 'x', 2);
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = 'CREATE UNIQUE INDEX i ON t(b)' WHERE name = 'i';
                UPDATE sqlite_schema SET sql = 'CREATE UNIQUE INDEX j ON t(b, c)' WHERE name = 'j';
                """);
        assertEquals(List.of("non-unique entry in index j", "non-unique entry in index i", "non-unique entry in index i"),
                Sqlite3Lines.turso(db, "PRAGMA integrity_check"));
        for (String sql : List.of("PRAGMA integrity_check", "PRAGMA quick_check", "PRAGMA integrity_check(2)")) {
            assertSameAsSqlite3(db, sql);
        }
    }

    @Test
    void healthyDatabaseIsOk() throws Exception {
        Path db = dir.resolve("ok.db");
        try (Database d = Database.open(db.toString()); Connection c = d.connect()) {
            c.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b NOT NULL, c UNIQUE); CREATE INDEX tb ON t(b, c);"
                    + "INSERT INTO t(b, c) VALUES (1, 2), (3, 4), ('x', NULL), ('y', NULL)");
        }
        assertEquals(List.of("ok"), Sqlite3Lines.turso(db, "PRAGMA integrity_check"));
        assertEquals(List.of("ok"), Sqlite3.query(db, "PRAGMA integrity_check"));
    }
}
