package io.turso4j.sql.lexer;

import java.util.Arrays;

/**
 * SQLite's tokenizer (tokenize.c) over a Java string: splits SQL text into
 * {@link Tokens}, dropping whitespace and both kinds of comment.
 *
 * <p>Rules, as SQLite applies them:
 * <ul>
 *   <li>Names: a letter, {@code _} or non-ASCII char, then letters, digits,
 *       {@code _}, {@code $} or non-ASCII; quoted with {@code "…"} or {@code `…`}
 *       (doubled quote escapes it) or {@code […]}. Bare names that spell a keyword
 *       become that keyword.</li>
 *   <li>Strings {@code '…'} with {@code ''} escapes; blobs {@code x'hex'} with an
 *       even number of hex digits.</li>
 *   <li>Numbers: {@code 0x}hex, digits with optional fraction and exponent,
 *       {@code .5}, {@code 1.}; {@code _} between two digits is a separator
 *       (SQLite 3.46). A number running into name characters ({@code 12ab}) is
 *       one illegal token.</li>
 *   <li>Parameters {@code ?}, {@code ?NNN}, and {@code :}, {@code @}, {@code $},
 *       {@code #} followed by a name (with TCL-style {@code ::} and {@code (…)}
 *       suffixes).</li>
 *   <li>{@code --} comments run to end of line, {@code /*} comments to
 *       {@code *}{@code /} or the end of the text (unterminated is fine).</li>
 * </ul>
 * Text SQLite rejects becomes an {@link TokenType#ILLEGAL} token; the parser
 * reports it as {@code unrecognized token} when it reaches it, so errors come out
 * in text order exactly as SQLite's incremental tokenizer produces them.
 *
 * <p>WINDOW, OVER and FILTER are keywords only where SQLite's tokenizer treats
 * them so (WINDOW before {@code name AS}; OVER after {@code )} before {@code (} or
 * a name; FILTER after {@code )} before {@code (}); otherwise they are IDs.
 *
 * <p>Stateless; any thread may call {@link #tokenize}.
 */
public final class Lexer {
    private Lexer() {}

