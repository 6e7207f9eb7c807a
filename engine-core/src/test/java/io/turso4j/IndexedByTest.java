package io.turso4j;


import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * INDEXED BY and NOT INDEXED bind the planner as in SQLite: with NOT INDEXED a scan visits rows
 * in rowid order even when a covering index exists, so order-sensitive aggregates such as
 * group_concat give SQLite's answer; INDEXED BY limits the choice to the one index.
 */
class IndexedByTest {

    @Test
    void notIndexedScansInRowidOrder() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t1(x INTEGER, y)",
                "INSERT INTO t1 VALUES (1, 'a'), (0, 'b'), (2, 'c'), (2, 'd')",
                "CREATE INDEX t1i1 ON t1(x)",
                "SELECT group_concat(x) FROM t1 NOT INDEXED",
                "SELECT group_concat(DISTINCT x) FROM t1 NOT INDEXED",
                "SELECT group_concat(x) FROM t1 INDEXED BY t1i1 WHERE x > -1",
                "SELECT y FROM t1 NOT INDEXED WHERE x = 2 ORDER BY y");
    }

    @Test
    void indexedByAnUnknownIndexFails() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t1(x INTEGER, y)",
                "CREATE INDEX t1i1 ON t1(x)",
                "SELECT * FROM t1 INDEXED BY nosuch WHERE x = 1");
    }
}
