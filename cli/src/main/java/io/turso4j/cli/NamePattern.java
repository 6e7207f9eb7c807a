package io.turso4j.cli;

/**
 * The LIKE and GLOB matching {@code .tables} and {@code .schema} filter names with, as SQLite
 * defines them: LIKE folds ASCII case, {@code %} matches any run and {@code _} one character,
 * with an optional escape character; GLOB is case-sensitive with {@code *}, {@code ?} and
 * {@code [...]} classes ({@code ^} negates, {@code a-z} ranges, a leading {@code ]} is literal).
 * Stateless.
 */
final class NamePattern {
    private NamePattern() {}

    /** {@code text LIKE pattern ESCAPE escape}; escape 0 for none. */
    static boolean like(String pattern, String text, char escape) {
        return like(pattern, 0, text, 0, escape);
    }

    private static boolean like(String p, int pi, String t, int ti, char escape) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = ti; k <= t.length(); k++) {
                    if (like(p, pi + 1, t, k, escape)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length()) {
                return false;
            }
            if (c == escape && escape != 0 && pi + 1 < p.length()) {
                c = p.charAt(++pi);
                if (fold(c) != fold(t.charAt(ti))) {
                    return false;
                }
            } else if (c != '_' && fold(c) != fold(t.charAt(ti))) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == t.length();
    }

    /** {@code text GLOB pattern}. */
    static boolean glob(String pattern, String text) {
        return glob(pattern, 0, text, 0);
    }

    private static boolean glob(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = ti; k <= t.length(); k++) {
                    if (glob(p, pi + 1, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length()) {
                return false;
            }
            if (c == '[') {
                int end = classEnd(p, pi);
                if (end < 0 || !inClass(p, pi + 1, end, t.charAt(ti))) {
                    return false;
                }
                pi = end + 1;
            } else {
                if (c != '?' && c != t.charAt(ti)) {
                    return false;
                }
                pi++;
            }
            ti++;
        }
        return ti == t.length();
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        return p.indexOf(']', i);
    }

    private static boolean inClass(String p, int from, int end, char c) {
        boolean negate = p.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        while (i < end) {
            char lo = p.charAt(i);
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                char hi = p.charAt(i + 2);
                found |= c >= lo && c <= hi;
                i += 3;
            } else {
                found |= c == lo;
                i++;
            }
        }
        return found != negate;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
