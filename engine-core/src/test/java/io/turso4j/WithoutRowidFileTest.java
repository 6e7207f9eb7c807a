package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WITHOUT ROWID tables in a file /usr/bin/sqlite3 wrote (single, composite, DESC and collated
 * text primary keys, secondary indexes, rows that overflow their page): every query reads the
 * same rows here as in SQLite (sqlite-jdbc on a copy of the same file).
 */
class WithoutRowidFileTest {
    private static final String BUILD = """
            CREATE TABLE kv(k INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID;
            CREATE TABLE pair(a TEXT, b INT, c REAL, d BLOB, PRIMARY KEY(b, a)) WITHOUT ROWID;
            CREATE TABLE rev(x INT, y TEXT, PRIMARY KEY(x DESC)) WITHOUT ROWID;
            CREATE TABLE names(n TEXT COLLATE NOCASE PRIMARY KEY, born INT, note TEXT) WITHOUT ROWID;
            CREATE INDEX names_born ON names(born);
            CREATE UNIQUE INDEX pair_c ON pair(c);
            CREATE TABLE big(id TEXT PRIMARY KEY, body TEXT, n INT) WITHOUT ROWID;
            CREATE INDEX big_n ON big(n);
            WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 300)
              INSERT INTO kv SELECT i * 8 % 301, 'v' || i FROM s;
            WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 200)
              INSERT INTO pair SELECT char(65 + i % 26) || i, i % 13, i * 1.5, randomblob(i % 5) FROM s;
            INSERT INTO rev VALUES (1, 'one'), (5, 'five'), (3, 'three'), (-2, 'minus two'), (40, 'forty');
            INSERT INTO names VALUES ('alice', 1990, 'a'), ('Bob', 1985, NULL), ('carol', 1990, 'c'),
              ('DAVE', 2001, 'd'), ('eve', NULL, 'e');
            WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 60)
              INSERT INTO big SELECT printf('key%04d', i) || substr(hex(zeroblob(600)), 1, i * 40),
                     replace(hex(zeroblob(2000 + i * 50)), '0', char(97 + i % 26)), i % 9 FROM s;
            """;

    private static final String[] QUERIES = {
        "SELECT * FROM kv",
        "SELECT * FROM kv WHERE k = 35",
        "SELECT * FROM kv WHERE k BETWEEN 10 AND 20",
        "SELECT * FROM kv WHERE k > 290 ORDER BY k DESC",
        "SELECT count(*), sum(k), max(v) FROM kv",
        "SELECT * FROM kv WHERE k IN (3, 4, 5, 999)",
        "SELECT v FROM kv WHERE v LIKE 'v1_' ORDER BY v",
        "SELECT rowid FROM kv",
        "SELECT * FROM pair",
        "SELECT * FROM pair WHERE b = 3",
        "SELECT * FROM pair WHERE b = 3 AND a = 'Q68'",
        "SELECT a, b FROM pair WHERE b = 4 AND a > 'M' ORDER BY a",
        "SELECT * FROM pair WHERE c = 30.0",
        "SELECT * FROM pair WHERE c > 290 ORDER BY c",
        "SELECT b, count(*), min(a), max(a), sum(c) FROM pair GROUP BY b",
        "SELECT * FROM rev",
        "SELECT * FROM rev WHERE x = 3",
        "SELECT * FROM rev WHERE x > 2",
        "SELECT * FROM rev ORDER BY x",
        "SELECT * FROM names",
        "SELECT * FROM names WHERE n = 'BOB'",
        "SELECT * FROM names WHERE n > 'c'",
        "SELECT * FROM names WHERE born = 1990",
        "SELECT n FROM names WHERE born > 1980 ORDER BY born, n",
        "SELECT * FROM names ORDER BY n COLLATE BINARY",
        "SELECT length(id), substr(body, 1, 10), length(body), n FROM big",
        "SELECT length(id), length(body) FROM big WHERE n = 4",
        "SELECT count(*) FROM big WHERE id > 'key0030'",
        "SELECT k.k, p.a FROM kv k JOIN pair p ON p.b = k.k ORDER BY 1, 2",
        "SELECT n.n, k.v FROM names n LEFT JOIN kv k ON k.k = n.born % 301 ORDER BY n.n",
        "SELECT * FROM kv WHERE k = (SELECT max(b) FROM pair)",
        "SELECT name, type, tbl_name, sql FROM sqlite_schema ORDER BY name",
        "PRAGMA table_info(pair)",
        "PRAGMA index_list(pair)",
        "PRAGMA index_list(names)",
        "PRAGMA index_info(names_born)",
        "PRAGMA index_xinfo(names_born)",
        "PRAGMA index_xinfo(sqlite_autoindex_pair_1)",
        "PRAGMA integrity_check",
    };

    @TempDir
    Path dir;

    @Test
    void sqlite3FileReadsTheSame() throws Exception {
        Path built = dir.resolve("sqlite.db");
        TablesTest.sqlite3(built, BUILD);
        assertEquals("ok", TablesTest.sqlite3(built, "PRAGMA integrity_check").strip());
        Files.copy(built, dir.resolve("turso.db"));
        try (SqliteOracle oracle = new SqliteOracle(dir)) {
            for (String q : QUERIES) {
                assertEquals(oracle.sqlite(q), oracle.turso(q), q);
            }
        }
    }
}
