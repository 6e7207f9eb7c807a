package io.turso4j.sql.lexer;

/**
 * A tokenized SQL text: parallel arrays of type, start and end offset, with
 * whitespace and comments already dropped and a final {@link TokenType#EOF}
 * token (empty, at the text's length).
 *
 * <p>Immutable after {@link Lexer#tokenize} returns. Index {@code i} is valid for
 * {@code 0 <= i < size()}; the last index is always the EOF token.
 */
public final class Tokens {
    /** The token types by ordinal ({@link #types} holds ordinals, fewer than 256 of them). */
    static final TokenType[] TYPES = TokenType.values();

    private final String sql;
    final byte[] types;
    final int[] starts;
    final int[] ends;
    final int size;

    Tokens(String sql, byte[] types, int[] starts, int[] ends, int size) {
        this.sql = sql;
        this.types = types;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
    }

    public String sql() {
        return sql;
    }

    public int size() {
        return size;
    }

    public TokenType type(int i) {
        return TYPES[types[i] & 0xFF];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** The token's source text, quotes included. */
    public String text(int i) {
        return sql.substring(starts[i], ends[i]);
    }
}
