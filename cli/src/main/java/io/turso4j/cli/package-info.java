/**
 * The {@code tursodb} shell: a work-alike of sqlite3 3.40's command-line shell over turso4j.
 *
 * <p>{@link io.turso4j.cli.Shell} parses the command line and picks the input; {@code InputLoop}
 * turns lines into dot commands and pieces of SQL as sqlite3's {@code process_input} does;
 * {@code SqlRunner} runs SQL statement by statement as {@code shell_exec} does, printing rows
 * through a {@code ResultFormatter} per output mode; {@code DotCommands} and
 * {@code SchemaCommands} implement the dot commands. The engine is reached only through the
 * {@code SqlSession} seam ({@code EngineSession} in production), so everything else is tested
 * against SQLite itself and a scripted double.
 *
 * <p>Depends on the public API ({@code io.turso4j}), the error and value layers (messages, REAL
 * rendering) and the SQL lexer (statement completeness, keywords); JLine for the prompt only.
 */
package io.turso4j.cli;
