package io.turso4j.sql.ast;

import java.util.List;

/** Window function pieces (lang_windowfunc.html): OVER clauses, window definitions, frames. */
public final class Window {
    private Window() {}

    /** What follows OVER: a window name, or an inline specification. */
    public sealed interface Over {}

    public record OverName(String name) implements Over {}

    /**
     * {@code ([base] [PARTITION BY …] [ORDER BY …] [frame])}.
     *
     * @param base the name of the window this one extends, or null
     * @param frame null when not written
     */
    public record Spec(String base, List<Expr> partitionBy, List<OrderingTerm> orderBy, Frame frame)
            implements Over {}

    /** {@code WINDOW name AS (spec)} in a SELECT. */
    public record Definition(String name, Spec spec) {}

    public enum Units { RANGE, ROWS, GROUPS }

    public enum Exclude { NO_OTHERS, CURRENT_ROW, GROUP, TIES }

    /**
     * A frame: {@code units BETWEEN start AND end}, or {@code units start} when
     * {@code end} is null. {@code exclude} is null when not written.
     */
    public record Frame(Units units, Bound start, Bound end, Exclude exclude) {}

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** A frame bound; {@code offset} is set for PRECEDING and FOLLOWING only. */
    public record Bound(BoundKind kind, Expr offset) {}
}
