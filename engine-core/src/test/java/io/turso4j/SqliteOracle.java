package io.turso4j;

import io.turso4j.error.SqliteException;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs the same SELECT on SQLite 3.54 (sqlite-jdbc) and on turso4j and describes each result
 * in one canonical text — every row's values with their storage classes (REAL with its bits),
 * or the error message — so the two can be compared as strings.
 */
final class SqliteOracle implements AutoCloseable {
    private final java.sql.Connection sqlite;
    private final Database database;
    private final Connection turso;

    SqliteOracle() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        database = Database.open(":memory:");
        turso = database.connect();
    }

    /** The two engines on files {@code sqlite.db} and {@code turso.db} in {@code dir}, for what needs a file (PRAGMAs, WAL). */
    SqliteOracle(java.nio.file.Path dir) throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sqlite.db"));
        database = Database.open(dir.resolve("turso.db").toString());
        turso = database.connect();
    }

    /**
     * Runs each statement of {@code script} on both engines (in-memory, one oracle for the
     * script) and asserts the same result, rows or error, for every one.
     */
    static void differential(String... script) throws SQLException {
        differential(new String[0], script);
    }

    /** {@link #differential(String...)} of {@code setup}'s statements followed by {@code script}'s. */
    static void differential(String[] setup, String... script) throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String[] part : new String[][] {setup, script}) {
                for (String sql : part) {
                    org.junit.jupiter.api.Assertions.assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
                }
            }
        }
    }

    /** SQLite's result of {@code sql} with {@code args} bound to its parameters. */
    String sqlite(String sql, Object... args) {
        try (PreparedStatement ps = sqlite.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            if (!ps.execute()) {
                return "rows: []";
            }
            try (ResultSet rs = ps.getResultSet()) {
                return "rows: " + rows(rs);
            }
        } catch (SQLException e) {
            String m = e.getMessage();
            // sqlite-jdbc: "[SQLITE_ERROR] SQL error or missing database (near "x": syntax error)"
            int open = m.indexOf('(');
            return "error: " + (open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m);
        }
    }

    /** turso4j's result of {@code sql} with {@code args} bound to its parameters. */
    String turso(String sql, Object... args) {
        try (Statement s = turso.prepare(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.bind(i + 1, args[i]);
            }
            List<String> rows = new ArrayList<>();
            while (s.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < s.columnCount(); i++) {
                    row.add(describe(s.getObject(i)));
                }
                rows.add(String.join(", ", row));
            }
            return "rows: " + rows;
        } catch (SqliteException e) {
            return "error: " + e.getMessage();
        }
    }

    Connection connection() {
        return turso;
    }

    java.sql.Connection sqliteConnection() {
        return sqlite;
    }

    /** The rows of {@code rs}, each as its columns described and joined by ", ". */
    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(describe(rs.getObject(i)));
            }
            rows.add(String.join(", ", row));
        }
        return rows;
    }

    /**
     * SQLite's result of {@code sql} on {@code c} with the error's result code too
     * ({@code error 19: …}), for tests of statements whose codes matter (triggers' RAISE).
     */
    static String withCode(java.sql.Connection c, String sql) {
        try (java.sql.Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return "rows: []";
            }
            try (ResultSet rs = s.getResultSet()) {
                return "rows: " + rows(rs);
            }
        } catch (org.sqlite.SQLiteException e) {
            // sqlite-jdbc: "[SQLITE_CONSTRAINT_TRIGGER] A RAISE function within a trigger fired (too big)"
            String m = e.getMessage();
            int open = m.indexOf('(');
            return "error " + e.getResultCode().code + ": "
                    + (open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** turso4j's result of {@code sql} on {@code c}, as {@link #withCode(java.sql.Connection, String)} gives SQLite's. */
    static String withCode(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            List<String> rows = new ArrayList<>();
            while (s.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < s.columnCount(); i++) {
                    row.add(describe(s.getObject(i)));
                }
                rows.add(String.join(", ", row));
            }
            return "rows: " + rows;
        } catch (SqliteException e) {
            return "error " + e.code().code() + ": " + e.getMessage();
        }
    }

    static String describe(Object v) {
        return switch (v) {
            case null -> "null";
            case Integer i -> "integer " + i;
            case Long l -> "integer " + l;
            case Double d -> "real " + d + "/" + Long.toHexString(Double.doubleToRawLongBits(d));
            case String s -> "text '" + s + "'";
            case byte[] b -> "blob x'" + HexFormat.of().formatHex(b) + "'";
            default -> throw new IllegalArgumentException(v.getClass().toString());
        };
    }

    @Override
    public void close() throws SQLException {
        sqlite.close();
        turso.close();
        database.close();
    }
}
