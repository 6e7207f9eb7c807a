package io.turso4j.storage.format;

/**
 * The lock-byte page: the page holding file offsets 1073741824..1073742335, which the OS-level
 * locks of SQLite's rollback-journal mode use and which therefore never holds data. See <a
 * href="https://www.sqlite.org/fileformat2.html#the_lock_byte_page">fileformat2, "The
 * Lock-Byte Page"</a>.
 *
 * <pre>
 * constant      value          meaning
 * PENDING_BYTE  0x40000000     first byte of the lock range (SQLite's PENDING_BYTE)
 * page number   PENDING_BYTE / page size + 1
 * </pre>
 *
 * <p>It exists only in databases larger than 1 GiB; it is never a B-tree, overflow, freelist
 * or pointer-map page, and is never on the freelist. Stateless; any thread.
 */
public final class LockBytePage {
    /** Offset of the first lock byte in the database file. */
    public static final long PENDING_BYTE = 0x40000000L;

    private LockBytePage() {}

    /** The page number of the lock-byte page for {@code pageSize}. */
    public static long pageNumber(int pageSize) {
        return PENDING_BYTE / pageSize + 1;
    }

    public static boolean is(long pageNumber, int pageSize) {
        return pageNumber == pageNumber(pageSize);
    }
}
