package io.turso4j;

import static io.turso4j.TablesTest.rows;
import static io.turso4j.TablesTest.sqlite3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.error.SqliteException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DROP TABLE, DROP VIEW and DROP INDEX: messages and sqlite_schema contents as SQLite's
 * (sqlite-jdbc), files that pass sqlite3's integrity check afterwards (every freed page on the
 * freelist, auto-vacuum root moves recorded in sqlite_schema), and other connections seeing
 * the change.
 */
class DropTest {
    @TempDir
    Path dir;

    @Test
    void dropsAndTheirErrorsAsSqlite() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b UNIQUE, c)",
                "CREATE INDEX tc ON t(c)",
                "CREATE TABLE u(x PRIMARY KEY, y) ",
                "CREATE TABLE s(id INTEGER PRIMARY KEY AUTOINCREMENT, v)",
                "INSERT INTO s(v) VALUES (1), (2)",
                "CREATE VIEW v AS SELECT a, c FROM t",
                "INSERT INTO t VALUES (1, 'one', 10), (2, 'two', 20)",
                "DROP TABLE nope",
                "DROP TABLE main.nope",
                "DROP TABLE aux.nope",
                "DROP VIEW nope",
                "DROP INDEX nope",
                "DROP TABLE IF EXISTS nope",
                "DROP VIEW IF EXISTS nope",
                "DROP INDEX IF EXISTS nope",
                "DROP TABLE v",
                "DROP VIEW t",
                "DROP TABLE sqlite_master",
                "DROP TABLE sqlite_schema",
                "DROP TABLE sqlite_sequence",
                "DROP INDEX sqlite_autoindex_t_1",
                "DROP INDEX sqlite_autoindex_u_1",
                "DROP INDEX tc",
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
                "SELECT * FROM t WHERE c = 20",
                "DROP VIEW v",
                "SELECT * FROM v",
                "DROP TABLE s",
                "SELECT * FROM sqlite_sequence",
                "DROP TABLE t",
                "SELECT * FROM t",
                "CREATE TABLE t(z)",
                "INSERT INTO t VALUES (5)",
                "SELECT * FROM t",
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name");
    }

    @Test
    void droppedPagesGoToTheFreelist() throws Exception {
        Path file = dir.resolve("d.db");
        try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            c.execute("CREATE TABLE keep(a INTEGER PRIMARY KEY, b TEXT)");
            c.execute("CREATE TABLE big(a INTEGER PRIMARY KEY, b TEXT UNIQUE, c)");
            c.execute("CREATE INDEX bc ON big(c, b)");
            c.execute("CREATE TABLE other(x)");
            StringBuilder insert = new StringBuilder("INSERT INTO big(b, c) VALUES ");
            for (int i = 0; i < 1500; i++) {
                insert.append(i == 0 ? "" : ",").append("('value ").append(i).append(" ").append("y".repeat(i % 300))
                        .append("', ").append(i % 17).append(")");
            }
            c.execute(insert.toString());
            c.execute("INSERT INTO keep VALUES (1, 'kept'), (2, 'also')");
            c.execute("INSERT INTO other VALUES (1), (2), (3)");
            c.execute("DROP INDEX bc");
            assertEquals(List.of("1500"), rows(c, "SELECT count(*) FROM big WHERE c >= 0"));
            c.execute("DROP TABLE big");
        }
        assertEquals("ok", sqlite3(file, "PRAGMA integrity_check").strip());
        assertEquals("keep\nother", sqlite3(file, "SELECT name FROM sqlite_master ORDER BY name").strip());
        assertEquals("1|kept\n2|also", sqlite3(file, "SELECT * FROM keep").strip());
        int pages = Integer.parseInt(sqlite3(file, "PRAGMA page_count").strip());
        int free = Integer.parseInt(sqlite3(file, "PRAGMA freelist_count").strip());
        assertEquals(3, pages - free, "page 1 and the two remaining tables' roots are all that is used");
    }

    @Test
    void autoVacuumDropMovesTheLargestRootIntoTheHole() throws Exception {
        Path file = dir.resolve("av.db");
        sqlite3(file, "PRAGMA auto_vacuum = FULL; CREATE TABLE a(x); CREATE TABLE b(y, z UNIQUE);"
                + "CREATE INDEX by ON b(y); CREATE TABLE c(w);"
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                + "INSERT INTO b SELECT i, printf('%.200c', 'z') || i FROM n;"
                + "INSERT INTO c VALUES ('after'); INSERT INTO a VALUES ('first');");
        String before = sqlite3(file, "SELECT name, rootpage FROM sqlite_master ORDER BY rootpage");
        try (Database db = Database.open(file.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            c.execute("DROP TABLE b");
            assertEquals(List.of("after"), rows(c, "SELECT * FROM c"));
            c.execute("CREATE TABLE d(v)");
            c.execute("INSERT INTO d VALUES (42)");
        }
        assertEquals("ok", sqlite3(file, "PRAGMA integrity_check").strip(), before);
        assertEquals("a|3\nc|4\nd|5", sqlite3(file, "SELECT name, rootpage FROM sqlite_master ORDER BY rootpage").strip());
        assertEquals("after", sqlite3(file, "SELECT * FROM c").strip());
        assertEquals("42", sqlite3(file, "SELECT * FROM d").strip());
        assertEquals("0", sqlite3(file, "PRAGMA freelist_count").strip());
    }

    @Test
    void anotherConnectionSeesTheDrop() {
        try (Database db = Database.open(":memory:"); Connection one = db.connect(); Connection two = db.connect()) {
            one.execute("CREATE TABLE t(a)");
            one.execute("CREATE VIEW v AS SELECT a * 2 AS d FROM t");
            one.execute("INSERT INTO t VALUES (21)");
            assertEquals(List.of("42"), rows(two, "SELECT d FROM v"));
            one.execute("DROP VIEW v");
            SqliteException e = assertThrows(SqliteException.class, () -> rows(two, "SELECT d FROM v"));
            assertEquals("no such table: v", e.getMessage());
            two.execute("DROP TABLE t");
            e = assertThrows(SqliteException.class, () -> rows(one, "SELECT * FROM t"));
            assertEquals("no such table: t", e.getMessage());
        }
    }
}
