package io.turso4j.benchmarks.sql;

/**
 * One database engine under {@link SqlBenchmark}, holding one open connection to a file in a
 * directory of its own and the prepared statements the benchmark runs. Each method runs the
 * same SQL on every engine and checks the answer, so a wrong plan or a lost row fails the run
 * instead of looking fast. Used by the benchmark thread only.
 */
interface SqlTarget extends AutoCloseable {

    /** {@code CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER)}. */
    void createTable() throws Exception;

    /** {@code CREATE INDEX t_b ON t(b)}. */
    void createIndex() throws Exception;

    /** Inserts rows {@code 1..rows} (see {@link BenchRows}) in one transaction. */
    void insertInOneTransaction(long rows) throws Exception;

    /** Inserts rows {@code 1..rows}, each in its own (autocommit) transaction. */
    void insertAutocommit(long rows) throws Exception;

    /** {@code SELECT a FROM t WHERE id = ?}: column a of row {@code id}. */
    String selectByRowid(long id) throws Exception;

    /** {@code SELECT id FROM t WHERE b = ?}: the id of the one row whose b is {@code b}. */
    long selectByIndex(long b) throws Exception;

    /** {@code SELECT sum(b), count(*) FROM t}. */
    long[] sumAndCount() throws Exception;

    @Override
    void close() throws Exception;
}
