package io.turso4j.vdbe;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.AggregateFunction;
import io.turso4j.function.FunctionContext;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import io.turso4j.value.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one SELECT with window functions, buffered by {@link Opcode#WindowAdd} and read
 * back with every call's result by {@link Opcode#WindowNext}.
 *
 * <p>On the first read the rows are sorted, stably, by each window's PARTITION BY and ORDER BY
 * keys in turn (so rows come out in the last window's order, ties in the order they came in, as
 * SQLite's nested window passes give them); after each sort, every call over that window is
 * computed partition by partition. Each row's frame is found from its bounds ({@link RangeSweep}
 * for RANGE offsets). Aggregates keep one accumulator growing with the frame when it starts at
 * the partition's start and excludes nothing; slide one ({@link SlidingAggregate}) when the
 * frame has no EXCLUDE clause and the function can take rows back, as SQLite does; and else
 * step each frame's rows into a fresh accumulator, as SQLite does for frames with an EXCLUDE
 * clause. Owned by one VM; not thread-safe.
 */
final class WindowRows {
    private final WindowPlan plan;
    private final List<Register[]> rows = new ArrayList<>();
    private Integer[] order;
    private int next;

    WindowRows(WindowPlan plan) {
        this.plan = plan;
    }

    /** Buffers the row r[first .. first+width). */
    void add(Register[] regs, int first) {
        Register[] row = new Register[plan.width() + plan.calls().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = i < plan.width() ? new Register().copyFrom(regs[first + i]) : new Register();
        }
        rows.add(row);
    }

    /** Loads the next row, then each call's result, into r[out ..]; false when there are no more. */
    boolean next(FunctionContext context, Register[] regs, int out) {
        if (order == null) {
            compute(context);
        }
        if (next >= order.length) {
            return false;
        }
        Register[] row = rows.get(order[next++]);
        for (int i = 0; i < row.length; i++) {
            regs[out + i].copyFrom(row[i]);
        }
        return true;
    }

    private void compute(FunctionContext context) {
        order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int s = 0; s < plan.specs().size(); s++) {
            WindowPlan.Spec spec = plan.specs().get(s);
            Comparator<Register[]> partition = keys(spec.partition(), spec.partitionCollations(), null, null);
            Comparator<Register[]> peers = keys(spec.order(), spec.orderCollations(), spec.descending(), spec.nullsFirst());
            Arrays.sort(order, (a, b) -> {
                int c = partition.compare(rows.get(a), rows.get(b));
                return c != 0 ? c : peers.compare(rows.get(a), rows.get(b));
            });
            int from = 0;
            while (from < order.length) {
                int to = from + 1;
                while (to < order.length && partition.compare(rows.get(order[from]), rows.get(order[to])) == 0) {
                    to++;
                }
                List<Register[]> part = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    part.add(rows.get(order[i]));
                }
                Partition p = new Partition(spec, part, peers);
                for (int c = 0; c < plan.calls().size(); c++) {
                    WindowPlan.Call call = plan.calls().get(c);
                    if (call.spec() == s) {
                        computeCall(context, call, plan.width() + c, p);
                    }
                }
                from = to;
            }
        }
    }

    private static Comparator<Register[]> keys(int[] positions, Collation[] collations, boolean[] descending,
                                               boolean[] nullsFirst) {
        IndexKeyComparator[] each = new IndexKeyComparator[positions.length];
        for (int i = 0; i < positions.length; i++) {
            each[i] = new IndexKeyComparator(new Collation[] {collations[i]},
                    new boolean[] {descending != null && descending[i]});
        }
        return (a, b) -> {
            for (int i = 0; i < positions.length; i++) {
                Register x = a[positions[i]];
                Register y = b[positions[i]];
                int c;
                if (nullsFirst != null && x.isNull() != y.isNull()) {
                    c = x.isNull() == nullsFirst[i] ? -1 : 1;
                } else {
                    c = each[i].compare(a, positions[i], b, positions[i], 1);
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** One partition's rows in window order, with their peer groups (rows equal on ORDER BY). */
    private static final class Partition {
        final WindowPlan.Spec spec;
        final List<Register[]> rows;
        final int[] group;
        final int[] groupStart;
        final int[] groupEnd;

        Partition(WindowPlan.Spec spec, List<Register[]> rows, Comparator<Register[]> peers) {
            this.spec = spec;
            this.rows = rows;
            int n = rows.size();
            group = new int[n];
            int[] starts = new int[n];
            int groups = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || peers.compare(rows.get(i - 1), rows.get(i)) != 0) {
                    starts[groups++] = i;
                }
                group[i] = groups - 1;
            }
            groupStart = Arrays.copyOf(starts, groups);
            groupEnd = new int[groups];
            for (int g = 0; g < groups; g++) {
                groupEnd[g] = g + 1 < groups ? groupStart[g + 1] - 1 : n - 1;
            }
        }

        /** Each frame's rows per row, {lo, hi}, computed once per partition. */
        final Map<WindowPlan.Frame, int[][]> frames = new IdentityHashMap<>();

        int size() {
            return rows.size();
        }
    }

    private void computeCall(FunctionContext context, WindowPlan.Call call, int result, Partition p) {
        FunctionContext ctx = new CallContext(context, call.collation());
        if (call.aggregate() != null) {
            aggregate(ctx, call, result, p);
            return;
        }
        int n = p.size();
        for (int k = 0; k < n; k++) {
            Register[] row = p.rows.get(k);
            Register out = row[result];
            int g = p.group[k];
            switch (call.name()) {
                case "row_number" -> out.setInt(k + 1);
                case "rank" -> out.setInt(p.groupStart[g] + 1);
                case "dense_rank" -> out.setInt(g + 1);
                case "percent_rank" -> out.setReal(n > 1 ? (double) p.groupStart[g] / (n - 1) : 0.0);
                case "cume_dist" -> out.setReal((double) (p.groupEnd[g] + 1) / n);
                case "ntile" -> out.setInt(ntile(positive(row[call.args()[0]], "argument of ntile must be a positive integer"), n, k));
                case "lag", "lead" -> {
                    long offset = call.args().length > 1 ? row[call.args()[1]].toLong() : 1;
                    if (call.args().length > 1 && row[call.args()[1]].isNull()) {
                        out.setNull();
                        break;
                    }
                    long j = call.name().equals("lag") ? k - offset : k + offset;
                    if (j >= 0 && j < n) {
                        out.copyFrom(p.rows.get((int) j)[call.args()[0]]);
                    } else if (call.args().length > 2) {
                        out.copyFrom(row[call.args()[2]]);
                    } else {
                        out.setNull();
                    }
                }
                case "first_value", "last_value", "nth_value" -> {
                    long nth = call.name().equals("nth_value")
                            ? positive(row[call.args()[1]], "second argument to nth_value must be a positive integer") : 1;
                    int[][] bounds = p.frames.computeIfAbsent(call.frame(), x -> bounds(x, p));
                    int hit = call.name().equals("last_value")
                            ? FrameValue.last(call.frame(), p.group, p.groupStart, p.groupEnd, bounds[0][k], bounds[1][k], k)
                            : FrameValue.nth(call.frame(), p.group, p.groupStart, p.groupEnd, bounds[0][k], bounds[1][k], k, nth);
                    if (hit >= 0) {
                        out.copyFrom(p.rows.get(hit)[call.args()[0]]);
                    } else {
                        out.setNull();
                    }
                }
                default -> throw new IllegalStateException("not a window function: " + call.name());
            }
        }
    }

    private static long positive(Register r, String message) {
        if (r.type() == ValueType.INTEGER && r.intValue() > 0) {
            return r.intValue();
        }
        if (r.type() == ValueType.REAL && r.realValue() > 0 && r.realValue() == Math.rint(r.realValue())) {
            return (long) r.realValue();
        }
        throw new SqliteException(ResultCode.ERROR, message);
    }

    /** The 1-based bucket of row {@code k} of {@code n} split into {@code buckets} as evenly as can be, larger ones first. */
    private static long ntile(long buckets, int n, int k) {
        if (buckets >= n) {
            return k + 1;
        }
        long size = n / buckets;
        long large = n % buckets;
        long inLarge = large * (size + 1);
        return k < inLarge ? k / (size + 1) + 1 : (k - inLarge) / size + large + 1;
    }

    private void aggregate(FunctionContext ctx, WindowPlan.Call call, int result, Partition p) {
        int n = p.size();
        WindowPlan.Frame f = call.frame();
        int[][] bounds = p.frames.computeIfAbsent(f, x -> bounds(x, p));
        int[] from = bounds[0];
        int[] to = bounds[1];
        boolean growing = f.start().kind() == WindowPlan.BoundKind.UNBOUNDED_PRECEDING
                && (f.exclude() == WindowPlan.Exclude.NONE || f.exclude() == WindowPlan.Exclude.NO_OTHERS);
        if (!growing && n > 0 && f.exclude() == WindowPlan.Exclude.NONE && !emptyByOffsets(f, p)
                && SlidingAggregate.supports(call)) {
            int[] lo = new int[n];
            int[] hi = new int[n];
            for (int k = 0; k < n; k++) {
                if (from[k] <= to[k]) {
                    lo[k] = from[k];
                    hi[k] = to[k];
                } else {
                    // An empty frame: SQLite's end cursor does not move back, and its start
                    // cursor stops right after it (as after a NULL key's peers).
                    hi[k] = k > 0 ? Math.max(to[k], hi[k - 1]) : to[k];
                    lo[k] = hi[k] + 1;
                }
            }
            if (SlidingAggregate.forward(lo, hi)) {
                boolean addFirst = f.units() == WindowPlan.Units.RANGE
                        && (f.start().kind() == WindowPlan.BoundKind.FOLLOWING
                            || f.start().kind() == WindowPlan.BoundKind.PRECEDING
                               && f.end().kind() == WindowPlan.BoundKind.PRECEDING);
                boolean groups = f.units() == WindowPlan.Units.GROUPS;
                SlidingAggregate.compute(ctx, call, p.rows, lo, hi, result, addFirst,
                        groups ? p.group : null, groups ? p.groupStart : null);
                return;
            }
        }
        Register[] args = new Register[call.args().length];
        AggregateFunction.Accumulator running = growing ? call.aggregate().start() : null;
        int stepped = -1;
        for (int k = 0; k < n; k++) {
            AggregateFunction.Accumulator acc;
            if (growing) {
                acc = running;
                for (; stepped < to[k]; stepped++) {
                    step(ctx, call, acc, p.rows.get(stepped + 1), args);
                }
            } else {
                acc = call.aggregate().start();
                for (int j = from[k]; j <= to[k]; j++) {
                    if (!excluded(f, p, k, j)) {
                        step(ctx, call, acc, p.rows.get(j), args);
                    }
                }
            }
            acc.result(p.rows.get(k)[result]);
        }
    }

    /**
     * Whether both bounds are PRECEDING, or both FOLLOWING, with offsets that leave every frame
     * empty (as {@code 1 PRECEDING AND 2 PRECEDING}): SQLite then returns each row with a fresh,
     * empty accumulator, never stepping a row. Its offsets are those of the partition's first row.
     */
    private static boolean emptyByOffsets(WindowPlan.Frame f, Partition p) {
        WindowPlan.BoundKind kind = f.start().kind();
        if (kind != f.end().kind() || kind != WindowPlan.BoundKind.PRECEDING && kind != WindowPlan.BoundKind.FOLLOWING) {
            return false;
        }
        Register[] first = p.rows.get(0);
        double start;
        double end;
        if (f.units() == WindowPlan.Units.RANGE) {
            start = rangeOffset(first[f.start().offset()], true);
            end = rangeOffset(first[f.end().offset()], false);
        } else {
            start = offset(first[f.start().offset()], true, false);
            end = offset(first[f.end().offset()], false, false);
        }
        return kind == WindowPlan.BoundKind.PRECEDING ? start < end : start > end;
    }

    private static void step(FunctionContext ctx, WindowPlan.Call call, AggregateFunction.Accumulator acc,
                             Register[] row, Register[] args) {
        if (call.filter() >= 0 && !isTrue(row[call.filter()])) {
            return;
        }
        for (int i = 0; i < args.length; i++) {
            args[i] = row[call.args()[i]];
        }
        acc.step(ctx, args, 0, args.length);
    }

    static boolean isTrue(Register r) {
        return !r.isNull() && r.toDouble() != 0;
    }

    private static boolean excluded(WindowPlan.Frame f, Partition p, int k, int j) {
        return switch (f.exclude()) {
            case NONE, NO_OTHERS -> false;
            case CURRENT_ROW -> j == k;
            case GROUP -> p.group[j] == p.group[k];
            case TIES -> j != k && p.group[j] == p.group[k];
        };
    }

    /** Every row's frame bounds over partition {@code p}, clamped to it. */
    private int[][] bounds(WindowPlan.Frame f, Partition p) {
        int n = p.size();
        int[] lo = new int[n];
        int[] hi = new int[n];
        boolean startSweeps = RangeSweep.applies(f, f.start());
        boolean endSweeps = RangeSweep.applies(f, f.end());
        for (int k = 0; k < n; k++) {
            lo[k] = startSweeps ? 0 : bound(f, f.start(), p, k, true);
            hi[k] = endSweeps ? 0 : bound(f, f.end(), p, k, false);
        }
        if (startSweeps || endSweeps) {
            RangeSweep sweep = new RangeSweep(p.spec, p.rows);
            if (startSweeps) {
                sweep.starts(f.start(), lo);
            }
            if (endSweeps) {
                sweep.ends(f.end(), hi);
            }
        }
        for (int k = 0; k < n; k++) {
            lo[k] = Math.max(lo[k], 0);
            hi[k] = Math.min(hi[k], n - 1);
        }
        return new int[][] {lo, hi};
    }

    private int bound(WindowPlan.Frame f, WindowPlan.Bound b, Partition p, int k, boolean start) {
        int n = p.size();
        int g = p.group[k];
        int groups = p.groupStart.length;
        return switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> 0;
            case UNBOUNDED_FOLLOWING -> n - 1;
            case CURRENT_ROW -> f.units() == WindowPlan.Units.ROWS ? k : start ? p.groupStart[g] : p.groupEnd[g];
            case PRECEDING, FOLLOWING -> {
                boolean preceding = b.kind() == WindowPlan.BoundKind.PRECEDING;
                Register offset = p.rows.get(k)[b.offset()];
                yield switch (f.units()) {
                    case ROWS -> {
                        long o = offset(offset, start, false);
                        yield Math.clamp(preceding ? k - o : k + o, -1, n);
                    }
                    case GROUPS -> {
                        long o = offset(offset, start, false);
                        long target = preceding ? g - o : g + o;
                        if (target < 0) {
                            yield start ? 0 : -1;
                        }
                        if (target >= groups) {
                            yield start ? n : n - 1;
                        }
                        yield start ? p.groupStart[(int) target] : p.groupEnd[(int) target];
                    }
                    case RANGE -> throw new IllegalStateException("RANGE offsets are swept");
                };
            }
        };
    }

    private static long offset(Register r, boolean start, boolean range) {
        boolean ok = r.type() == ValueType.INTEGER ? r.intValue() >= 0
                : r.type() == ValueType.REAL && r.realValue() >= 0 && r.realValue() == Math.rint(r.realValue());
        if (!ok) {
            throw offsetError(start, "integer");
        }
        return r.type() == ValueType.INTEGER ? r.intValue() : (long) r.realValue();
    }

    static double rangeOffset(Register r, boolean start) {
        if (!(r.type() == ValueType.INTEGER || r.type() == ValueType.REAL) || r.toDouble() < 0) {
            throw offsetError(start, "number");
        }
        return r.toDouble();
    }

    private static SqliteException offsetError(boolean start, String what) {
        return new SqliteException(ResultCode.ERROR, "frame " + (start ? "starting" : "ending")
                + " offset must be a non-negative " + what);
    }


    /** The function context of one call: the VM's, with the call's collation. */
    private record CallContext(FunctionContext base, Collation collation) implements FunctionContext {
        @Override
        public long currentTimeMillis() {
            return base.currentTimeMillis();
        }

        @Override
        public long nextRandom() {
            return base.nextRandom();
        }

        @Override
        public long changes() {
            return base.changes();
        }

        @Override
        public long totalChanges() {
            return base.totalChanges();
        }

        @Override
        public long lastInsertRowid() {
            return base.lastInsertRowid();
        }
    }
}
