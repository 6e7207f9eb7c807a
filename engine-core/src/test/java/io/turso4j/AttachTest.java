package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.Sqlite3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ATTACH and DETACH against SQLite: each engine attaches its own copy of the files (the
 * {@code @} in a script stands for that engine's directory), then the same statements must give
 * the same rows or errors. The files turso4j wrote must pass sqlite3's integrity check.
 */
class AttachTest {
    @TempDir
    Path dir;

    private void run(SqliteOracle oracle, String... script) {
        for (String sql : script) {
            String sqlite = oracle.sqlite(sql.replace("@", dir.resolve("s").toString()));
            String turso = oracle.turso(sql.replace("@", dir.resolve("t").toString()));
            assertEquals(sqlite, turso.replace(dir.resolve("t").toString(), dir.resolve("s").toString()), sql);
        }
    }

    @Test
    void attachedTablesJoinAndChangeWithMain() throws Exception {
        Files.createDirectories(dir.resolve("s"));
        Files.createDirectories(dir.resolve("t"));
        try (SqliteOracle oracle = new SqliteOracle()) {
            run(oracle,
                    "CREATE TABLE m(id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO m VALUES (1, 'one'), (2, 'two'), (3, 'three')",
                    "ATTACH DATABASE '@/aux1.db' AS aux",
                    "ATTACH '@/aux2.db' AS 'other'",
                    "CREATE TABLE aux.a(id INTEGER PRIMARY KEY, m_id INT, v REAL)",
                    "CREATE INDEX aux.a_m ON a(m_id)",
                    "CREATE TABLE other.m(x)",
                    "INSERT INTO aux.a(m_id, v) SELECT id, id * 1.5 FROM main.m",
                    "INSERT INTO other.m VALUES ('shadowed')",
                    "SELECT * FROM m ORDER BY 1",
                    "SELECT * FROM other.m",
                    "SELECT m.name, a.v FROM m JOIN a ON a.m_id = m.id WHERE a.v > 2 ORDER BY a.v",
                    "SELECT m.name, a.v FROM main.m AS m, aux.a AS a WHERE a.m_id = m.id AND m.id = 2",
                    "UPDATE aux.a SET v = -v WHERE m_id IN (SELECT id FROM m WHERE name LIKE 't%')",
                    "DELETE FROM a WHERE m_id = 1",
                    "SELECT * FROM a ORDER BY id",
                    "SELECT type, name, tbl_name FROM aux.sqlite_master ORDER BY name",
                    "PRAGMA aux.table_info(a)",
                    "PRAGMA database_list",
                    "ATTACH '@/aux1.db' AS aux",
                    "ATTACH '@/aux1.db' AS main",
                    "DETACH nosuch",
                    "DETACH main",
                    "DETACH temp",
                    "BEGIN",
                    "INSERT INTO a(m_id, v) VALUES (9, 9)",
                    "INSERT INTO m VALUES (9, 'nine')",
                    "ROLLBACK",
                    "SELECT count(*) FROM a",
                    "SELECT count(*) FROM m",
                    "BEGIN",
                    "INSERT INTO a(m_id, v) VALUES (10, 10)",
                    "COMMIT",
                    "DETACH aux",
                    "SELECT * FROM a",
                    "SELECT * FROM aux.a",
                    "PRAGMA database_list",
                    "ATTACH '@/aux1.db' AS again",
                    "SELECT m_id, v FROM again.a ORDER BY id",
                    "DETACH again",
                    "DETACH other");
        }
        for (String file : new String[] {"aux1.db", "aux2.db"}) {
            assertEquals("ok", Sqlite3.output(dir.resolve("t").resolve(file), "PRAGMA integrity_check;").strip(), file);
        }
    }

    @Test
    void tempAndAttachedInTheSameConnection() throws Exception {
        Files.createDirectories(dir.resolve("s"));
        Files.createDirectories(dir.resolve("t"));
        try (SqliteOracle oracle = new SqliteOracle()) {
            run(oracle,
                    "CREATE TABLE t(a)",
                    "ATTACH '@/x.db' AS x",
                    "CREATE TABLE x.t(a)",
                    "CREATE TEMP TABLE t(a)",
                    "INSERT INTO t VALUES ('temp')",
                    "INSERT INTO main.t VALUES ('main')",
                    "INSERT INTO x.t VALUES ('x')",
                    "SELECT * FROM t",
                    "DROP TABLE t",
                    "SELECT * FROM t",
                    "DROP TABLE t",
                    "SELECT * FROM t",
                    "PRAGMA database_list",
                    "DETACH x");
        }
    }

    @Test
    void anotherConnectionsCommitToAnAttachedFileIsSeen() throws Exception {
        Path shared = dir.resolve("shared.db");
        try (Database other = Database.open(shared.toString()); Connection writer = other.connect();
             Database mine = Database.open(":memory:"); Connection reader = mine.connect()) {
            writer.execute("CREATE TABLE s(x); INSERT INTO s VALUES (1)");
            reader.execute("ATTACH '" + shared + "' AS sh");
            assertEquals(1L, scalar(reader, "SELECT count(*) FROM sh.s"));
            writer.execute("INSERT INTO s VALUES (2); CREATE TABLE s2(y); INSERT INTO s2 VALUES (7)");
            assertEquals(2L, scalar(reader, "SELECT count(*) FROM s"));
            assertEquals(7L, scalar(reader, "SELECT y FROM sh.s2"));
            reader.execute("INSERT INTO sh.s2 VALUES (8)");
            assertEquals(15L, scalar(writer, "SELECT sum(y) FROM s2"));
            reader.execute("DETACH sh");
        }
        assertEquals("ok", Sqlite3.output(shared, "PRAGMA integrity_check;").strip());
    }

    private static Object scalar(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            s.next();
            return s.getObject(0);
        }
    }
}
