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
}
