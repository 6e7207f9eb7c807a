package io.turso4j.function;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.value.Register;
import io.turso4j.value.ValueType;
import java.util.Arrays;

/**
 * The percentile aggregates built into SQLite 3.51+: {@code median(Y)},
 * {@code percentile(Y, P)} (P in 0..100), {@code percentile_cont(Y, P)} (P in 0..1, linear
 * interpolation) and {@code percentile_disc(Y, P)} (P in 0..1, the value at or below). NULL
 * inputs are skipped; the result is a REAL, NULL for no inputs. Y must be an INTEGER or REAL
 * (not text), finite; P must be a number in range and the same on every row — else an error
 * naming the function.
 *
 * <p>The aggregate objects are stateless; an accumulator belongs to one group.
 */
final class Percentile implements AggregateFunction.Accumulator {
    private final String name;
    /** 1 for fractions (0..1), 100 for percentages. */
    private final int maxFraction;
    private final boolean discrete;
    private double[] values = new double[16];
    private int count;
    private double fraction;
    private boolean fractionKnown;

    private Percentile(String name, int maxFraction, boolean discrete) {
        this.name = name;
        this.maxFraction = maxFraction;
        this.discrete = discrete;
    }

    static void register(FunctionRegistry.Builder b) {
        b.aggregate("median", 1, () -> new Percentile("median", 1, false));
        b.aggregate("percentile", 2, () -> new Percentile("percentile", 100, false));
        b.aggregate("percentile_cont", 2, () -> new Percentile("percentile_cont", 1, false));
        b.aggregate("percentile_disc", 2, () -> new Percentile("percentile_disc", 1, true));
    }

    private SqliteException error(String format) {
        return new SqliteException(ResultCode.ERROR, String.format(format, name));
    }

    @Override
    public void step(FunctionContext context, Register[] args, int start, int n) {
        double p;
        if (n == 1) {
            p = 0.5;
        } else {
            Register arg = args[start + 1];
            Register num = arg.type() == ValueType.TEXT ? CoreFunctions.numeric(arg) : arg;
            p = arg.toDouble() / maxFraction;
            if (!num.type().isNumeric() || p < 0.0 || p > 1.0) {
                throw error("the fraction argument to %s() is not between 0.0 and "
                        + PrintfFormat.format("%.1f", (double) maxFraction));
            }
        }
        if (!fractionKnown) {
            fraction = p;
            fractionKnown = true;
        } else if (!(fraction - p < 0.001 && p - fraction < 0.001)) {
            throw error("the fraction argument to %s() is not the same for all input rows");
        }
        Register y = args[start];
        if (y.isNull()) {
            return;
        }
        if (!y.type().isNumeric()) {
            throw error("input to %s() is not numeric");
        }
        double v = y.toDouble();
        if (Double.isInfinite(v)) {
            throw error("Inf input to %s()");
        }
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = v;
    }

    @Override
    public void result(Register out) {
        if (count == 0) {
            out.setNull();
            return;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        double ix = fraction * (count - 1);
        int i1 = (int) ix;
        if (discrete) {
            out.setReal(sorted[i1]);
            return;
        }
        int i2 = ix == (double) i1 || i1 == count - 1 ? i1 : i1 + 1;
        double v1 = sorted[i1];
        double v2 = sorted[i2];
        out.setReal(v1 + (v2 - v1) * (ix - i1));
    }
}
