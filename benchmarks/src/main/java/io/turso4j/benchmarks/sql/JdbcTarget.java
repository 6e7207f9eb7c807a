package io.turso4j.benchmarks.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SQLite (sqlite-jdbc) or H2 through JDBC, running the same SQL as {@link Turso4jTarget} with
 * prepared statements and one {@code executeUpdate}/{@code executeQuery} per row (no JDBC
 * batching: turso4j has none either). The settings each engine runs with are the
 * {@code settings} statements given to the factory methods; {@link SqlBenchmark} documents them.
 */
final class JdbcTarget implements SqlTarget {
    private final Connection conn;
    private PreparedStatement insert;
    private PreparedStatement byRowid;
    private PreparedStatement byIndex;
    private PreparedStatement aggregate;

    private JdbcTarget(String url, List<String> settings) throws SQLException {
        conn = DriverManager.getConnection(url);
        try (Statement s = conn.createStatement()) {
            for (String sql : settings) {
                s.execute(sql);
            }
        }
    }

    /** SQLite in WAL mode with {@code synchronous} FULL or NORMAL; other settings at their defaults. */
    static JdbcTarget sqlite(Path dir, String synchronous) throws SQLException {
        return new JdbcTarget("jdbc:sqlite:" + dir.resolve("sqlite.db"),
                List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=" + synchronous));
    }

    /**
     * H2 embedded on a file (MVStore), in its default (Regular) mode with default durability;
     * without re-using the result of a query run again on unchanged data, which would turn the
     * repeated aggregate into a cache lookup.
     */
    static JdbcTarget h2(Path dir) throws SQLException {
        return new JdbcTarget("jdbc:h2:file:" + dir.resolve("h2") + ";MODE=Regular;OPTIMIZE_REUSE_RESULTS=FALSE", List.of());
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void createTable() throws SQLException {
        execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER)");
        insert = conn.prepareStatement("INSERT INTO t(id, a, b) VALUES (?, ?, ?)");
    }

    @Override
    public void createIndex() throws SQLException {
        execute("CREATE INDEX t_b ON t(b)");
    }

    @Override
    public void insertInOneTransaction(long rows) throws SQLException {
        conn.setAutoCommit(false);
        insertEach(rows);
        conn.commit();
        conn.setAutoCommit(true);
    }

    @Override
    public void insertAutocommit(long rows) throws SQLException {
        insertEach(rows);
    }

    private void insertEach(long rows) throws SQLException {
        for (long id = 1; id <= rows; id++) {
            insert.setLong(1, id);
            insert.setString(2, BenchRows.text(id));
            insert.setLong(3, BenchRows.b(id, rows));
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("INSERT did not insert one row");
            }
        }
    }

    @Override
    public String selectByRowid(long id) throws SQLException {
        if (byRowid == null) {
            byRowid = conn.prepareStatement("SELECT a FROM t WHERE id = ?");
        }
        byRowid.setLong(1, id);
        try (ResultSet rs = byRowid.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public long selectByIndex(long b) throws SQLException {
        if (byIndex == null) {
            byIndex = conn.prepareStatement("SELECT id FROM t WHERE b = ?");
        }
        byIndex.setLong(1, b);
        try (ResultSet rs = byIndex.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Override
    public long[] sumAndCount() throws SQLException {
        if (aggregate == null) {
            aggregate = conn.prepareStatement("SELECT sum(b), count(*) FROM t");
        }
        try (ResultSet rs = aggregate.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("aggregate returned no row");
            }
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
