package io.turso4j.value;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Our value semantics against SQLite 3.54 (sqlite-jdbc) on random values of every class:
 * CAST, affinity on store, comparison with collations, arithmetic, truth and REAL rendering.
 * Each test prints its seed; {@code -Dturso4j.seed=N} replays it. A test collects every
 * mismatch and fails with the first few, so one run shows the shape of a bug.
 */
class ValueDifferentialTest {
    private static final int CASES = 3000;
    private static Oracle oracle;

    @BeforeAll
    static void open() throws SQLException {
        oracle = new Oracle();
    }

    @AfterAll
    static void close() throws SQLException {
        oracle.close();
    }

    private static final class Mismatches {
        final List<String> found = new ArrayList<>();
        int checked;

        void check(String what, String expected, String actual) {
            checked++;
            if (!expected.equals(actual)) {
                found.add(what + ": sqlite=" + expected + " ours=" + actual);
            }
        }

        void assertNone(String property, long seed) {
            System.out.println(property + ": " + checked + " cases checked");
            if (!found.isEmpty()) {
                fail(found.size() + " of " + checked + " differ (seed " + seed + "), first: "
                        + String.join("\n", found.subList(0, Math.min(15, found.size()))));
            }
        }
    }

    private static String show(Object v) {
        return v instanceof byte[] b ? "x'" + java.util.HexFormat.of().formatHex(b) + "'"
                : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    @Test
    void castToEveryTypeMatchesSqlite() throws SQLException {
        long seed = Seeds.seed("cast");
        RandomValues values = new RandomValues(seed);
        Mismatches m = new Mismatches();
        String[] types = {"TEXT", "INTEGER", "REAL", "NUMERIC", "BLOB", "\"FOO\"", "VARCHAR(10)"};
        for (int i = 0; i < CASES; i++) {
            Object v = values.next();
            for (String type : types) {
                Register r = Register.of(v);
                Cast.apply(r, type.replace("\"", ""));
                m.check("CAST(" + show(v) + " AS " + type + ")",
                        oracle.eval("CAST(? AS " + type + ")", v), Oracle.describe(r));
            }
        }
        m.assertNone("cast", seed);
    }

    @Test
    void affinityOnStoreMatchesSqlite() throws SQLException {
        long seed = Seeds.seed("affinity");
        RandomValues values = new RandomValues(seed);
        Mismatches m = new Mismatches();
        String[] declared = {"INT", "TEXT", "BLOB", "REAL", "NUMERIC", "", "VARCHAR(5)", "FLOATING POINT",
            "STRING", "DOUBLE PRECISION", "BIGINT", "CHARINT"};
        StringBuilder ddl = new StringBuilder("CREATE TABLE t(");
        StringBuilder cols = new StringBuilder();
        for (int c = 0; c < declared.length; c++) {
            ddl.append(c > 0 ? ", " : "").append("c").append(c).append(' ').append(declared[c]);
            cols.append(c > 0 ? ", " : "").append("typeof(c").append(c).append("), c").append(c);
        }
        try (Statement st = oracle.connection().createStatement()) {
            st.execute(ddl.append(")").toString());
        }
        PreparedStatement insert = oracle.prepare("INSERT INTO t VALUES (" + "?,".repeat(declared.length - 1) + "?)");
        PreparedStatement select = oracle.prepare("SELECT " + cols + " FROM t");
        PreparedStatement clear = oracle.prepare("DELETE FROM t");
        for (int i = 0; i < CASES; i++) {
            Object v = values.next();
            for (int c = 0; c < declared.length; c++) {
                Oracle.bind(insert, c + 1, v);
            }
            insert.executeUpdate();
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                for (int c = 0; c < declared.length; c++) {
                    Register r = Register.of(v);
                    Affinity.ofDeclaredType(declared[c]).apply(r);
                    m.check(show(v) + " into " + declared[c], Oracle.describe(rs, 2 * c + 1), Oracle.describe(r));
                }
            }
            clear.executeUpdate();
        }
        m.assertNone("affinity", seed);
    }

