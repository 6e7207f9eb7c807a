package io.turso4j.translate;

import io.turso4j.sql.ast.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lines of a statement's query plan as code generation notes them, for EXPLAIN QUERY PLAN
 * ({@link ExplainQueryPlan}): a line per loop, temporary b-tree and subquery list, each with how
 * deep it nests. Only EXPLAIN QUERY PLAN asks for them ({@link #describePlan}); every other
 * compilation notes nothing and skips wording them. One per compilation, one thread.
 */
final class PlanLines {
    /**
     * Whether {@link #explain} keeps the plan's lines: only EXPLAIN QUERY PLAN reads them, so
     * every other compilation skips wording them (see {@link #describesPlan}).
     */
    private boolean describePlan;
    /** What EXPLAIN QUERY PLAN shows: a line per loop and temporary b-tree, in the order chosen. */
    private final List<String> explained = new ArrayList<>();
    /** Per line of {@link #explained}: how many levels it sits below a top-level line. */
    private final List<Integer> explainedDepths = new ArrayList<>();
    /** How many headings the lines noted now nest under (see {@link #startHeading}). */
    private int explainBase;
    /** Per SELECT of the statement described, by its offset: sqlite3's number for it. */
    private Map<Integer, Integer> selectIds = Map.of();

    /**
     * Makes {@link #explain} keep the lines of the plan of the statement {@code root}, whose
     * SELECTs' numbers the plan may show.
     */
    void describePlan(Select root) {
        describePlan = true;
        selectIds = SelectIds.of(root);
    }

    /** sqlite3's number for the SELECT {@code s} of the statement described (see {@link SelectIds}); 0 if unknown. */
    int selectId(Select s) {
        return selectIds.getOrDefault(s.pos().offset(), 0);
    }

    /**
     * Notes a heading line, under which the lines noted until {@link #endHeading} nest (a
     * subquery's); returns its place, or -1 when no plan is kept.
     */
    int startHeading() {
        if (!describePlan) {
            return -1;
        }
        explained.add("");
        explainedDepths.add(explainBase++);
        return explained.size() - 1;
    }

    /** Words the heading {@link #startHeading} noted at {@code at}, now that what it heads is known. */
    void endHeading(int at, String detail) {
        if (at >= 0) {
            explainBase--;
            explained.set(at, detail);
        }
    }

    /** Codes {@code body} without noting its plan lines (code compiled twice is described once). */
    void withoutPlan(Runnable body) {
        boolean saved = describePlan;
        describePlan = false;
        try {
            body.run();
        } finally {
            describePlan = saved;
        }
    }

    /** Whether the plan's lines are wanted: callers that word a line at some cost ask first. */
    boolean describesPlan() {
        return describePlan;
    }

    /** Notes one line of the query plan (see {@link ExplainQueryPlan}). */
    void explain(String detail) {
        explain(detail, 0);
    }

    /** Notes a line {@code depth} levels below the last line noted at {@code depth - 1}. */
    void explain(String detail, int depth) {
        if (describePlan) {
            explained.add(detail);
            explainedDepths.add(explainBase + depth);
        }
    }

    List<String> explained() {
        return List.copyOf(explained);
    }

    List<Integer> explainedDepths() {
        return List.copyOf(explainedDepths);
    }
}
