package io.turso4j.storage.format;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;

/**
 * The 32-byte header at the start of a WAL file. See <a
 * href="https://www.sqlite.org/fileformat2.html#wal_file_format">fileformat2, "WAL File
 * Format"</a>. All fields are big-endian.
 *
 * <pre>
 * offset size field                                          constant
 *   0     4   magic: 0x377f0682 (checksum words little-endian) MAGIC_OFFSET
 *             or 0x377f0683 (big-endian)
 *   4     4   file format version, 3007000                    VERSION_OFFSET
 *   8     4   database page size (65536 stored as is)         PAGE_SIZE_OFFSET
 *  12     4   checkpoint sequence number                      CHECKPOINT_SEQUENCE_OFFSET
 *  16     4   salt-1: incremented at each WAL restart         SALT1_OFFSET
 *  20     4   salt-2: a fresh random value at each restart    SALT2_OFFSET
 *  24     4   checksum-1 over bytes 0..23                     CHECKSUM1_OFFSET
 *  28     4   checksum-2                                      CHECKSUM2_OFFSET
 * </pre>
 *
 * <p>A header that fails {@link #decode}'s checks or {@link #checksumValid()} means the WAL
 * holds nothing usable; recovery then ignores the file, as SQLite does. An immutable value;
 * any thread.
 *
 * @param bigEndianChecksum true for magic 0x377f0683
 * @param checksum1 s0 of the stored checksum
 * @param checksum2 s1 of the stored checksum
 */
public record WalHeader(
        boolean bigEndianChecksum,
        int formatVersion,
        int pageSize,
        int checkpointSequence,
        int salt1,
        int salt2,
        int checksum1,
        int checksum2) {

    public static final int SIZE = 32;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int PAGE_SIZE_OFFSET = 8;
    public static final int CHECKPOINT_SEQUENCE_OFFSET = 12;
    public static final int SALT1_OFFSET = 16;
    public static final int SALT2_OFFSET = 20;
    public static final int CHECKSUM1_OFFSET = 24;
    public static final int CHECKSUM2_OFFSET = 28;
    /** Bytes covered by the header checksum. */
    public static final int CHECKSUMMED_SIZE = 24;

    public static final int MAGIC_LITTLE_ENDIAN = 0x377f0682;
    public static final int MAGIC_BIG_ENDIAN = 0x377f0683;
    public static final int FORMAT_VERSION = 3007000;

    /**
     * A new header with its checksum computed.
     *
     * @param bigEndianChecksum SQLite uses the machine's byte order; on x86 and ARM that is
     *     little-endian (magic 0x377f0682)
     */
    public static WalHeader create(boolean bigEndianChecksum, int pageSize, int checkpointSequence,
            int salt1, int salt2) {
        WalHeader unsigned = new WalHeader(bigEndianChecksum, FORMAT_VERSION, pageSize, checkpointSequence,
                salt1, salt2, 0, 0);
        long sum = unsigned.computeChecksum();
        return new WalHeader(bigEndianChecksum, FORMAT_VERSION, pageSize, checkpointSequence, salt1, salt2,
                WalChecksum.s0(sum), WalChecksum.s1(sum));
    }

    /**
     * Decodes the first 32 bytes of {@code s}, checking magic, version and page size (not the
     * checksum: see {@link #checksumValid()}).
     *
     * @throws CorruptDatabaseException (page 0) if the header is not a WAL header
     */
    public static WalHeader decode(MemorySegment s) {
        if (s.byteSize() < SIZE) {
            throw new CorruptDatabaseException(0, "WAL header truncated to " + s.byteSize() + " bytes");
        }
        int magic = BigEndian.i32(s, MAGIC_OFFSET);
        if (magic != MAGIC_LITTLE_ENDIAN && magic != MAGIC_BIG_ENDIAN) {
            throw new CorruptDatabaseException(0, String.format("bad WAL magic 0x%08x", magic));
        }
        int version = BigEndian.i32(s, VERSION_OFFSET);
        if (version != FORMAT_VERSION) {
            throw new CorruptDatabaseException(0, "unsupported WAL format version " + version);
        }
        int pageSize = BigEndian.i32(s, PAGE_SIZE_OFFSET);
        if (!DatabaseHeader.isValidPageSize(pageSize)) {
            throw new CorruptDatabaseException(0, "invalid WAL page size " + pageSize);
        }
        return new WalHeader(magic == MAGIC_BIG_ENDIAN, version, pageSize,
                BigEndian.i32(s, CHECKPOINT_SEQUENCE_OFFSET),
                BigEndian.i32(s, SALT1_OFFSET),
                BigEndian.i32(s, SALT2_OFFSET),
                BigEndian.i32(s, CHECKSUM1_OFFSET),
                BigEndian.i32(s, CHECKSUM2_OFFSET));
    }

    public static WalHeader decode(byte[] bytes) {
        return decode(MemorySegment.ofArray(bytes));
    }

    /** Writes all 32 bytes, the stored checksum as is. */
    public void encode(MemorySegment s) {
        BigEndian.putU32(s, MAGIC_OFFSET, magic());
        BigEndian.putU32(s, VERSION_OFFSET, formatVersion);
        BigEndian.putU32(s, PAGE_SIZE_OFFSET, pageSize);
        BigEndian.putU32(s, CHECKPOINT_SEQUENCE_OFFSET, checkpointSequence);
        BigEndian.putU32(s, SALT1_OFFSET, salt1);
        BigEndian.putU32(s, SALT2_OFFSET, salt2);
        BigEndian.putU32(s, CHECKSUM1_OFFSET, checksum1);
        BigEndian.putU32(s, CHECKSUM2_OFFSET, checksum2);
    }

    public byte[] toByteArray() {
        byte[] bytes = new byte[SIZE];
        encode(MemorySegment.ofArray(bytes));
        return bytes;
    }

    public int magic() {
        return bigEndianChecksum ? MAGIC_BIG_ENDIAN : MAGIC_LITTLE_ENDIAN;
    }

    /** The stored checksum, packed as {@link WalChecksum} packs it. */
    public long checksum() {
        return WalChecksum.pack(checksum1, checksum2);
    }

    /** The checksum the first 24 bytes call for. */
    public long computeChecksum() {
        return WalChecksum.update(0, MemorySegment.ofArray(toByteArray()), 0, CHECKSUMMED_SIZE, bigEndianChecksum);
    }

    public boolean checksumValid() {
        return computeChecksum() == checksum();
    }

    /** Bytes per frame in this WAL: the frame header plus one page. */
    public long frameSize() {
        return WalFrameHeader.SIZE + (long) pageSize;
    }

    /** Offset in the WAL file of frame {@code index} (1-based, as SQLite numbers frames). */
    public long frameOffset(long index) {
        return SIZE + (index - 1) * frameSize();
    }
}
