package io.turso4j;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A loop over a non-covering index tests the WHERE terms its index entry can answer before the
 * ones that need the table's row, as SQLite does (its first pass over a loop's terms): the
 * entries they reject are never looked up in the table. It shows where a term that needs the row
 * would fail on a row the others reject — abs() of the smallest integer overflows — so the
 * results (an error or rows) are compared with SQLite 3.54's.
 */
class IndexTermsFirstTest {
    private static final String[] SETUP = {
        "CREATE TABLE t(a, b, c REAL, d)",
        "CREATE INDEX tac ON t(a, c)",
        "INSERT INTO t VALUES (1, -9223372036854775808, 1.5, 'x'), (7, 2, 2.5, 'y'), (7, 3, NULL, 'z'),"
                + " (9, -9223372036854775808, 7.0, NULL), (NULL, 5, 0.5, 'w')",
        "CREATE TABLE u(k INTEGER PRIMARY KEY, a)",
        "INSERT INTO u VALUES (1, 7), (2, 9), (3, 1)",
    };

    @Test
    void termsOnTheIndexEntryComeFirst() throws SQLException {
        SqliteOracle.differential(SETUP,
                "SELECT a, b FROM t WHERE a > 0 AND abs(b) > 0 AND a + 0 = 7",
                "SELECT a, b FROM t WHERE a > 0 AND abs(b) > 0 AND c < 3.0",
                "SELECT a, b FROM t WHERE a > 0 AND abs(b) > 0 AND c IS NULL",
                "SELECT a, d FROM t WHERE a > 0 AND abs(b) > 0 AND (c > 2.0 OR c IS NULL) AND d <> 'q'",
                "SELECT a, b FROM t WHERE a > 0 AND abs(b) > 0",
                "SELECT u.k, t.b FROM u JOIN t ON t.a = u.a WHERE abs(t.b) > 0 AND t.c + u.k < 5",
                "SELECT a, b FROM t WHERE a > 0 AND abs(b) > 0 AND a IN (SELECT a FROM u WHERE k < 2)");
    }

    /** UPDATE and DELETE loop over the index the same way. */
    @Test
    void changesTestTheIndexEntryFirstToo() throws SQLException {
        SqliteOracle.differential(SETUP,
                "UPDATE t SET d = 'u' WHERE a > 0 AND abs(b) > 0 AND a + 0 = 7",
                "SELECT rowid, * FROM t ORDER BY rowid",
                "DELETE FROM t WHERE a > 0 AND abs(b) > 0 AND c < 3.0",
                "SELECT rowid, * FROM t ORDER BY rowid",
                "DELETE FROM t WHERE a > 0 AND abs(b) > 0",
                "SELECT rowid, * FROM t ORDER BY rowid");
    }
}
