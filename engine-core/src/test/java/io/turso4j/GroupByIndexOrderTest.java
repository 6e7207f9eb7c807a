package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * GROUP BY read group by group from loops that already yield the rows in the key's order (an
 * index on the GROUP BY terms), and the sorter it falls back to when they do not (another
 * collation, an expression, a RIGHT JOIN), compared with SQLite 3.54 (sqlite-jdbc): groups,
 * NULL keys, bare columns, min()/max() rows, HAVING, joins and ORDER BY on top.
 */
class GroupByIndexOrderTest {
    private static final String[] SETUP = {
        "CREATE TABLE w(a INT, b TEXT, c BLOB, d REAL)",
        "CREATE INDEX wa ON w(a)",
        "CREATE INDEX wbn ON w(b COLLATE NOCASE)",
        "CREATE INDEX wad ON w(a DESC, d)",
        "CREATE TABLE v(k INTEGER PRIMARY KEY, a INT, note TEXT)",
        "INSERT INTO w VALUES (3, 'x', NULL, 1.5), (1, 'Z', x'00', 2.5), (2, 'y', 'q', NULL), (1, 'a', 5, 0.5),"
                + " (NULL, 'A', 1, 4.0), (3, 'X', 2, 1.5), (NULL, NULL, 3, NULL), (2, 'b', 4, 2.0), (1, 'z', 6, 7.0)",
        "INSERT INTO v VALUES (1, 1, 'one'), (2, 3, 'three'), (3, 3, 'three again'), (4, NULL, 'none'), (5, 9, 'nine')",
    };

    @Test
    void groupsReadInIndexOrderMatchSqlite() throws SQLException {
        SqliteOracle.differential(SETUP,
                "SELECT a, count(*) FROM w GROUP BY a",
                "SELECT a, count(*), sum(d), group_concat(b) FROM w GROUP BY a",
                "SELECT a, d, count(*) FROM w GROUP BY a, d ORDER BY 1 DESC, 2",
                "SELECT a, b, max(d) FROM w GROUP BY a",
                "SELECT a, b, min(d) FROM w GROUP BY a",
                "SELECT a, b FROM w GROUP BY a",
                "SELECT a, count(*) FROM w WHERE a > 1 GROUP BY a",
                "SELECT a, count(*) FROM w WHERE d IS NOT NULL GROUP BY a HAVING count(*) > 1 ORDER BY a",
                "SELECT a, count(*) FROM w GROUP BY a ORDER BY a DESC",
                "SELECT a, count(*) FROM w GROUP BY a ORDER BY a",
                "SELECT a, sum(d) FROM w WHERE a > 1 GROUP BY a ORDER BY a DESC LIMIT 1",
                "SELECT a, count(*) FROM w GROUP BY a ORDER BY a DESC LIMIT 2 OFFSET 1",
                "SELECT a, d, count(*) FROM w GROUP BY a, d ORDER BY a DESC",
                "SELECT a, count(*) FROM w GROUP BY a HAVING count(*) > 1 ORDER BY a DESC",
                "SELECT a AS k, count(*) FROM w GROUP BY k ORDER BY k DESC",
                "SELECT a, count(*) FROM w GROUP BY a ORDER BY 1 DESC",
                "SELECT a, count(*) FROM w GROUP BY a ORDER BY a DESC NULLS FIRST",
                "SELECT a, count(*) FROM w GROUP BY a ORDER BY 2, 1",
                "SELECT count(*) FROM w GROUP BY a",
                "SELECT b COLLATE NOCASE, count(*) FROM w GROUP BY b COLLATE NOCASE",
                "SELECT b, count(*) FROM w GROUP BY b",
                "SELECT a + 0, count(*) FROM w GROUP BY a + 0",
                "SELECT w.a, count(v.k), group_concat(v.note) FROM w JOIN v ON v.a = w.a GROUP BY w.a",
                "SELECT w.a, count(v.k) FROM w LEFT JOIN v ON v.a = w.a GROUP BY w.a",
                "SELECT v.a, count(w.b) FROM w RIGHT JOIN v ON v.a = w.a GROUP BY v.a",
                "SELECT w.a, count(*) FROM w, v WHERE v.k = 2 GROUP BY w.a",
                "SELECT a, count(*) FROM w WHERE a IS NULL GROUP BY a",
                "SELECT a, count(*) FROM w WHERE a = 99 GROUP BY a",
                "SELECT DISTINCT count(*) FROM w GROUP BY a",
                "SELECT a, (SELECT count(*) FROM v WHERE v.a = w.a) FROM w GROUP BY a");
    }

    @Test
    void distinctRowsReadInIndexOrderMatchSqlite() throws SQLException {
        SqliteOracle.differential(SETUP,
                "SELECT DISTINCT a FROM w",
                "SELECT DISTINCT b FROM w",
                "SELECT DISTINCT b COLLATE BINARY FROM w",
                "SELECT DISTINCT a FROM w WHERE a > 1",
                "SELECT DISTINCT a FROM w WHERE d > 1 ORDER BY 1",
                "SELECT DISTINCT a FROM w LIMIT 2",
                "SELECT DISTINCT a FROM w LIMIT 2 OFFSET 1",
                "SELECT DISTINCT a FROM w ORDER BY a DESC",
                "SELECT DISTINCT w.a FROM w JOIN v ON v.a = w.a",
                "SELECT DISTINCT a, d FROM w ORDER BY 1, 2",
                "SELECT count(*) FROM (SELECT DISTINCT a FROM w)");
    }

    /**
     * With no ORDER BY to serve, GROUP BY and DISTINCT take an index's columns in any order and
     * read it forwards, so groups come out in the index's own order (a DESC column descending),
     * as in SQLite; with an ORDER BY on the keys the index is read the way the ORDER BY asks.
     */
    @Test
    void groupsComeInTheIndexsOwnOrder() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE g(a, b, c, d)",
            "CREATE INDEX gab ON g(a, b DESC)",
            "CREATE INDEX gc ON g(c DESC)",
            "INSERT INTO g VALUES (1, 1, 1, 'p'), (1, 2, 2, 'q'), (2, 1, 3, 'r'), (2, 2, 4, 's'), (1, 2, 5, 't'),"
                    + " (NULL, 3, 'x', NULL), (2, NULL, 2.5, 'u'), (1, 1, NULL, 'v')",
        },
                "SELECT c, count(*) FROM g GROUP BY c",
                "SELECT c, count(*) FROM g WHERE c > 1 GROUP BY c",
                "SELECT c, count(*) FROM g GROUP BY c ORDER BY c",
                "SELECT c, count(*) FROM g GROUP BY c ORDER BY c DESC",
                "SELECT a, b, count(*) FROM g GROUP BY a, b",
                "SELECT a, b, count(*) FROM g GROUP BY b, a",
                "SELECT a, b, count(*) FROM g GROUP BY a, b, a",
                "SELECT a, count(*) FROM g GROUP BY a",
                "SELECT b, count(*) FROM g GROUP BY b",
                "SELECT a, b, count(*) FROM g WHERE a = 1 GROUP BY b",
                "SELECT DISTINCT c FROM g",
                "SELECT DISTINCT b, a FROM g",
                "SELECT DISTINCT c FROM g ORDER BY c",
                "SELECT x.c, count(*) FROM g AS x JOIN g AS y ON y.a = x.a GROUP BY x.c");
    }
}
