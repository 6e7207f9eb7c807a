package io.turso4j.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * sqlite3 3.40's columnar modes — column, box, table and markdown — as its {@code
 * exec_prepared_stmt_columnar}: rows are held until the statement ends, then every column is
 * padded to its widest display line (at least its {@code .width}; the column names count even
 * when not shown, NULL counts as the {@code .nullvalue} text). A statement without rows prints
 * nothing. Column mode joins cells with two spaces (headers and dashes only with headers on);
 * box, table and markdown always frame the names, centred, and the cells.
 *
 * <p>Values are shown as sqlite3's {@code translateForDisplayAndDup} shows them: a tab becomes
 * spaces to the next multiple of 8 characters, any other control character ends the display line
 * (a CR LF pair counts once), and a line longer than the column's wrap width (its {@code .width},
 * else {@code --wrap}) goes on in the next display line. The other cells of such continuation
 * lines are blank; once any row took several lines, rows are divided (a blank line in column
 * mode, a rule in box and table). A negative {@code .width} right-aligns the column. Widths are
 * counted in characters (UTF-8 lead bytes), as sqlite3 counts them. Owned by the shell's one
 * thread.
 */
final class ColumnFormatter implements ResultFormatter {
    private static final byte[] BLANK = {};
    private static final int UNLIMITED = 1_000_000;

    /** One display line of a row; {@code lastOfRow} when a logical row ends with it. */
    private record Line(byte[][] cells, boolean lastOfRow) {}

    private final OutputSettings settings;
    private final OutputMode mode;
    private final ShellOutput out;
    private final byte[][] header;
    private final boolean showHeader;
    private final byte[] nullValue;
    private final int[] declared;
    private final List<Line> lines = new ArrayList<>();
    private boolean multiLineRows;

    ColumnFormatter(OutputSettings settings, ShellOutput out, byte[][] names) {
        this.settings = settings;
        this.mode = settings.mode();
        this.out = out;
        this.showHeader = settings.showHeader();
        this.nullValue = CellText.text(settings.nullValue());
        this.declared = new int[names.length];
        this.header = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            declared[i] = settings.width(i);
            header[i] = displayLines(names[i], wrapWidth(i)).getFirst();
        }
    }

    private int wrapWidth(int column) {
        return Math.abs(declared[column] != 0 ? declared[column] : settings.wrap());
    }

    @Override
    public void row(Object[] values, byte[][] cells) {
        List<List<byte[]>> perCell = new ArrayList<>(cells.length);
        int height = 1;
        for (int i = 0; i < cells.length; i++) {
            List<byte[]> shown = displayLines(cells[i] == null ? nullValue : cells[i], wrapWidth(i));
            perCell.add(shown);
            height = Math.max(height, shown.size());
        }
        multiLineRows |= height > 1;
        for (int k = 0; k < height; k++) {
            byte[][] line = new byte[cells.length][];
            for (int i = 0; i < cells.length; i++) {
                List<byte[]> shown = perCell.get(i);
                line[i] = k < shown.size() ? shown.get(k) : BLANK;
            }
            lines.add(new Line(line, k == height - 1));
        }
    }

    @Override
    public void finish() {
        if (lines.isEmpty()) {
            return;
        }
        settings.growWidths(header.length);
        int[] widths = new int[header.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(Math.abs(declared[i]), CellText.displayWidth(header[i]));
            for (Line line : lines) {
                widths[i] = Math.max(widths[i], CellText.displayWidth(line.cells[i]));
            }
        }
        Frame frame = Frame.of(mode);
        if (mode == OutputMode.COLUMN) {
            if (showHeader) {
                printLine(header, widths, frame);
                for (int i = 0; i < widths.length; i++) {
                    out.repeat('-', widths[i]);
                    out.write(i < widths.length - 1 ? frame.gap : frame.end);
                }
            }
        } else {
            frame.rule(out, frame.top, widths);
            out.write(frame.start);
            for (int i = 0; i < widths.length; i++) {
                int pad = widths[i] - CellText.displayWidth(header[i]);
                out.repeat(' ', pad / 2);
                out.write(header[i]);
                out.repeat(' ', (pad + 1) / 2);
                out.write(i < widths.length - 1 ? frame.gap : frame.end);
            }
            frame.rule(out, frame.underHeader, widths);
        }
        for (int k = 0; k < lines.size(); k++) {
            Line line = lines.get(k);
            printLine(line.cells, widths, frame);
            if (multiLineRows && line.lastOfRow && k + 1 < lines.size()) {
                frame.rule(out, frame.betweenRows, widths);
            }
        }
        frame.rule(out, frame.bottom, widths);
    }

    private void printLine(byte[][] cells, int[] widths, Frame frame) {
        out.write(frame.start);
        for (int i = 0; i < cells.length; i++) {
            int pad = widths[i] - CellText.displayWidth(cells[i]);
            if (declared[i] < 0) {
                out.repeat(' ', pad);
                out.write(cells[i]);
            } else {
                out.write(cells[i]);
                out.repeat(' ', pad);
            }
            out.write(i < cells.length - 1 ? frame.gap : frame.end);
        }
    }

    /** The display lines of a value (UTF-8), wrapped at {@code width} characters (0 for no limit). */
    static List<byte[]> displayLines(byte[] z, int width) {
        int max = width == 0 ? UNLIMITED : width;
        List<byte[]> shown = new ArrayList<>(1);
        int i = 0;
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int n = 0;
            while (n < max && i < z.length) {
                int c = z[i] & 0xff;
                if (c >= ' ') {
                    n++;
                    do {
                        line.write(z[i++]);
                    } while (i < z.length && (z[i] & 0xc0) == 0x80);
                } else if (c == '\t') {
                    do {
                        n++;
                        line.write(' ');
                    } while ((n & 7) != 0 && n < max);
                    i++;
                } else {
                    break;
                }
            }
            shown.add(line.toByteArray());
            if (i >= z.length) {
                return shown;
            }
            if (n >= max && (z[i] & 0xff) >= ' ') {
                continue; // wrapped: the rest starts at z[i]
            }
            if (z[i] == '\r' && i + 1 < z.length && z[i + 1] == '\n') {
                i += 2;
            } else {
                i++;
            }
            if (i >= z.length) {
                return shown;
            }
        }
    }
}
