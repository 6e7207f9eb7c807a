package io.turso4j.function;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.value.Affinity;
import io.turso4j.value.LengthLimit;
import io.turso4j.value.NumericText;
import io.turso4j.value.Register;
import io.turso4j.value.Truth;
import io.turso4j.value.ValueComparator;
import io.turso4j.value.ValueType;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * SQLite's core scalar functions that are about values rather than text
 * (<a href="https://www.sqlite.org/lang_corefunc.html">Built-In Scalar SQL Functions</a>):
 * {@code abs}, {@code coalesce}/{@code ifnull}, {@code iif}/{@code if}, {@code nullif},
 * {@code min}/{@code max} (two or more arguments), {@code typeof}, {@code sign},
 * {@code round}, {@code quote}, {@code hex}/{@code unhex}, {@code zeroblob},
 * {@code random}/{@code randomblob}, the connection counters and the planner hints
 * {@code likely}, {@code unlikely}, {@code likelihood}. Each follows func.c's conversions.
 *
 * <p>As functions, {@code coalesce}, {@code ifnull} and {@code iif} see every argument already
 * evaluated; SQLite compiles them to short-circuit code (so {@code iif(1, 0, abs(-9223372036854775808))}
 * does not fail), and the code generator should do the same, using these only as a fallback.
 * Checking that likelihood()'s second argument is a constant is the resolver's job.
 *
 * <p>Stateless; any thread.
 */
final class CoreFunctions {
    /**
     * What {@code sqlite_version()} reports: the SQLite release whose behaviour the engine is
     * checked against (the sqlite-jdbc oracle's library), so that tools which test the version
     * for a feature see the dialect they get.
     */
    static final String SQLITE_VERSION = "3.54.1";
    /** The check-in of the SQLite release whose dialect this follows, as sqlite_source_id() gives it. */
    static final String SQLITE_SOURCE_ID =
            "2026-10-16 14:45:20 555e07ef33f69a0957d24d8e555b702464a131d6f1607f4c3c1e4551e8e6ca76";

    private CoreFunctions() {
    }

    static void register(FunctionRegistry.Builder b) {
        b.scalar("abs", 1, CoreFunctions::abs);
        b.variadic("coalesce", 2, CoreFunctions::coalesce);
        b.scalar("ifnull", 2, CoreFunctions::coalesce);
        b.variadic("iif", 2, CoreFunctions::iif);
        b.variadic("if", 2, CoreFunctions::iif);
        b.scalar("nullif", 2, (ctx, a, s, n, out) -> {
            if (ValueComparator.compare(a[s], a[s + 1], ctx.collation()) != 0) {
                out.copyFrom(a[s]);
            } else {
                out.setNull();
            }
        });
        b.variadic("max", 2, (ctx, a, s, n, out) -> minMax(ctx, a, s, n, out, true));
        b.variadic("min", 2, (ctx, a, s, n, out) -> minMax(ctx, a, s, n, out, false));
        b.scalar("typeof", 1, (ctx, a, s, n, out) -> out.setText(a[s].type().typeofName()));
        b.scalar("sign", 1, CoreFunctions::sign);
        b.scalar("round", 1, CoreFunctions::round);
        b.scalar("round", 2, CoreFunctions::round);
        b.scalar("quote", 1, (ctx, a, s, n, out) -> quote(a[s], false, out));
        b.scalar("unistr_quote", 1, (ctx, a, s, n, out) -> quote(a[s], true, out));
        b.scalar("subtype", 1, (ctx, a, s, n, out) -> out.setInt(0)); // no value carries a subtype
        b.scalar("hex", 1, CoreFunctions::hex);
        b.scalar("unhex", 1, CoreFunctions::unhex);
        b.scalar("unhex", 2, CoreFunctions::unhex);
        b.scalar("zeroblob", 1, (ctx, a, s, n, out) -> {
            long len = Math.max(0, a[s].toLong());
            LengthLimit.check(len);
            out.setBlob(new byte[(int) len]);
        });
        b.scalar("random", 0, (ctx, a, s, n, out) -> out.setInt(random(ctx)));
        b.scalar("randomblob", 1, CoreFunctions::randomBlob);
        b.scalar("changes", 0, (ctx, a, s, n, out) -> out.setInt(ctx.changes()));
        b.scalar("total_changes", 0, (ctx, a, s, n, out) -> out.setInt(ctx.totalChanges()));
        b.scalar("last_insert_rowid", 0, (ctx, a, s, n, out) -> out.setInt(ctx.lastInsertRowid()));
        b.scalar("sqlite_version", 0, (ctx, a, s, n, out) -> out.setText(SQLITE_VERSION));
        b.scalar("sqlite_source_id", 0, (ctx, a, s, n, out) -> out.setText(SQLITE_SOURCE_ID));
        ScalarFunction first = (ctx, a, s, n, out) -> out.copyFrom(a[s]);
        b.scalar("likely", 1, first);
        b.scalar("unlikely", 1, first);
        b.scalar("likelihood", 2, first);
        for (String name : new String[] {"random", "randomblob", "changes", "total_changes",
                "last_insert_rowid"}) {
            b.nonDeterministic(name);
        }
    }

    private static void abs(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        Register x = a[s];
        switch (x.type()) {
            case NULL -> out.setNull();
            case INTEGER -> {
                long v = x.intValue();
                if (v == Long.MIN_VALUE) {
                    throw new SqliteException(ResultCode.ERROR, "integer overflow");
                }
                out.setInt(Math.abs(v));
            }
            default -> {
                out.setReal(Math.abs(x.toDouble())); // fabs: -0.0 becomes 0.0
            }
        }
    }

    private static void coalesce(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        for (int i = s; i < s + n; i++) {
            if (!a[i].isNull()) {
                out.copyFrom(a[i]);
                return;
            }
        }
        out.setNull();
    }

