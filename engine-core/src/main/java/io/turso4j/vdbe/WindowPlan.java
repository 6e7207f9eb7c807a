package io.turso4j.vdbe;

import io.turso4j.function.AggregateFunction;
import io.turso4j.value.Collation;
import java.util.List;

/**
 * P4 of {@link Opcode#WindowAdd} and {@link Opcode#WindowNext}: what the window functions of
 * one SELECT compute (sqlite.org/windowfunctions.html). Each buffered row holds {@code width}
 * values; the {@code int} fields below are positions in it. Immutable; shared by every
 * execution of the program.
 *
 * @param specs the distinct windows, in the order their sorts are applied
 * @param calls the window function calls; {@link WindowRows} appends their results to each row
 */
public record WindowPlan(int width, List<Spec> specs, List<Call> calls) {

    /** PARTITION BY and ORDER BY positions, with each ORDER BY term's collation, direction and NULL placement. */
    public record Spec(int[] partition, Collation[] partitionCollations, int[] order, Collation[] orderCollations,
                       boolean[] descending, boolean[] nullsFirst) {}

    public enum Units { ROWS, RANGE, GROUPS }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /**
     * The EXCLUDE clause. {@code NONE}, no clause, and an explicit {@code NO_OTHERS} exclude
     * nothing alike, but SQLite computes frames with any EXCLUDE clause, even NO OTHERS, afresh
     * for every row, and only frames without one by adding and taking back rows, which shows in
     * sum()'s REAL flag and min()/max() ties.
     */
    public enum Exclude { NONE, NO_OTHERS, CURRENT_ROW, GROUP, TIES }

    /** A frame bound; {@code offset} is the position of its value, or -1. */
    public record Bound(BoundKind kind, int offset) {}

    public record Frame(Units units, Bound start, Bound end, Exclude exclude) {}

    /**
     * One call. {@code aggregate} is null for the built-in window functions (named by
     * {@code name}); {@code filter} is the position of the FILTER value, or -1.
     */
    public record Call(String name, AggregateFunction aggregate, Collation collation, int spec, int[] args,
                       int filter, Frame frame) {}
}
