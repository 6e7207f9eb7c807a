package io.turso4j.cli;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Splits an {@code .import} file into fields as sqlite3 3.40's {@code csv_read_one_field} (or,
 * for ascii input, {@code ascii_read_one_field}, which only splits at the separators) does,
 * byte by byte: fields end at the (one-byte) column or row separator; a field starting with
 * {@code "} is quoted ({@code ""} inside is one quote, separators inside are data); a CR before
 * the row separator is dropped; a UTF-8 byte-order mark at the start is skipped. Line numbers
 * (for messages) count row separators, from 1. Warnings go to {@code warn} in sqlite3's words.
 * Owned by the shell's one thread.
 */
final class ImportReader {
    static final int EOF = -1;
    private static final int QUOTE = '"';

    private final byte[] in;
    private final String file;
    private final int columnSeparator;
    private final int rowSeparator;
    private final Consumer<String> warn;
    /** False for sqlite3's {@code ascii_read_one_field}: no quotes, no CR or byte-order-mark handling. */
    private final boolean csv;
    private int pos;
    private int line = 1;
    private int terminator;
    private boolean notFirst;

    ImportReader(byte[] in, String file, int columnSeparator, int rowSeparator, boolean csv, Consumer<String> warn) {
        this.in = in;
        this.csv = csv;
        this.file = file;
        this.columnSeparator = columnSeparator;
        this.rowSeparator = rowSeparator;
        this.warn = warn;
    }

    /** The file's name as the user gave it. */
    String fileName() {
        return file;
    }

    /** "FILE:LINE", as messages about a row that started at {@code line} begin. */
    String fileLine(int line) {
        return file + ":" + line;
    }

    /** The current line number. */
    int line() {
        return line;
    }

    /** What ended the last field: the column separator, the row separator or {@link #EOF}. */
    int terminator() {
        return terminator;
    }

    /** True when the last field ended at the column separator (more fields in this row). */
    boolean moreInRow() {
        return terminator == columnSeparator;
    }

    /** The next field's bytes, or null at the end of the input. */
    byte[] next() {
        int c = read();
        if (c == EOF) {
            terminator = EOF;
            return null;
        }
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        if (c == QUOTE && csv) {
            quoted(z);
        } else {
            if (csv && c == 0xef && !notFirst && pos + 1 < in.length && (in[pos] & 0xff) == 0xbb && (in[pos + 1] & 0xff) == 0xbf) {
                pos += 2;
                notFirst = true;
                return next();
            }
            while (c != EOF && c != columnSeparator && c != rowSeparator) {
                z.write(c);
                c = read();
            }
            byte[] field = z.toByteArray();
            if (c == rowSeparator) {
                line++;
                if (csv && field.length > 0 && field[field.length - 1] == '\r') {
                    field = java.util.Arrays.copyOf(field, field.length - 1);
                }
            }
            terminator = c;
            notFirst = true;
            return field;
        }
        notFirst = true;
        return z.toByteArray();
    }

    private void quoted(ByteArrayOutputStream z) {
        int startLine = line;
        int pc = 0;
        int ppc = 0;
        while (true) {
            int c = read();
            if (c == rowSeparator) {
                line++;
            }
            if (c == QUOTE && pc == QUOTE) {
                pc = 0;
                continue;
            }
            if ((c == columnSeparator && pc == QUOTE) || (c == rowSeparator && pc == QUOTE)
                    || (c == rowSeparator && pc == '\r' && ppc == QUOTE) || (c == EOF && pc == QUOTE)) {
                byte[] bytes = z.toByteArray();
                int n = bytes.length;
                do {
                    n--;
                } while (bytes[n] != QUOTE);
                z.reset();
                z.write(bytes, 0, n);
                terminator = c;
                return;
            }
            if (pc == QUOTE && c != '\r') {
                warn.accept(file + ":" + line + ": unescaped \" character");
            }
            if (c == EOF) {
                warn.accept(file + ":" + startLine + ": unterminated \"-quoted field");
                terminator = c;
                return;
            }
            z.write(c);
            ppc = pc;
            pc = c;
        }
    }

    private int read() {
        return pos < in.length ? in[pos++] & 0xff : EOF;
    }
}
