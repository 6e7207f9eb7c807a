package io.turso4j.storage.btree;

/**
 * How {@link BTreeCursor#seek} relates the entry it lands on to the key sought, as SQLite's
 * {@code SeekGE} / {@code SeekGT} / {@code SeekLE} / {@code SeekLT}. An equality lookup is a
 * GE seek followed by the caller's check that the key matches.
 */
public enum SeekOp {
    /** The first entry not less than the key. */
    GE,
    /** The first entry greater than the key. */
    GT,
    /** The last entry not greater than the key. */
    LE,
    /** The last entry less than the key. */
    LT
}
