package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Result-column aliases in WHERE and HAVING, resolved as SQLite resolves them: a name that no
 * source of the SELECT has stands for the aliased expression; a source column of that name wins.
 */
class ResultAliasTest {

    @Test
    void aliasesInWhereAndHaving() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE e(d, s)",
                "INSERT INTO e VALUES (1, 2), (1, 3), (2, 5)",
                "SELECT d, count(*) AS n FROM e GROUP BY d HAVING n > 1",
                "SELECT d, sum(s) AS total FROM e GROUP BY d HAVING total >= 5 ORDER BY d",
                "SELECT s * 2 AS z FROM e WHERE z > 5 ORDER BY z",
                "SELECT s * 2 AS d FROM e WHERE d = 1 ORDER BY 1",
                "SELECT count(*) AS c FROM e WHERE c > 1");
    }
}
