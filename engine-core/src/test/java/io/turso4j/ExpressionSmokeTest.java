package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-picked SELECTs that read no table, each compared with SQLite 3.54. */
class ExpressionSmokeTest {
    private static SqliteOracle oracle;

    @BeforeAll
    static void open() throws Exception {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() throws Exception {
        oracle.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1", "SELECT 1, 2.5, 'x', x'00ff', NULL", "SELECT -9223372036854775808",
        "SELECT 9223372036854775808", "SELECT -9223372036854775809", "SELECT 0x7fffffffffffffff",
        "SELECT 0xffffffffffffffff", "SELECT -0x8000000000000000", "SELECT 1_000 + 2", "SELECT 1e3, .5, 1.e2",
        "SELECT 1 + 2 * 3 - 4 / 2 % 3", "SELECT 7 / 0, 7 % 0, 7.0 / 2", "SELECT 'a' || 1 || 2.5",
        "SELECT 1 = 1, 1 < 2, 2 <= 1, 'a' > 'B', NULL = 1, NULL IS NULL, 1 IS NOT NULL",
        "SELECT 1 AND 0, 1 OR NULL, NULL AND 0, NOT NULL, NOT 0, ~5, -'3', +'x'",
        "SELECT 5 & 3, 5 | 3, 1 << 62, -1 >> 70, 1 << -1",
        "SELECT CASE 1 WHEN 1 THEN 'one' ELSE 'other' END, CASE WHEN NULL THEN 1 END",
        "SELECT CASE '1' WHEN 1 THEN 'eq' ELSE 'ne' END, CASE CAST(1 AS TEXT) WHEN 1 THEN 'eq' ELSE 'ne' END",
        "SELECT CAST('12abc' AS INTEGER), CAST(3.9 AS INTEGER), CAST(1 AS TEXT), CAST('1.0' AS NUMERIC), CAST(x'41' AS TEXT)",
        "SELECT 1 IN (1, 2), 3 IN (1, 2), NULL IN (1), 3 IN (1, NULL), 1 NOT IN (), NULL IN ()",
        "SELECT '1' IN (1), CAST('1' AS TEXT) IN (1), 1 IN (CAST(1 AS TEXT)), 1 = CAST(1 AS TEXT)",
        "SELECT 2 BETWEEN 1 AND 3, 5 NOT BETWEEN 1 AND 3, NULL BETWEEN 1 AND 2, 1 BETWEEN NULL AND 0",
        "SELECT 1 ISNULL, NULL NOTNULL, 1 NOT NULL",
        "SELECT 'a' = 'A' COLLATE NOCASE, 'a ' = 'a' COLLATE RTRIM, 'a' COLLATE NOCASE = 'A'",
        "SELECT true, false, TRUE + 1",
        "SELECT 1 WHERE 0", "SELECT 1 WHERE 1", "SELECT 1 WHERE NULL",
        "VALUES (1, 2), (3, 4)", "SELECT 1 UNION ALL SELECT 2 UNION ALL VALUES (3)",
        "VALUES (1), (2), (3) LIMIT 2", "VALUES (1), (2), (3) LIMIT 1 OFFSET 1", "VALUES (1), (2) LIMIT -1",
        "VALUES (1), (2), (3) LIMIT 2, 1", "SELECT 1 LIMIT 0", "SELECT 1 LIMIT 'x'", "SELECT 1 LIMIT '2'",
        "SELECT (SELECT 5), (SELECT 1 WHERE 0), EXISTS (SELECT 1), EXISTS (SELECT 1 WHERE 0)",
        "SELECT 1 IN (SELECT 1), 2 IN (VALUES (1), (NULL)), 2 NOT IN (SELECT 1 WHERE 0)",
        "SELECT (SELECT 1, 2)", "SELECT x", "SELECT t.x", "SELECT * FROM nosuch", "SELECT *",
        "SELECT nosuchfunc(1)", "SELECT 1 +", "SELECT 'abc' COLLATE nosuch",
        "VALUES (1), (2, 3)", "SELECT 1 UNION ALL SELECT 1, 2", "SELECT 1 ORDER BY 2",
        "SELECT 0x10000000000000000", "SELECT 1 = 1.0, 1 = '1', 1 < 'a', x'00' > 'a'",
        "SELECT -(-9223372036854775808)", "SELECT - - 1", "SELECT 9223372036854775807 + 1",
        "SELECT 2 UNION SELECT 1 UNION SELECT 2", "SELECT 1 UNION SELECT 1.0", "SELECT 1.0 UNION SELECT 1",
        "VALUES (3), (1), (2) EXCEPT SELECT 2", "VALUES (3), (1), (2), (3) INTERSECT VALUES (3), (4), (1)",
        "SELECT 2 UNION SELECT 1 UNION ALL SELECT 0", "SELECT 'a' UNION SELECT 'A' COLLATE NOCASE",
        "SELECT 'b' AS x UNION ALL SELECT 'a' ORDER BY x", "VALUES (2, 'b'), (1, 'c'), (2, 'a') ORDER BY 1 DESC, 2",
        "VALUES ('B'), ('a'), ('C') ORDER BY 1 COLLATE NOCASE", "VALUES (1), (NULL), (x'00'), ('t'), (2.5) ORDER BY 1",
        "VALUES (1), (2), (3) ORDER BY 1 DESC LIMIT 2 OFFSET 1", "SELECT 1 UNION SELECT 2 ORDER BY 3",
        // A compound's ORDER BY term may name a column of any arm, the leftmost first.
        "SELECT 1 AS a UNION SELECT 2 AS b ORDER BY b DESC", "SELECT 1 AS a UNION SELECT 2 AS a UNION SELECT 3 AS c ORDER BY c",
        "SELECT 1 AS a UNION SELECT 2 + 1 ORDER BY 2 + 1 DESC",
        "SELECT 1 AS a UNION SELECT 2 ORDER BY b", "SELECT 1 UNION ALL SELECT 2 ORDER BY 1 + 1",
        "SELECT 1 + 1 UNION ALL SELECT 1 ORDER BY 1 + 1", "SELECT 1 IN (SELECT 1 UNION SELECT 2)",
        "SELECT (SELECT 3 UNION SELECT 1 ORDER BY 1)", "SELECT x'41' UNION SELECT 1 LIMIT 1",
        "SELECT 0.1, 5 UNION SELECT 0, 1 LIMIT 1", "SELECT 0 UNION ALL SELECT 0.0 UNION SELECT 3.0",
        "VALUES (0) UNION ALL SELECT -0.0 EXCEPT SELECT 3.0", "SELECT 0 UNION SELECT 0.0 UNION SELECT 3.0",
        "VALUES (1), (2), (3) ORDER BY 1 DESC", "VALUES (1), (NULL), (3) ORDER BY 1 NULLS LAST",
        "VALUES (1), (NULL), (3) ORDER BY 1 DESC NULLS FIRST", "VALUES (1), (NULL), (3) ORDER BY 1 DESC NULLS LAST",
        "VALUES (1, NULL), (NULL, 2), (1, 1) ORDER BY 1 NULLS LAST, 2 DESC NULLS FIRST",
        "SELECT (1, 2) = (1, 2), (1, 2) <> (1, 3), (1, NULL) = (1, 2), (1, NULL) = (2, 2), (1, NULL) IS (1, NULL)",
        "SELECT (1, 2) < (1, 3), (1, 2) >= (1, 3), (NULL, 1) < (2, 0), (1, NULL) < (2, 0), (1, NULL) <= (1, 5)",
        "SELECT (1, 'a') > (1, 'A' COLLATE NOCASE), (1, 2, 3) <= (1, 2, 3), ('1', 2) = (1, 2)",
        "SELECT (1, 2) = (1, 2, 3)", "SELECT (1, 2)", "SELECT (1, 2) + 1",
        "SELECT * FROM (SELECT 1 AS a, 'x' AS b)", "SELECT b, a FROM (VALUES (1, 2), (3, 4)) AS t(a, b)",
        "SELECT a + 1 FROM (SELECT 1 AS a UNION ALL SELECT 5) WHERE a > 2",
        "SELECT t.a, u.a FROM (SELECT 1 AS a UNION ALL SELECT 2) t, (SELECT 10 AS a UNION ALL SELECT 20) u",
        "SELECT a FROM (SELECT 1 AS a) t, (SELECT 2 AS a) u", "SELECT t.* FROM (SELECT 1 AS a, 2) t",
        "SELECT x FROM (SELECT 1 AS a)", "SELECT * FROM (SELECT 3 AS n UNION ALL SELECT 1 UNION ALL SELECT 2) ORDER BY n",
        "SELECT n FROM (SELECT 3 AS n UNION ALL SELECT 1 UNION ALL SELECT 2) ORDER BY -n LIMIT 2",
        "SELECT DISTINCT n % 2 FROM (SELECT 3 AS n UNION ALL SELECT 1 UNION ALL SELECT 2)",
        "WITH c(x) AS (SELECT 1 UNION ALL SELECT 2) SELECT x * 10 FROM c ORDER BY 1 DESC",
        "WITH a AS (SELECT 1 AS v), b AS (SELECT v + 1 AS w FROM a) SELECT * FROM a, b",
        "SELECT * FROM (SELECT 1 AS a) JOIN (SELECT 1 AS b) ON a = b", "SELECT * FROM nosuch, (SELECT 1)",
        "SELECT (SELECT n FROM (SELECT 5 AS n)), EXISTS (SELECT * FROM (SELECT 1) WHERE 0)",
        "SELECT a FROM (SELECT 1 AS a) WHERE a IN (SELECT a FROM (SELECT 1 AS a))",
        "SELECT CAST(a AS TEXT) = 1, a = '1' FROM (SELECT CAST(1 AS TEXT) AS a)",
        "SELECT * FROM (SELECT * FROM (SELECT 1 AS a, 2 AS b))", "SELECT b FROM (SELECT * FROM (SELECT 1 AS a, 2 AS b))",
        "WITH c(x, y) AS (SELECT 1) SELECT * FROM c", "WITH c AS (SELECT 1 AS x) SELECT * FROM c AS d WHERE d.x = 1",
        "SELECT * FROM (SELECT 1 AS a UNION ALL SELECT CAST(2 AS REAL)) ORDER BY 1",
        "SELECT g FROM (VALUES (1), (2), (1), (NULL), (NULL)) AS t(g) GROUP BY g",
        "SELECT column1 % 2 AS g FROM (VALUES (1), (2), (3), (NULL)) GROUP BY g ORDER BY g DESC",
        "SELECT column1, column2 FROM (VALUES ('a', 1), ('A', 2), ('b', 3)) GROUP BY column1 COLLATE NOCASE",
        "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) WHERE column1 > 1",
        "SELECT v.column2 FROM (VALUES (1, 'a'), (2, 'b'), (3, 'a')) AS v WHERE v.column1 < 3 AND column2 = 'a'",
        "SELECT x FROM (SELECT 1 AS x) GROUP BY x HAVING x > 1", "SELECT x FROM (SELECT 1 AS x) GROUP BY x HAVING x = 1",
        "SELECT x FROM (SELECT 1 AS x) HAVING x = 1", "SELECT count(*) FROM (SELECT 1 AS x) HAVING count(*) = 1",
        "WITH a(x) AS (VALUES (1), (2), (3)), b(y) AS (VALUES (2), (3), (3)) SELECT x, y FROM a LEFT JOIN b ON x = y",
        "WITH a(x) AS (VALUES (1), (2)), b(y) AS (VALUES (2)) SELECT x, y FROM a LEFT JOIN b ON x = y WHERE y IS NULL",
        "WITH a(x) AS (VALUES (1), (2)), b(y) AS (VALUES (2)), c(z) AS (VALUES (7), (8))"
            + " SELECT x, y, z FROM a LEFT JOIN b ON x = y, c ORDER BY 1, 3",
        "WITH a(x) AS (VALUES (1)), b(y) AS (SELECT 1 WHERE 0) SELECT * FROM a LEFT JOIN b",
        "WITH a(x) AS (VALUES (1), (2)) SELECT * FROM a LEFT JOIN a AS b ON a.x < b.x LEFT JOIN a AS c ON b.x = c.x",
        "SELECT (SELECT a + 1), EXISTS (SELECT 1 WHERE a > 1) FROM (SELECT 1 AS a UNION ALL SELECT 2)",
        "WITH t(a) AS (VALUES (1), (2), (3)) SELECT a, (SELECT b FROM (SELECT 10 AS b UNION ALL SELECT 20) WHERE b > a * 5) FROM t",
        "WITH t(a) AS (VALUES (1), (2), (3)) SELECT a FROM t WHERE a IN (SELECT a + 0 FROM t AS u WHERE u.a >= 2)",
        "WITH t(a) AS (VALUES (1), (2)) SELECT a FROM t WHERE a NOT IN (SELECT x FROM (SELECT NULL AS x))",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10) SELECT x, x * x FROM c",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5) SELECT x FROM c",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3 OFFSET 2) SELECT x FROM c",
        // ORDER BY makes the queue a priority queue: depth first, breadth first, ties in arrival order.
        "WITH RECURSIVE c(n, d) AS (SELECT 1, 0 UNION ALL SELECT n * 2 + k, d + 1 FROM c, (SELECT 0 k UNION ALL SELECT 1)"
            + " WHERE d < 3 ORDER BY 2 DESC) SELECT group_concat(n) FROM c",
        "WITH RECURSIVE c(n, d) AS (SELECT 1, 0 UNION ALL SELECT n * 2 + k, d + 1 FROM c, (SELECT 0 k UNION ALL SELECT 1)"
            + " WHERE d < 3 ORDER BY 2 DESC, 1 DESC) SELECT group_concat(n) FROM c",
        "WITH RECURSIVE c(s) AS (SELECT 'b' UNION SELECT s || x FROM c, (SELECT 'a' x UNION ALL SELECT 'B')"
            + " WHERE length(s) < 3 ORDER BY s COLLATE NOCASE DESC LIMIT 10 OFFSET 2) SELECT group_concat(s, ' ') FROM c",
        "WITH RECURSIVE c(n, v) AS (SELECT 1, NULL UNION ALL SELECT n + 1, CASE WHEN n % 2 THEN n END FROM c WHERE n < 6"
            + " ORDER BY 2 NULLS LAST, 1 DESC) SELECT group_concat(n || ':' || ifnull(v, '-')) FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5 ORDER BY n + 1) SELECT group_concat(n) FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c ORDER BY 1 LIMIT 4) SELECT sum(n) FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5 ORDER BY n DESC) SELECT n FROM c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5 ORDER BY 2) SELECT n FROM c",
        "WITH RECURSIVE c(x) AS (VALUES (1), (2) UNION SELECT (x * 2) % 7 FROM c) SELECT x FROM c ORDER BY 1",
        "WITH RECURSIVE f(n, v) AS (SELECT 1, 1 UNION ALL SELECT n + 1, v * (n + 1) FROM f WHERE n < 15)"
            + " SELECT n, v FROM f WHERE n > 12",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3), d(y) AS (SELECT x * 10 FROM c)"
            + " SELECT * FROM c, d ORDER BY 1, 2",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) SELECT x FROM c WHERE x % 25000 = 0",
        "SELECT x = 'A', x || '' = 'A', -x = 'A', +x = 'A' FROM (SELECT 'a' COLLATE NOCASE AS x)",
        "SELECT x FROM (SELECT 'b' COLLATE NOCASE AS x UNION ALL SELECT 'A' UNION ALL SELECT 'c') ORDER BY x",
        "SELECT x FROM (SELECT 'b' COLLATE NOCASE AS x UNION ALL SELECT 'A' UNION ALL SELECT 'c') ORDER BY 1 DESC",
        "SELECT x AS y FROM (SELECT 'b' COLLATE NOCASE AS x UNION ALL SELECT 'A') ORDER BY y",
        "SELECT x FROM (SELECT 'b' COLLATE NOCASE AS x UNION ALL SELECT 'B' UNION ALL SELECT 'a') GROUP BY x ORDER BY 1",
        "SELECT DISTINCT x FROM (SELECT 'b' AS x UNION ALL SELECT 'B') ORDER BY x COLLATE NOCASE",
        "SELECT DISTINCT x FROM (SELECT 'b' COLLATE NOCASE AS x UNION ALL SELECT 'B' UNION ALL SELECT 'c')",
    })
    void matchesSqlite(String sql) {
        assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
    }
}
