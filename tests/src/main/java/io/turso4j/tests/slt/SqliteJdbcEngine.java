package io.turso4j.tests.slt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * The oracle: SQLite itself, in-process through sqlite-jdbc (which bundles a recent SQLite).
 * Each database is a private in-memory SQLite database with {@code PRAGMA synchronous=OFF}, as
 * the reference harness sets up its {@code test.db}.
 *
 * <p>Storage classes come from {@link ResultSet#getObject(int)}, which sqlite-jdbc decides per
 * value from {@code sqlite3_column_type} of the current row: Integer or Long for INTEGER,
 * Double for REAL, String for TEXT, byte[] for BLOB, null for NULL (checked by
 * SqliteJdbcEngineTest). Text is then taken as raw bytes with {@code getBytes}, so text that is
 * not valid UTF-8 reaches the renderer unchanged.
 */
public final class SqliteJdbcEngine implements SltEngine {

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public SltDatabase openDatabase() throws SltEngineException {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA synchronous=OFF");
            }
            return new Database(connection);
        } catch (SQLException e) {
            throw new SltEngineException("cannot open an in-memory SQLite database: " + e.getMessage(), e);
        }
    }

    /** The SQLite version sqlite-jdbc runs, e.g. "3.54.1". */
    public static String sqliteVersion() throws SltEngineException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new SltEngineException("cannot ask SQLite its version: " + e.getMessage(), e);
        }
    }

    /** One connection; used by one thread, except {@link #interrupt()}. */
    private static final class Database implements SltDatabase {

        private final Connection connection;

        Database(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void execute(String sql) throws SltEngineException {
            try (Statement s = connection.createStatement()) {
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            // sqlite3_exec steps every row; an error on a later row fails the statement.
                        }
                    }
                }
            } catch (SQLException e) {
                throw new SltEngineException(e.getMessage(), e);
            }
        }

        @Override
        public QueryOutcome query(String sql) {
            PreparedStatement ps;
            int columnCount;
            try {
                // sqlite-jdbc prepares here (sqlite3_prepare_v2), before any step.
                ps = connection.prepareStatement(sql);
                columnCount = ps.getMetaData().getColumnCount();
            } catch (SQLException e) {
                return new QueryOutcome.PrepareFailed(e.getMessage());
            }
            List<SqlValue[]> rows = new ArrayList<>();
            String stepError = null;
            try (ps) {
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        while (rs.next()) {
                            rows.add(readRow(rs, columnCount));
                        }
                    }
                }
            } catch (SQLException e) {
                stepError = e.getMessage();
            }
            return new QueryOutcome.Rows(columnCount, rows, stepError);
        }

        private static SqlValue[] readRow(ResultSet rs, int columnCount) throws SQLException {
            SqlValue[] row = new SqlValue[columnCount];
            for (int i = 0; i < columnCount; i++) {
                int column = i + 1;
                Object o = rs.getObject(column);
                row[i] = switch (o) {
                    case null -> SqlValue.NULL;
                    case Integer v -> SqlValue.ofLong(v);
                    case Long v -> SqlValue.ofLong(v);
                    case Double v -> SqlValue.ofDouble(v);
                    case String _ -> new SqlValue.TextValue(bytesOrEmpty(rs.getBytes(column)));
                    case byte[] v -> new SqlValue.BlobValue(v);
                    // A runner bug, not a query outcome: must not pass as an error while stepping.
                    default -> throw new IllegalStateException("unexpected value class from sqlite-jdbc: " + o.getClass());
                };
            }
            return row;
        }

        /** sqlite3_column_blob gives NULL for zero-length text, which sqlite-jdbc passes on. */
        private static byte[] bytesOrEmpty(byte[] bytes) {
            return bytes == null ? new byte[0] : bytes;
        }

        @Override
        public void interrupt() {
            try {
                connection.unwrap(SQLiteConnection.class).getDatabase().interrupt();
            } catch (SQLException e) {
                // Interrupting is best effort: the file is reported as timed out either way.
            }
        }

        @Override
        public void close() throws SltEngineException {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new SltEngineException("closing the database failed: " + e.getMessage(), e);
            }
        }
    }
}
