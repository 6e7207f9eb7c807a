package io.turso4j.cli;

/**
 * sqlite3's list mode (and tabs mode): cells joined by the column separator, each row ended by
 * the row separator, NULL as the {@code .nullvalue} text; with headers on, the column names
 * before the first row (none for a statement without rows).
 */
final class ListFormatter implements ResultFormatter {
    private final ShellOutput out;
    private final byte[][] header;
    private final boolean showHeader;
    private final byte[] nullValue;
    private final byte[] columnSeparator;
    private final byte[] rowSeparator;
    private boolean any;

    ListFormatter(OutputSettings settings, ShellOutput out, byte[][] header) {
        this.out = out;
        this.header = header;
        this.showHeader = settings.showHeader();
        this.nullValue = CellText.text(settings.nullValue());
        this.columnSeparator = CellText.text(settings.columnSeparator());
        this.rowSeparator = CellText.text(settings.rowSeparator());
    }

    @Override
    public void row(byte[][] cells) {
        if (!any && showHeader) {
            line(header);
        }
        any = true;
        line(cells);
    }

    private void line(byte[][] cells) {
        for (int i = 0; i < cells.length; i++) {
            out.write(cells[i] == null ? nullValue : cells[i]);
            out.write(i < cells.length - 1 ? columnSeparator : rowSeparator);
        }
    }
}
