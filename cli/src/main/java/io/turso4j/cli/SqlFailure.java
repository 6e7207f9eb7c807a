package io.turso4j.cli;

import io.turso4j.error.SqliteException;

/**
 * A failed statement, worded as sqlite3 3.40's shell words it: the phase ("in prepare" is a
 * "Parse error", "stepping" a "Runtime error"), SQLite's message, the primary result code in
 * parentheses when it is not plain SQLITE_ERROR ({@code UNIQUE constraint failed: t.a (19)}),
 * and for an error SQLite can place in the text, the context lines that point at it.
 * Immutable.
 *
 * @param phase where it failed
 * @param detail message, code suffix and context lines, as printed after the prefix
 * @param code the primary result code; the shell's exit code when the SQL came as an argument
 */
record SqlFailure(Phase phase, String detail, int code) {

    enum Phase {
        PREPARE("Parse error", "in prepare, "),
        STEP("Runtime error", "stepping, ");

        private final String label;
        private final String argumentPrefix;

        Phase(String label, String argumentPrefix) {
            this.label = label;
            this.argumentPrefix = argumentPrefix;
        }
    }

    /** A failure of {@code prepare(sql)}, pointing into {@code sql} when the engine knows where. */
    static SqlFailure prepare(RuntimeException e, String sql) {
        int offset = e instanceof SqliteException s && !"incomplete input".equals(s.getMessage()) ? s.offset() : -1;
        return of(Phase.PREPARE, e, offset < 0 ? "" : ErrorContext.render(sql, offset));
    }

    /** A failure while stepping: no context, as in sqlite3. */
    static SqlFailure step(RuntimeException e) {
        return of(Phase.STEP, e, "");
    }

    private static SqlFailure of(Phase phase, RuntimeException e, String context) {
        int code = e instanceof SqliteException s ? s.primaryCode().code() : 1;
        String message = e instanceof SqliteException ? e.getMessage() : String.valueOf(e);
        String suffix = code > 1 ? " (" + code + ")" : "";
        return new SqlFailure(phase, message + suffix + context, code);
    }

    /** The stderr text for SQL read from a script (stdin, {@code .read}): {@code Parse error near line 3: …}. */
    String inScript(int line) {
        return phase.label + " near line " + line + ": " + detail;
    }

    /** The stderr text for SQL typed at the prompt: {@code Parse error: …}. */
    String interactive() {
        return phase.label + ": " + detail;
    }

    /** The stderr text for SQL given on the command line: {@code Error: in prepare, …}. */
    String asArgument() {
        return "Error: " + phase.argumentPrefix + detail;
    }
}
