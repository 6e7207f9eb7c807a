package io.turso4j.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * sqlite3 3.40's column mode: rows are held until the statement ends, then every column is
 * padded to its widest display line — the column names count even with headers off, NULL counts
 * as the {@code .nullvalue} text — and cells are joined by two spaces, the last one padded too.
 * With headers on, the names and a line of dashes come first. A statement without rows prints
 * nothing.
 *
 * <p>Values are shown as sqlite3's {@code translateForDisplayAndDup} shows them: a tab becomes
 * spaces to the next multiple of 8 characters, and any other control character ends the line (a
 * CR LF pair counts once), the rest of the value continuing on a display line of its own; the
 * other cells of such continuation lines are blank.
 */
final class ColumnFormatter implements ResultFormatter {
    private static final byte[] GAP = {' ', ' '};
    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] BLANK = {};

    private final ShellOutput out;
    private final byte[][] header;
    private final boolean showHeader;
    private final byte[] nullValue;
    private final List<byte[][]> lines = new ArrayList<>();

    ColumnFormatter(OutputSettings settings, ShellOutput out, byte[][] header) {
        this.out = out;
        this.header = header;
        this.showHeader = settings.showHeader();
        this.nullValue = CellText.text(settings.nullValue());
    }

    @Override
    public void row(byte[][] cells) {
        List<List<byte[]>> perCell = new ArrayList<>(cells.length);
        int height = 1;
        for (byte[] cell : cells) {
            List<byte[]> shown = cell == null ? List.of(nullValue) : displayLines(cell);
            perCell.add(shown);
            height = Math.max(height, shown.size());
        }
        for (int k = 0; k < height; k++) {
            byte[][] line = new byte[cells.length][];
            for (int i = 0; i < cells.length; i++) {
                List<byte[]> shown = perCell.get(i);
                line[i] = k < shown.size() ? shown.get(k) : BLANK;
            }
            lines.add(line);
        }
    }

    @Override
    public void finish() {
        if (lines.isEmpty()) {
            return;
        }
        int[] widths = new int[header.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = CellText.displayWidth(header[i]);
            for (byte[][] line : lines) {
                widths[i] = Math.max(widths[i], CellText.displayWidth(line[i]));
            }
        }
        if (showHeader) {
            print(header, widths);
            for (int i = 0; i < widths.length; i++) {
                out.repeat('-', widths[i]);
                out.write(i < widths.length - 1 ? GAP : NEWLINE);
            }
        }
        for (byte[][] line : lines) {
            print(line, widths);
        }
    }

    private void print(byte[][] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            out.write(cells[i]);
            out.repeat(' ', widths[i] - CellText.displayWidth(cells[i]));
            out.write(i < cells.length - 1 ? GAP : NEWLINE);
        }
    }

    /** The display lines of a value (UTF-8): tabs expanded, split at other control characters. */
    static List<byte[]> displayLines(byte[] z) {
        List<byte[]> shown = new ArrayList<>(1);
        int i = 0;
        do {
            ByteArrayOutputStream line = new ByteArrayOutputStream(z.length - i);
            int column = 0;
            while (i < z.length) {
                int c = z[i] & 0xff;
                if (c >= ' ') {
                    column++;
                    do {
                        line.write(z[i++]);
                    } while (i < z.length && (z[i] & 0xc0) == 0x80);
                } else if (c == '\t') {
                    do {
                        line.write(' ');
                        column++;
                    } while (column % 8 != 0);
                    i++;
                } else {
                    break;
                }
            }
            shown.add(line.toByteArray());
            if (i < z.length) {
                if (z[i] == '\r' && i + 1 < z.length && z[i + 1] == '\n') {
                    i++;
                }
                i++;
            }
        } while (i < z.length);
        return shown;
    }
}