    /** iif(C1, V1 [, C2, V2 …] [, ELSE]): the value after the first true condition. */
    private static void iif(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        int i = s;
        for (; i + 1 < s + n; i += 2) {
            if (Truth.of(a[i]) == Truth.TRUE) {
                out.copyFrom(a[i + 1]);
                return;
            }
        }
        if (i < s + n) {
            out.copyFrom(a[i]);
        } else {
            out.setNull();
        }
    }

    /** min/max of 2+ values: NULL if any is NULL; ties keep the first for max, the last for min. */
    private static void minMax(FunctionContext ctx, Register[] a, int s, int n, Register out,
            boolean max) {
        int best = s;
        if (a[s].isNull()) {
            out.setNull();
            return;
        }
        for (int i = s + 1; i < s + n; i++) {
            if (a[i].isNull()) {
                out.setNull();
                return;
            }
            int cmp = ValueComparator.compare(a[best], a[i], ctx.collation());
            if (max ? cmp < 0 : cmp >= 0) {
                best = i;
            }
        }
        out.copyFrom(a[best]);
    }

    /** The value after {@code sqlite3_value_numeric_type}: well-formed numeric text becomes a number. */
    static Register numeric(Register x) {
        Register copy = new Register().copyFrom(x);
        Affinity.NUMERIC.applyForComparison(copy);
        return copy;
    }

    private static void sign(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        Register v = a[s].type() == ValueType.TEXT ? numeric(a[s]) : a[s];
        if (!v.type().isNumeric()) {
            out.setNull();
            return;
        }
        double x = v.toDouble();
        out.setInt(x < 0.0 ? -1 : x > 0.0 ? 1 : 0);
    }

    private static void round(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        int digits = 0;
        if (n == 2) {
            if (a[s + 1].isNull()) {
                out.setNull();
                return;
            }
            digits = (int) Math.max(0, Math.min(30, a[s + 1].toLong()));
        }
        if (a[s].isNull()) {
            out.setNull();
            return;
        }
        double r = a[s].toDouble();
        if (r < -4503599627370496.0 || r > 4503599627370496.0) {
            out.setReal(r); // no fractional part to round
        } else if (digits == 0) {
            out.setReal((double) (long) (r + (r < 0 ? -0.5 : 0.5)));
        } else {
            out.setReal(NumericText.parseReal(
                    PrintfFormat.format("%!.*f", digits, r)));
        }
    }

    /**
     * quote(X): an SQL literal for the value; with {@code escape} (unistr_quote), text with
     * control characters becomes a {@code unistr('...')} call. Text keeps its bytes as they are.
     */
    static void quote(Register x, boolean escape, Register out) {
        switch (x.type()) {
            case NULL -> out.setText("NULL");
            case INTEGER -> out.setText(Long.toString(x.intValue()));
            case REAL -> out.setText(PrintfFormat.format("%!0.17g", x.realValue()));
            case TEXT -> {
                byte[] r = PrintfFormat.formatBytes(escape ? "%#Q" : "%Q", x);
                out.setText(r, 0, r.length);
            }
            case BLOB -> out.setText("X'" + HexFormat.of().withUpperCase().formatHex(x.bytes(), 0, x.length()) + "'");
        }
    }

    private static void hex(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        byte[] z = Utf8.textOf(a[s]);
        if (z == null) {
            out.setText("");
            return;
        }
        LengthLimit.check(2L * z.length);
        out.setText(HexFormat.of().withUpperCase().formatHex(z));
    }

    private static void unhex(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        byte[] hex = Utf8.cTextOf(a[s]);
        byte[] pass = n == 2 ? Utf8.textOf(a[s + 1]) : new byte[0];
        if (hex == null || pass == null) {
            out.setNull();
            return;
        }
        ByteArrayOutputStream blob = new ByteArrayOutputStream(hex.length / 2 + 1);
        Utf8.Reader r = new Utf8.Reader(hex);
        while (!r.atEnd()) {
            while (hexDigit(r.peek()) < 0) {
                int ch = r.next();
                if (!contains(pass, ch)) {
                    out.setNull();
                    return;
                }
                if (r.atEnd()) {
                    out.setBlob(blob.toByteArray());
                    return;
                }
            }
            int hi = hexDigit(r.next());
            int lo = r.atEnd() ? -1 : hexDigit(r.z[r.pos++] & 0xff);
            if (lo < 0) {
                out.setNull();
                return;
            }
            blob.write(hi << 4 | lo);
        }
        out.setBlob(blob.toByteArray());
    }

    /** The value of an ASCII hex digit, -1 for any other byte. */
    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        c |= 0x20;
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** Whether the UTF-8 text {@code set} contains the code point {@code ch}. */
    static boolean contains(byte[] set, int ch) {
        Utf8.Reader r = new Utf8.Reader(set);
        while (!r.atEnd()) {
            if (r.next() == ch) {
                return true;
            }
        }
        return false;
    }

    /** random(): a 64-bit value, never the smallest integer (func.c folds it to a positive one). */
    private static long random(FunctionContext ctx) {
        long r = ctx.nextRandom();
        if (r < 0) {
            r = -(r & Long.MAX_VALUE);
        }
        return r;
    }

    private static void randomBlob(FunctionContext ctx, Register[] a, int s, int n, Register out) {
        long len = Math.max(1, a[s].toLong());
        LengthLimit.check(len);
        byte[] blob = new byte[(int) len];
        for (int i = 0; i < blob.length; i += 8) {
            long r = ctx.nextRandom();
            for (int k = 0; k < 8 && i + k < blob.length; k++) {
                blob[i + k] = (byte) (r >>> (8 * k));
            }
        }
        out.setBlob(blob);
    }
}
