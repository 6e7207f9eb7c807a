package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * The 24-byte header before each page image in a WAL file. See <a
 * href="https://www.sqlite.org/fileformat2.html#wal_file_format">fileformat2, "WAL File
 * Format"</a>. All fields are big-endian.
 *
 * <pre>
 * offset size field                                             constant
 *   0     4   page number                                        PAGE_NUMBER_OFFSET
 *   4     4   commit frames: database size in pages after the    DATABASE_SIZE_OFFSET
 *             commit; all other frames: 0
 *   8     4   salt-1, copied from the WAL header                 SALT1_OFFSET
 *  12     4   salt-2, copied from the WAL header                 SALT2_OFFSET
 *  16     4   checksum-1: cumulative over the WAL so far, this   CHECKSUM1_OFFSET
 *             frame's first 8 header bytes and its page
 *  20     4   checksum-2                                         CHECKSUM2_OFFSET
 * </pre>
 *
 * <p>See {@link WalFrameChain} for which frames are valid. An immutable value; any thread.
 */
public record WalFrameHeader(
        long pageNumber, long databaseSize, int salt1, int salt2, int checksum1, int checksum2) {

    public static final int SIZE = 24;

    public static final int PAGE_NUMBER_OFFSET = 0;
    public static final int DATABASE_SIZE_OFFSET = 4;
    public static final int SALT1_OFFSET = 8;
    public static final int SALT2_OFFSET = 12;
    public static final int CHECKSUM1_OFFSET = 16;
    public static final int CHECKSUM2_OFFSET = 20;
    /** Bytes of the frame header covered by the frame checksum. */
    public static final int CHECKSUMMED_SIZE = 8;

    /** Decodes the 24 bytes at {@code offset} of {@code s}. */
    public static WalFrameHeader decode(MemorySegment s, long offset) {
        return new WalFrameHeader(
                BigEndian.u32(s, offset + PAGE_NUMBER_OFFSET),
                BigEndian.u32(s, offset + DATABASE_SIZE_OFFSET),
                BigEndian.i32(s, offset + SALT1_OFFSET),
                BigEndian.i32(s, offset + SALT2_OFFSET),
                BigEndian.i32(s, offset + CHECKSUM1_OFFSET),
                BigEndian.i32(s, offset + CHECKSUM2_OFFSET));
    }

    public void encode(MemorySegment s, long offset) {
        BigEndian.putU32(s, offset + PAGE_NUMBER_OFFSET, pageNumber);
        BigEndian.putU32(s, offset + DATABASE_SIZE_OFFSET, databaseSize);
        BigEndian.putU32(s, offset + SALT1_OFFSET, salt1);
        BigEndian.putU32(s, offset + SALT2_OFFSET, salt2);
        BigEndian.putU32(s, offset + CHECKSUM1_OFFSET, checksum1);
        BigEndian.putU32(s, offset + CHECKSUM2_OFFSET, checksum2);
    }

    /** Whether this frame ends a transaction. */
    public boolean isCommit() {
        return databaseSize != 0;
    }

    public long checksum() {
        return WalChecksum.pack(checksum1, checksum2);
    }
}
