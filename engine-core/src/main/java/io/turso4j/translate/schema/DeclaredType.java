package io.turso4j.translate.schema;

import io.turso4j.value.Affinity;

/**
 * A column's declared type as SQLite records it (sqlite3AddColumn): a trailing
 * {@code GENERATED ALWAYS} is dropped, a type that is one quoted word is unquoted, and the six
 * standard names (ANY, BLOB, INT, INTEGER, REAL, TEXT) are kept as a code and shown in upper
 * case; any other type is kept as written after SQLite's sqlite3Dequote (which, for a type that
 * starts with a quote, keeps only the quoted part). Immutable.
 *
 * @param display the type as {@code PRAGMA table_info} shows it; {@code ""} for none
 * @param standard the standard type, or null for none or a custom type
 * @param affinity the affinity the type gives a column in an ordinary (not STRICT) table
 */
record DeclaredType(String display, Standard standard, Affinity affinity) {

    /** SQLite's standard type names, usable in STRICT tables. */
    enum Standard {
        ANY(Affinity.NUMERIC), BLOB(Affinity.BLOB), INT(Affinity.INTEGER), INTEGER(Affinity.INTEGER),
        REAL(Affinity.REAL), TEXT(Affinity.TEXT);

        final Affinity affinity;

        Standard(Affinity affinity) {
            this.affinity = affinity;
        }
    }

    static final DeclaredType NONE = new DeclaredType("", null, Affinity.BLOB);

    /** The declared type from its source text ({@link ColumnSource#type()}); null means none. */
    static DeclaredType of(String source) {
        if (source == null) {
            return NONE;
        }
        String s = withoutGeneratedAlways(source);
        if (s.length() >= 3) {
            s = dequoteToken(s);
            for (Standard std : Standard.values()) {
                if (s.equalsIgnoreCase(std.name())) {
                    return new DeclaredType(std.name(), std, std.affinity);
                }
            }
        }
        if (s.isEmpty()) {
            return NONE;
        }
        String display = dequote(s);
        // A type that dequotes to nothing still counts as declared: sqlite3AffinityType("") is NUMERIC.
        return new DeclaredType(display, null, display.isEmpty() ? Affinity.NUMERIC : Affinity.ofDeclaredType(display));
    }

    /** True if the type is the standard INTEGER: the only type that makes a PRIMARY KEY a rowid alias. */
    boolean isInteger() {
        return standard == Standard.INTEGER;
    }

    /**
     * SQLite reads {@code GENERATED ALWAYS} as part of the type; it drops a final "always" from
     * a type of 16 or more characters, then a final "generated".
     */
    private static String withoutGeneratedAlways(String s) {
        int n = s.length();
        if (n < 16 || !s.regionMatches(true, n - 6, "always", 0, 6)) {
            return s;
        }
        n -= 6;
        while (n > 0 && CreateTableSource.isSpace(s.charAt(n - 1))) {
            n--;
        }
        if (n >= 9 && s.regionMatches(true, n - 9, "generated", 0, 9)) {
            n -= 9;
            while (n > 0 && CreateTableSource.isSpace(s.charAt(n - 1))) {
                n--;
            }
        }
        return s.substring(0, n);
    }

    /** sqlite3DequoteToken: strips the outer quotes only if no other quote character is inside. */
    private static String dequoteToken(String s) {
        if (s.length() < 2 || !isQuote(s.charAt(0))) {
            return s;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            if (isQuote(s.charAt(i))) {
                return s;
            }
        }
        return s.substring(1, s.length() - 1);
    }

    /** sqlite3Dequote: a leading quote starts a quoted run that ends at its closing quote; the rest is dropped. */
    private static String dequote(String s) {
        char quote = s.charAt(0);
        if (!isQuote(quote)) {
            return s;
        }
        if (quote == '[') {
            quote = ']';
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    out.append(quote);
                    i++;
                } else {
                    break;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`' || c == '[';
    }
}
