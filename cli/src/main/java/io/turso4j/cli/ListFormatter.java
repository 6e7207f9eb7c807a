package io.turso4j.cli;

/**
 * sqlite3's list mode (and tabs mode): cells joined by the column separator, each row ended by
 * the row separator, NULL as the {@code .nullvalue} text; with headers on, the column names
 * before the first row (none for a statement without rows).
 *
 * <p>With {@code csvQuoting}, sqlite3's csv mode: a cell is double-quoted (inner quotes
 * doubled) when it is empty, holds the column separator, or holds any byte sqlite3's {@code
 * needCsvQuote} table marks — control characters, space, {@code "}, {@code '}, DEL and every
 * byte of a non-ASCII character. NULL stays the {@code .nullvalue} text, unquoted.
 *
 * <p>As {@link Quoting#TCL}, sqlite3's tcl mode: every cell as a C string ({@link CString}),
 * NULL's {@code .nullvalue} text quoted too.
 */
final class ListFormatter implements ResultFormatter {
    /** How a cell is written: as it is, as csv mode quotes it, or as tcl mode's C string. */
    enum Quoting { NONE, CSV, TCL }

    private final ShellOutput out;
    private final byte[][] header;
    private final boolean showHeader;
    private final byte[] nullValue;
    private final byte[] columnSeparator;
    private final byte[] rowSeparator;
    private final Quoting quoting;
    private boolean any;

    ListFormatter(OutputSettings settings, ShellOutput out, byte[][] header, Quoting quoting) {
        this.out = out;
        this.quoting = quoting;
        this.header = header;
        this.showHeader = settings.showHeader();
        this.nullValue = CellText.text(settings.nullValue());
        this.columnSeparator = CellText.text(settings.columnSeparator());
        this.rowSeparator = CellText.text(settings.rowSeparator());
    }

    @Override
    public void row(Object[] values, byte[][] cells) {
        if (!any && showHeader) {
            line(header);
        }
        any = true;
        line(cells);
    }

    private void line(byte[][] cells) {
        for (int i = 0; i < cells.length; i++) {
            cell(cells[i]);
            out.write(i < cells.length - 1 ? columnSeparator : rowSeparator);
        }
    }

    private void cell(byte[] z) {
        if (quoting == Quoting.TCL) {
            out.write(CString.of(z == null ? nullValue : z));
        } else if (z == null) {
            out.write(nullValue);
        } else if (quoting == Quoting.CSV && needsQuotes(z)) {
            out.write("\"");
            int from = 0;
            for (int i = 0; i < z.length; i++) {
                if (z[i] == '"') {
                    out.write(java.util.Arrays.copyOfRange(z, from, i + 1));
                    out.write("\"");
                    from = i + 1;
                }
            }
            out.write(java.util.Arrays.copyOfRange(z, from, z.length));
            out.write("\"");
        } else {
            out.write(z);
        }
    }

    private boolean needsQuotes(byte[] z) {
        if (z.length == 0) {
            return true;
        }
        for (byte b : z) {
            int c = b & 0xff;
            if (c <= ' ' || c == '"' || c == '\'' || c >= 0x7f) {
                return true;
            }
        }
        return contains(z, columnSeparator);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

}
