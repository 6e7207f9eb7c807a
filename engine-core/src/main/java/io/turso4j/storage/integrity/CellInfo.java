package io.turso4j.storage.integrity;

/**
 * One parsed cell, as SQLite's {@code CellInfo}: filled by {@link CheckedPage#parseCell}.
 * Values are taken from possibly damaged bytes and checked by the caller, not here. A
 * reusable holder owned by one check; one thread.
 */
final class CellInfo {
    /** The rowid of a table cell; the payload size of an index cell. */
    long key;
    /** Payload size P, an unsigned 32-bit value as SQLite reads it. */
    long payload;
    /** Payload bytes stored on the page. */
    int local;
    /** Bytes the cell takes on the page, at least 4. */
    int size;
    /** Offset of the local payload on the page. */
    int payloadOffset;
    /** Left child of an interior cell, else 0. */
    long childPage;
    /** First overflow page if the payload spills, else 0. */
    long overflowPage;

    boolean spills() {
        return payload > local;
    }
}
