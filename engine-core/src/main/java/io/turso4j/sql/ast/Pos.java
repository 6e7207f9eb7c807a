package io.turso4j.sql.ast;

/**
 * A node's source position: the char offset of its first token in the SQL text.
 *
 * <p>Every instance equals every other and all hash alike, so a {@code Pos}
 * component never affects the {@code equals}/{@code hashCode} of the record it
 * sits in: two trees parsed from differently spaced text compare equal. Read
 * the offset with {@link #offset()}. Immutable.
 */
public final class Pos {
    /** Position for nodes made by code rather than parsed (tests, rewrites). */
    public static final Pos NONE = new Pos(-1);
    /**
     * The positions of the first offsets, made once: parsing makes a position per node, and
     * most statements are short (a position has no identity worth a new object).
     */
    private static final Pos[] SHARED = new Pos[2048];

    static {
        for (int i = 0; i < SHARED.length; i++) {
            SHARED[i] = new Pos(i);
        }
    }

    private final int offset;

    private Pos(int offset) {
        this.offset = offset;
    }

    public static Pos at(int offset) {
        return offset >= 0 && offset < SHARED.length ? SHARED[offset] : new Pos(offset);
    }

    public int offset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pos;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "@" + offset;
    }
}
