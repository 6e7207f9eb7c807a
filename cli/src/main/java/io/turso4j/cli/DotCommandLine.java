package io.turso4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a dot-command line into its words as sqlite3 3.40 does: words are separated by
 * whitespace; a word may be quoted with {@code '…'} (taken as is) or {@code "…"} (in which
 * {@code \"} does not end it); an unterminated quote runs to the end of the line; unquoted and
 * double-quoted words then have their backslash escapes resolved ({@code \t \n \r \\ \" \'
 * \a \b \v \f}, octal {@code \NNN}; any other escaped character stands for itself).
 * The command name (without its dot) is the first word. Stateless.
 */
final class DotCommandLine {
    private DotCommandLine() {}

    /** The words of {@code line}, which starts with {@code .}. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int h = 1;
        int n = line.length();
        while (h < n) {
            while (h < n && AsciiSpace.is(line.charAt(h))) {
                h++;
            }
            if (h >= n) {
                break;
            }
            char c = line.charAt(h);
            if (c == '\'' || c == '"') {
                int start = ++h;
                while (h < n && line.charAt(h) != c) {
                    if (line.charAt(h) == '\\' && c == '"' && h + 1 < n) {
                        h++;
                    }
                    h++;
                }
                String word = line.substring(start, Math.min(h, n));
                if (h < n) {
                    h++; // the closing quote
                }
                words.add(c == '"' ? resolveBackslashes(word) : word);
            } else {
                int start = h;
                while (h < n && !AsciiSpace.is(line.charAt(h))) {
                    h++;
                }
                words.add(resolveBackslashes(line.substring(start, h)));
            }
        }
        return words;
    }

    /** sqlite3's {@code resolve_backslashes}. */
    static String resolveBackslashes(String z) {
        if (z.indexOf('\\') < 0) {
            return z;
        }
        StringBuilder b = new StringBuilder(z.length());
        for (int i = 0; i < z.length(); i++) {
            char c = z.charAt(i);
            if (c == '\\' && i + 1 < z.length()) {
                c = z.charAt(++i);
                switch (c) {
                    case 'a' -> c = 0x07;
                    case 'b' -> c = '\b';
                    case 't' -> c = '\t';
                    case 'n' -> c = '\n';
                    case 'v' -> c = 0x0b;
                    case 'f' -> c = '\f';
                    case 'r' -> c = '\r';
                    default -> {
                        if (c >= '0' && c <= '7') {
                            int v = c - '0';
                            for (int k = 0; k < 2 && i + 1 < z.length() && isOctal(z.charAt(i + 1)); k++) {
                                v = (v << 3) + z.charAt(++i) - '0';
                            }
                            c = (char) (v & 0xff);
                        }
                    }
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}
