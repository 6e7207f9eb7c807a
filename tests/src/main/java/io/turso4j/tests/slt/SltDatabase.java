package io.turso4j.tests.slt;

import io.turso4j.sql.lexer.StatementSplitter;

/**
 * One open database of an {@link SltEngine}, used for one test file. Not thread-safe: one thread
 * runs the file; only {@link #interrupt()} may be called from another thread.
 */
public interface SltDatabase extends AutoCloseable {

    /**
     * Runs one SQL statement to completion, reading and discarding any rows it returns.
     *
     * @throws SltEngineException if preparing or stepping it fails
     */
    void execute(String sql) throws SltEngineException;

    /**
     * Runs a script of zero or more {@code ;}-separated statements in order, stopping at the first
     * error, as {@code sqlite3_exec} does. The default splits with {@link StatementSplitter}; an
     * engine with its own tokenizer should override this and split with that instead.
     */
    default void executeScript(String script) throws SltEngineException {
        for (String statement : StatementSplitter.split(script)) {
            execute(statement);
        }
    }

    /**
     * Prepares {@code sql} (one statement) and steps it to the end. A failure to prepare is a
     * {@link QueryOutcome.PrepareFailed}; an error while stepping ends the rows, which are kept
     * and returned with the error in {@link QueryOutcome.Rows#stepError()}.
     */
    QueryOutcome query(String sql);

    /**
     * Asks a statement running on another thread to stop soon with an error (used when a file
     * overruns its time limit). May be called from any thread; a no-op where unsupported.
     */
    default void interrupt() {}

    @Override
    void close() throws SltEngineException;
}
