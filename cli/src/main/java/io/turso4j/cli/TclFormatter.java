package io.turso4j.cli;

/**
 * sqlite3's tcl mode: every cell as a C string ({@link CString}; NULL as the {@code .nullvalue}
 * text, quoted too) joined by the column separator, rows ended by the row separator; with
 * headers on, the names first. Owned by the shell's one thread.
 */
final class TclFormatter implements ResultFormatter {
    private final ShellOutput out;
    private final byte[][] header;
    private final boolean showHeader;
    private final byte[] nullValue;
    private final byte[] columnSeparator;
    private final byte[] rowSeparator;
    private boolean any;

    TclFormatter(OutputSettings settings, ShellOutput out, byte[][] header) {
        this.out = out;
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
            out.write(CString.of(cells[i] == null ? nullValue : cells[i]));
            out.write(i < cells.length - 1 ? columnSeparator : rowSeparator);
        }
    }
}
