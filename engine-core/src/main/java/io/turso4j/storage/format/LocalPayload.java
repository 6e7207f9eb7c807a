package io.turso4j.storage.format;

/**
 * How much of a cell's payload is stored on the B-tree page and how much spills to overflow
 * pages. See <a href="https://www.sqlite.org/fileformat2.html#b_tree_pages">fileformat2,
 * "B-tree Pages"</a>, the paragraphs on the payload size P and the usable size U.
 *
 * <pre>
 * symbol  meaning                                    value
 *   U     usable bytes per page                      page size - reserved bytes
 *   P     payload size of the cell
 *   X     most payload kept on the page               U-35 on table leaves,
 *                                                     ((U-12)*64/255)-23 on index pages
 *   M     least payload kept on the page once it      ((U-12)*32/255)-23
 *         spills
 *   K     M + ((P-M) % (U-4))
 *   local P if P <= X; else K if K <= X; else M
 * </pre>
 *
 * <p>When the payload spills, the local part is followed on the page by a 4-byte page number of
 * the first overflow page, and the remaining P-local bytes fill overflow pages of U-4 content
 * bytes each. Interior table cells carry no payload. Stateless; any thread.
 */
public final class LocalPayload {
    /** Bytes of the overflow page pointer that ends a spilled cell. */
    public static final int OVERFLOW_POINTER_SIZE = 4;

    private LocalPayload() {}

    /** X: the most payload a cell of a page of {@code type} keeps on the page. */
    public static int maxLocal(PageType type, int usableSize) {
        return switch (type) {
            case LEAF_TABLE -> usableSize - 35;
            case LEAF_INDEX, INTERIOR_INDEX -> (usableSize - 12) * 64 / 255 - 23;
            case INTERIOR_TABLE -> 0;
        };
    }

    /** M: the least payload a spilled cell keeps on the page. */
    public static int minLocal(int usableSize) {
        return (usableSize - 12) * 32 / 255 - 23;
    }

    /** How many of {@code payloadSize} bytes stay on a page of {@code type}. */
    public static int localSize(PageType type, long payloadSize, int usableSize) {
        int max = maxLocal(type, usableSize);
        if (payloadSize <= max) {
            return (int) payloadSize;
        }
        int min = minLocal(usableSize);
        long k = min + (payloadSize - min) % (usableSize - OverflowPage.HEADER_SIZE);
        return k <= max ? (int) k : min;
    }

    /** Whether a payload of this size spills to overflow pages. */
    public static boolean spills(PageType type, long payloadSize, int usableSize) {
        return payloadSize > maxLocal(type, usableSize);
    }

    /** How many overflow pages hold the part of the payload that is not local. */
    public static long overflowPageCount(PageType type, long payloadSize, int usableSize) {
        long spilled = payloadSize - localSize(type, payloadSize, usableSize);
        int perPage = OverflowPage.contentSize(usableSize);
        return (spilled + perPage - 1) / perPage;
    }
}
