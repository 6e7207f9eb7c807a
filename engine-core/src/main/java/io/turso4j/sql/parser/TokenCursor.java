package io.turso4j.sql.parser;

import io.turso4j.sql.SqlSyntaxException;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.lexer.Tokens;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.TokenType.Kind;

/**
 * The bottom of the parser stack: a cursor over {@link Tokens}, the name rules
 * of SQLite's grammar (which tokens may serve as {@code nm}, {@code id},
 * {@code ids}), SQLite's error messages, and the nesting guard.
 *
 * <p>The parser is split by concern into a chain of package-private classes —
 * {@code TokenCursor ← ExprParser ← SelectParser ← DmlParser ← DdlParser ←}
 * {@link Parser} — each a layer of one recursive-descent parser over shared
 * state. Not thread-safe: one parser per thread.
 *
 * <p><b>Nesting.</b> SQLite's LALR parser has a 100-entry stack, so deeply nested
 * SQL fails with {@code parser stack overflow}; {@link #enter()} counts nesting
 * (one unit per parenthesis, prefix operator, pending binary operator, …) and
 * fails the same way past {@link #MAX_NESTING}, which also keeps this
 * recursive-descent parser far from a {@link StackOverflowError}.
 */
abstract class TokenCursor {
    /** Matches sqlite3 3.40: 93 nested parentheses parse, 94 overflow its parser stack. */
    static final int MAX_NESTING = 93;

    final Tokens tokens;
    final String sql;
    /** Index of the current (next unconsumed) token. */
    int p;
    private int nesting;

    TokenCursor(Tokens tokens) {
        this.tokens = tokens;
        this.sql = tokens.sql();
    }

    final TokenType peek() {
        return tokens.type(p);
    }

    final TokenType peek(int ahead) {
        int i = p + ahead;
        return i < tokens.size() ? tokens.type(i) : TokenType.EOF;
    }

    final boolean at(TokenType t) {
        return tokens.type(p) == t;
    }

    final boolean at(TokenType t, int ahead) {
        return peek(ahead) == t;
    }

    final Pos pos() {
        return Pos.at(tokens.start(p));
    }

    final int advance() {
        return p++;
    }

    final boolean accept(TokenType t) {
        if (tokens.type(p) == t) {
            p++;
            return true;
        }
        return false;
    }

    final int expect(TokenType t) {
        if (tokens.type(p) != t) {
            throw error();
        }
        return p++;
    }

    final String text(int i) {
        return sql.substring(tokens.start(i), tokens.end(i));
    }

    /** SQLite's message for an unexpected current token. */
    final SqlSyntaxException error() {
        return errorAt(p);
    }

    final SqlSyntaxException errorAt(int i) {
        TokenType t = tokens.type(i);
        int offset = tokens.start(i);
        return switch (t) {
            case EOF -> new SqlSyntaxException("incomplete input", offset);
            case ILLEGAL -> new SqlSyntaxException("unrecognized token: \"" + text(i) + "\"", offset);
            default -> new SqlSyntaxException("near \"" + text(i) + "\": syntax error", offset);
        };
    }

    final SqlSyntaxException error(String message) {
        return new SqlSyntaxException(message, tokens.start(p));
    }

    final void enter() {
        if (++nesting > MAX_NESTING) {
            throw error("parser stack overflow");
        }
    }

    final void leave() {
        nesting--;
    }

    // ---- names -------------------------------------------------------------

    /** SQLite's {@code id}: ID, INDEXED, or a keyword that falls back to ID. */
    static boolean isId(TokenType t) {
        return t == TokenType.ID || t == TokenType.INDEXED || t.kind() == Kind.FALLBACK;
    }

    /** SQLite's {@code nm}: an id, a string, or a join keyword. */
    static boolean isNm(TokenType t) {
        return isId(t) || t == TokenType.STRING || t.kind() == Kind.JOIN;
    }

    /** SQLite's {@code ids}: ID (after fallback) or STRING; used for aliases, type names, collations. */
    static boolean isIds(TokenType t) {
        return t == TokenType.ID || t == TokenType.STRING || t.kind() == Kind.FALLBACK;
    }

    final String nm() {
        if (!isNm(peek())) {
            throw error();
        }
        return name(advance());
    }

    final String ids() {
        if (!isIds(peek())) {
            throw error();
        }
        return name(advance());
    }

    /** The dequoted text of a name token. */
    final String name(int i) {
        int start = tokens.start(i);
        int end = tokens.end(i);
        char q = sql.charAt(start);
        return switch (q) {
            case '"', '\'', '`' -> unquote(sql, start, end, q);
            case '[' -> sql.substring(start + 1, end - 1);
            default -> sql.substring(start, end);
        };
    }

    /** Strips the quotes from {@code s[start,end)} and collapses doubled quote chars. */
    static String unquote(String s, int start, int end, char q) {
        int from = start + 1;
        int to = end - 1;
        int dq = s.indexOf(q, from);
        if (dq < 0 || dq >= to) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            b.append(c);
            if (c == q) {
                i++;
            }
        }
        return b.toString();
    }

    /** True if the current token is an ID spelling {@code word} (case-insensitive); for non-keywords like STRICT. */
    final boolean atWord(String word) {
        return isIds(peek()) && peek() != TokenType.STRING && text(p).equalsIgnoreCase(word);
    }
}
