package io.turso4j.cli;

/**
 * The lines and joints that frame a columnar mode's cells: what comes before the first cell,
 * between cells and after the last one, and the rules drawn above the names, under them, between
 * rows (only once some row took several lines) and at the bottom. Immutable.
 */
final class Frame {
    /** A horizontal rule: {@code left}, then per column {@code fill} for its width plus 2, joined by {@code middle}. */
    record Rule(String left, String middle, String right, String fill) {}

    final String start;
    final String gap;
    final String end;
    final Rule top;
    final Rule underHeader;
    final Rule betweenRows;
    final Rule bottom;

    private Frame(String start, String gap, String end, Rule top, Rule underHeader, Rule betweenRows, Rule bottom) {
        this.start = start;
        this.gap = gap;
        this.end = end;
        this.top = top;
        this.underHeader = underHeader;
        this.betweenRows = betweenRows;
        this.bottom = bottom;
    }

    private static final Frame COLUMN = new Frame("", "  ", "\n", null, null, new Rule("", "", "", ""), null);
    private static final Rule ASCII_RULE = new Rule("+", "+", "+", "-");
    private static final Frame TABLE = new Frame("| ", " | ", " |\n", ASCII_RULE, ASCII_RULE, ASCII_RULE, ASCII_RULE);
    private static final Frame MARKDOWN = new Frame("| ", " | ", " |\n", null, new Rule("|", "|", "|", "-"), null, null);
    private static final Rule BOX_MIDDLE = new Rule("├", "┼", "┤", "─");
    private static final Frame BOX = new Frame("│ ", " │ ", " │\n", new Rule("┌", "┬", "┐", "─"), BOX_MIDDLE, BOX_MIDDLE,
            new Rule("└", "┴", "┘", "─"));

    /** The frame of a columnar mode. */
    static Frame of(OutputMode mode) {
        return switch (mode) {
            case COLUMN -> COLUMN;
            case TABLE -> TABLE;
            case MARKDOWN -> MARKDOWN;
            case BOX -> BOX;
            default -> throw new IllegalArgumentException("not a columnar mode: " + mode);
        };
    }

    /** Prints {@code rule} (if there is one) for columns of {@code widths}. */
    void rule(ShellOutput out, Rule rule, int[] widths) {
        if (rule == null) {
            return;
        }
        StringBuilder b = new StringBuilder(rule.left);
        for (int i = 0; i < widths.length; i++) {
            b.append(i > 0 ? rule.middle : "").append(rule.fill.repeat(widths[i] + 2));
        }
        out.write(b.append(rule.right).append('\n').toString());
    }
}
