package io.turso4j.cli;

import java.util.List;

/**
 * Prints one statement's rows in one output mode. A new formatter per statement, because
 * sqlite3 restarts per statement what depends on the row count (the header line, the blank
 * line between records in line mode, column widths). Owned by the shell's one thread.
 */
interface ResultFormatter {

    /**
     * One row: its values (Long, Double, String, byte[] or null) and each as {@link CellText#of}
     * printed it, null for NULL. Most modes print the text; quote, insert and json need the type.
     */
    void row(Object[] values, byte[][] cells);

    /** The statement ended (done or failed): print what was held back. */
    default void finish() {}

    /** A formatter for an ordinary statement. */
    static ResultFormatter create(OutputSettings settings, ShellOutput out, List<String> names) {
        return create(settings, out, names, ExplainKind.NONE);
    }

    /**
     * A formatter for the current settings and the statement's column names; EXPLAIN and
     * EXPLAIN QUERY PLAN get their own formats whatever the mode, as with sqlite3's
     * {@code .explain auto}.
     */
    static ResultFormatter create(OutputSettings settings, ShellOutput out, List<String> names, ExplainKind kind) {
        byte[][] header = new byte[names.size()][];
        for (int i = 0; i < header.length; i++) {
            header[i] = CellText.text(names.get(i) == null ? "" : names.get(i));
        }
        if (kind == ExplainKind.EXPLAIN && ExplainFormatter.fits(names)) {
            return new ExplainFormatter(settings, out, header);
        }
        if (kind == ExplainKind.QUERY_PLAN && QueryPlanFormatter.fits(names)) {
            return new QueryPlanFormatter(out);
        }
        return switch (settings.mode()) {
            case LIST, ASCII -> new ListFormatter(settings, out, header, ListFormatter.Quoting.NONE);
            case CSV -> new ListFormatter(settings, out, header, ListFormatter.Quoting.CSV);
            case LINE -> new LineFormatter(settings, out, header);
            case COLUMN, BOX, TABLE, MARKDOWN -> new ColumnFormatter(settings, out, header);
            case QUOTE -> new QuoteFormatter(settings, out, header, null);
            case INSERT -> new QuoteFormatter(settings, out, header, settings.insertTable());
            case JSON -> new JsonFormatter(out, header);
            case HTML -> new HtmlFormatter(settings, out, header);
            case TCL -> new ListFormatter(settings, out, header, ListFormatter.Quoting.TCL);
        };
    }
}
