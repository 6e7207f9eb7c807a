package io.turso4j.schema;

/**
 * How SQLite compares identifiers: case-insensitively for ASCII letters only
 * ({@code sqlite3StrICmp}), so {@code "Ä"} and {@code "ä"} are different names. Stateless.
 */
public final class Identifiers {
    private Identifiers() {
    }

    /** The lookup key of a name: ASCII letters folded to lower case, everything else kept. */
    public static String fold(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] out = name.toCharArray();
                for (int j = i; j < out.length; j++) {
                    char d = out[j];
                    if (d >= 'A' && d <= 'Z') {
                        out[j] = (char) (d + ('a' - 'A'));
                    }
                }
                return new String(out);
            }
        }
        return name;
    }

    /** True if the two names are the same identifier. */
    public static boolean same(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && lower(x) != lower(y)) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code name} begins with {@code prefix}, ignoring ASCII case. */
    public static boolean hasPrefix(String name, String prefix) {
        return name.length() >= prefix.length() && same(name.substring(0, prefix.length()), prefix);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
