package io.turso4j.function;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.value.LengthLimit;
import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;
import io.turso4j.value.ValueType;

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
    private static final class Count implements AggregateFunction.Invertible {
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
        public void inverse(FunctionContext context, Register[] args, int start, int count) {
            if (!skipNulls || !args[start].isNull()) {
                this.count--;
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
     *
     * <p>The inverse is func.c's: it cuts the taken-back value's length plus the length of the
     * separator that followed it off the front of the text, by byte count (the separators'
     * lengths are remembered only once they start to differ). When the text becomes empty the
     * next value gets no separator even if values remain counted; the result is NULL only when
     * the text is empty and no value is counted. SQLite's quirks with empty strings, kept so
     * that results match.
     */
    private static final class GroupConcat implements AggregateFunction.Invertible {
        private static final byte[] COMMA = {','};
        private byte[] text = new byte[16];
        private int head;
        private int length;
        /** A value came in since the text was last emptied by an inverse (func.c's mxAlloc != 0). */
        private boolean started;
        private int values;
        private int firstSeparatorLength;
        /** The lengths of the separators in the text, oldest first, once one differed; else null. */
        private int[] separators;
        private int separatorHead;
        private int separatorCount;

        @Override
        public void step(FunctionContext context, Register[] args, int start, int count) {
            if (args[start].isNull()) {
                return;
            }
            boolean first = !started;
            started = true;
            if (count == 1) {
                if (!first) {
                    append(COMMA);
                } else {
                    firstSeparatorLength = 1;
                }
            } else if (!first) {
                byte[] sep = Utf8.textOf(args[start + 1]);
                int n = sep == null ? 0 : sep.length;
                if (sep != null) {
                    append(sep);
                }
                if (n != firstSeparatorLength || separators != null) {
                    if (separators == null) {
                        separators = new int[Math.max(8, values)];
                        separatorHead = 0;
                        separatorCount = 0;
                        for (int i = 0; i < values - 1; i++) {
                            pushSeparator(firstSeparatorLength);
                        }
                    }
                    pushSeparator(n);
                }
            } else {
                byte[] sep = Utf8.textOf(args[start + 1]);
                firstSeparatorLength = sep == null ? 0 : sep.length;
            }
            values++;
            append(Utf8.textOf(args[start]));
            LengthLimit.check(length);
        }

        @Override
        public void inverse(FunctionContext context, Register[] args, int start, int count) {
            if (args[start].isNull()) {
                return;
            }
            int cut = Utf8.textOf(args[start]).length;
            values--;
            if (separators != null) {
                if (values > 0 && separatorCount > 0) {
                    cut += separators[separatorHead];
                    separatorHead = (separatorHead + 1) % separators.length;
                    separatorCount--;
                }
            } else {
                cut += firstSeparatorLength;
            }
            if (cut >= length) {
                length = 0;
            } else {
                head += cut;
                length -= cut;
            }
            if (length == 0) {
                head = 0;
                started = false;
                separators = null;
            }
        }

        private void append(byte[] b) {
            if (head + length + b.length > text.length) {
                byte[] grown = length + b.length > text.length / 2
                        ? new byte[Math.max(text.length * 2, length + b.length)] : text;
                System.arraycopy(text, head, grown, 0, length);
                text = grown;
                head = 0;
            }
            System.arraycopy(b, 0, text, head + length, b.length);
            length += b.length;
        }

        private void pushSeparator(int n) {
            if (separatorCount == separators.length) {
                int[] grown = new int[separators.length * 2];
                for (int i = 0; i < separatorCount; i++) {
                    grown[i] = separators[(separatorHead + i) % separators.length];
                }
                separators = grown;
                separatorHead = 0;
            }
            separators[(separatorHead + separatorCount++) % separators.length] = n;
        }

        @Override
        public void result(Register out) {
            if (length == 0 && values == 0) {
                out.setNull();
            } else {
                out.setText(java.util.Arrays.copyOfRange(text, head, head + length), 0, length);
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
    static final class Sum implements AggregateFunction.Invertible {
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
            if (x.type() == ValueType.INTEGER && !approx) {
                // a scan's case, tested first and alone: an exact sum of integers that does not overflow
                long v = x.intValue();
                long s = iSum + v;
                if (((iSum ^ s) & (v ^ s)) >= 0) {
                    iSum = s;
                    count++;
                    return;
                }
            }
            stepOther(x);
        }

        /** {@link #step} of a NULL, a REAL, a TEXT or a BLOB, of any value once the sum is approximate, and of the integer that overflows it. */
        private void stepOther(Register x) {
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

        /**
         * func.c's sumInverse: subtracts exactly while every value so far was an integer (the
         * exact sum wraps, as SQLite's does), else takes the value out of the compensated
         * sum; the REAL and overflow flags stay as they are, so a frame of integers that once
         * held a REAL still sums to a REAL.
         */
        @Override
        public void inverse(FunctionContext context, Register[] args, int start, int n) {
            Register x = args[start];
            if (x.type() == ValueType.TEXT) {
                x = CoreFunctions.numeric(x);
            }
            if (x.isNull()) {
                return;
            }
            count--;
            if (!approx) {
                iSum -= x.toLong();
            } else if (x.type() == ValueType.INTEGER) {
                long v = x.intValue();
                if (v != Long.MIN_VALUE) {
                    addInt(-v);
                } else {
                    addInt(Long.MAX_VALUE);
                    addInt(1);
                }
            } else {
                add(-x.toDouble());
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
