package io.turso4j.cli;

/**
 * The shell's only view of a database: what {@code sqlite3_prepare_v2} and
 * {@code sqlite3_step} give sqlite3's shell. Everything the shell prints goes through here, so
 * the shell's logic (input splitting, output modes, dot commands, error wording) runs against a
 * test double as well as against the engine ({@link EngineSession}).
 *
 * <p>Errors are {@link io.turso4j.error.SqliteException}s: thrown by {@link #prepare} they are
 * "Parse error"s, thrown by {@link PreparedSql#nextRow()} "Runtime error"s, as in sqlite3.
 * Used by the shell's one thread.
 */
public interface SqlSession extends AutoCloseable {

    /**
     * Compiles the first statement of {@code sql}. Returns null when {@code sql} holds nothing
     * but whitespace, comments and empty statements.
     */
    PreparedSql prepare(String sql);

    /** Releases the database. */
    @Override
    void close();
}
