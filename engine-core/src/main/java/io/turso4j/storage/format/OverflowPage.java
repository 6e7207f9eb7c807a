package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * An overflow page: one link of the chain holding the part of a cell's payload that does not
 * fit on its B-tree page. See <a
 * href="https://www.sqlite.org/fileformat2.html#cell_payload_overflow_pages">fileformat2,
 * "Cell Payload Overflow Pages"</a>.
 *
 * <pre>
 * offset size   field                                  constant
 *   0     4     next overflow page, 0 on the last one  NEXT_PAGE_OFFSET
 *   4     U-4   payload bytes (the last page may use   CONTENT_OFFSET
 *               only a prefix)
 * </pre>
 *
 * <p>Static accessors over a page buffer; see {@link OverflowChain} for following a chain.
 * Stateless; any thread.
 */
public final class OverflowPage {
    public static final int NEXT_PAGE_OFFSET = 0;
    public static final int CONTENT_OFFSET = 4;
    /** Bytes before the content. */
    public static final int HEADER_SIZE = 4;

    private OverflowPage() {}

    /** Payload bytes one overflow page holds: U-4. */
    public static int contentSize(int usableSize) {
        return usableSize - HEADER_SIZE;
    }

    public static long nextPage(MemorySegment page) {
        return BigEndian.u32(page, NEXT_PAGE_OFFSET);
    }

    /**
     * Fills an overflow page: the next page number, then {@code length} bytes of {@code
     * payload} from {@code from}; {@code length} is at most U-4.
     */
    public static void write(MemorySegment page, long nextPage, MemorySegment payload, long from, int length) {
        BigEndian.putU32(page, NEXT_PAGE_OFFSET, nextPage);
        MemorySegment.copy(payload, from, page, CONTENT_OFFSET, length);
    }
}
