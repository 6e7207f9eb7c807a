package io.turso4j.vdbe;

import java.util.Arrays;

/**
 * A set of rowids, as SQLite's RowSet: what a MULTI-INDEX OR remembers of the rows its earlier
 * branches produced, so a later branch skips them. Only membership is asked, never order, so it
 * is an open-addressing hash table of {@code long}s (linear probing, kept at most half full),
 * not a b-tree: a test or an insert is a hash and a probe or two, with no boxing.
 *
 * <p>Written here rather than taken from a library: JCTools has no primitive set, and the
 * primitive-collection libraries are large dependencies for forty lines. Owned by one VM.
 */
final class RowSet {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = newSlots(16);
    private int size;
    /** Whether {@link Long#MIN_VALUE}, the marker of an empty slot, is in the set. */
    private boolean hasMin;

    /** Adds {@code rowid}; returns false if it was there already. */
    boolean add(long rowid) {
        if (rowid == EMPTY) {
            boolean added = !hasMin;
            hasMin = true;
            return added;
        }
        int mask = slots.length - 1;
        for (int i = slot(rowid, mask); ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == rowid) {
                return false;
            }
            if (s == EMPTY) {
                slots[i] = rowid;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
        }
    }

    boolean contains(long rowid) {
        if (rowid == EMPTY) {
            return hasMin;
        }
        int mask = slots.length - 1;
        for (int i = slot(rowid, mask); ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == rowid) {
                return true;
            }
            if (s == EMPTY) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = newSlots(old.length * 2);
        int mask = slots.length - 1;
        for (long s : old) {
            if (s != EMPTY) {
                int i = slot(s, mask);
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }

    /** Rowids are often dense runs; the multiply spreads them over the table (Fibonacci hashing). */
    private static int slot(long rowid, int mask) {
        return (int) ((rowid * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        Arrays.fill(s, EMPTY);
        return s;
    }
}
