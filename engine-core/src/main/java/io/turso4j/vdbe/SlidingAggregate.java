package io.turso4j.vdbe;

import io.turso4j.function.AggregateFunction;
import io.turso4j.function.FunctionContext;
import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;
import java.util.List;

/**
 * One aggregate call over one partition whose frame slides, in O(rows) amortised, as SQLite's
 * window code does it: rows enter the frame by a step and leave it by an inverse step, oldest
 * first, so each row is added and taken back at most once. min() and max() have no inverse;
 * as SQLite keeps the frame's values in an index and reads its last entry, they keep a
 * monotonic queue of row positions, newest kept on ties (SQLite's last entry among equal keys).
 *
 * <p>The frames must move forward: {@code lo} and {@code hi} never decrease. The order of steps
 * and inverse steps is SQLite's, because sum() rounds and overflows by it and group_concat()'s
 * inverse depends on it: before a row's result, the rows leaving its frame are taken back and
 * then the rows entering it are added, except for RANGE frames starting FOLLOWING or lying wholly
 * PRECEDING, where SQLite adds first. The rows before the first frame of a frame starting
 * FOLLOWING are added and taken back, trailing by the frame's width, as SQLite's cursors do.
 * Owned by one VM; not thread-safe.
 */
final class SlidingAggregate {
    private final FunctionContext ctx;
    private final WindowPlan.Call call;
    private final List<Register[]> rows;
    private final Register[] args;
    private final AggregateFunction.Invertible acc;
    private final MonotonicQueue queue;
    private int stepped = -1;
    private int removed;

    private SlidingAggregate(FunctionContext ctx, WindowPlan.Call call, List<Register[]> rows) {
        this.ctx = ctx;
        this.call = call;
        this.rows = rows;
        this.args = new Register[call.args().length];
        if (isMinMax(call)) {
            acc = null;
            queue = new MonotonicQueue(call.name().equals("max"), rows.size());
        } else {
            acc = (AggregateFunction.Invertible) call.aggregate().start();
            queue = null;
        }
    }

    /** Whether {@code call} can slide: a built-in aggregate with an inverse, or min/max. */
    static boolean supports(WindowPlan.Call call) {
        return call.aggregate() != null && (isMinMax(call) || call.aggregate().start() instanceof AggregateFunction.Invertible);
    }

    private static boolean isMinMax(WindowPlan.Call call) {
        return call.args().length == 1 && (call.name().equals("min") || call.name().equals("max"));
    }

    /** Whether the frames {@code [lo[k], hi[k]]} only ever move forward. */
    static boolean forward(int[] lo, int[] hi) {
        for (int k = 1; k < lo.length; k++) {
            if (lo[k] < lo[k - 1] || hi[k] < hi[k - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes each row's result into {@code row[result]}; row {@code k}'s frame is rows
     * {@code lo[k] .. hi[k]} (empty when lo > hi). {@code addFirst}: add entering rows before
     * taking back leaving ones.
     */
    static void compute(FunctionContext ctx, WindowPlan.Call call, List<Register[]> rows, int[] lo, int[] hi,
                        int result, boolean addFirst, int[] group, int[] groupStart) {
        SlidingAggregate s = new SlidingAggregate(ctx, call, rows);
        for (int k = 0; k < lo.length; k++) {
            if (addFirst) {
                s.addThrough(hi[k], -1, 0, null, null);
                s.takeBackBefore(lo[k]);
            } else {
                s.takeBackBefore(lo[k]);
                if (s.stepped < hi[k] && lo[k] <= hi[k]) {
                    int width = group == null ? hi[k] - lo[k] : group[hi[k]] - group[lo[k]];
                    s.addThrough(hi[k], lo[k], width, group, groupStart);
                }
                s.addThrough(hi[k], -1, 0, null, null);
                s.takeBackBefore(lo[k]);
            }
            Register out = rows.get(k)[result];
            if (s.acc != null) {
                s.acc.result(out);
            } else {
                s.queue.result(out);
            }
        }
    }

    /**
     * Adds rows up to {@code hi}. With {@code lo} >= 0, rows before {@code lo} (a frame starting
     * FOLLOWING, at the partition's start) are taken back once the row {@code width} rows after
     * them is added, or, for GROUPS ({@code group} not null), once the peer group {@code width}
     * groups after theirs is: SQLite's start cursor trails its end cursor by the frame's width.
     */
    private void addThrough(int hi, int lo, int width, int[] group, int[] groupStart) {
        while (stepped < hi) {
            stepped++;
            apply(stepped, false);
            if (lo < 0) {
                continue;
            }
            if (group == null) {
                takeBackBefore(Math.min(lo, stepped - width + 1));
            } else if (stepped + 1 == rows.size() || group[stepped + 1] != group[stepped]) {
                int g = group[stepped] - width + 1;
                int limit = g <= 0 ? 0 : g >= groupStart.length ? rows.size() : groupStart[g];
                takeBackBefore(Math.min(lo, limit));
            }
        }
    }

    private void takeBackBefore(int lo) {
        while (removed < lo && removed <= stepped) {
            apply(removed, true);
            removed++;
        }
    }

    private void apply(int j, boolean inverse) {
        Register[] row = rows.get(j);
        if (call.filter() >= 0 && !WindowRows.isTrue(row[call.filter()])) {
            return;
        }
        if (queue != null) {
            if (inverse) {
                queue.leave(j);
            } else {
                queue.enter(j, row[call.args()[0]]);
            }
            return;
        }
        for (int i = 0; i < args.length; i++) {
            args[i] = row[call.args()[i]];
        }
        if (inverse) {
            acc.inverse(ctx, args, 0, args.length);
        } else {
            acc.step(ctx, args, 0, args.length);
        }
    }

    /**
     * The frame's non-NULL values that can still be its min (or max): positions whose values
     * strictly improve from the back to the front, so the front is the answer.
     */
    private final class MonotonicQueue {
        private final boolean max;
        private final int[] positions;
        private final Register[] values;
        private int head;
        private int tail;

        MonotonicQueue(boolean max, int capacity) {
            this.max = max;
            positions = new int[capacity];
            values = new Register[capacity];
        }

        void enter(int j, Register v) {
            if (v.isNull()) {
                return;
            }
            while (tail > head) {
                int c = ValueComparator.compare(values[tail - 1], v, ctx.collation());
                if (max ? c > 0 : c < 0) {
                    break;
                }
                tail--;
            }
            positions[tail] = j;
            values[tail++] = v;
        }

        void leave(int j) {
            if (tail > head && positions[head] == j) {
                head++;
            }
        }

        void result(Register out) {
            if (tail > head) {
                out.copyFrom(values[head]);
            } else {
                out.setNull();
            }
        }
    }
}
