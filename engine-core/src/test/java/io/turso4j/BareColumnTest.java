package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A column outside any aggregate in an aggregate query (a "bare" column) shows one row of its
 * group, as SQLite chooses it: the first row; or, with min() or max(), a row where the last
 * such call took its value (NULLs, ties, FILTER and DISTINCT included). Compared with SQLite
 * (sqlite-jdbc).
 */
class BareColumnTest {
    private static final String[] SETUP = {
        "CREATE TABLE t(a, b)",
        "INSERT INTO t VALUES (1, 'first'), (1, 'mid'), (1, 'last'), (2, 'x'), (2, 'y')",
        "CREATE TABLE n(i INTEGER PRIMARY KEY, a, b)",
        "INSERT INTO n(a, b) VALUES (NULL, 'n1'), (NULL, 'n2'), (NULL, 'n3')",
    };

    @Test
    void firstRowWithoutMinOrMax() throws SQLException {
        SqliteOracle.differential(SETUP,
                "SELECT a, b FROM t GROUP BY a",
                "SELECT b, count(*) FROM t",
                "SELECT b, sum(a), count(*) FROM t WHERE a > 1",
                "SELECT a, b, count(*) FROM t GROUP BY a HAVING b <> 'x'");
    }

    @Test
    void rowOfTheLastMinOrMax() throws SQLException {
        SqliteOracle.differential(SETUP,
                "SELECT a, b, max(b) FROM t GROUP BY a",
                "SELECT b, max(a), min(b) FROM t",
                "SELECT b, min(b), max(a) FROM t",
                "SELECT b, max(a), count(*) FROM t GROUP BY a % 1",
                "SELECT b, max(a) FROM n",
                "SELECT b, min(a) FROM n",
                "INSERT INTO n(a, b) VALUES (5, 'five'), (NULL, 'n4'), (7, 'seven'), (5, 'five2')",
                "SELECT b, max(a) FROM n",
                "SELECT b, min(a) FROM n",
                "SELECT b, min(a) FROM n WHERE i > 3",
                "SELECT b, count(*), max(a), count(*) FROM n",
                "SELECT b, max(a), min(a) FROM n",
                "SELECT b, min(a), max(a) FROM n",
                "SELECT b, max(a), max(i) FROM n",
                "SELECT b, max(a) FROM n GROUP BY i > 3",
                "SELECT b, max(a) FROM n WHERE i <> 4 GROUP BY i > 3",
                "SELECT b, max(DISTINCT a) FROM n",
                "SELECT b, max(a) FILTER (WHERE i <> 6) FROM n",
                "SELECT b, max(a) FILTER (WHERE i > 1) FROM n WHERE i >= 1",
                "SELECT upper(b), max(a) + 1 FROM n",
                "SELECT b, max(a) FROM n HAVING max(a) > 0",
                "SELECT b, max(a, 1) FROM n ORDER BY i");
    }
}