    @Test
    void comparisonMatchesSqlite() throws SQLException {
        long seed = Seeds.seed("compare");
        RandomValues values = new RandomValues(seed);
        Mismatches m = new Mismatches();
        String[] collations = {"BINARY", "NOCASE", "RTRIM"};
        for (int i = 0; i < CASES; i++) {
            Object x = values.next();
            Object y = values.random().nextInt(4) == 0 ? x : values.next();
            String coll = collations[values.random().nextInt(3)];
            PreparedStatement ps = oracle.prepare(
                    "SELECT CASE WHEN ?1 IS NULL OR ?2 IS NULL THEN NULL ELSE (?1 > ?2 COLLATE " + coll
                            + ") - (?1 < ?2 COLLATE " + coll + ") END");
            Oracle.bind(ps, 1, x);
            Oracle.bind(ps, 2, y);
            String expected;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                expected = rs.wasNull() ? "null" : Long.toString(v);
            }
            Register a = Register.of(x);
            Register b = Register.of(y);
            String actual = a.isNull() || b.isNull() ? "null"
                    : Integer.toString(Integer.signum(ValueComparator.compare(a, b, Collation.builtin(coll))));
            m.check(show(x) + " vs " + show(y) + " " + coll, expected, actual);
        }
        m.assertNone("compare", seed);
    }

    @Test
    void comparisonWithColumnAffinityMatchesSqlite() throws SQLException {
        long seed = Seeds.seed("compareAffinity");
        RandomValues values = new RandomValues(seed);
        Mismatches m = new Mismatches();
        try (Statement st = oracle.connection().createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS k(i INTEGER, t TEXT, b BLOB, r REAL, n NUMERIC)");
        }
        String[] cols = {"i", "t", "b", "r", "n"};
        Affinity[] affs = {Affinity.INTEGER, Affinity.TEXT, Affinity.BLOB, Affinity.REAL, Affinity.NUMERIC};
        PreparedStatement insert = oracle.prepare("INSERT INTO k VALUES (?1, ?1, ?1, ?1, ?1)");
        PreparedStatement clear = oracle.prepare("DELETE FROM k");
        for (int i = 0; i < CASES / 3; i++) {
            Object stored = values.next();
            Object probe = values.next();
            Oracle.bind(insert, 1, stored);
            insert.executeUpdate();
            for (int c = 0; c < cols.length; c++) {
                PreparedStatement ps = oracle.prepare("SELECT " + cols[c] + " < ?, " + cols[c] + " = ? FROM k");
                Oracle.bind(ps, 1, probe);
                Oracle.bind(ps, 2, probe);
                String expected;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long lt = rs.getLong(1);
                    expected = rs.wasNull() ? "null" : lt + "," + rs.getLong(2);
                }
                Register col = Register.of(stored);
                affs[c].apply(col);
                Register p = Register.of(probe);
                Affinity cmp = Affinity.forComparison(affs[c], Affinity.NONE);
                cmp.applyForComparison(col);
                cmp.applyForComparison(p);
                String actual;
                if (col.isNull() || p.isNull()) {
                    actual = "null";
                } else {
                    int r = ValueComparator.compare(col, p);
                    actual = (r < 0 ? 1 : 0) + "," + (r == 0 ? 1 : 0);
                }
                m.check(cols[c] + "=" + show(stored) + " vs " + show(probe), expected, actual);
            }
            clear.executeUpdate();
        }
        m.assertNone("compareAffinity", seed);
    }

    private record BinaryOp(String sql, Op3 op) {
    }

    private interface Op3 {
        void apply(Register a, Register b, Register out);
    }

    @Test
    void arithmeticMatchesSqlite() throws SQLException {
        long seed = Seeds.seed("arithmetic");
        RandomValues values = new RandomValues(seed);
        Mismatches m = new Mismatches();
        BinaryOp[] ops = {
            new BinaryOp("?1 + ?2", Arithmetic::add),
            new BinaryOp("?1 - ?2", Arithmetic::subtract),
            new BinaryOp("?1 * ?2", Arithmetic::multiply),
            new BinaryOp("?1 / ?2", Arithmetic::divide),
            new BinaryOp("?1 % ?2", Arithmetic::remainder),
            new BinaryOp("?1 & ?2", Arithmetic::bitAnd),
            new BinaryOp("?1 | ?2", Arithmetic::bitOr),
            new BinaryOp("?1 << ?2", Arithmetic::shiftLeft),
            new BinaryOp("?1 >> ?2", Arithmetic::shiftRight),
            new BinaryOp("?1 || ?2", Arithmetic::concat),
        };
        for (int i = 0; i < CASES; i++) {
            Object x = values.next();
            Object y = values.random().nextBoolean() ? values.next()
                    : (Object) (long) (values.random().nextInt(140) - 70);
            for (BinaryOp op : ops) {
                Register out = new Register();
                op.op().apply(Register.of(x), Register.of(y), out);
                m.check(show(x) + " " + op.sql() + " " + show(y), oracle.eval(op.sql(), x, y), Oracle.describe(out));
            }
            Register neg = new Register();
            Arithmetic.negate(Register.of(x), neg);
            m.check("-" + show(x), oracle.eval("-?", x), Oracle.describe(neg));
            Register not = new Register();
            Arithmetic.bitNot(Register.of(x), not);
            m.check("~" + show(x), oracle.eval("~?", x), Oracle.describe(not));
        }
        m.assertNone("arithmetic", seed);
    }

    @Test
    void truthMatchesSqlite() throws SQLException {
        long seed = Seeds.seed("truth");
        RandomValues values = new RandomValues(seed);
        Mismatches m = new Mismatches();
        for (int i = 0; i < CASES; i++) {
            Object x = values.next();
            m.check("truth of " + show(x),
                    oracle.eval("CASE WHEN ?1 THEN 'TRUE' WHEN NOT ?1 THEN 'FALSE' ELSE 'UNKNOWN' END", x),
                    "text '" + Truth.of(Register.of(x)) + "'");
        }
        m.assertNone("truth", seed);
    }

    @Test
    void realRenderingMatchesSqlite354() throws SQLException {
        long seed = Seeds.seed("render354");
        RandomValues values = new RandomValues(seed);
        Mismatches m = new Mismatches();
        for (int i = 0; i < CASES * 3; i++) {
            double d = values.nextReal();
            m.check("CAST(" + d + " AS TEXT)", oracle.eval("CAST(? AS TEXT)", d),
                    "text '" + RealFormat.SEVENTEEN_DIGITS.format(d) + "'");
        }
        m.assertNone("render354", seed);
    }

    @Test
    void textToRealMatchesSqlite() throws SQLException {
        long seed = Seeds.seed("parseReal");
        RandomValues values = new RandomValues(seed);
        Mismatches m = new Mismatches();
        for (int i = 0; i < CASES * 3; i++) {
            double d = values.nextReal();
            String text = values.random().nextBoolean() ? Double.toString(d)
                    : String.format("%." + (1 + values.random().nextInt(25)) + "e", d);
            Register r = Register.of(text);
            Cast.apply(r, Affinity.REAL);
            m.check("CAST('" + text + "' AS REAL)", oracle.eval("CAST(? AS REAL)", text), Oracle.describe(r));
        }
        m.assertNone("parseReal", seed);
    }
}
