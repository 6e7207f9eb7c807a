package io.turso4j.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * sqlite3's column mode: rows are held until the statement ends, then every column is padded to
 * its widest cell — counting the column names even with headers off, and NULL as the {@code
 * .nullvalue} text — and cells are joined by two spaces, the last one padded too. With headers
 * on, the names and a line of dashes come first. Tabs expand to the next multiple of 8
 * characters, as sqlite3 displays them. A statement without rows prints nothing.
 */
final class ColumnFormatter implements ResultFormatter {
    private static final byte[] GAP = {' ', ' '};
    private static final byte[] NEWLINE = {'\n'};

    private final ShellOutput out;
    private final byte[][] header;
    private final boolean showHeader;
    private final byte[] nullValue;
    private final List<byte[][]> rows = new ArrayList<>();

    ColumnFormatter(OutputSettings settings, ShellOutput out, byte[][] header) {
        this.out = out;
        this.showHeader = settings.showHeader();
        this.nullValue = expandTabs(CellText.text(settings.nullValue()));
        this.header = new byte[header.length][];
        for (int i = 0; i < header.length; i++) {
            this.header[i] = expandTabs(header[i]);
        }
    }

    @Override
    public void row(byte[][] cells) {
        byte[][] shown = new byte[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            shown[i] = cells[i] == null ? nullValue : expandTabs(cells[i]);
        }
        rows.add(shown);
    }

    @Override
    public void finish() {
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = new int[header.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = CellText.displayWidth(header[i]);
            for (byte[][] row : rows) {
                widths[i] = Math.max(widths[i], CellText.displayWidth(row[i]));
            }
        }
        if (showHeader) {
            line(header, widths);
            for (int i = 0; i < widths.length; i++) {
                out.repeat('-', widths[i]);
                out.write(i < widths.length - 1 ? GAP : NEWLINE);
            }
        }
        for (byte[][] row : rows) {
            line(row, widths);
        }
    }

    private void line(byte[][] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            out.write(cells[i]);
            out.repeat(' ', widths[i] - CellText.displayWidth(cells[i]));
            out.write(i < cells.length - 1 ? GAP : NEWLINE);
        }
    }

    private static byte[] expandTabs(byte[] utf8) {
        if (indexOfTab(utf8) < 0) {
            return utf8;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(utf8.length + 8);
        int column = 0;
        for (byte c : utf8) {
            if (c == '\t') {
                do {
                    b.write(' ');
                    column++;
                } while (column % 8 != 0);
            } else {
                b.write(c);
                if ((c & 0xc0) != 0x80) {
                    column++;
                }
            }
        }
        return b.toByteArray();
    }

    private static int indexOfTab(byte[] utf8) {
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\t') {
                return i;
            }
        }
        return -1;
    }
}
