package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * An ORDER BY term that is a bare name means the result column with that alias before any
 * column of a table (SQLite's resolveAsName), and then sorts under that column's collation.
 * Compared with SQLite (sqlite-jdbc).
 */
class OrderByAliasTest {
    @Test
    void aliasesComeBeforeTableColumns() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE a(id INTEGER PRIMARY KEY, x TEXT COLLATE NOCASE, y REAL)",
                "INSERT INTO a VALUES (1, 'A', 1.5), (2, 'b', NULL), (3, 'c', 3), (4, NULL, 4), (5, 'C', 2)",
                "SELECT x AS y, y AS x FROM a ORDER BY x",
                "SELECT x AS y, y AS x FROM a ORDER BY y, 2",
                "SELECT x AS y, y AS x FROM a ORDER BY y COLLATE BINARY, 2",
                "SELECT x, id AS x FROM a ORDER BY x",
                "SELECT y AS id FROM a ORDER BY id",
                "SELECT -id AS id FROM a ORDER BY id LIMIT 2",
                "SELECT id AS x FROM a UNION ALL SELECT y FROM a ORDER BY x",
                "SELECT y AS q FROM a UNION SELECT id AS x FROM a ORDER BY x DESC");
    }
}
