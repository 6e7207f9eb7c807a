package io.turso4j.cli;

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

    private OutputMode mode = OutputMode.LIST;
    private boolean showHeader;
    private boolean headerSet;
    private String nullValue = "";
    private String columnSeparator = LIST_SEPARATOR;
    private String rowSeparator = ROW_SEPARATOR;

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
     * shell knows. Separators change as sqlite3 3.40 changes them.
     */
    boolean setMode(String name) {
        switch (name) {
            case "list" -> {
                mode = OutputMode.LIST;
                columnSeparator = LIST_SEPARATOR;
                rowSeparator = ROW_SEPARATOR;
            }
            case "tabs" -> {
                mode = OutputMode.LIST;
                columnSeparator = "\t";
            }
            case "csv" -> {
                mode = OutputMode.CSV;
                columnSeparator = ",";
                rowSeparator = "\r\n";
            }
            case "line" -> {
                mode = OutputMode.LINE;
                rowSeparator = ROW_SEPARATOR;
            }
            case "column" -> {
                mode = OutputMode.COLUMN;
                if (!headerSet) {
                    showHeader = true;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
