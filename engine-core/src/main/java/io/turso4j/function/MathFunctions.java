package io.turso4j.function;

import io.turso4j.value.Register;
import io.turso4j.value.ValueType;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * SQLite's math functions (<a href="https://www.sqlite.org/lang_mathfunc.html">Built-In
 * Mathematical SQL Functions</a>, compiled into sqlite-jdbc's build): trigonometric and
 * hyperbolic functions, {@code exp}, {@code ln}, {@code log}/{@code log10}/{@code log2},
 * {@code log(B, X)}, {@code pow}/{@code power}, {@code sqrt}, {@code mod}, {@code pi},
 * {@code degrees}, {@code radians}, and {@code ceil}/{@code ceiling}/{@code floor}/{@code trunc}
 * (which keep an INTEGER an INTEGER).
 *
 * <p>Arguments must be numbers or text that reads entirely as a number
 * ({@code sqlite3_value_numeric_type}); anything else, a domain error (NaN) or a logarithm of
 * a non-positive number gives NULL. Stateless; any thread.
 */
final class MathFunctions {
    private MathFunctions() {
    }

    static void register(FunctionRegistry.Builder b) {
        unary(b, "acos", Math::acos);
        unary(b, "asin", Math::asin);
        unary(b, "atan", Math::atan);
        unary(b, "cos", Math::cos);
        unary(b, "sin", Math::sin);
        unary(b, "tan", Math::tan);
        unary(b, "cosh", StrictMath::cosh);
        unary(b, "sinh", StrictMath::sinh);
        unary(b, "tanh", StrictMath::tanh);
        unary(b, "acosh", MathFunctions::acosh);
        unary(b, "asinh", MathFunctions::asinh);
        unary(b, "atanh", MathFunctions::atanh);
        unary(b, "exp", Math::exp);
        unary(b, "sqrt", Math::sqrt);
        unary(b, "degrees", x -> x * (180.0 / Math.PI));
        unary(b, "radians", x -> x * (Math.PI / 180.0));
        binary(b, "atan2", Math::atan2);
        binary(b, "pow", MathFunctions::pow);
        binary(b, "power", MathFunctions::pow);
        binary(b, "mod", (x, y) -> x % y);
        b.scalar("pi", 0, (ctx, a, s, n, out) -> out.setReal(Math.PI));
        rounding(b, "ceil", Math::ceil);
        rounding(b, "ceiling", Math::ceil);
        rounding(b, "floor", Math::floor);
        rounding(b, "trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x));
        b.scalar("ln", 1, (ctx, a, s, n, out) -> log(a, s, n, out, Math::log));
        b.scalar("log", 1, (ctx, a, s, n, out) -> log(a, s, n, out, StrictMath::log10));
        b.scalar("log10", 1, (ctx, a, s, n, out) -> log(a, s, n, out, StrictMath::log10));
        b.scalar("log2", 1, (ctx, a, s, n, out) -> log(a, s, n, out, MathFunctions::log2));
        b.scalar("log", 2, (ctx, a, s, n, out) -> log(a, s, n, out, Math::log));
    }

    /** The argument as a number, or null when it is not one (NULL, blob, non-numeric text). */
    private static Register number(Register x) {
        Register v = x.type() == ValueType.TEXT ? CoreFunctions.numeric(x) : x;
        return v.type().isNumeric() ? v : null;
    }

    private static void unary(FunctionRegistry.Builder b, String name, DoubleUnaryOperator f) {
        b.scalar(name, 1, (ctx, a, s, n, out) -> {
            Register v = number(a[s]);
            if (v == null) {
                out.setNull();
            } else {
                out.setReal(f.applyAsDouble(v.toDouble())); // NaN becomes NULL
            }
        });
    }

    private static void binary(FunctionRegistry.Builder b, String name, DoubleBinaryOperator f) {
        b.scalar(name, 2, (ctx, a, s, n, out) -> {
            Register x = number(a[s]);
            Register y = number(a[s + 1]);
            if (x == null || y == null) {
                out.setNull();
            } else {
                out.setReal(f.applyAsDouble(x.toDouble(), y.toDouble()));
            }
        });
    }

    private static void rounding(FunctionRegistry.Builder b, String name, DoubleUnaryOperator f) {
        b.scalar(name, 1, (ctx, a, s, n, out) -> {
            Register v = number(a[s]);
            if (v == null) {
                out.setNull();
            } else if (v.type() == ValueType.INTEGER) {
                out.setInt(v.intValue());
            } else {
                out.setReal(f.applyAsDouble(v.realValue()));
            }
        });
    }

    /**
     * ln/log/log10/log2 of one argument, and log(B, X) = ln(X)/ln(B). NULL for X <= 0 and for
     * a base whose logarithm is not positive. As in func.c, only the first argument's type is
     * checked; a non-numeric X reads as 0 and so gives NULL.
     */
    private static void log(Register[] a, int s, int n, Register out, DoubleUnaryOperator f) {
        Register first = number(a[s]);
        double x = first == null ? 0 : first.toDouble();
        if (first == null || x <= 0.0) {
            out.setNull();
            return;
        }
        if (n == 2) {
            double base = Math.log(x);
            double arg = a[s + 1].toDouble();
            if (base <= 0.0 || arg <= 0.0) {
                out.setNull();
                return;
            }
            out.setReal(Math.log(arg) / base);
        } else {
            out.setReal(f.applyAsDouble(x));
        }
    }

    private static final double LN2 = 6.93147180559945286227e-01;
    private static final double TWO_POW_28 = 268435456.0;

    /*
     * The inverse hyperbolic functions are evaluated the way the C library's (fdlibm-derived)
     * ones are, piecewise so that neither large nor tiny arguments lose precision or overflow:
     * naive log(x + sqrt(x*x ± 1)) gives infinity at 1e308 and drops the sign of -0.0.
     */

    private static double asinh(double x) {
        double ax = Math.abs(x);
        if (!Double.isFinite(x) || ax < 1.0 / TWO_POW_28) {
            return x;
        }
        double w;
        if (ax > TWO_POW_28) {
            w = StrictMath.log(ax) + LN2;
        } else if (ax > 2.0) {
            w = StrictMath.log(2.0 * ax + 1.0 / (StrictMath.sqrt(x * x + 1.0) + ax));
        } else {
            double t = x * x;
            w = StrictMath.log1p(ax + t / (1.0 + StrictMath.sqrt(1.0 + t)));
        }
        return x > 0 ? w : -w;
    }

    private static double acosh(double x) {
        if (x < 1.0) {
            return Double.NaN;
        } else if (x >= TWO_POW_28) {
            return Double.isFinite(x) ? StrictMath.log(x) + LN2 : x;
        } else if (x == 1.0) {
            return 0.0;
        } else if (x > 2.0) {
            double t = x * x;
            return StrictMath.log(2.0 * x - 1.0 / (x + StrictMath.sqrt(t - 1.0)));
        }
        double t = x - 1.0;
        return StrictMath.log1p(t + StrictMath.sqrt(2.0 * t + t * t));
    }

    private static double atanh(double x) {
        double ax = Math.abs(x);
        if (ax > 1.0) {
            return Double.NaN;
        } else if (ax == 1.0) {
            return x / 0.0;
        } else if (ax < 1.0 / TWO_POW_28) {
            return x;
        }
        double t;
        if (ax < 0.5) {
            t = ax + ax;
            t = 0.5 * StrictMath.log1p(t + t * ax / (1.0 - ax));
        } else {
            t = 0.5 * StrictMath.log1p((ax + ax) / (1.0 - ax));
        }
        return x >= 0 ? t : -t;
    }

    /** C's pow: 1 to any power, and -1 to an infinite power, is 1 (Java says NaN). */
    private static double pow(double x, double y) {
        if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) {
            return 1.0;
        }
        return Math.pow(x, y);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }
}
