package io.turso4j.cli;

/**
 * sqlite3's line mode: one {@code name = value} line per column, names right-aligned to the
 * longest (at least 5 wide), records of one statement separated by an empty line.
 */
final class LineFormatter implements ResultFormatter {
    private static final int MIN_WIDTH = 5;

    private final ShellOutput out;
    private final byte[][] header;
    private final byte[] nullValue;
    private final byte[] rowSeparator;
    private final int width;
    private boolean any;

    LineFormatter(OutputSettings settings, ShellOutput out, byte[][] header) {
        this.out = out;
        this.header = header;
        this.nullValue = CellText.text(settings.nullValue());
        this.rowSeparator = CellText.text(settings.rowSeparator());
        int w = MIN_WIDTH;
        for (byte[] name : header) {
            w = Math.max(w, name.length); // sqlite3 measures bytes here (strlen)
        }
        this.width = w;
    }

    @Override
    public void row(Object[] values, byte[][] cells) {
        if (any) {
            out.write(rowSeparator);
        }
        any = true;
        for (int i = 0; i < cells.length; i++) {
            // printf("%*s") pads by bytes, so a multi-byte name gets fewer spaces, as in sqlite3.
            out.repeat(' ', width - header[i].length);
            out.write(header[i]);
            out.write(" = ");
            out.write(cells[i] == null ? nullValue : cells[i]);
            out.write(rowSeparator);
        }
    }
}
