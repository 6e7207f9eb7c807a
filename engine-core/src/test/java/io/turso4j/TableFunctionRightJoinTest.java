package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A table-valued function (json_each, json_tree) as the right side of a RIGHT or FULL JOIN,
 * compared with SQLite: its rows no ON clause matched come out once, with NULLs on the left.
 */
class TableFunctionRightJoinTest {

    @Test
    void rightAndFullJoinsOfJsonEach() throws SQLException {
        SqliteOracle.differential(
                "CREATE TABLE t(a, b)",
                "INSERT INTO t VALUES (1, 'x'), (3, 'y'), (7, 'z'), (3, 'w')",
                "SELECT t.a, t.b, e.key, e.value FROM t RIGHT JOIN json_each('[1, 2, 3, 4, 3]') e ON e.value = t.a ORDER BY 3, 2",
                "SELECT t.a, t.b, e.key, e.value FROM t FULL JOIN json_each('[1, 2, 3, 4, 3]') e ON e.value = t.a ORDER BY 3, 2",
                "SELECT t.a, e.key FROM t RIGHT JOIN json_each('[5, 6]') e ON e.value = t.a ORDER BY 2",
                "SELECT t.a, e.key FROM t FULL JOIN json_each('[]') e ON e.value = t.a ORDER BY 1",
                "SELECT t.a, e.key, e.value FROM t RIGHT JOIN json_each('{\"p\": 1, \"q\": 7}') e ON e.value = t.a "
                        + "WHERE t.a IS NULL OR t.a > 2 ORDER BY 2",
                "SELECT e.fullkey, t.a FROM t FULL JOIN json_tree('{\"a\": [1, 3], \"b\": 9}') e ON e.atom = t.a ORDER BY 1, 2",
                "SELECT x.value, y.value FROM json_each('[1, 2, 2]') x FULL JOIN json_each('[2, 3]') y ON x.value = y.value "
                        + "ORDER BY 1, 2",
                "SELECT count(*), count(t.a), count(e.value) FROM t RIGHT JOIN json_each('[1, 1, 9]') e ON e.value = t.a",
                "SELECT t.a, e.value, u.a FROM t RIGHT JOIN json_each('[1, 9]') e ON e.value = t.a "
                        + "LEFT JOIN t u ON u.a = e.value + 2 ORDER BY 2, 1, 3");
    }
}
