package io.turso4j.cli;

import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;

/**
 * Whether a statement is an {@code EXPLAIN} or an {@code EXPLAIN QUERY PLAN}
 * ({@code sqlite3_stmt_isexplain}), which sqlite3's shell prints in formats of their own
 * whatever the output mode ({@code .explain auto}). Stateless.
 */
enum ExplainKind {
    NONE, EXPLAIN, QUERY_PLAN;

    /** Enough text to see {@code EXPLAIN QUERY PLAN} through some whitespace and comments. */
    private static final int PREFIX = 256;

    /** The kind of the statement {@code sql} begins with (leading whitespace already skipped). */
    static ExplainKind of(String sql) {
        if (!sql.regionMatches(true, 0, "explain", 0, 7)) {
            return NONE;
        }
        Tokens t = Lexer.tokenize(sql.substring(0, Math.min(sql.length(), PREFIX)));
        if (t.size() < 1 || t.type(0) != TokenType.EXPLAIN) {
            return NONE;
        }
        return t.size() >= 3 && t.type(1) == TokenType.QUERY && t.type(2) == TokenType.PLAN ? QUERY_PLAN : EXPLAIN;
    }
}
