package io.turso4j.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.turso4j.sql.SqlSyntaxException;
import org.junit.jupiter.api.Test;

/**
 * Deep nesting fails with SQLite's messages — "parser stack overflow" for
 * nested grammar, "Expression tree is too large" for tall operator chains —
 * and never with a StackOverflowError. Thresholds are sqlite3 3.40's.
 */
class NestingTest {
    private static final String OVERFLOW = "parser stack overflow";
    private static final String TOO_TALL = "Expression tree is too large (maximum depth 1000)";

    private static String message(String sql) {
        return assertThrows(SqlSyntaxException.class, () -> Parser.parseAll(sql)).getMessage();
    }

    @Test
    void hundredThousandParentheses() {
        int n = 100_000;
        assertEquals(OVERFLOW, message("SELECT " + "(".repeat(n) + "1" + ")".repeat(n)));
        assertEquals(OVERFLOW, message("SELECT " + "(".repeat(n)));
    }

    @Test
    void parenthesesUpToSqlitesLimit() {
        assertNotNull(Parser.parse("SELECT " + "(".repeat(93) + "1" + ")".repeat(93)));
        assertEquals(OVERFLOW, message("SELECT " + "(".repeat(94) + "1" + ")".repeat(94)));
    }

    @Test
    void deepPrefixOperators() {
        assertEquals(OVERFLOW, message("SELECT " + "NOT ".repeat(100_000) + "1"));
        assertEquals(OVERFLOW, message("SELECT " + "- ".repeat(100_000) + "1"));
        assertEquals(OVERFLOW, message("SELECT " + "~".repeat(100_000) + "1"));
    }

    @Test
    void deepSubqueriesAndCalls() {
        int n = 50_000;
        assertEquals(OVERFLOW, message("SELECT " + "(SELECT ".repeat(n) + "1" + ")".repeat(n)));
        assertEquals(OVERFLOW, message("SELECT " + "f(".repeat(n) + "1" + ")".repeat(n)));
        assertEquals(OVERFLOW, message("SELECT " + "CASE WHEN ".repeat(n) + "1"));
        assertEquals(OVERFLOW, message("SELECT * FROM " + "(".repeat(n) + "t" + ")".repeat(n)));
        assertEquals(OVERFLOW, message("SELECT " + "1 + (".repeat(n) + "1" + ")".repeat(n)));
    }

    @Test
    void longOperatorChainsHitTheExpressionDepthLimit() {
        assertNotNull(Parser.parse("SELECT " + "1 + ".repeat(999) + "1"));
        assertEquals(TOO_TALL, message("SELECT " + "1 + ".repeat(1000) + "1"));
        assertEquals(TOO_TALL, message("SELECT " + "1 AND ".repeat(100_000) + "1"));
        assertEquals(TOO_TALL, message("SELECT 1 WHERE " + "a COLLATE x ".repeat(1) + "|| b".repeat(5000)));
    }

    @Test
    void longFlatListsAreFine() {
        assertNotNull(Parser.parse("SELECT " + "1, ".repeat(100_000) + "1"));
        assertNotNull(Parser.parse("SELECT 1 IN (" + "1, ".repeat(100_000) + "1)"));
        assertNotNull(Parser.parse("VALUES (1)" + ", (1)".repeat(100_000)));
    }

    @Test
    void compoundsStopAtSqlitesTermLimit() {
        assertNotNull(Parser.parse("SELECT 1" + " UNION ALL SELECT 1".repeat(499)));
        assertEquals("too many terms in compound SELECT", message("SELECT 1" + " UNION ALL SELECT 1".repeat(500)));
        assertEquals("too many terms in compound SELECT", message("SELECT 1" + " UNION SELECT 1".repeat(100_000)));
    }
}
