package io.turso4j.translate.schema;

import io.turso4j.schema.PragmaRows;
import io.turso4j.sql.lexer.StatementSplitter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite (sqlite-jdbc, in memory) as the oracle for schema tests: runs DDL, reads
 * sqlite_schema's rows, and returns PRAGMA results in {@link PragmaRows}' form (Long, String,
 * null) so they compare directly with ours.
 */
final class SqliteSchemaOracle implements AutoCloseable {
    private final Connection connection;

    SqliteSchemaOracle() throws SQLException {
        this("jdbc:sqlite::memory:");
    }

    SqliteSchemaOracle(String url) throws SQLException {
        connection = DriverManager.getConnection(url);
    }

    Connection connection() {
        return connection;
    }

    /** Runs every statement of {@code script}. */
    void run(String script) throws SQLException {
        for (String sql : StatementSplitter.split(script)) {
            if (!sql.isBlank()) {
                try (Statement s = connection.createStatement()) {
                    s.execute(sql);
                }
            }
        }
    }

    /** SQLite's message for running {@code sql}, or null if it succeeds. */
    String errorOf(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return messageOf(e);
        }
    }

    /** The SQLite message inside sqlite-jdbc's "[CODE] generic text (message)". */
    static String messageOf(SQLException e) {
        String m = e.getMessage();
        int close = m.indexOf(']');
        int open = m.indexOf('(', close);
        return open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m;
    }

    List<SchemaRow> schemaRows() throws SQLException {
        List<SchemaRow> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY rowid")) {
            while (rs.next()) {
                long root = rs.getLong(4);
                Long rootPage = rs.wasNull() ? null : root;
                rows.add(new SchemaRow(rs.getString(1), rs.getString(2), rs.getString(3), rootPage, rs.getString(5)));
            }
        }
        return rows;
    }

    int cookie() throws SQLException {
        return (int) single("PRAGMA schema_version");
    }

    long single(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code SELECT * FROM pragma_<name>(arg)}. */
    PragmaRows pragma(String name, String arg) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM pragma_" + name + "(?)")) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnName(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        Object v = rs.getObject(i);
                        row.add(v instanceof Number n ? (Object) n.longValue() : v);
                    }
                    rows.add(row);
                }
                return new PragmaRows(columns, rows);
            }
        }
    }

    /** The rows of a query, each value as a string (null kept). */
    List<List<String>> query(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
