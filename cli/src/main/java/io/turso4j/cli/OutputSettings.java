package io.turso4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code .mode}, {@code .headers}, {@code .nullvalue} and {@code .separator} set: the state
 * sqlite3 keeps in its {@code ShellState}. Mutable; owned by the shell's one thread.
 *
 * <p>The mode setters mirror sqlite3 3.40 exactly, including its quirks: {@code .mode tabs}
 * changes only the column separator (after {@code .mode csv} rows still end in CRLF), and
 * {@code .mode column} turns headers on unless {@code .headers} was ever given.
 */
final class OutputSettings {
    static final String LIST_SEPARATOR = "|";
    static final String ROW_SEPARATOR = "\n";
    /** sqlite3 3.40's default {@code --wrap} of the columnar modes. */
    static final int DEFAULT_WRAP = 60;

    private OutputMode mode = OutputMode.LIST;
    private boolean showHeader;
    private boolean headerSet;
    private String nullValue = "";
    private String columnSeparator = LIST_SEPARATOR;
    private String rowSeparator = ROW_SEPARATOR;
    private int wrap = DEFAULT_WRAP;
    private boolean eqp;
    private String insertTable = "\"table\"";
    private final List<Integer> widths = new ArrayList<>();

    /** {@code .eqp on}: each statement's query plan is shown before its rows. */
    boolean eqp() {
        return eqp;
    }

    void setEqp(boolean on) {
        eqp = on;
    }

    OutputMode mode() {
        return mode;
    }

    boolean showHeader() {
        return showHeader;
    }

    String nullValue() {
        return nullValue;
    }

    String columnSeparator() {
        return columnSeparator;
    }

    String rowSeparator() {
        return rowSeparator;
    }

    /** {@code .headers on|off}: also stops {@code .mode column} from turning headers on. */
    void setHeaders(boolean on) {
        showHeader = on;
        headerSet = true;
    }

    void setNullValue(String text) {
        nullValue = text;
    }

    void setSeparators(String column, String row) {
        columnSeparator = column;
        if (row != null) {
            rowSeparator = row;
        }
    }

    /**
     * The mode a command-line option ({@code -csv}, {@code -column}, …) chose. sqlite3's options
     * set less than the dot command: {@code -csv} keeps the row separator, {@code -column} does
     * not turn headers on.
     */
    void setModeOption(String name) {
        switch (name) {
            case "list" -> mode = OutputMode.LIST;
            case "tabs" -> {
                mode = OutputMode.LIST;
                columnSeparator = "\t";
            }
            case "csv" -> {
                mode = OutputMode.CSV;
                columnSeparator = ",";
            }
            case "line" -> mode = OutputMode.LINE;
            case "column" -> mode = OutputMode.COLUMN;
            default -> throw new IllegalArgumentException("no mode option " + name);
        }
    }

    /**
     * Switches to the mode {@code .mode} calls {@code name}; false if the name is not one this
     * shell knows. Separators change as sqlite3 3.40 changes them. Like sqlite3, a mode may be
     * named by a prefix, matched in sqlite3's order ({@code l} is line, {@code c} column).
     */
    boolean setMode(String name) {
        return setMode(name, null, DEFAULT_WRAP);
    }

    /**
     * {@code .mode NAME ?TABLE?} with its {@code --wrap} already parsed; {@code insertTable} is
     * the table insert mode names (null for sqlite3's "table").
     */
    boolean setMode(String name, String insertTable, int wrapWidth) {
        OutputMode chosen = modeNamed(name);
        if (chosen == null) {
            return false;
        }
        boolean tabs = chosen == OutputMode.LIST && name.charAt(0) == 't';
        switch (chosen) {
            case LIST -> {
                columnSeparator = tabs ? "\t" : LIST_SEPARATOR;
                if (!tabs) {
                    rowSeparator = ROW_SEPARATOR;
                }
            }
            case CSV -> {
                columnSeparator = ",";
                rowSeparator = "\r\n";
            }
            case LINE -> rowSeparator = ROW_SEPARATOR;
            case COLUMN -> {
                if (!headerSet) {
                    showHeader = true;
                }
                rowSeparator = ROW_SEPARATOR;
            }
            case TCL -> {
                columnSeparator = " ";
                rowSeparator = ROW_SEPARATOR;
            }
            case QUOTE -> {
                columnSeparator = ",";
                rowSeparator = ROW_SEPARATOR;
            }
            case ASCII -> {
                columnSeparator = "\u001f";
                rowSeparator = "\u001e";
            }
            case INSERT -> this.insertTable = SchemaCommands.quoteName(insertTable == null ? "table" : insertTable);
            case BOX, TABLE, MARKDOWN, JSON, HTML -> { }
        }
        if (chosen.columnar()) {
            wrap = wrapWidth;
        }
        mode = chosen;
        return true;
    }

    /** sqlite3 3.40's matching of a {@code .mode} argument, prefixes included; null if none. */
    private static OutputMode modeNamed(String name) {
        if (name.isEmpty()) {
            return null;
        }
        String[][] order = {
            {"lines", "line"}, {"columns", "column"}, {"list", "list"}, {"html", "html"}, {"tcl", "tcl"}, {"csv", "csv"},
            {"tabs", "list"}, {"insert", "insert"}, {"quote", "quote"}, {"ascii", "ascii"},
            {"markdown", "markdown"}, {"table", "table"}, {"box", "box"}, {"json", "json"},
        };
        for (String[] entry : order) {
            if (entry[0].startsWith(name)) {
                for (OutputMode m : OutputMode.values()) {
                    if (m.label().equals(entry[1])) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    /** The mode as {@code .mode} (without arguments) and {@code .show} describe it. */
    String describeMode() {
        if (!mode.columnar()) {
            return mode.label();
        }
        return mode.label() + " --wrap " + wrap + " --wordwrap off --noquote";
    }

    /** The wrap width of the columnar modes ({@code --wrap N}; 0 for none). */
    int wrap() {
        return wrap;
    }

    /** The table name insert mode writes, already quoted as sqlite3 quotes it. */
    String insertTable() {
        return insertTable;
    }

    /** {@code .width}: the columns' widths (negative for right-aligned, 0 for automatic). */
    void setWidths(List<Integer> widths) {
        this.widths.clear();
        this.widths.addAll(widths);
    }

    /** Column {@code i}'s {@code .width}, 0 if none was given. */
    int width(int i) {
        return i < widths.size() ? widths.get(i) : 0;
    }

    /**
     * A columnar statement with {@code columns} columns ran: sqlite3 grows its width list to
     * that many (with zeros), which {@code .show} then reports.
     */
    void growWidths(int columns) {
        while (widths.size() < columns) {
            widths.add(0);
        }
    }

    /** The widths as {@code .show} lists them: each followed by a space. */
    String describeWidths() {
        StringBuilder b = new StringBuilder();
        for (int w : widths) {
            b.append(w).append(' ');
        }
        return b.toString();
    }
}
