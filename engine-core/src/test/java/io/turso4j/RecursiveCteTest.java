package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Recursive CTEs with several recursive SELECTs (SQLite 3.34+), and the forms SQLite refuses.
 * Compared with SQLite (sqlite-jdbc).
 */
class RecursiveCteTest {
    private static final String[] SETUP = {
        "CREATE TABLE link(aa INT, bb INT)",
        "INSERT INTO link VALUES (1, 3), (5, 3), (7, 1), (7, 9), (9, 9), (5, 11), (11, 7), (2, 4), (4, 6), (8, 6)",
    };

    @Test
    void everyRecursiveSelectRunsForEachRowOfTheQueue() throws SQLException {
        SqliteOracle.differential(SETUP,
                "WITH RECURSIVE closure(x) AS (VALUES (1) UNION SELECT aa FROM closure, link WHERE link.bb = closure.x"
                        + " UNION SELECT bb FROM closure, link WHERE link.aa = closure.x) SELECT x FROM closure ORDER BY x",
                "WITH RECURSIVE closure(x) AS (VALUES (1) UNION SELECT aa FROM closure, link WHERE link.bb = closure.x"
                        + " UNION SELECT bb FROM closure, link WHERE link.aa = closure.x) SELECT x FROM closure",
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL VALUES (2) UNION ALL SELECT x + 10 FROM c WHERE x < 30"
                        + " UNION ALL SELECT x + 100 FROM c WHERE x < 100) SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL SELECT x + 1 FROM c WHERE x < 3"
                        + " UNION ALL SELECT x * 2 FROM c WHERE x < 3 ORDER BY 1 DESC) SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL SELECT x + 1 FROM c WHERE x < 5"
                        + " UNION ALL SELECT x * 3 FROM c WHERE x < 4 LIMIT 7 OFFSET 2) SELECT x FROM c");
    }

    @Test
    void refusedFormsFailAsInSqlite() throws SQLException {
        SqliteOracle.differential(SETUP,
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL SELECT aa FROM c, link WHERE link.bb = c.x"
                        + " UNION SELECT bb FROM c, link WHERE link.aa = c.x) SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (SELECT x + 1 FROM c UNION ALL VALUES (1)) SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL SELECT x + 1 FROM c WHERE x < 3 UNION ALL VALUES (7))"
                        + " SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL SELECT count(*) FROM c) SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL SELECT x + 1 FROM c WHERE x < 3 GROUP BY x) SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL SELECT c.x + 1 FROM c, c AS d WHERE c.x < 3) SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (VALUES (1) INTERSECT SELECT x + 1 FROM c) SELECT x FROM c",
                "WITH RECURSIVE c(x) AS (VALUES (1) UNION ALL SELECT DISTINCT x + 1 FROM c WHERE x < 3) SELECT x FROM c");
    }

    @Test
    void aCteNamedInsideItsOwnBodyFailsAsInSqlite() throws SQLException {
        SqliteOracle.differential(SETUP,
                // In a subquery of the recursive SELECT, besides its FROM clause.
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < (SELECT max(n) FROM c))"
                        + " SELECT n FROM c LIMIT 3",
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n IN (SELECT n FROM c) AND n < 5)"
                        + " SELECT n FROM c",
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT (SELECT count(*) FROM c) + n FROM c WHERE n < 5)"
                        + " SELECT n FROM c",
                "WITH RECURSIVE c(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM c WHERE n < 3 UNION ALL SELECT n + 10"
                        + " FROM c WHERE n < (SELECT 2 FROM c)) SELECT n FROM c",
                // Only in a subquery: then it is not recursive at all.
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (SELECT * FROM c) WHERE n < 5) SELECT n FROM c",
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (c JOIN link) AS z WHERE n < 5) SELECT n FROM c",
                "WITH RECURSIVE c(n) AS (SELECT (SELECT count(*) FROM c) UNION ALL SELECT n + 1 FROM c WHERE n < 3)"
                        + " SELECT n FROM c",
                // A table of the same name does not stand in for it.
                "WITH link AS (SELECT * FROM link) SELECT * FROM link",
                "WITH link AS (SELECT aa FROM link WHERE aa IN (SELECT bb FROM link)) SELECT * FROM link",
                "WITH x AS (SELECT 1 AS a), link AS (SELECT * FROM x, link) SELECT * FROM link",
                "WITH link AS (SELECT 1 AS a) SELECT * FROM (WITH link AS (SELECT a + 1 AS a FROM link) SELECT * FROM link)");
    }

    @Test
    void theRecursiveSelectReadsItsRowWhereverItsFromClauseNamesIt() throws SQLException {
        SqliteOracle.differential(SETUP,
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (c) WHERE n < 5) SELECT n FROM c",
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (c) AS x WHERE n < 5) SELECT n FROM c",
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (c JOIN link ON aa = n) WHERE n < 5)"
                        + " SELECT n FROM c",
                "WITH RECURSIVE c(n, m) AS (SELECT 1, 2 UNION ALL SELECT * FROM c WHERE n < 0) SELECT * FROM c",
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT c.* FROM c WHERE 0) SELECT * FROM c",
                // A CTE of the same name inside a subquery hides the recursive one.
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < (WITH c AS (SELECT 3 AS n)"
                        + " SELECT n FROM c)) SELECT n FROM c",
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t, link WHERE n < 3 AND aa = 1) SELECT n FROM t");
    }
}
