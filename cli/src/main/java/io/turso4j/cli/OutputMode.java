package io.turso4j.cli;

/**
 * The shell's output modes, as {@code .mode} names them. ({@code .mode tabs} is LIST with a tab
 * column separator, as in sqlite3.) The columnar modes hold a statement's rows until it ends and
 * take the {@code --wrap} option and {@code .width}.
 */
enum OutputMode {
    LIST("list", false),
    CSV("csv", false),
    LINE("line", false),
    COLUMN("column", true),
    BOX("box", true),
    TABLE("table", true),
    MARKDOWN("markdown", true),
    JSON("json", false),
    QUOTE("quote", false),
    INSERT("insert", false),
    HTML("html", false),
    ASCII("ascii", false),
    TCL("tcl", false);

    private final String label;
    private final boolean columnar;

    OutputMode(String label, boolean columnar) {
        this.label = label;
        this.columnar = columnar;
    }

    /** The name {@code .mode} and {@code .show} use. */
    String label() {
        return label;
    }

    /** True for column, box, table and markdown. */
    boolean columnar() {
        return columnar;
    }
}
