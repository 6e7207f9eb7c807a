package io.turso4j.sql.lexer;

/**
 * Case-insensitive keyword lookup straight from the SQL text, without
 * allocating a string per identifier (the lexer's hot path).
 *
 * <p>An open-addressing table of the 147 keywords, hashed on ASCII-lowercased
 * characters. Built once; immutable afterwards, so any thread may call
 * {@link #lookup}.
 */
final class Keywords {
    private static final int MAX_LENGTH = 17; // CURRENT_TIMESTAMP
    private static final int SLOTS = 512;
    private static final TokenType[] TABLE = new TokenType[SLOTS];

    static {
        for (TokenType t : TokenType.values()) {
            if (!t.isKeyword()) {
                continue;
            }
            String name = t.name();
            int slot = hash(name, 0, name.length());
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            TABLE[slot] = t;
        }
    }

    private Keywords() {}

    /** The keyword spelled by {@code sql[start, end)} ignoring ASCII case, or {@code null}. */
    static TokenType lookup(CharSequence sql, int start, int end) {
        int len = end - start;
        if (len < 2 || len > MAX_LENGTH) {
            return null;
        }
        int slot = hash(sql, start, end);
        for (TokenType t; (t = TABLE[slot]) != null; slot = (slot + 1) & (SLOTS - 1)) {
            if (matches(t.name(), sql, start, len)) {
                return t;
            }
        }
        return null;
    }

    private static boolean matches(String name, CharSequence sql, int start, int len) {
        if (name.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (name.charAt(i) != upper(sql.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    private static int hash(CharSequence s, int start, int end) {
        int h = end - start;
        for (int i = start; i < end; i++) {
            h = h * 31 + upper(s.charAt(i));
        }
        h ^= h >>> 9;
        return h & (SLOTS - 1);
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
}
