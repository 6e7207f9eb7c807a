package io.turso4j.cli;

/**
 * The shell's output modes, as {@code .mode} names them. ({@code .mode tabs} is LIST with a tab
 * column separator, as in sqlite3.)
 */
enum OutputMode {
    LIST("list"),
    CSV("csv"),
    LINE("line"),
    COLUMN("column");

    private final String label;

    OutputMode(String label) {
        this.label = label;
    }

    /** The name {@code .mode} and {@code .show} use. */
    String label() {
        return label;
    }
}
