package io.turso4j.vdbe;

/**
 * Which row of a frame first_value(), last_value() and nth_value() read, in O(1) per row: the
 * frame is the rows {@code lo .. hi} of its partition (empty when lo > hi) less the rows its
 * EXCLUDE clause takes out, which are at most two runs around the current row: the row itself
 * (CURRENT ROW), its peer group (GROUP), or the peer group on either side of it (TIES). The
 * answer is the n-th (or last) row that is left, counted from {@code lo}, as SQLite's stepping
 * through the frame gives it; NULL values count as rows. Stateless.
 */
final class FrameValue {
    private FrameValue() {
    }

    /** The position of the {@code nth} (1-based) row of row {@code k}'s frame, or -1 if it has fewer. */
    static int nth(WindowPlan.Frame f, int[] group, int[] groupStart, int[] groupEnd, int lo, int hi, int k, long nth) {
        if (lo > hi || nth > hi - lo + 1) {
            return -1;
        }
        long at = lo + nth - 1;
        int[] runs = excludedRuns(f, group, groupStart, groupEnd, k);
        for (int r = 0; r < runs.length; r += 2) {
            int a = Math.max(runs[r], lo);
            int b = Math.min(runs[r + 1], hi);
            if (a <= b && at >= a) {
                at += b - a + 1;
            }
        }
        return at <= hi ? (int) at : -1;
    }

    /** The position of the last row of row {@code k}'s frame, or -1 if it is empty. */
    static int last(WindowPlan.Frame f, int[] group, int[] groupStart, int[] groupEnd, int lo, int hi, int k) {
        int at = hi;
        int[] runs = excludedRuns(f, group, groupStart, groupEnd, k);
        for (int r = runs.length - 2; r >= 0; r -= 2) {
            if (runs[r] <= at && at <= runs[r + 1]) {
                at = runs[r] - 1;
            }
        }
        return at >= lo ? at : -1;
    }

    private static final int[] NONE = {};

    /** The runs {@code {a0, b0, a1, b1, ..}} of row {@code k}'s excluded rows, in order; a run may be empty. */
    private static int[] excludedRuns(WindowPlan.Frame f, int[] group, int[] groupStart, int[] groupEnd, int k) {
        return switch (f.exclude()) {
            case NONE, NO_OTHERS -> NONE;
            case CURRENT_ROW -> new int[] {k, k};
            case GROUP -> new int[] {groupStart[group[k]], groupEnd[group[k]]};
            case TIES -> new int[] {groupStart[group[k]], k - 1, k + 1, groupEnd[group[k]]};
        };
    }
}
