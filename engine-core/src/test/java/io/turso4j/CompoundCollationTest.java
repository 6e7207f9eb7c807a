package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * UNION, EXCEPT, INTERSECT and compound ORDER BY compare each column under the collation an
 * arm gives it, the leftmost first (SQLite's multiSelectCollSeq) — including a table column's
 * declared collation, not only an explicit COLLATE. Compared with SQLite (sqlite-jdbc).
 *
 * <p>No arm holds two rows equal under the collation: which of those SQLite 3.54 keeps follows
 * its merge of sorted arms, which turso4j does not reproduce (see {@link CompoundCodegen}).
 */
class CompoundCollationTest {
    private static final String[] SETUP = {
        "CREATE TABLE a(id INTEGER PRIMARY KEY, x TEXT COLLATE NOCASE, y REAL)",
        "CREATE TABLE b(id INT, x TEXT, z)",
        "INSERT INTO a VALUES (1, 'A', 1.5), (2, 'b', NULL), (3, 'c', 3), (4, NULL, 4)",
        "INSERT INTO b VALUES (1, 'a', 10), (2, 'B', 20), (3, 'C', 30), (5, 'e', 50), (NULL, NULL, 0)",
    };

    @Test
    void declaredCollationOfTheLeftArmDecidesDuplicates() throws SQLException {
        SqliteOracle.differential(SETUP,
                "SELECT x FROM a EXCEPT SELECT x FROM b",
                "SELECT x FROM b EXCEPT SELECT x FROM a",
                "SELECT x FROM b INTERSECT SELECT x FROM a",
                "SELECT x FROM a INTERSECT SELECT x FROM b",
                "SELECT id, x FROM a UNION SELECT id, x FROM b",
                "SELECT x FROM b UNION SELECT x FROM a",
                "SELECT x FROM b UNION SELECT x COLLATE BINARY FROM a",
                "SELECT * FROM (SELECT id, x FROM a UNION SELECT id, x FROM b) ORDER BY 1",
                "SELECT x FROM a UNION ALL SELECT x FROM b ORDER BY 1",
                "SELECT x FROM b UNION ALL SELECT x FROM a ORDER BY 1",
                "WITH RECURSIVE c(s) AS (SELECT x FROM a WHERE id = 1 UNION SELECT lower(s) FROM c) SELECT s FROM c",
                "WITH RECURSIVE c(s) AS (SELECT x FROM a WHERE id = 1 UNION SELECT s || 'x' FROM c WHERE length(s) < 3"
                        + " ORDER BY 1 DESC) SELECT s FROM c");
    }
}
