package io.turso4j.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Lines of a script, split as sqlite3 splits them: at {@code \n}, dropping one {@code \r}
 * before it; a lone {@code \r} is text (unlike {@link java.io.BufferedReader#readLine()}). The
 * last line need not end in a newline. Owned by the shell's one thread.
 */
final class ReaderLineSource implements LineSource {
    private final Reader in;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;
    private boolean eof;

    /** Reads from {@code in}, which should be buffered by the caller only if cheap to do so. */
    ReaderLineSource(Reader in) {
        this.in = in;
    }

    @Override
    public String readLine(boolean continuation) {
        StringBuilder line = null;
        while (true) {
            if (pos == limit && !fill()) {
                return line == null ? null : line.toString();
            }
            if (line == null) {
                line = new StringBuilder();
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            line.append(buffer, start, pos - start);
            if (pos < limit) {
                pos++; // the newline
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return line.toString();
            }
        }
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
