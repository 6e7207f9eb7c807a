package io.turso4j.value;

/**
 * Orders index keys field by field, left to right, as {@code sqlite3VdbeRecordCompare} does
 * for decoded fields: each field compares with {@link ValueComparator} under its own collation,
 * and a DESC field reverses its result. The first unequal field decides.
 *
 * <p>Decoding records into registers is the caller's; this sees only registers. Immutable;
 * any thread.
 */
public final class IndexKeyComparator {
    private final Collation[] collations;
    private final boolean[] descending;

    /**
     * @param collations per field, {@code null} entries meaning BINARY
     * @param descending per field, true for DESC; same length as {@code collations}
     */
    public IndexKeyComparator(Collation[] collations, boolean[] descending) {
        if (collations.length != descending.length) {
            throw new IllegalArgumentException("one collation and one order per field");
        }
        this.collations = collations.clone();
        this.descending = descending.clone();
    }

    public int fieldCount() {
        return collations.length;
    }

    /**
     * Compares the first {@code n} fields ({@code n <= fieldCount()}) of {@code a[aStart..]}
     * and {@code b[bStart..]}. Zero means those fields are equal; what a shorter key means is
     * the caller's rule (prefix search, rowid tie-break).
     */
    public int compare(Register[] a, int aStart, Register[] b, int bStart, int n) {
        for (int i = 0; i < n; i++) {
            int r = compareField(i, a[aStart + i], b[bStart + i]);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }

    /** Field {@code i}'s collation ({@code i < fieldCount()}); BINARY when none was declared. */
    public Collation collation(int i) {
        return collations[i] != null ? collations[i] : BuiltinCollation.BINARY;
    }

    /** Field {@code i} ({@code i < fieldCount()}) of two keys: -1, 0 or 1, under its collation and order. */
    public int compareField(int i, Register a, Register b) {
        int r = Integer.signum(ValueComparator.compare(a, b, collation(i)));
        return descending[i] ? -r : r;
    }

    /**
     * Whether field {@code i} sorts DESC; false past the declared fields (the trailing rowid
     * sorts ascending).
     */
    public boolean isDescending(int i) {
        return i < descending.length && descending[i];
    }

    /**
     * As sqlite3's EXPLAIN lists an index's key description: {@code k(2,-,NOCASE)} for two
     * fields, the first DESC, the second under NOCASE; BINARY shows as no name. (sqlite3 names
     * BINARY {@code B} in the keys of its sorters and temporary tables; this does not know
     * what it orders.)
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("k(").append(collations.length);
        for (int i = 0; i < collations.length; i++) {
            s.append(',').append(descending[i] ? "-" : "");
            if (collations[i] != null && collations[i] != BuiltinCollation.BINARY) {
                s.append(collations[i].name());
            }
        }
        return s.append(')').toString();
    }
}
