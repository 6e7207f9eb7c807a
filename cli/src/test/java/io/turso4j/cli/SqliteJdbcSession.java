package io.turso4j.cli;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.SqlSyntaxException;
import io.turso4j.sql.lexer.StatementSplitter;
import io.turso4j.sql.parser.Parser;
import org.sqlite.SQLiteException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test double of the shell's {@link SqlSession} seam: SQLite itself, through sqlite-jdbc. The
 * shell's own logic (splitting, formatting, dot commands, error wording and numbering) can then
 * be compared with the sqlite3 command before the engine runs SQL.
 *
 * <p>JDBC has no statement tail and no error offset, so the engine's own {@link Parser} finds
 * where the first statement ends and where a syntax error is; when it disagrees with SQLite
 * (it rejects what SQLite takes, or words the error differently), SQLite wins and the error
 * comes without context lines.
 */
final class SqliteJdbcSession implements SqlSession {
    private final Connection connection;

    SqliteJdbcSession(String file) {
        try {
            // sqlite-jdbc sets a 3000 ms busy timeout by default; the sqlite3 command has none.
            java.util.Properties settings = new java.util.Properties();
            settings.setProperty("busy_timeout", "0");
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, settings);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public PreparedSql prepare(String sql) {
        String first;
        SqlSyntaxException syntaxError = null;
        try {
            Parser parser = new Parser(sql);
            if (parser.next() == null) {
                return null;
            }
            first = sql.substring(0, Math.min(parser.offset(), sql.length()));
        } catch (SqlSyntaxException e) {
            syntaxError = e;
            List<String> statements = StatementSplitter.split(sql);
            if (statements.isEmpty()) {
                return null;
            }
            first = sql.substring(0, sql.indexOf(statements.getFirst()) + statements.getFirst().length());
        }
        try {
            return new Prepared(connection.prepareStatement(first), sql.substring(first.length()));
        } catch (SQLException e) {
            SqliteException sqlite = translate(e);
            throw syntaxError != null && syntaxError.getMessage().equals(sqlite.getMessage()) ? syntaxError : sqlite;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** sqlite-jdbc's "[SQLITE_X] generic text (message)" back to SQLite's own message and code. */
    static SqliteException translate(SQLException e) {
        String message = e.getMessage();
        int open = message.indexOf(" (");
        if (message.startsWith("[") && open > 0 && message.endsWith(")")) {
            message = message.substring(open + 2, message.length() - 1);
        }
        int code = e instanceof SQLiteException s ? s.getResultCode().code & 0xff : 1;
        return new SqliteException(ResultCode.of(code), message);
    }

    private static final class Prepared implements PreparedSql {
        private final PreparedStatement statement;
        private final String tail;
        private ResultSet rows;
        private boolean executed;

        Prepared(PreparedStatement statement, String tail) {
            this.statement = statement;
            this.tail = tail;
        }

        @Override
        public String tail() {
            return tail;
        }

        /** Runs the statement first: sqlite-jdbc knows a result's columns only once it ran. */
        @Override
        public List<String> columnNames() {
            try {
                execute();
                List<String> names = new ArrayList<>();
                ResultSetMetaData meta = rows == null ? null : rows.getMetaData();
                for (int i = 1; meta != null && i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnLabel(i));
                }
                return names;
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        private void execute() throws SQLException {
            if (!executed) {
                executed = true;
                rows = statement.execute() ? statement.getResultSet() : null;
            }
        }

        @Override
        public Object[] nextRow() {
            try {
                execute();
                if (rows == null || !rows.next()) {
                    return null;
                }
                Object[] row = new Object[rows.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    Object v = rows.getObject(i + 1);
                    row[i] = v instanceof Integer n ? Long.valueOf(n) : v;
                }
                return row;
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                throw translate(e);
            }
        }
    }
}
