package io.turso4j.translate;

import java.util.Arrays;

/**
 * The partial orders one step of {@link JoinPlanner#plan} makes by extending the beam's, in
 * parallel arrays made once per plan rather than as objects: a wide join tries hundreds a step
 * and keeps {@link JoinPlanner#BEAM}. Of two that place the same sources only the cheaper is
 * kept, in the place of the first; the sets are found through an open-addressing table of
 * primitive keys.
 *
 * <p>Owns that table and the choice of the cheapest extensions; the planner only offers
 * extensions to it and takes the new beam back. It is a data structure with its own layout and
 * invariant (each set of sources at one position, found through {@code sets}), apart from the
 * planner's costs and search, so it lives in its own file. One per plan; one thread.
 */
final class JoinExtensions {
    private final int[] from;
    private final int[] source;
    private final AccessPath[] path;
    private final long[] placed;
    private final double[] cost;
    private final double[] rows;
    private int size;
    /** The sets placed so far this step (never empty, so 0 marks a free slot), and their positions. */
    private final long[] sets;
    private final int[] positions;

    /** Room for {@code most} extensions: as many as one step can make. */
    JoinExtensions(int most) {
        from = new int[most];
        source = new int[most];
        path = new AccessPath[most];
        placed = new long[most];
        cost = new double[most];
        rows = new double[most];
        int capacity = Integer.highestOneBit(Math.max(2, 2 * most) - 1) << 1;
        sets = new long[capacity];
        positions = new int[capacity];
    }

    void clear() {
        size = 0;
        Arrays.fill(sets, 0);
    }

    /** Beam entry {@code from} extended by {@code source}, unless a cheaper order of the same sources is kept. */
    void offer(int from, int source, AccessPath path, long placed, double cost, double rows) {
        int i = positionOf(placed);
        if (i == size) {
            size++;
        } else if (!(cost < this.cost[i])) {
            return;
        }
        this.from[i] = from;
        this.source[i] = source;
        this.path[i] = path;
        this.placed[i] = placed;
        this.cost[i] = cost;
        this.rows[i] = rows;
    }

    /** Where {@code set} is kept; when it is new, the next free position (recorded as its). */
    private int positionOf(long set) {
        int mask = sets.length - 1;
        for (int slot = (int) (JoinPlanner.spread(set) >>> 32) & mask; ; slot = (slot + 1) & mask) {
            if (sets[slot] == set) {
                return positions[slot];
            }
            if (sets[slot] == 0) {
                sets[slot] = set;
                positions[slot] = size;
                return size;
            }
        }
    }

    /**
     * The up to {@link JoinPlanner#BEAM} cheapest, by cost then rows (of two alike, the one
     * offered first, as a stable sort would leave them), made partial orders of depth
     * {@code depth} extending {@code beam}'s.
     */
    JoinPlanner.Partial[] cheapest(JoinPlanner.Partial[] beam, int depth) {
        int[] top = new int[Math.min(JoinPlanner.BEAM, size)];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int at = kept;
            while (at > 0 && cheaper(i, top[at - 1])) {
                at--;
            }
            if (at == top.length) {
                continue;
            }
            kept = Math.min(kept + 1, top.length);
            System.arraycopy(top, at, top, at + 1, kept - 1 - at);
            top[at] = i;
        }
        JoinPlanner.Partial[] out = new JoinPlanner.Partial[kept];
        for (int k = 0; k < kept; k++) {
            int i = top[k];
            out[k] = new JoinPlanner.Partial(beam[from[i]], source[i], path[i], placed[i], depth, cost[i], rows[i]);
        }
        return out;
    }

    private boolean cheaper(int i, int j) {
        int c = Double.compare(cost[i], cost[j]);
        return c < 0 || c == 0 && Double.compare(rows[i], rows[j]) < 0;
    }
}
