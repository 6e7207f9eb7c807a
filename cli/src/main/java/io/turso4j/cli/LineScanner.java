package io.turso4j.cli;

/**
 * sqlite3's {@code quickscan}: carried from one input line to the next, it tells whether the
 * text so far is inside a string, quoted name or block comment, whether it holds anything but
 * whitespace and comments ("dark" text), and whether its last dark character is a {@code ;}.
 * The input loop uses it to swallow blank and comment-only lines and to try
 * {@code sqlite3_complete} only on lines that end a statement. Mutable; one per input loop.
 */
final class LineScanner {
    /** 0 outside quotes and comments, else the character that ends the open one ('*' for a block comment). */
    private char wait;
    private boolean dark;
    private boolean endingSemi;

    /** Back to the start state, as after a statement ran. */
    void reset() {
        wait = 0;
        dark = false;
        endingSemi = false;
    }

    /** True outside strings, quoted names and block comments. */
    boolean inPlain() {
        return wait == 0;
    }

    /** True when nothing but whitespace, comments and semicolons was seen, and nothing is open. */
    boolean plainWhite() {
        return wait == 0 && !dark;
    }

    /** True when nothing is open and the last dark character was {@code ;}. */
    boolean semicolonTerminated() {
        return wait == 0 && endingSemi;
    }

    /** Scans one more line. */
    void scan(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (wait == 0) {
                char c = line.charAt(i++);
                if (AsciiSpace.is(c)) {
                    continue;
                }
                switch (c) {
                    case '-' -> {
                        if (i < n && line.charAt(i) == '-') {
                            return; // a line comment runs to the end of the line
                        }
                    }
                    case ';' -> {
                        endingSemi = true;
                        continue;
                    }
                    case '/' -> {
                        if (i < n && line.charAt(i) == '*') {
                            i++;
                            wait = '*';
                            continue;
                        }
                    }
                    case '[' -> {
                        wait = ']';
                        dark = true;
                        continue;
                    }
                    case '`', '\'', '"' -> {
                        wait = c;
                        dark = true;
                        continue;
                    }
                    default -> { }
                }
                endingSemi = false;
                dark = true;
            } else {
                i = scanQuoted(line, i);
            }
        }
    }

    /** Scans inside a quote or block comment from {@code i}; returns where plain text resumes, or the end. */
    private int scanQuoted(String line, int i) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i++);
            if (c != wait) {
                continue;
            }
            if (wait == '*') {
                if (i < n && line.charAt(i) == '/') {
                    wait = 0;
                    return i + 1;
                }
            } else if (wait != ']' && i < n && line.charAt(i) == wait) {
                i++; // a doubled quote stays inside
            } else {
                wait = 0;
                return i;
            }
        }
        return i;
    }
}
