package io.turso4j.storage.format;

/**
 * The four kinds of B-tree page, by the flag byte at offset 0 of the page header. See <a
 * href="https://www.sqlite.org/fileformat2.html#b_tree_pages">fileformat2, "B-tree
 * Pages"</a>.
 *
 * <pre>
 * flag  kind             header  cells hold
 *   2   interior index     12    left child, key payload
 *   5   interior table     12    left child, rowid
 *  10   leaf index          8    key payload
 *  13   leaf table          8    rowid, record payload
 * </pre>
 *
 * <p>Any other flag value is corruption. Interior headers are 4 bytes longer because they end
 * with the right-most child pointer.
 */
public enum PageType {
    INTERIOR_INDEX(2),
    INTERIOR_TABLE(5),
    LEAF_INDEX(10),
    LEAF_TABLE(13);

    /** Bytes in a leaf page header. */
    public static final int LEAF_HEADER_SIZE = 8;
    /** Bytes in an interior page header (the leaf header plus the right-most pointer). */
    public static final int INTERIOR_HEADER_SIZE = 12;

    private final int flag;

    PageType(int flag) {
        this.flag = flag;
    }

    /** The byte stored at offset 0 of the page header. */
    public int flag() {
        return flag;
    }

    /** The type with this flag byte, or {@code null} if the byte names no B-tree page. */
    public static PageType fromFlag(int flag) {
        return switch (flag) {
            case 2 -> INTERIOR_INDEX;
            case 5 -> INTERIOR_TABLE;
            case 10 -> LEAF_INDEX;
            case 13 -> LEAF_TABLE;
            default -> null;
        };
    }

    public boolean isLeaf() {
        return this == LEAF_INDEX || this == LEAF_TABLE;
    }

    /** Whether keys are rowids (table B-tree, "intkey") rather than index records. */
    public boolean isTable() {
        return this == INTERIOR_TABLE || this == LEAF_TABLE;
    }

    /** Whether cells carry a payload (all kinds but interior table). */
    public boolean hasPayload() {
        return this != INTERIOR_TABLE;
    }

    public int headerSize() {
        return isLeaf() ? LEAF_HEADER_SIZE : INTERIOR_HEADER_SIZE;
    }
}
