package io.turso4j.value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * SQLite (through sqlite-jdbc) as the oracle: binds Java values as parameters, evaluates an
 * expression, and returns the result in the canonical form {@link #describe} also gives our
 * registers, so the two can be compared as strings.
 */
final class Oracle implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Oracle() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    Connection connection() {
        return connection;
    }

    /** Evaluates {@code SELECT typeof(expr), expr} with the arguments bound to its ?s. */
    String eval(String expr, Object... args) throws SQLException {
        PreparedStatement ps = prepare("SELECT typeof(" + expr + "), " + expr);
        int n = ps.getParameterMetaData().getParameterCount();
        for (int i = 0; i < n; i++) {
            bind(ps, i + 1, args[i % args.length]);
        }
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return describe(rs, 1);
        }
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, java.sql.Types.NULL);
            case Long l -> ps.setLong(index, l);
            case Double d -> ps.setDouble(index, d);
            case String s -> ps.setString(index, s);
            case byte[] b -> ps.setBytes(index, b);
            default -> throw new IllegalArgumentException(value.getClass().toString());
        }
    }

    /** Reads the (typeof, value) pair at columns {@code col}, {@code col + 1}. */
    static String describe(ResultSet rs, int col) throws SQLException {
        String type = rs.getString(col);
        return switch (type) {
            case "null" -> "null";
            case "integer" -> "integer " + rs.getLong(col + 1);
            case "real" -> "real " + realBits(rs.getDouble(col + 1));
            case "text" -> "text '" + rs.getString(col + 1) + "'";
            case "blob" -> "blob x'" + HexFormat.of().formatHex(rs.getBytes(col + 1)) + "'";
            default -> throw new IllegalStateException(type);
        };
    }

    static String describe(Register r) {
        return switch (r.type()) {
            case NULL -> "null";
            case INTEGER -> "integer " + r.intValue();
            case REAL -> "real " + realBits(r.realValue());
            case TEXT -> "text '" + r.toText() + "'";
            case BLOB -> "blob x'" + HexFormat.of().formatHex(r.bytes(), 0, r.length()) + "'";
        };
    }

    private static String realBits(double d) {
        return d + "/" + Long.toHexString(Double.doubleToRawLongBits(d));
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        connection.close();
    }
}
