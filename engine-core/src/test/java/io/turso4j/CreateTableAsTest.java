package io.turso4j;

import static io.turso4j.TablesTest.sqlite3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE TABLE … AS SELECT: the column names and declared types SQLite derives, the stored
 * schema text, the rows copied with their columns' affinities, and the name checks, compared
 * with SQLite (sqlite-jdbc); a file written here passes sqlite3's integrity check and shows the
 * schema text sqlite3 itself would write.
 */
class CreateTableAsTest {
    @TempDir
    Path dir;

    private static final String[] SETUP = {
        "CREATE TABLE t(a INTEGER PRIMARY KEY, b VARCHAR(10), c REAL, d BLOB, e NUMERIC, f)",
        "INSERT INTO t VALUES (1, 'x', 1.5, x'01', 3, 'q'), (2, 'yy', 2, NULL, '4.0', 7)",
    };

    private static final String[] CREATES = {
        "CREATE TABLE c1 AS SELECT * FROM t",
        "CREATE TABLE c2 AS SELECT a + 1, b || 'z', c * 2, 1, 1, 1 AS key, 'lit', 2.5, x'00', NULL,"
                + " CAST(a AS TEXT), a AS \"we ird\", max(a, c) FROM t",
        "CREATE TABLE \"c 3\" AS SELECT a AS x, b AS x, b AS x, b AS \"x:1\" FROM t",
        "CREATE TABLE c4 AS SELECT a, b, c, d, e, f, a AS aaaaaaaaaaaaaaaaaaaa, b AS bbbbbbbbbbbbbbbbbbbbb FROM t",
        "CREATE TABLE c5 AS SELECT 1 AS a UNION SELECT 'x'",
        "CREATE TABLE c6 AS SELECT a AS \"select\", a AS _x1, a AS \"1x\", a AS abort, a AS \"é\" FROM t",
        "CREATE TABLE c7 AS SELECT e, typeof(e), f FROM t WHERE a > 1",
        "CREATE TABLE c9 AS SELECT CAST(e AS INTEGER) AS ci, CAST(c AS REAL) cr, CAST(a AS NUMERIC) cn FROM t",
        "CREATE TABLE c10 AS VALUES (1, 'a'), (2, 'b')",
        "CREATE TABLE c11 AS SELECT x.a, y.b FROM t AS x JOIN t AS y ON x.a = y.a - 1",
    };

    @Test
    void columnsTypesRowsAndTextAsSqlite() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SETUP) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (String sql : CREATES) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
                String name = sql.split(" ")[2];
                for (String q : new String[] {"SELECT * FROM " + name, "SELECT sql FROM sqlite_master WHERE name = '"
                        + name.replace("\"", "") + "'"}) {
                    assertEquals(oracle.sqlite(q), oracle.turso(q), q);
                }
            }
            for (String sql : new String[] {"CREATE TABLE c1 AS SELECT 1", "CREATE TABLE IF NOT EXISTS c1 AS SELECT 1",
                    "CREATE TABLE c12 AS SELECT * FROM nope", "CREATE TABLE sqlite_x AS SELECT 1",
                    "CREATE TABLE aux.c13 AS SELECT 1", "SELECT count(*) FROM c1", "INSERT INTO c9 VALUES ('7', '8', '9.0')",
                    "SELECT typeof(ci), typeof(cr), typeof(cn) FROM c9"}) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    @Test
    void fileHasSqlite3sSchemaText() throws Exception {
        Path ours = dir.resolve("ours.db");
        Path theirs = dir.resolve("theirs.db");
        try (Database db = Database.open(ours.toString(), DatabaseOptions.defaults().withIo("nio"));
             Connection c = db.connect()) {
            for (String sql : SETUP) {
                c.execute(sql);
            }
            for (String sql : CREATES) {
                c.execute(sql);
            }
        }
        sqlite3(theirs, String.join(";", SETUP) + ";" + String.join(";", CREATES));
        assertEquals("ok", sqlite3(ours, "PRAGMA integrity_check").strip());
        String dump = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";
        assertEquals(sqlite3(theirs, dump), sqlite3(ours, dump));
        assertEquals(sqlite3(theirs, "SELECT * FROM c2"), sqlite3(ours, "SELECT * FROM c2"));
    }
}
