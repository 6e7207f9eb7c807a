package io.turso4j.cli;

/**
 * sqlite3 3.40's quote and insert modes: every value as an SQL literal ({@link SqlLiteral}).
 *
 * <p>Quote mode joins them with the column separator and ends rows with the row separator; with
 * headers on, the column names come first as quoted strings. Insert mode writes one {@code
 * INSERT INTO table VALUES(…);} line per row — the column list after the table name only with
 * headers on — and spells newlines in text out, so every statement is one line. Owned by the
 * shell's one thread.
 */
final class QuoteFormatter implements ResultFormatter {
    private final ShellOutput out;
    private final byte[][] header;
    private final boolean showHeader;
    private final byte[] columnSeparator;
    private final byte[] rowSeparator;
    /** The quoted table name in insert mode; null in quote mode. */
    private final String insertTable;
    /** Insert mode spells newlines out unless {@code .dump --newlines} asked for them raw. */
    private final boolean escaped;
    private boolean any;

    QuoteFormatter(OutputSettings settings, ShellOutput out, byte[][] header, String insertTable) {
        this(out, header, settings.showHeader(), CellText.text(settings.columnSeparator()),
                CellText.text(settings.rowSeparator()), insertTable, true);
    }

    private QuoteFormatter(ShellOutput out, byte[][] header, boolean showHeader, byte[] columnSeparator,
            byte[] rowSeparator, String insertTable, boolean escaped) {
        this.escaped = escaped;
        this.out = out;
        this.header = header;
        this.showHeader = showHeader;
        this.columnSeparator = columnSeparator;
        this.rowSeparator = rowSeparator;
        this.insertTable = insertTable;
    }

    /**
     * Insert mode without a column list, as {@code .dump} writes a table's rows; {@code table}
     * already quoted; {@code newlines} keeps newlines in text as they are ({@code --newlines}).
     */
    static QuoteFormatter dump(ShellOutput out, String table, boolean newlines) {
        return new QuoteFormatter(out, new byte[0][], false, new byte[0], new byte[0], table, !newlines);
    }

    @Override
    public void row(Object[] values, byte[][] cells) {
        boolean first = !any;
        any = true;
        if (insertTable != null) {
            insert(values);
            return;
        }
        if (first && showHeader) {
            for (int i = 0; i < header.length; i++) {
                out.write(i > 0 ? columnSeparator : new byte[0]);
                out.write(SqlLiteral.quoted(header[i]));
            }
            out.write(rowSeparator);
        }
        for (int i = 0; i < values.length; i++) {
            out.write(i > 0 ? columnSeparator : new byte[0]);
            out.write(SqlLiteral.of(values[i], false));
        }
        out.write(rowSeparator);
    }

    private void insert(Object[] values) {
        out.write("INSERT INTO " + insertTable);
        if (showHeader) {
            StringBuilder names = new StringBuilder("(");
            for (int i = 0; i < header.length; i++) {
                names.append(i > 0 ? "," : "").append(SchemaCommands.quoteName(new String(header[i],
                        java.nio.charset.StandardCharsets.UTF_8)));
            }
            out.write(names.append(')').toString());
        }
        out.write(" VALUES(");
        for (int i = 0; i < values.length; i++) {
            out.write(i > 0 ? "," : "");
            Object v = values[i];
            out.write(!escaped && v instanceof String s ? SqlLiteral.quoted(CellText.of(s)) : SqlLiteral.of(v, true));
        }
        out.write(");\n");
    }
}
