package io.turso4j;


import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** {@code PRAGMA table_info} / {@code table_xinfo} of views against SQLite (sqlite-jdbc). */
class ViewTableInfoTest {

    @Test
    void viewColumnsNamesAndTypes() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c VARCHAR(10), d)",
                "CREATE TABLE u(k INT, v BLOB)",
                "CREATE VIEW v1 AS SELECT a, b AS bb, c, d, a + 1, 'lit', upper(b) FROM t",
                "PRAGMA table_info(v1)",
                "PRAGMA table_xinfo(v1)",
                "CREATE VIEW v2(x, y) AS SELECT a, count(*) FROM t",
                "PRAGMA table_info(v2)",
                "CREATE VIEW v3 AS SELECT * FROM v1 UNION SELECT 1, 2, 3, 4, 5, 6, 7",
                "PRAGMA table_info(v3)",
                "CREATE VIEW v4 AS SELECT t.*, u.v, x.k FROM t JOIN u ON u.k = t.a, (SELECT k FROM u) AS x",
                "PRAGMA table_info(v4)",
                "CREATE VIEW v5 AS SELECT a, a, b, B FROM t",
                "PRAGMA table_xinfo(v5)",
                "CREATE VIEW v6 AS SELECT x, bb FROM v2, v1",
                "PRAGMA table_info(v6)",
                "PRAGMA table_info(no_such_view)");
    }
}