    public static Tokens tokenize(String sql) {
        Builder b = new Builder(sql);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            int start = i;
            char c = sql.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', '\f', '\r' -> {
                    i++;
                    continue;
                }
                case '-' -> {
                    if (at(sql, i + 1) == '-') {
                        i = skipLineComment(sql, i + 2);
                        continue;
                    }
                    if (at(sql, i + 1) == '>') {
                        i = at(sql, i + 2) == '>' ? i + 3 : i + 2;
                        b.add(i - start == 3 ? TokenType.PTR2 : TokenType.PTR, start, i);
                    } else {
                        b.add(TokenType.MINUS, start, ++i);
                    }
                }
                case '/' -> {
                    if (at(sql, i + 1) == '*') {
                        int close = sql.indexOf("*/", i + 2);
                        i = close < 0 ? n : close + 2;
                        continue;
                    }
                    b.add(TokenType.SLASH, start, ++i);
                }
                case '(' -> b.add(TokenType.LP, start, ++i);
                case ')' -> b.add(TokenType.RP, start, ++i);
                case ';' -> b.add(TokenType.SEMI, start, ++i);
                case '+' -> b.add(TokenType.PLUS, start, ++i);
                case '*' -> b.add(TokenType.STAR, start, ++i);
                case '%' -> b.add(TokenType.REM, start, ++i);
                case ',' -> b.add(TokenType.COMMA, start, ++i);
                case '&' -> b.add(TokenType.BITAND, start, ++i);
                case '~' -> b.add(TokenType.BITNOT, start, ++i);
                case '=' -> {
                    i = at(sql, i + 1) == '=' ? i + 2 : i + 1;
                    b.add(TokenType.EQ, start, i);
                }
                case '<' -> {
                    char d = at(sql, i + 1);
                    TokenType t = d == '=' ? TokenType.LE : d == '>' ? TokenType.NE : d == '<' ? TokenType.LSHIFT : TokenType.LT;
                    i += t == TokenType.LT ? 1 : 2;
                    b.add(t, start, i);
                }
                case '>' -> {
                    char d = at(sql, i + 1);
                    TokenType t = d == '=' ? TokenType.GE : d == '>' ? TokenType.RSHIFT : TokenType.GT;
                    i += t == TokenType.GT ? 1 : 2;
                    b.add(t, start, i);
                }
                case '!' -> {
                    if (at(sql, i + 1) == '=') {
                        b.add(TokenType.NE, start, i += 2);
                    } else {
                        b.add(TokenType.ILLEGAL, start, ++i);
                    }
                }
                case '|' -> {
                    i = at(sql, i + 1) == '|' ? i + 2 : i + 1;
                    b.add(i - start == 2 ? TokenType.CONCAT : TokenType.BITOR, start, i);
                }
                case '\'' -> i = quoted(b, sql, i, '\'', TokenType.STRING);
                case '"', '`' -> i = quoted(b, sql, i, c, TokenType.ID);
                case '[' -> {
                    int close = sql.indexOf(']', i + 1);
                    i = close < 0 ? n : close + 1;
                    b.add(close < 0 ? TokenType.ILLEGAL : TokenType.ID, start, i);
                }
                case '.' -> {
                    if (isDigit(at(sql, i + 1))) {
                        i = number(b, sql, i);
                    } else {
                        b.add(TokenType.DOT, start, ++i);
                    }
                }
                case '?' -> {
                    i++;
                    while (isDigit(at(sql, i))) {
                        i++;
                    }
                    b.add(TokenType.VARIABLE, start, i);
                }
                case '$', '@', ':', '#' -> i = namedVariable(b, sql, i);
                default -> {
                    if (isDigit(c)) {
                        i = number(b, sql, i);
                    } else if ((c == 'x' || c == 'X') && at(sql, i + 1) == '\'') {
                        i = blob(b, sql, i);
                    } else if (isIdStart(c)) {
                        i = word(b, sql, i);
                    } else {
                        b.add(TokenType.ILLEGAL, start, ++i);
                    }
                }
            }
        }
        b.add(TokenType.EOF, n, n);
        b.resolveContextualKeywords();
        return b.build();
    }

    /** True if {@code word} is one of SQLite's keywords (any case), so must be quoted to be read as a name. */
    public static boolean isKeyword(String word) {
        return Keywords.lookup(word, 0, word.length()) != null;
    }

    private static int skipLineComment(String sql, int i) {
        int nl = sql.indexOf('\n', i);
        return nl < 0 ? sql.length() : nl + 1;
    }

    private static int quoted(Builder b, String sql, int start, char quote, TokenType type) {
        int n = sql.length();
        int i = start + 1;
        while (i < n) {
            if (sql.charAt(i) == quote) {
                if (at(sql, i + 1) == quote) {
                    i += 2;
                    continue;
                }
                b.add(type, start, i + 1);
                return i + 1;
            }
            i++;
        }
        b.add(TokenType.ILLEGAL, start, n);
        return n;
    }

    private static int number(Builder b, String sql, int start) {
        int i = start;
        TokenType type = TokenType.INTEGER;
        if (sql.charAt(i) == '0' && (at(sql, i + 1) == 'x' || at(sql, i + 1) == 'X') && isHex(at(sql, i + 2))) {
            i += 3;
            while (isHex(at(sql, i)) || (at(sql, i) == '_' && isHex(at(sql, i + 1)))) {
                i++;
            }
            b.add(type, start, i);
            return i;
        }
        i = digits(sql, i);
        if (at(sql, i) == '.') {
            type = TokenType.FLOAT;
            i = digits(sql, i + 1);
        }
        char e = at(sql, i);
        if ((e == 'e' || e == 'E')
                && (isDigit(at(sql, i + 1))
                        || ((at(sql, i + 1) == '+' || at(sql, i + 1) == '-') && isDigit(at(sql, i + 2))))) {
            type = TokenType.FLOAT;
            i = digits(sql, i + 2);
        }
        while (isIdChar(at(sql, i))) {
            type = TokenType.ILLEGAL;
            i++;
        }
        b.add(type, start, i);
        return i;
    }

    /** Digits with single {@code _} separators between them, from {@code i}. */
    private static int digits(String sql, int i) {
        while (isDigit(at(sql, i)) || (at(sql, i) == '_' && i > 0 && isDigit(sql.charAt(i - 1)) && isDigit(at(sql, i + 1)))) {
            i++;
        }
        return i;
    }

    private static int blob(Builder b, String sql, int start) {
        int n = sql.length();
        int i = start + 2;
        while (isHex(at(sql, i))) {
            i++;
        }
        TokenType type = TokenType.BLOB;
        if (at(sql, i) != '\'' || (i - start) % 2 != 0) {
            type = TokenType.ILLEGAL;
            while (i < n && sql.charAt(i) != '\'') {
                i++;
            }
        }
        if (i < n) {
            i++;
        }
        b.add(type, start, i);
        return i;
    }

    private static int namedVariable(Builder b, String sql, int start) {
        int n = sql.length();
        int names = 0;
        int i = start + 1;
        TokenType type = TokenType.VARIABLE;
        for (; i < n; i++) {
            char c = sql.charAt(i);
            if (isIdChar(c)) {
                names++;
            } else if (c == '(' && names > 0) {
                do {
                    i++;
                } while (i < n && !isSpace(sql.charAt(i)) && sql.charAt(i) != ')');
                if (at(sql, i) == ')') {
                    i++;
                } else {
                    type = TokenType.ILLEGAL;
                }
                break;
            } else if (c == ':' && at(sql, i + 1) == ':') {
                i++;
            } else {
                break;
            }
        }
        b.add(names == 0 ? TokenType.ILLEGAL : type, start, i);
        return i;
    }

    private static int word(Builder b, String sql, int start) {
        int i = start + 1;
        while (isIdChar(at(sql, i))) {
            i++;
        }
        TokenType kw = Keywords.lookup(sql, start, i);
        b.add(kw == null ? TokenType.ID : kw, start, i);
        return i;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b;
    }

    static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdChar(char c) {
        return isIdStart(c) || isDigit(c) || c == '$';
    }

    /** Growable token arrays. */
    private static final class Builder {
        private final String sql;
        /** Each token's {@link TokenType} by ordinal: a byte, not a reference, per token. */
        private byte[] types;
        private int[] starts;
        private int[] ends;
        private int size;

        Builder(String sql) {
            this.sql = sql;
            // SQL runs 2.5 to 5 chars a token (whitespace included): a capacity that seldom
            // grows, as growing allocates the three arrays over again at twice the size.
            int cap = Math.max(16, sql.length() * 2 / 5);
            types = new byte[cap];
            starts = new int[cap];
            ends = new int[cap];
        }

        void add(TokenType type, int start, int end) {
            if (size == types.length) {
                int cap = size * 2;
                types = Arrays.copyOf(types, cap);
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
            }
            types[size] = (byte) type.ordinal();
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        /** SQLite's analyzeWindowKeyword / analyzeOverKeyword / analyzeFilterKeyword. */
        void resolveContextualKeywords() {
            for (int i = 0; i < size; i++) {
                TokenType t = type(i);
                if (t == TokenType.WINDOW) {
                    set(i, nameLike(i + 1) && type(i + 2) == TokenType.AS ? t : TokenType.ID);
                } else if (t == TokenType.OVER) {
                    boolean over = i > 0 && type(i - 1) == TokenType.RP
                            && (type(i + 1) == TokenType.LP || nameLike(i + 1));
                    set(i, over ? t : TokenType.ID);
                } else if (t == TokenType.FILTER) {
                    boolean filter = i > 0 && type(i - 1) == TokenType.RP && type(i + 1) == TokenType.LP;
                    set(i, filter ? t : TokenType.ID);
                }
            }
        }

        private TokenType type(int i) {
            return Tokens.TYPES[types[i] & 0xFF];
        }

        private void set(int i, TokenType type) {
            types[i] = (byte) type.ordinal();
        }

        /** What SQLite's getToken() in tokenize.c calls TK_ID. */
        private boolean nameLike(int i) {
            TokenType t = type(i);
            return t == TokenType.ID || t == TokenType.STRING || t.kind() == TokenType.Kind.JOIN
                    || t.kind() == TokenType.Kind.FALLBACK || t == TokenType.WINDOW || t == TokenType.OVER;
        }

        Tokens build() {
            return new Tokens(sql, types, starts, ends, size);
        }
    }
}
