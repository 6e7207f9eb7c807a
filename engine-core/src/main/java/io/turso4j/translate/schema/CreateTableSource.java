package io.turso4j.translate.schema;

import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the verbatim source text SQLite keeps from a CREATE TABLE statement that has already
 * parsed: per column a {@link ColumnSource}, the text of the table-level CHECK constraints,
 * and the table name token as written (SQLite quotes it that way in "table … already exists").
 *
 * <p>It walks the tokens rather than the AST because the AST drops spacing and quotes. The
 * statement is known to be well-formed, so the walk only needs SQLite's shape of a column
 * definition: a name, type words ({@code ids}) with an optional parenthesized size, then
 * constraints up to the next comma at nesting depth 0. Stateless.
 */
final class CreateTableSource {
    final List<ColumnSource> columns;
    final List<String> tableChecks;
    final String nameToken;

    private CreateTableSource(List<ColumnSource> columns, List<String> tableChecks, String nameToken) {
        this.columns = columns;
        this.tableChecks = tableChecks;
        this.nameToken = nameToken;
    }

    /** Reads {@code columnCount} column definitions from the text of a CREATE TABLE. */
    static CreateTableSource read(String sql, int columnCount) {
        Tokens t = Lexer.tokenize(sql);
        int i = 0;
        int nameAt = -1;
        while (i < t.size() && t.type(i) != TokenType.LP && t.type(i) != TokenType.AS
                && t.type(i) != TokenType.EOF) {
            if (t.type(i) != TokenType.DOT) {
                nameAt = i;
            }
            i++;
        }
        String nameToken = nameAt >= 0 ? t.text(nameAt) : "";
        List<ColumnSource> columns = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        if (i >= t.size() || t.type(i) != TokenType.LP) {
            return new CreateTableSource(columns, checks, nameToken);
        }
        int close = matching(t, i);
        int segment = i + 1;
        while (columns.size() < columnCount && segment < close) {
            int end = segmentEnd(t, segment, close);
            columns.add(column(t, segment, end));
            segment = end + 1;
        }
        for (int k = segment; k < close; k++) {
            if (t.type(k) == TokenType.CHECK) {
                int lp = k + 1;
                int rp = matching(t, lp);
                checks.add(between(t, lp, rp));
                k = rp;
            } else if (t.type(k) == TokenType.LP) {
                k = matching(t, k);
            }
        }
        return new CreateTableSource(List.copyOf(columns), List.copyOf(checks), nameToken);
    }

    private static ColumnSource column(Tokens t, int start, int end) {
        ColumnSource.Builder b = new ColumnSource.Builder();
        int i = start + 1;
        int typeStart = i;
        while (i < end && isIds(t.type(i))) {
            i++;
        }
        if (i > typeStart) {
            int typeEnd = t.end(i - 1);
            if (i < end && t.type(i) == TokenType.LP) {
                int rp = matching(t, i);
                typeEnd = t.end(rp);
                i = rp + 1;
            }
            b.type = t.sql().substring(t.start(typeStart), typeEnd);
        }
        for (; i < end; i++) {
            TokenType type = t.type(i);
            if (type == TokenType.DEFAULT && t.type(i - 1) != TokenType.SET) {
                i = defaultValue(t, i + 1, b);
            } else if (type == TokenType.AS || type == TokenType.CHECK) {
                int rp = matching(t, i + 1);
                String text = between(t, i + 1, rp);
                if (type == TokenType.AS) {
                    b.generatedText = text;
                } else {
                    b.checks.add(text);
                }
                i = rp;
            } else if (type == TokenType.REFERENCES && b.referencesToken == null) {
                b.referencesToken = t.text(i + 1);
            } else if (type == TokenType.LP) {
                i = matching(t, i);
            }
        }
        return b.build();
    }

    /** Records the DEFAULT value starting at token {@code i}; returns the index of its last token. */
    private static int defaultValue(Tokens t, int i, ColumnSource.Builder b) {
        TokenType type = t.type(i);
        if (type == TokenType.LP) {
            int rp = matching(t, i);
            b.defaults.add(new ColumnSource.DefaultSource(between(t, i, rp), true));
            return rp;
        }
        int last = type == TokenType.PLUS || type == TokenType.MINUS ? i + 1 : i;
        b.defaults.add(new ColumnSource.DefaultSource(t.sql().substring(t.start(i), t.end(last)), false));
        return last;
    }

    /** The index of the comma at depth 0 ending the segment starting at {@code i}, or {@code close}. */
    private static int segmentEnd(Tokens t, int i, int close) {
        for (; i < close; i++) {
            if (t.type(i) == TokenType.COMMA) {
                return i;
            }
            if (t.type(i) == TokenType.LP) {
                i = matching(t, i);
            }
        }
        return close;
    }

    /** The index of the RP matching the LP at {@code lp} (the EOF token if unbalanced). */
    static int matching(Tokens t, int lp) {
        int depth = 0;
        for (int i = lp; i < t.size(); i++) {
            TokenType type = t.type(i);
            if (type == TokenType.LP) {
                depth++;
            } else if (type == TokenType.RP && --depth == 0) {
                return i;
            } else if (type == TokenType.EOF) {
                return i;
            }
        }
        return t.size() - 1;
    }

    /** The text strictly between two tokens, with surrounding whitespace trimmed (sqlite3DbSpanDup). */
    static String between(Tokens t, int open, int close) {
        String sql = t.sql();
        int from = t.end(open);
        int to = t.start(close);
        while (from < to && isSpace(sql.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(sql.charAt(to - 1))) {
            to--;
        }
        return sql.substring(from, to);
    }

    /** sqlite3Isspace: ASCII space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** SQLite's {@code ids}: an identifier (or a keyword that falls back to one) or a string. */
    private static boolean isIds(TokenType type) {
        return type == TokenType.ID || type == TokenType.STRING || type.kind() == TokenType.Kind.FALLBACK;
    }
}
