package io.turso4j.cli;

/**
 * One compiled statement of a {@link SqlSession}. Used by the shell's one thread; closed once
 * its rows are read or it failed.
 */
public interface PreparedSql extends AutoCloseable {

    /** The text after this statement, which the shell prepares next. */
    String tail();

    /** The result columns' names; empty for a statement that returns no rows. */
    java.util.List<String> columnNames();

    /**
     * Runs to the next row (blocking on I/O as needed) and returns its values — each a Long,
     * Double, String, byte[] or null — or null when the statement is done.
     */
    Object[] nextRow();

    @Override
    void close();
}
