package io.turso4j.function;

import io.turso4j.error.SqliteException;
import io.turso4j.value.Register;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Differential checks against SQLite 3.54 (sqlite-jdbc): a call is evaluated by SQLite as
 * {@code SELECT f(?, …)} with the arguments bound, and by our function straight from the
 * registry; both results are rendered as "type value" (REALs with their bits, errors with
 * SQLite's message) and must be equal. Mismatches are collected so one run reports many.
 */
final class Oracle implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private int checks;
    /** When set, REAL results up to two units in the last place apart are accepted (and counted). */
    private boolean acceptFewUlps;
    private int fewUlpsApart;

    Oracle() {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares {@code name(args…)} in SQLite and here (BINARY collation, stub context). */
    void scalar(String name, Object... args) {
        scalar(new StubContext(), "", name, args);
    }

    /**
     * Compares a scalar call; {@code collate} (e.g. " COLLATE NOCASE") is appended to the first
     * argument in SQL, and the context must carry the same collation.
     */
    void scalar(StubContext ctx, String collate, String name, Object... args) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            p.append(i == 0 ? "" : ", ").append(args[i] instanceof RawText ? "CAST(? AS TEXT)" : "?");
            if (i == 0) {
                p.append(collate);
            }
        }
        String params = p.toString();
        String expected = sqlite("SELECT typeof(x), x FROM (SELECT " + name + "(" + params + ") AS x)", args);
        String actual = ours(ctx, name, args);
        record(name + "(" + render(args) + ")", expected, actual);
    }

    /** Compares an expression evaluated by SQLite with a value computed here. */
    void expression(String sqlExpr, Object[] args, String actual) {
        String expected = sqlite("SELECT typeof(x), x FROM (SELECT " + sqlExpr + " AS x)", args);
        record(sqlExpr + " [" + render(args) + "]", expected, actual);
    }

    /** Compares an aggregate over rows (each row holds the aggregate's arguments). */
    void aggregate(String name, Object[][] rows) {
        aggregate(name, rows.length == 0 ? 1 : rows[0].length, rows);
    }

    /** Compares an aggregate of {@code argc} arguments over rows. */
    void aggregate(String name, int argc, Object[][] rows) {
        aggregate(new StubContext(), "", name, argc, rows);
    }

    /**
     * Compares an aggregate whose first argument carries {@code collate} (e.g. " COLLATE
     * NOCASE") in SQL; {@code ctx} must report the same collation.
     */
    void aggregate(StubContext ctx, String collate, String name, int argc, Object[][] rows) {
        StringBuilder sql = new StringBuilder("SELECT typeof(x), x FROM (SELECT ").append(name).append('(');
        for (int i = 0; i < argc; i++) {
            sql.append(i == 0 ? "" : ", ").append("column").append(i + 1).append(i == 0 ? collate : "");
        }
        if (argc == 0) {
            sql.append('*');
        }
        sql.append(") AS x FROM (");
        List<Object> flat = new ArrayList<>();
        if (rows.length == 0) {
            sql.append("SELECT 1 AS column1, 1 AS column2, 1 AS column3 WHERE 0");
        } else {
            sql.append("VALUES ");
            for (int r = 0; r < rows.length; r++) {
                sql.append(r == 0 ? "" : ", ").append('(').append("?, ".repeat(Math.max(argc, 1) - 1)).append("?)");
                flat.addAll(Arrays.asList(argc == 0 ? new Object[] {null} : rows[r]));
            }
        }
        sql.append("))");
        String expected = sqlite(sql.toString(), flat.toArray());
        String actual;
        try {
            AggregateFunction f = FunctionRegistry.builtins().aggregate(name, argc);
            AggregateFunction.Accumulator acc = f.start();
            for (Object[] row : rows) {
                acc.step(ctx, registers(row), 0, row.length);
            }
            Register out = new Register();
            acc.result(out);
            actual = describe(out);
        } catch (SqliteException e) {
            actual = "error " + e.getMessage();
        }
        record(name + " over " + Arrays.stream(rows).map(Oracle::render).collect(Collectors.joining("; ", "[", "]")),
                expected, actual);
    }

    static String ours(StubContext ctx, String name, Object... args) {
        ScalarFunction f = FunctionRegistry.builtins().scalar(name, args.length);
        if (f == null) {
            return "no such function";
        }
        Register out = new Register();
        try {
            // Offset the arguments to check the function honours 'start'.
            Register[] regs = new Register[args.length + 2];
            regs[0] = Register.of("junk");
            System.arraycopy(registers(args), 0, regs, 1, args.length);
            regs[args.length + 1] = Register.of(99L);
            f.call(ctx, regs, 1, args.length, out);
        } catch (SqliteException e) {
            return "error " + e.getMessage();
        }
        return describe(out);
    }

    /**
     * TEXT whose bytes are not necessarily valid UTF-8 (or hold NULs): SQLite gets it as
     * {@code CAST(? AS TEXT)} of a blob, our function as a TEXT register with those bytes.
     */
    record RawText(byte[] bytes) {
    }

    static Register[] registers(Object[] args) {
        Register[] regs = new Register[args.length];
        for (int i = 0; i < args.length; i++) {
            regs[i] = args[i] instanceof RawText t
                    ? new Register().setText(t.bytes(), 0, t.bytes().length) : Register.of(args[i]);
        }
        return regs;
    }

    /**
     * Accept REALs up to four ulps from SQLite's: for transcendental functions, whose results
     * come from the C library's libm in SQLite and from java.lang.Math here. (fdlibm's tanh,
     * which StrictMath has, is up to three ulps from glibc's on some arguments in (0, 1).)
     */
    void acceptFewUlps() {
        acceptFewUlps = true;
    }

    int fewUlpsApart() {
        return fewUlpsApart;
    }

    private static boolean fewUlps(String a, String b) {
        if (!a.startsWith("real ") || !b.startsWith("real ")) {
            return false;
        }
        long x = Long.parseUnsignedLong(a.substring(a.indexOf('/') + 1), 16);
        long y = Long.parseUnsignedLong(b.substring(b.indexOf('/') + 1), 16);
        return x != y && Math.abs(x - y) <= 4;
    }

    private void record(String what, String expected, String actual) {
        checks++;
        if (acceptFewUlps && fewUlps(expected, actual)) {
            fewUlpsApart++;
            return;
        }
        if (!expected.equals(actual)) {
            mismatches.add(clip(what) + "\n    sqlite: " + clip(expected) + "\n    ours:   " + clip(actual));
        }
    }

    private static String clip(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }

    /** Fails listing the first mismatches, if any. */
    void assertNoMismatches() {
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " of " + checks + " calls differ from SQLite:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(25, mismatches.size()))));
        }
    }

    int checks() {
        return checks;
    }

    private String sqlite(String sql, Object[] args) {
        try {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            }
            for (int i = 0; i < args.length; i++) {
                bind(ps, i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return describe(rs);
            }
        } catch (SQLException e) {
            // sqlite-jdbc leaves a statement that failed unusable: prepare it afresh next time.
            PreparedStatement failed = statements.remove(sql);
            try {
                if (failed != null) {
                    failed.close();
                }
            } catch (SQLException ignored) {
                // already reported the original failure
            }
            String m = e.getMessage();
            int open = m.indexOf(" (");
            return "error " + (open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m);
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, java.sql.Types.NULL);
            case Long l -> ps.setLong(index, l);
            case Integer i -> ps.setLong(index, i);
            case Double d -> ps.setDouble(index, d);
            case String s -> ps.setString(index, s);
            case byte[] b -> ps.setBytes(index, b);
            case RawText t -> ps.setBytes(index, t.bytes());
            default -> throw new IllegalArgumentException(value.getClass().toString());
        }
    }

    private static String describe(ResultSet rs) throws SQLException {
        String type = rs.getString(1);
        return switch (type) {
            case "null" -> "null";
            case "integer" -> "integer " + rs.getLong(2);
            case "real" -> "real " + realBits(rs.getDouble(2));
            case "text" -> "text '" + hexIfOdd(rs.getBytes(2)) + "'";
            case "blob" -> "blob x'" + HexFormat.of().formatHex(rs.getBytes(2)) + "'";
            default -> throw new IllegalStateException(type);
        };
    }

    static String describe(Register r) {
        return switch (r.type()) {
            case NULL -> "null";
            case INTEGER -> "integer " + r.intValue();
            case REAL -> "real " + realBits(r.realValue());
            case TEXT -> "text '" + hexIfOdd(r.bytesCopy()) + "'";
            case BLOB -> "blob x'" + HexFormat.of().formatHex(r.bytes(), 0, r.length()) + "'";
        };
    }

    /** Text as a string, or as hex when it is not valid UTF-8 or holds control characters. */
    private static String hexIfOdd(byte[] b) {
        String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        if (Arrays.equals(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), b)
                && s.chars().noneMatch(c -> c < 0x20)) {
            return s;
        }
        return "x" + HexFormat.of().formatHex(b);
    }

    private static String realBits(double d) {
        return d + "/" + Long.toHexString(Double.doubleToRawLongBits(d));
    }

    static String render(Object[] args) {
        return Arrays.stream(args).map(Oracle::render).collect(Collectors.joining(", "));
    }

    static String render(Object v) {
        return switch (v) {
            case null -> "NULL";
            case String s -> "'" + s + "'";
            case byte[] b -> "x'" + HexFormat.of().formatHex(b) + "'";
            case RawText t -> "text x'" + HexFormat.of().formatHex(t.bytes()) + "'";
            case Double d -> d + "(real)";
            default -> v.toString();
        };
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        connection.close();
    }
}
