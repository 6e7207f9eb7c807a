package io.turso4j.function;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.value.LengthLimit;
import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;
import io.turso4j.value.ValueType;
import java.io.ByteArrayOutputStream;

/**
 * SQLite's built-in aggregates (<a href="https://www.sqlite.org/lang_aggfunc.html">Built-in
 * Aggregate Functions</a>): {@code count}, {@code sum}, {@code total}, {@code avg},
 * {@code min}, {@code max}, {@code group_concat} and {@code string_agg}. NULL arguments are
 * skipped by all of them except {@code count(*)}; {@code sum}, {@code total} and {@code avg}
 * share {@link Sum}.
 *
 * <p>The aggregate objects are stateless and shared; each accumulator belongs to one group of
 * one statement.
 */
final class Aggregates {
    private Aggregates() {
    }

    static void register(FunctionRegistry.Builder b) {
        b.aggregate("count", 0, () -> new Count(false));
        b.aggregate("count", 1, () -> new Count(true));
        b.aggregate("sum", 1, () -> new Sum(Sum.Result.SUM));
        b.aggregate("total", 1, () -> new Sum(Sum.Result.TOTAL));
        b.aggregate("avg", 1, () -> new Sum(Sum.Result.AVG));
        b.aggregate("max", 1, () -> new MinMax(true));
        b.aggregate("min", 1, () -> new MinMax(false));
        b.aggregate("group_concat", 1, GroupConcat::new);
        b.aggregate("group_concat", 2, GroupConcat::new);
        b.aggregate("string_agg", 2, GroupConcat::new);
    }

    /** count(*) counts rows; count(X) counts rows where X is not NULL. */
    private static final class Count implements AggregateFunction.Accumulator {
        private final boolean skipNulls;
        private long count;

        Count(boolean skipNulls) {
            this.skipNulls = skipNulls;
        }

        @Override
        public void step(FunctionContext context, Register[] args, int start, int count) {
            if (!skipNulls || !args[start].isNull()) {
                this.count++;
            }
        }

        @Override
        public void result(Register out) {
            out.setInt(count);
        }
    }

    /**
     * min(X) / max(X): the least or greatest non-NULL value under the call's collation. On ties
     * the first value seen is kept. NULL when every value was NULL. A row that brings no new
     * value (a tie, a worse one, or NULL after a value) is not the bare columns' row.
     */
    private static final class MinMax implements AggregateFunction.Accumulator {
        private final boolean max;
        private final Register best = new Register();
        private boolean any;

        MinMax(boolean max) {
            this.max = max;
        }

        @Override
        public void step(FunctionContext context, Register[] args, int start, int count) {
            Register x = args[start];
            if (x.isNull()) {
                if (any) {
                    context.skipAccumulatorLoad();
                }
                return;
            }
            if (!any) {
                best.copyFrom(x);
                any = true;
                return;
            }
            int cmp = ValueComparator.compare(best, x, context.collation());
            if (max ? cmp < 0 : cmp > 0) {
                best.copyFrom(x);
            } else {
                context.skipAccumulatorLoad();
            }
        }

        @Override
        public void result(Register out) {
            out.copyFrom(best); // NULL when nothing was seen
        }
    }

    /**
     * group_concat(X [, SEP]) and string_agg(X, SEP): the text of the non-NULL values joined by
     * SEP (',' by default; the separator is read from the row that adds it, and a NULL one
     * adds nothing). NULL when every value was NULL, '' when they were all empty.
     */
    private static final class GroupConcat implements AggregateFunction.Accumulator {
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        private boolean any;

        @Override
        public void step(FunctionContext context, Register[] args, int start, int count) {
            if (args[start].isNull()) {
                return;
            }
            if (any) {
                byte[] sep = count == 1 ? new byte[] {','} : Utf8.textOf(args[start + 1]);
                if (sep != null) {
                    text.write(sep, 0, sep.length);
                }
            }
            any = true;
            byte[] z = Utf8.textOf(args[start]);
            text.write(z, 0, z.length);
            LengthLimit.check(text.size());
        }

        @Override
        public void result(Register out) {
            if (!any) {
                out.setNull();
            } else {
                byte[] r = text.toByteArray();
                out.setText(r, 0, r.length);
            }
        }
    }

    /**
     * sum, total and avg, as func.c's SumCtx: an exact 64-bit integer sum while every input is
     * an integer; from the first REAL (or the first integer overflow) on, a Kahan-Babuska-
     * Neumaier compensated sum of doubles. {@code sum} of integers that overflowed is the error
     * "integer overflow" (unless a REAL came after); numeric text counts as its number, other
     * text and blobs as 0.0 (which makes the sum a REAL).
     */
    static final class Sum implements AggregateFunction.Accumulator {
        enum Result { SUM, TOTAL, AVG }

        /** Integers at or beyond ±2^52 are added as two parts so no bits are lost. */
        private static final long EXACT_LIMIT = 4503599627370496L;

        private final Result kind;
        private double rSum;
        private double rErr;
        private long iSum;
        private long count;
        private boolean approx;
        private boolean overflow;

        Sum(Result kind) {
            this.kind = kind;
        }

        @Override
        public void step(FunctionContext context, Register[] args, int start, int n) {
            Register x = args[start];
            if (x.type() == ValueType.TEXT) {
                x = CoreFunctions.numeric(x);
            }
            if (x.isNull()) {
                return;
            }
            count++;
            boolean isInt = x.type() == ValueType.INTEGER;
            if (!approx) {
                if (!isInt) {
                    initFrom(iSum);
                    approx = true;
                    add(x.toDouble());
                } else {
                    long v = x.intValue();
                    long s = iSum + v;
                    if (((iSum ^ s) & (v ^ s)) >= 0) {
                        iSum = s;
                    } else {
                        overflow = true;
                        initFrom(iSum);
                        approx = true;
                        addInt(v);
                    }
                }
            } else if (isInt) {
                addInt(x.intValue());
            } else {
                overflow = false;
                add(x.toDouble());
            }
        }

        private void initFrom(long v) {
            if (v <= -EXACT_LIMIT || v >= EXACT_LIMIT) {
                long small = v % 16384;
                rSum = (double) (v - small);
                rErr = (double) small;
            } else {
                rSum = (double) v;
                rErr = 0.0;
            }
        }

        private void addInt(long v) {
            if (v <= -EXACT_LIMIT || v >= EXACT_LIMIT) {
                long small = v % 16384;
                add((double) (v - small));
                add((double) small);
            } else {
                add((double) v);
            }
        }

        /** One Kahan-Babuska-Neumaier step. */
        private void add(double r) {
            double s = rSum;
            double t = s + r;
            if (Math.abs(s) > Math.abs(r)) {
                rErr += (s - t) + r;
            } else {
                rErr += (r - t) + s;
            }
            rSum = t;
        }

        private double realTotal() {
            if (!approx) {
                return (double) iSum;
            }
            return Double.isFinite(rErr) ? rSum + rErr : rSum;
        }

        @Override
        public void result(Register out) {
            switch (kind) {
                case TOTAL -> out.setReal(realTotal());
                case AVG -> {
                    if (count == 0) {
                        out.setNull();
                    } else {
                        out.setReal(realTotal() / (double) count);
                    }
                }
                case SUM -> {
                    if (count == 0) {
                        out.setNull();
                    } else if (!approx) {
                        out.setInt(iSum);
                    } else if (overflow) {
                        throw new SqliteException(ResultCode.ERROR, "integer overflow");
                    } else {
                        out.setReal(realTotal());
                    }
                }
            }
        }
    }
}
