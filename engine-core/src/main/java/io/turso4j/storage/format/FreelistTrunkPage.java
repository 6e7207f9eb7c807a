package io.turso4j.storage.format;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;

/**
 * A freelist trunk page: one link of the list of unused pages, naming a batch of free "leaf"
 * pages. See <a href="https://www.sqlite.org/fileformat2.html#the_freelist">fileformat2,
 * "The Freelist"</a>. The list starts at the header's first-trunk field and the header counts
 * all trunk and leaf pages together.
 *
 * <pre>
 * offset size  field                               constant
 *   0     4    next trunk page, 0 on the last one  NEXT_TRUNK_OFFSET
 *   4     4    number of leaf page numbers L       LEAF_COUNT_OFFSET
 *   8    4*L   the leaf page numbers               LEAVES_OFFSET
 * </pre>
 *
 * <p>L may be at most U/4-2 (the page's capacity); SQLite itself fills trunks only to U/4-8,
 * because versions before 3.6.0 rejected fuller ones, and so should writers here ({@link
 * #writerCapacity}). Leaf pages hold no information. Stateless; any thread.
 */
public final class FreelistTrunkPage {
    public static final int NEXT_TRUNK_OFFSET = 0;
    public static final int LEAF_COUNT_OFFSET = 4;
    public static final int LEAVES_OFFSET = 8;
    /** Bytes per leaf page number. */
    public static final int LEAF_ENTRY_SIZE = 4;

    private FreelistTrunkPage() {}

    /** The most leaves a trunk may list: U/4-2. */
    public static int capacity(int usableSize) {
        return usableSize / LEAF_ENTRY_SIZE - 2;
    }

    /** The most leaves SQLite puts on a trunk: U/4-8. */
    public static int writerCapacity(int usableSize) {
        return usableSize / LEAF_ENTRY_SIZE - 8;
    }

    public static long nextTrunk(MemorySegment trunk) {
        return BigEndian.u32(trunk, NEXT_TRUNK_OFFSET);
    }

    /**
     * The number of leaves on trunk page {@code pageNumber}.
     *
     * @throws CorruptDatabaseException if it exceeds the page's {@link #capacity}
     */
    public static int leafCount(MemorySegment trunk, long pageNumber, int usableSize) {
        long count = BigEndian.u32(trunk, LEAF_COUNT_OFFSET);
        if (count > capacity(usableSize)) {
            throw new CorruptDatabaseException(pageNumber, "freelist trunk lists " + count + " leaves");
        }
        return (int) count;
    }

    /** Leaf page number {@code index}; {@code index} below {@link #leafCount}. */
    public static long leaf(MemorySegment trunk, int index) {
        return BigEndian.u32(trunk, LEAVES_OFFSET + (long) LEAF_ENTRY_SIZE * index);
    }

    /** Writes the trunk's header fields. */
    public static void writeHeader(MemorySegment trunk, long nextTrunk, int leafCount) {
        BigEndian.putU32(trunk, NEXT_TRUNK_OFFSET, nextTrunk);
        BigEndian.putU32(trunk, LEAF_COUNT_OFFSET, leafCount);
    }

    public static void setLeaf(MemorySegment trunk, int index, long leafPage) {
        BigEndian.putU32(trunk, LEAVES_OFFSET + (long) LEAF_ENTRY_SIZE * index, leafPage);
    }
}
