package io.turso4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * sqlite3 3.40's output for {@code EXPLAIN} (its "explain" mode, chosen automatically): eight
 * columns of widths 4, 13, 4, 4, 4, 13, 2, 13 — wider when a value is — with a header line and
 * dashes whatever {@code .headers} says; the last column unpadded. Opcodes inside a loop are
 * indented two spaces per level, as {@code explain_data_prepare} works out from the whole
 * program: from a {@code Next}-like opcode back to its jump target, and from a {@code Goto}
 * back to a target that is a {@code Yield}-like opcode (or when its P1 is set). So rows are held
 * until the statement ends.
 */
final class ExplainFormatter implements ResultFormatter {
    private static final int[] WIDTHS = {4, 13, 4, 4, 4, 13, 2, 13};
    private static final Set<String> NEXT = Set.of("Next", "Prev", "VPrev", "VNext", "SorterNext");
    private static final Set<String> YIELD = Set.of("Yield", "SeekLT", "SeekGT", "RowSetRead", "Rewind");
    private static final byte[] GAP = {' ', ' '};
    private static final byte[] NEWLINE = {'\n'};

    private final ShellOutput out;
    private final byte[][] header;
    private final byte[] nullValue;
    private final List<byte[][]> rows = new ArrayList<>();

    ExplainFormatter(OutputSettings settings, ShellOutput out, byte[][] header) {
        this.out = out;
        this.header = header;
        this.nullValue = CellText.text(settings.nullValue());
    }

    /** True for a result shaped like EXPLAIN's (eight columns); others print in the normal mode. */
    static boolean fits(List<String> names) {
        return names.size() == WIDTHS.length;
    }

    @Override
    public void row(Object[] values, byte[][] cells) {
        rows.add(cells);
    }

    @Override
    public void finish() {
        if (rows.isEmpty()) {
            return;
        }
        for (int i = 0; i < WIDTHS.length; i++) {
            out.write(header[i]);
            out.repeat(' ', WIDTHS[i] - CellText.displayWidth(header[i]));
            out.write(i < WIDTHS.length - 1 ? GAP : NEWLINE);
        }
        for (int i = 0; i < WIDTHS.length; i++) {
            out.repeat('-', WIDTHS[i]);
            out.write(i < WIDTHS.length - 1 ? GAP : NEWLINE);
        }
        int[] indent = indents();
        for (int r = 0; r < rows.size(); r++) {
            byte[][] cells = rows.get(r);
            for (int i = 0; i < WIDTHS.length; i++) {
                byte[] v = cells[i] == null ? nullValue : cells[i];
                int w = i == WIDTHS.length - 1 ? 0 : WIDTHS[i];
                if (i == 1) {
                    out.repeat(' ', indent[r]);
                }
                out.write(v);
                out.repeat(' ', w - CellText.displayWidth(v));
                out.write(i < WIDTHS.length - 1 ? GAP : NEWLINE);
            }
        }
    }

    private int[] indents() {
        int n = rows.size();
        int[] indent = new int[n];
        boolean[] yield = new boolean[n];
        for (int op = 0; op < n; op++) {
            byte[][] cells = rows.get(op);
            String opcode = text(cells[1]);
            int target = number(cells[3]) + op - number(cells[0]);
            yield[op] = YIELD.contains(opcode);
            if (NEXT.contains(opcode) && target > 0) {
                for (int i = target; i < op; i++) {
                    indent[i] += 2;
                }
            }
            if (opcode.equals("Goto") && target >= 0 && target < op + 1 && (yield[target] || number(cells[2]) != 0)) {
                for (int i = target; i < op; i++) {
                    indent[i] += 2;
                }
            }
        }
        return indent;
    }

    private static String text(byte[] cell) {
        return cell == null ? "" : new String(cell, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** C's {@code atoi}-like reading of an integer column; 0 when it is not one. */
    private static int number(byte[] cell) {
        return (int) ShellNumbers.integerValue(text(cell));
    }
}
